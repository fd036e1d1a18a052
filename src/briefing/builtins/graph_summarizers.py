"""LexRank, TextRank and LSA without sumy's cell-by-cell Python loops.

sumy builds its matrices (sentence similarity, term by sentence) one cell at a time in Python,
which dominates the time of a briefing run. LexRank and TextRank build the same matrices with
numpy and run sumy's power method on them; LSA needs no matrix at all (see :class:`Lsa`). All
three choose the same sentences as sumy's classes (tested, ties aside), much faster.

Above :data:`DENSE_SENTENCES` sentences, LexRank and TextRank keep each sentence's strongest
:data:`~briefing.builtins.neighbours.NEIGHBOURS` edges instead of the whole matrix, so memory
grows with the sentences, not with their square; past :data:`MAX_SENTENCES` they rate a
document in windows, because the time to find the edges still grows with the square.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..lazy_import import lazy_module
from ..models import Document
from ..text.word_table import Entries, word_table
from ..text.words import LanguageKit
from .neighbours import SparseRows, strongest_edges, transposed_product

if TYPE_CHECKING:
    import numpy
else:
    numpy = lazy_module("numpy")

#: Sentences up to which LexRank and TextRank build the whole sentence-by-sentence matrix, as
#: sumy does (two 2,000 x 2,000 matrices take 64 MB), and the window of the built-ins that have
#: only a dense form (a 50 MB file's 650,000 sentences at once would take terabytes).
DENSE_SENTENCES = 2000
#: Sentences LexRank and TextRank rate at once with sparse graphs: 20,000 take about a minute.
MAX_SENTENCES = 20_000

#: sumy's settings for LexRank (an edge where cosine similarity is above ``LEXRANK_THRESHOLD``)
#: and TextRank, and where their power methods stop (tests check them against sumy's classes).
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
TEXTRANK_DAMPING = 0.85
TEXTRANK_EPSILON = 1e-4
TEXTRANK_ZERO_DIVISION_PREVENTION = 1e-7


#: ``step(p)``: the transposed matrix times ``p`` (a dense product, or a sparse graph's).
Step = Callable[["numpy.ndarray"], "numpy.ndarray"]


def lexrank_power_method(step: Step, n: int, epsilon: float) -> numpy.ndarray:
    """sumy's ``LexRankSummarizer.power_method``, step for step: the vector normalised each round."""
    p_vector = numpy.array([1.0 / n] * n)
    change = 1.0
    while change > epsilon:
        next_p = step(p_vector)
        next_p /= numpy.linalg.norm(next_p)
        change = float(numpy.linalg.norm(numpy.subtract(next_p, p_vector)))
        p_vector = next_p
    return p_vector


def textrank_power_method(step: Step, n: int, epsilon: float) -> numpy.ndarray:
    """sumy's ``TextRankSummarizer.power_method``, step for step (no normalising)."""
    p_vector = numpy.array([1.0 / n] * n)
    change = 1.0
    while change > epsilon:
        next_p = step(p_vector)
        change = float(numpy.linalg.norm(numpy.subtract(next_p, p_vector)))
        p_vector = next_p
    return p_vector


def _finite(scores: numpy.ndarray) -> list[float]:
    return [float(s) if math.isfinite(s) else 0.0 for s in scores]


