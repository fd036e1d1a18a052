"""A topic's multi-document brief: maximal marginal relevance over its documents' summaries.

Candidates are the sentences each document's summary chose. Relevance is half the TF-IDF cosine
of a sentence with the topic's centroid and half a lead prior, 1 / (1 + its position in its
document); each pick is penalised by its similarity to sentences already picked, so the brief
does not say the same thing twice.

The centroid counts the candidates' words in every sentence of the topic's documents, not only
in the candidates: what the whole topic keeps saying (MEAD's cluster centroid), where the
candidates alone over-count what each summary happened to pick.

Both were chosen on public multi-document news (``bench/summaries.py``), ROUGE-2 against the
first-sentences baseline on DUC 2003 / MultiLing 2011 English / French: with neither, +1.9,
-3.0 and -9.6; with the lead prior, +1.1, -1.4 and -1.9 (the last two significant); with the
topic's centroid too, +1.1, +0.0 and -0.5 (none significant). MultiLing's topics are series of
reports whose first sentences fill its 250 words, so first-sentences is all the leads there.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module
from ..models import BriefSentence, DocumentBrief
from ..text.word_table import word_table
from ..text.words import language_kit

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy_module("numpy")

#: Weight of relevance against novelty (Carbonell & Goldstein's lambda).
MMR_LAMBDA = 0.7
#: Share of the lead prior in a candidate's relevance (the rest is its similarity to the topic).
LEAD_WEIGHT = 0.5
#: A candidate at least this similar to a picked sentence is a near-duplicate and never picked.
DUPLICATE_SIMILARITY = 0.8


def topic_brief(documents: Sequence[DocumentBrief], count: int, default_language: str) -> tuple[BriefSentence, ...]:
    """Up to ``count`` sentences across the topic, best first, each attributed to its document.

    Vectors are rows of a sparse matrix kept as flat numpy arrays (term ids, weights, row ids):
    each pick costs one pass over the non-zero weights, so a 3,000-candidate topic takes
    milliseconds, where comparing dictionaries pair by pair took a tenth of a second.
    """
    candidates: list[tuple[str, str]] = []
    rows: list[Counter[str]] = []
    positions: list[int] = []
    for entry in documents:
        if entry.summary is None:
            continue
        kit = language_kit(entry.document.language or default_language)
        for sentence in entry.summary.sentences:
            candidates.append((sentence.text, entry.document.id))
            rows.append(Counter(kit.content_stems(sentence.text)))
            positions.append(sentence.position)
    if not candidates or count < 1:
        return ()
    size = len(candidates)
    term_ids: dict[str, int] = {}
    terms = np.fromiter((term_ids.setdefault(t, len(term_ids)) for row in rows for t in row), dtype=np.intp)
    counts = np.fromiter((n for row in rows for n in row.values()), dtype=np.float64, count=len(terms))
    row_of = np.repeat(np.arange(size), [len(row) for row in rows])

    idf = np.log((1 + size) / (1 + np.bincount(terms, minlength=len(term_ids)))) + 1
    weights = counts * idf[terms]
    norms = np.sqrt(np.bincount(row_of, weights=weights * weights, minlength=size))
    weights /= np.where(norms > 0, norms, 1)[row_of]
    centroid = _topic_counts(documents, term_ids, default_language) * idf
    centroid /= np.linalg.norm(centroid) or 1

    def similarities(vector: np.ndarray) -> np.ndarray:
        """The cosine of every candidate with ``vector`` (dense, unit length)."""
        return np.bincount(row_of, weights=weights * vector[terms], minlength=size)

    relevance = (1 - LEAD_WEIGHT) * similarities(centroid) + LEAD_WEIGHT / (1.0 + np.array(positions, dtype=float))
    text_ids: dict[str, int] = {}
    same_text = np.array([text_ids.setdefault(text, len(text_ids)) for text, _ in candidates])
    starts = np.concatenate(([0], np.cumsum([len(row) for row in rows])))

    def likeness(best: int) -> np.ndarray:
        """The cosine of every candidate with candidate ``best``."""
        vector = np.zeros(len(term_ids))
        vector[terms[starts[best] : starts[best + 1]]] = weights[starts[best] : starts[best + 1]]
        return similarities(vector)

    def repeats(best: int, similarity: np.ndarray) -> np.ndarray:
        """A near-duplicate of the pick, or the same sentence in another document."""
        repeated: np.ndarray = (similarity >= DUPLICATE_SIMILARITY) | (same_text == same_text[best])
        return repeated

    picked = [best for best, _ in itertools.islice(marginal_relevance(relevance, likeness, repeats), count)]
    return tuple(BriefSentence(candidates[i][0], candidates[i][1], round(float(relevance[i]), 6)) for i in picked)


def marginal_relevance(
    relevance: np.ndarray,
    likeness: Callable[[int], np.ndarray],
    repeats: Callable[[int, np.ndarray], np.ndarray] | None = None,
) -> Iterator[tuple[int, float]]:
    """Candidates (by number) in the order maximal marginal relevance picks them, each with its
    score when picked: its ``relevance`` less its highest ``likeness`` (a candidate's cosine with
    every candidate) to those picked before it, weighed by :data:`MMR_LAMBDA`. ``repeats(best,
    its likeness)`` marks the candidates a pick makes never worth picking (near-duplicates)."""
    closest = np.zeros(len(relevance))  # each candidate's highest likeness to a picked one
    remaining = np.ones(len(relevance), dtype=bool)
    while remaining.any():
        score = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * closest
        best = int(np.argmax(np.where(remaining, score, -np.inf)))  # the first of equals: the earliest
        yield best, float(score[best])
        similarity = likeness(best)
        if repeats is not None:
            remaining &= ~repeats(best, similarity)
        remaining[best] = False
        closest = np.maximum(closest, similarity)


def _topic_counts(documents: Sequence[DocumentBrief], term_ids: dict[str, int], default_language: str) -> np.ndarray:
    """How often each candidate word (by number) occurs in all the documents' sentences, read
    from each document's word table (content words, stemmed, as ``content_stems`` reads them)."""
    totals = np.zeros(len(term_ids))
    for entry in documents:
        if entry.summary is None:
            continue
        table = word_table(entry.document, language_kit(entry.document.language or default_language))
        content = table.ids[~table.stop[table.ids]]
        counts = np.bincount(table.stem[content], minlength=len(table.stems))
        for stem, number in table.stem_numbers.items():
            term = term_ids.get(stem)
            if term is not None:
                totals[term] += counts[number]
    return totals
