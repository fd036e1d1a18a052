"""Position-aware centrality: a sentence matters when later sentences return to what it says,
and news puts what matters first.

This is PacSum's directed centrality (Zheng & Lapata, "Sentence Centrality Revisited for
Unsupervised Summarization", 2019) on TF-IDF vectors: a sentence gains the similarity of every
sentence after it and loses that of every sentence before it (a sentence that repeats what came
earlier is not where the news is). It is blended half and half with a lead prior, 1 / (1 + the
sentence's position). ``bench/summaries.py`` chose the weights; on the public sets it measures, it
is the only method that is not worse than lead-3 on English news (CNN/Daily Mail) and better than
every sumy method on both single-document sets. A sentence that cannot stand alone (a question,
a dangling quote, a fragment) keeps half its rating per flaw: of 750 sentences picked on CNN/Daily
Mail, 17 had such a flaw and 2 do now, for -0.06 ROUGE-2 there and +0.16 on French news.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..models import Document
from ..text.word_table import word_table
from ..text.words import LanguageKit
from .graph_summarizers import MAX_SENTENCES

#: How much a similar earlier sentence counts against a sentence (PacSum's lambda 1; lambda 2,
#: for later sentences, is 1).
EARLIER = -1.0
#: Share of the lead prior in the blend (the rest is the centrality, scaled to 0..1).
LEAD_WEIGHT = 0.5
#: What a sentence keeps of its rating for each way it cannot stand alone in a summary: a
#: question (news sub-headings ask them), a quote opened or closed in another sentence (a
#: dangling ``”``), an opening in lower case or with a closing quote (a fragment).
FLAW = 0.5
_CLOSERS = tuple("”’\"'»)")


def tfidf_similarity(document: Document, kit: LanguageKit) -> numpy.ndarray:
    """Cosine similarity of every pair of different sentences' TF-IDF vectors over content stems
    (the diagonal is left at what the words shared with other sentences give: it is not used)."""
    entries = word_table(document, kit).content()
    n = entries.count
    rows, cols, counts = entries.pairs()
    df = numpy.bincount(cols, minlength=entries.size)
    weights = counts * (numpy.log((1 + n) / (1 + df[cols])) + 1)
    norms = numpy.sqrt(numpy.bincount(rows, weights=weights**2, minlength=n))
    vectors = entries.linking(rows, cols, weights)
    vectors /= numpy.where(norms > 0, norms, 1.0)[:, None]
    similarity: numpy.ndarray = vectors @ vectors.T
    return similarity


class Position(Summarizer):
    name = "position"
    description = "Position-aware centrality (PacSum's directed centrality with a lead prior; default)"
    max_sentences = MAX_SENTENCES

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        n = len(document.sentences)
        if n == 0:
            return []
        similarity = tfidf_similarity(document, kit)
        later = numpy.triu(similarity, k=1).sum(axis=1)
        earlier = numpy.tril(similarity, k=-1).sum(axis=1)
        centrality = EARLIER * earlier + later
        span = centrality.max() - centrality.min()
        scaled = (centrality - centrality.min()) / span if span > 0 else numpy.zeros(n)
        prior = 1.0 / (1.0 + numpy.array([s.position for s in document.sentences], dtype=float))
        flaws = numpy.array([FLAW ** flaws_of(s.text) for s in document.sentences])
        return [float(v) for v in ((1 - LEAD_WEIGHT) * scaled + LEAD_WEIGHT * prior) * flaws]


def flaws_of(text: str) -> int:
    """How many ways ``text`` cannot stand alone (see :data:`FLAW`)."""
    stripped = text.strip()
    unbalanced = (
        stripped.count('"') % 2
        or stripped.count("“") != stripped.count("”")
        or stripped.count("«") != stripped.count("»")
    )
    fragment = stripped[:1].islower() or stripped.startswith(_CLOSERS)
    return int(stripped.endswith("?")) + int(bool(unbalanced)) + int(fragment)


@hookimpl
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    register(Position)
