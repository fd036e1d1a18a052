"""What each method says about a case, cut to the length being compared.

A single document is summarized by each summarizer. A topic (several documents) is scored three
ways, so that the topic brief is compared with what a user could otherwise do:

- ``brief:NAME``: briefing's topic brief built from summarizer NAME's picks in each document;
- ``NAME``: summarizer NAME run over the topic's documents joined into one;
- ``thematic:NAME``: the thematic brief built with summarizer NAME, its points flattened (most
  important first, whichever theme they are under);
- ``first-sentences``: the first sentence of each document, then the second of each, and so on
  (the usual multi-document baseline).

Each summarizer rates a document once (all its sentences ranked); the length is then taken by
rank, so every length costs one rating.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import zip_longest

from ..engine.runner import Engine
from ..interfaces import Summarizer
from ..models import Document, DocumentBrief, Problem, Sentence, Summary
from ..settings import Length
from ..text.words import language_kit
from ..topics.brief import topic_brief
from ..topics.thematic import flattened, thematic_brief
from .cases import Case

FIRST_SENTENCES = "first-sentences"
BRIEF_PREFIX = "brief:"
THEMATIC_PREFIX = "thematic:"
_ALL = Length(sentences=None, ratio=1.0)


@dataclass(frozen=True)
class Budget:
    """How long a summary may be: ``sentences``, ``words``, or a ``ratio`` of the case's sentences
    (as ``--ratio`` asks of a brief); none means as many sentences as the case's first reference has."""

    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None

    def describe(self) -> str:
        if self.words:
            return f"{self.words} words"
        if self.ratio:
            return f"{self.ratio:.0%} of each case's sentences"
        return f"{self.sentences} sentences" if self.sentences else "as many sentences as the reference"


def reference_sentences(case: Case) -> int:
    """How many sentences the case's first reference has."""
    segmenter = language_kit(case.documents[0].language or "en").segmenter
    return max(1, len(segmenter.split(case.references[0].replace("\n", " "))))


def _cut(ranked: Iterator[str] | Sequence[str], budget: Budget, case: Case) -> list[str]:
    """Sentences taken best first until the budget is spent; a word budget cuts the last one."""
    if budget.ratio is not None:
        available = sum(len(document.sentences) for document in case.documents)
        return list(ranked)[: Length(sentences=None, ratio=budget.ratio).count(available)]
    if budget.words is None:
        return list(ranked)[: budget.sentences or reference_sentences(case)]
    taken: list[str] = []
    left = budget.words
    for text in ranked:
        if left <= 0:
            break
        tokens = text.split()
        taken.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return taken


def _in_document_order(summary: Summary, budget: Budget, case: Case) -> list[str]:
    """A rated summary's sentences cut by rank, then read in document order (as a summary is shown)."""
    by_rank = sorted(summary.sentences, key=lambda s: s.rank)
    kept = zip(by_rank, _cut([s.text for s in by_rank], budget, case), strict=False)  # text as cut
    return [text for _, text in sorted(kept, key=lambda pair: pair[0].position)]


def joined(documents: Sequence[Document]) -> Document:
    """A topic's documents as one document, their sentences one after another."""
    sentences: list[Sentence] = []
    paragraphs = 0
    for document in documents:
        for sentence in document.sentences:
            sentences.append(Sentence(sentence.text, paragraphs + sentence.paragraph, len(sentences)))
        paragraphs += 1 + max((s.paragraph for s in document.sentences), default=0)
    first = documents[0]
    return replace(first, id=f"{first.id}+{len(documents) - 1}", sentences=tuple(sentences), headings=())


class Systems:
    """The text each method gives for a case; summarizer failures are collected in ``problems``."""

    def __init__(self, engine: Engine, budget: Budget, candidates: Length | None = None):
        self.engine, self.budget = engine, budget
        self.candidates = candidates or engine.settings.length
        self.problems: list[Problem] = []
        self._summarizers: dict[str, Summarizer] = {}

    def _rated(self, document: Document, name: str, length: Length = _ALL) -> Summary | None:
        summarizer = self._summarizers.get(name)
        if summarizer is None:
            summarizer = self._summarizers[name] = self.engine.plugins.create("summarizer", name)
        summary, failed = self.engine.summaries.one(document, summarizer, length)
        self.problems.extend(failed)
        return summary

    def text(self, case: Case, method: str) -> list[str] | None:
        """The method's sentences for ``case``, or ``None`` when it failed."""
        if method == FIRST_SENTENCES:
            rounds = zip_longest(*(d.sentences for d in case.documents))
            return _cut((s.text for row in rounds for s in row if s is not None), self.budget, case)
        if method.startswith(BRIEF_PREFIX):
            return self._brief(case, method.removeprefix(BRIEF_PREFIX))
        if method.startswith(THEMATIC_PREFIX):
            return self._thematic(case, method.removeprefix(THEMATIC_PREFIX))
        document = case.documents[0] if not case.topic else joined(case.documents)
        summary = self._rated(document, method)
        return None if summary is None else _in_document_order(summary, self.budget, case)

    def _entries(self, case: Case, name: str) -> list[DocumentBrief] | None:
        """Each document of a topic with summarizer NAME's picks, or ``None`` when it failed on all."""
        entries = [DocumentBrief(d, self._rated(d, name, self.candidates)) for d in case.documents]
        return None if all(entry.summary is None for entry in entries) else entries

    def _thematic(self, case: Case, name: str) -> list[str] | None:
        entries = self._entries(case, name)
        if entries is None:
            return None
        themes = thematic_brief(entries, self.engine.settings.language)
        return _cut([p.text for p in flattened(themes)], self.budget, case)

    def _brief(self, case: Case, name: str) -> list[str] | None:
        entries = self._entries(case, name)
        if entries is None:
            return None
        picked = topic_brief(entries, sum(len(d.sentences) for d in case.documents), self.engine.settings.language)
        return _cut([s.text for s in picked], self.budget, case)


def methods_for(case: Case, summarizers: Sequence[str]) -> list[str]:
    """The methods a case is scored with: summarizers alone, or for a topic also the brief and
    the first-sentences baseline."""
    if not case.topic:
        return list(summarizers)
    return (
        [f"{BRIEF_PREFIX}{name}" for name in summarizers]
        + [f"{THEMATIC_PREFIX}{name}" for name in summarizers]
        + list(summarizers)
        + [FIRST_SENTENCES]
    )
