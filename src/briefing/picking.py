"""Choosing a summary from a summarizer's ratings: length, ranks, document order."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from .interfaces import Summarizer
from .models import Document, ScoredSentence, Summary
from .settings import Length
from .text.words import LanguageKit


class SummarizerError(Exception):
    """A summarizer broke its contract (wrong number of scores, a score that is not finite)."""


def select(name: str, document: Document, scores: Sequence[float], length: Length) -> Summary:
    """The best ``length`` sentences by score, in document order, each with its score and rank."""
    sentences = document.sentences
    if len(scores) != len(sentences):
        raise SummarizerError(f"gave {len(scores)} scores for {len(sentences)} sentences")
    values = [float(s) for s in scores]
    if not all(math.isfinite(v) for v in values):
        raise SummarizerError("gave a score that is not a finite number")
    ranked = sorted(range(len(values)), key=lambda i: (-values[i], i))[: length.count(len(values))]
    rank = {index: place for place, index in enumerate(ranked, start=1)}
    chosen = tuple(
        ScoredSentence(s.text, s.paragraph, s.position, values[i], rank[i])
        for i, s in enumerate(sentences)
        if i in rank
    )
    return Summary(name, chosen)


def windowed(summarizer: Summarizer, sentences: int) -> bool:
    """Whether ``summarizer`` rates a document of ``sentences`` sentences in windows."""
    limit = summarizer.max_sentences
    return limit is not None and 0 < limit < sentences


def windows(summarizer: Summarizer, document: Document) -> list[Document]:
    """The document as its summarizer rates it: whole, or in consecutive windows of at most
    ``summarizer.max_sentences`` sentences (see :attr:`Summarizer.max_sentences`)."""
    limit = summarizer.max_sentences
    sentences = document.sentences
    if limit is None or not windowed(summarizer, len(sentences)):
        return [document]
    return [replace(document, sentences=sentences[start : start + limit]) for start in range(0, len(sentences), limit)]


def summarize(
    summarizer: Summarizer,
    document: Document,
    kit: LanguageKit,
    length: Length,
    call: Callable[..., Sequence[float]] | None = None,
) -> Summary:
    """The summary of ``document``; ``call(rate, window, kit)``, when given, runs each rating (the
    engine's time limit applies to each window of a long document, not to all of them at once)."""
    scores: list[float] = []
    for window in windows(summarizer, document):
        rated = list(call(summarizer.rate, window, kit) if call else summarizer.rate(window, kit))
        if len(rated) != len(window.sentences):
            raise SummarizerError(f"gave {len(rated)} scores for {len(window.sentences)} sentences")
        scores.extend(rated)
    return select(summarizer.name, document, scores, length)
