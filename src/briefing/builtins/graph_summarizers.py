"""LexRank and TextRank with numpy matrices instead of sumy's pure-Python loops.

sumy builds the sentence-similarity matrix one pair at a time in Python, which dominates the time
of a briefing run. These build the same matrices with array operations and then run sumy's own
power method on them, so they choose the same sentences as sumy's classes (tested), much faster.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..models import Document
from ..text.words import LanguageKit


def _stems(document: Document, kit: LanguageKit) -> list[list[str]]:
    """Each sentence's stems without stop words, duplicates kept (as sumy's ``_to_words_set``)."""
    stops = kit.stop_words
    return [[kit.stem(w) for w in kit.words(s.text) if w.lower() not in stops] for s in document.sentences]


def _counts(sentences: Sequence[Sequence[str]]) -> numpy.ndarray:
    """Sentence-by-term count matrix."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, stems in enumerate(sentences):
        for stem in stems:
            rows.append(row)
            cols.append(vocabulary.setdefault(stem, len(vocabulary)))
    counts = numpy.zeros((len(sentences), len(vocabulary)))
    numpy.add.at(counts, (rows, cols), 1.0)
    return counts


def _finite(scores: numpy.ndarray) -> list[float]:
    return [float(s) if math.isfinite(s) else 0.0 for s in scores]


class LexRank(Summarizer):
    name = "lexrank"
    description = "LexRank: sentence centrality in a TF-IDF similarity graph (default)"
    sumy_class = LexRankSummarizer

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        counts = _counts(_stems(document, kit))
        n = len(counts)
        max_tf = counts.max(axis=1, keepdims=True) if counts.size else numpy.ones((n, 1))
        tf = counts / numpy.where(max_tf > 0, max_tf, 1.0)
        idf = numpy.log(n / (1.0 + (counts > 0).sum(axis=0)))
        weights = tf * idf
        norms = numpy.sqrt((weights**2).sum(axis=1))
        with numpy.errstate(invalid="ignore", divide="ignore"):
            cosine = (weights @ weights.T) / numpy.outer(norms, norms)
        cosine[~numpy.isfinite(cosine)] = 0.0
        cosine[(norms == 0)[:, None] | (norms == 0)[None, :]] = 0.0
        matrix = (cosine > LexRankSummarizer.threshold).astype(float)
        degrees = matrix.sum(axis=1)
        matrix /= numpy.where(degrees == 0, 1.0, degrees)[:, None]
        with numpy.errstate(invalid="ignore", divide="ignore"):
            return _finite(LexRankSummarizer.power_method(matrix, LexRankSummarizer.epsilon))


class TextRank(Summarizer):
    name = "textrank"
    description = "TextRank: PageRank over word-overlap similarity between sentences"
    sumy_class = TextRankSummarizer

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        counts = _counts(_stems(document, kit))
        n = len(counts)
        overlap = counts @ counts.T  # sum of words2.count(w) over w in words1: exact in floats
        lengths = counts.sum(axis=1)
        with numpy.errstate(divide="ignore"):
            logs = numpy.log(lengths)
        norm = logs[:, None] + logs[None, :]
        single = numpy.isclose(norm, 0.0)
        with numpy.errstate(invalid="ignore", divide="ignore"):
            weights = numpy.where(overlap == 0, 0.0, numpy.where(single, overlap, overlap / norm))
        weights /= weights.sum(axis=1)[:, None] + TextRankSummarizer._ZERO_DIVISION_PREVENTION
        damping = TextRankSummarizer.damping
        matrix = numpy.full((n, n), (1.0 - damping) / n) + damping * weights
        return _finite(TextRankSummarizer.power_method(matrix, TextRankSummarizer.epsilon))


@hookimpl
def register_summarizers(register):
    register(LexRank)
    register(TextRank)