class LexRank(Summarizer):
    name = "lexrank"
    description = "LexRank: sentence centrality in a TF-IDF similarity graph"
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
        if n > DENSE_SENTENCES:
            step = self._sparse_step(rows, cols, weights, norms, entries.size)
        else:
            step = self._dense_step(entries, rows, cols, weights, norms)
        with numpy.errstate(invalid="ignore", divide="ignore"):
            return _finite(lexrank_power_method(step, n, LEXRANK_EPSILON))

    @staticmethod
    def _dense_step(
        entries: Entries, rows: numpy.ndarray, cols: numpy.ndarray, weights: numpy.ndarray, norms: numpy.ndarray
    ) -> Step:
        """sumy's matrix: an edge wherever the cosine is above the threshold, rows normalised."""
        dense = entries.linking(rows, cols, weights)  # each sentence is similar to itself: set below
        with numpy.errstate(invalid="ignore", divide="ignore"):
            cosine = (dense @ dense.T) / numpy.outer(norms, norms)
        cosine[~numpy.isfinite(cosine)] = 0.0
        cosine[(norms == 0)[:, None] | (norms == 0)[None, :]] = 0.0
        numpy.fill_diagonal(cosine, (norms > 0).astype(float))
        matrix = (cosine > LEXRANK_THRESHOLD).astype(float)
        degrees = matrix.sum(axis=1)
        matrix /= numpy.where(degrees == 0, 1.0, degrees)[:, None]
        transposed = matrix.T
        return lambda p: numpy.dot(transposed, p)

    @staticmethod
    def _sparse_step(
        rows: numpy.ndarray, cols: numpy.ndarray, weights: numpy.ndarray, norms: numpy.ndarray, size: int
    ) -> Step:
        """The same graph with each sentence's most similar neighbours only (see :mod:`.neighbours`)."""
        vectors = SparseRows(rows, cols, weights / numpy.where(norms > 0, norms, 1.0)[rows], len(norms), size)

        def weigh(cosine: numpy.ndarray, first: int) -> numpy.ndarray:
            # A sentence's cosine with itself is 1 (an edge), or 0 when it has no content words,
            # as sumy sets its matrix's diagonal.
            return numpy.where(cosine > LEXRANK_THRESHOLD, cosine, 0.0)

        edges_from, edges_to, _ = strongest_edges(vectors, weigh)
        degrees = numpy.bincount(edges_from, minlength=len(norms)).astype(float)
        shares = 1.0 / degrees[edges_from]
        return lambda p: transposed_product(edges_from, edges_to, shares, p)


class TextRank(Summarizer):
    name = "textrank"
    description = "TextRank: PageRank over word-overlap similarity between sentences"
    max_sentences = MAX_SENTENCES

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        entries = word_table(document, kit).content()
        n = entries.count
        with numpy.errstate(divide="ignore"):
            logs = numpy.log(entries.lengths)  # each sentence's content words, log (-inf: none)
        if n > DENSE_SENTENCES:
            step = self._sparse_step(entries, logs)
        else:
            step = self._dense_step(entries.dense(), logs)
        return _finite(textrank_power_method(step, n, TEXTRANK_EPSILON))

    @staticmethod
    def _edge_weights(overlap: numpy.ndarray, first_logs: numpy.ndarray, logs: numpy.ndarray) -> numpy.ndarray:
        """sumy's edge weight: shared words over the sum of the two sentences' log lengths, or the
        shared words alone when both sentences have one word (the sum is 0; sumy asks
        ``isclose(norm, 0)``, and a sum of logs of whole lengths is 0 or at least log 2). A
        sentence without words (log -inf) shares nothing."""
        norm = first_logs[:, None] + logs[None, :]
        weights: numpy.ndarray = overlap / numpy.where(norm > 0, norm, 1.0)
        return weights

    @classmethod
    def _dense_step(cls, counts: numpy.ndarray, logs: numpy.ndarray) -> Step:
        """sumy's matrix: every pair of sentences, rows normalised, damped towards uniform."""
        n = len(counts)
        overlap = counts @ counts.T  # sum of words2.count(w) over w in words1: exact in floats
        weights = cls._edge_weights(overlap, logs, logs)
        weights /= weights.sum(axis=1)[:, None] + TEXTRANK_ZERO_DIVISION_PREVENTION
        damping = TEXTRANK_DAMPING
        matrix = numpy.full((n, n), (1.0 - damping) / n) + damping * weights
        transposed = matrix.T
        return lambda p: numpy.dot(transposed, p)

    @classmethod
    def _sparse_step(cls, entries: Entries, logs: numpy.ndarray) -> Step:
        """The same walk over each sentence's heaviest edges only (see :mod:`.neighbours`); the
        damping's uniform part needs no matrix."""
        n = entries.count
        rows, cols, counts = entries.pairs()
        vectors = SparseRows(rows, cols, counts, n, entries.size)

        def weigh(overlap: numpy.ndarray, first: int) -> numpy.ndarray:
            return cls._edge_weights(overlap, logs[first : first + len(overlap)], logs)

        edges_from, edges_to, weights = strongest_edges(vectors, weigh)
        sums = numpy.bincount(edges_from, weights=weights, minlength=n)
        weights = weights / (sums[edges_from] + TEXTRANK_ZERO_DIVISION_PREVENTION)
        damping = TEXTRANK_DAMPING
        return lambda p: (1.0 - damping) / n * p.sum() + damping * transposed_product(edges_from, edges_to, weights, p)


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
