"""LexRank, TextRank and LSA without sumy's cell-by-cell Python loops.

sumy builds its matrices (sentence similarity, term by sentence) one cell at a time in Python,
which dominates the time of a briefing run. LexRank and TextRank build the same matrices with
numpy and run sumy's power method on them; LSA needs no matrix at all (see :class:`Lsa`). All
three choose the same sentences as sumy's classes (tested, ties aside), much faster.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..models import Document
from ..text.word_table import word_table
from ..text.words import LanguageKit
from .sumy_classes import SumyClass

#: Sentences the quadratic built-ins rate at once: two 2,000 x 2,000 matrices take 64 MB and a
#: second or so; a 50 MB file's 40,000 sentences at once would take 25 GB.
MAX_SENTENCES = 2000

#: sumy's settings for LexRank (an edge where cosine similarity is above ``LEXRANK_THRESHOLD``)
#: and TextRank, and where their power methods stop (tests check them against sumy's classes).
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
TEXTRANK_DAMPING = 0.85
TEXTRANK_EPSILON = 1e-4
TEXTRANK_ZERO_DIVISION_PREVENTION = 1e-7


def _counts(document: Document, kit: LanguageKit) -> numpy.ndarray:
    """Sentence-by-stem count matrix (stop words left out, as sumy's ``_to_words_set``)."""
    return word_table(document, kit).content().dense()


def lexrank_power_method(matrix: numpy.ndarray, epsilon: float) -> numpy.ndarray:
    """sumy's ``LexRankSummarizer.power_method``, step for step: the vector normalised each round."""
    p_vector = numpy.array([1.0 / len(matrix)] * len(matrix))
    change = 1.0
    while change > epsilon:
        next_p = numpy.dot(matrix.T, p_vector)
        next_p /= numpy.linalg.norm(next_p)
        change = float(numpy.linalg.norm(numpy.subtract(next_p, p_vector)))
        p_vector = next_p
    return p_vector


def textrank_power_method(matrix: numpy.ndarray, epsilon: float) -> numpy.ndarray:
    """sumy's ``TextRankSummarizer.power_method``, step for step (no normalising)."""
    p_vector = numpy.array([1.0 / len(matrix)] * len(matrix))
    change = 1.0
    while change > epsilon:
        next_p = numpy.dot(matrix.T, p_vector)
        change = float(numpy.linalg.norm(numpy.subtract(next_p, p_vector)))
        p_vector = next_p
    return p_vector


def _finite(scores: numpy.ndarray) -> list[float]:
    return [float(s) if math.isfinite(s) else 0.0 for s in scores]


class LexRank(Summarizer):
    name = "lexrank"
    description = "LexRank: sentence centrality in a TF-IDF similarity graph"
    sumy_class = SumyClass("sumy.summarizers.lex_rank.LexRankSummarizer")
    max_sentences = MAX_SENTENCES

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        entries = word_table(document, kit).content()
        n = entries.count
        rows, cols, counts = entries.pairs()
        max_tf = numpy.zeros(n)
        numpy.maximum.at(max_tf, rows, counts)
        df = numpy.bincount(cols, minlength=entries.size)
        idf = numpy.log(n / (1.0 + df))
        weights = counts / max_tf[rows] * idf[cols]
        norms = numpy.sqrt(numpy.bincount(rows, weights=weights**2, minlength=n))
        dense = entries.linking(rows, cols, weights)  # each sentence is similar to itself: set below
        with numpy.errstate(invalid="ignore", divide="ignore"):
            cosine = (dense @ dense.T) / numpy.outer(norms, norms)
        cosine[~numpy.isfinite(cosine)] = 0.0
        cosine[(norms == 0)[:, None] | (norms == 0)[None, :]] = 0.0
        numpy.fill_diagonal(cosine, (norms > 0).astype(float))
        matrix = (cosine > LEXRANK_THRESHOLD).astype(float)
        degrees = matrix.sum(axis=1)
        matrix /= numpy.where(degrees == 0, 1.0, degrees)[:, None]
        with numpy.errstate(invalid="ignore", divide="ignore"):
            return _finite(lexrank_power_method(matrix, LEXRANK_EPSILON))


class TextRank(Summarizer):
    name = "textrank"
    description = "TextRank: PageRank over word-overlap similarity between sentences"
    sumy_class = SumyClass("sumy.summarizers.text_rank.TextRankSummarizer")
    max_sentences = MAX_SENTENCES

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        counts = _counts(document, kit)
        n = len(counts)
        overlap = counts @ counts.T  # sum of words2.count(w) over w in words1: exact in floats
        lengths = counts.sum(axis=1)
        with numpy.errstate(divide="ignore"):
            logs = numpy.log(lengths)
        norm = logs[:, None] + logs[None, :]
        single = numpy.isclose(norm, 0.0)
        with numpy.errstate(invalid="ignore", divide="ignore"):
            weights = numpy.where(overlap == 0, 0.0, numpy.where(single, overlap, overlap / norm))
        weights /= weights.sum(axis=1)[:, None] + TEXTRANK_ZERO_DIVISION_PREVENTION
        damping = TEXTRANK_DAMPING
        matrix = numpy.full((n, n), (1.0 - damping) / n) + damping * weights
        return _finite(textrank_power_method(matrix, TEXTRANK_EPSILON))


class Lsa(Summarizer):
    """sumy's LSA, computed without the SVD.

    sumy ranks sentence j by sqrt(sum_i sigma_i^2 * v_ij^2) over the kept SVD dimensions, and with
    its reduction ratio of 1 it keeps all of them. Summed over every dimension that is exactly the
    squared length of column j of the term-sentence matrix (V Sigma^2 V^T = M^T M), so the ranks
    are the column lengths, computed here from each sentence's counts. The matrix is sumy's:
    heading words in the vocabulary, stop words counted when their stem is a content stem,
    0.4 + 0.6 * count / column maximum. Same sentences as sumy's class (tested), at a cost that
    grows with the text, not with the cube of it.
    """

    name = "lsa"
    description = "Latent semantic analysis: sentences strongest in the main topics of an SVD"
    sumy_class = SumyClass("sumy.summarizers.lsa.LsaSummarizer")

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        table = word_table(document, kit)
        stems = table.stem[table.ids]
        in_vocabulary = numpy.zeros(len(table.stems), dtype=bool)
        in_vocabulary[stems[~table.stop[table.ids]]] = True
        in_vocabulary[table.stem[table.heading_ids[~table.stop[table.heading_ids]]]] = True
        size = int(in_vocabulary.sum())
        if not size:
            return [0.0] * len(document.sentences)
        # Column j of sumy's matrix is 0.4 + 0.6 * count / peak in each of its vocabulary rows
        # (0.4 where the count is 0) when it has a vocabulary word at all, else all zeros.
        counted = in_vocabulary[stems]
        pairs, counts = numpy.unique(table.rows[counted] * len(table.stems) + stems[counted], return_counts=True)
        rows = pairs // len(table.stems)
        peak = numpy.zeros(table.count)
        numpy.maximum.at(peak, rows, counts)
        filled = numpy.bincount(rows, weights=(0.4 + 0.6 * counts / peak[rows]) ** 2, minlength=table.count)
        distinct = numpy.bincount(rows, minlength=table.count)
        ranks = numpy.sqrt(filled + 0.16 * (size - distinct))
        return [float(r) if n else 0.0 for r, n in zip(ranks, distinct, strict=True)]


@hookimpl
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    register(LexRank)
    register(TextRank)
    register(Lsa)
