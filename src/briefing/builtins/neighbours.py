"""Sentence graphs of long documents as sparse lists of each sentence's strongest links.

A dense graph of n sentences takes n² numbers: 3.2 GB at 20,000 sentences. Here the products of
sentence vectors are computed a block of rows at a time, through an index of which sentences
hold each word (the work is the pairs of sentences that share a word, not every pair), each
block is turned into edge weights by the method's own rule, and each sentence keeps only its
:data:`NEIGHBOURS` heaviest edges, so memory grows with n x NEIGHBOURS. Time still grows with
n², which is why the methods that use this rate at most ``max_sentences`` at once.

Plain numpy: scipy's sparse product would do the same, but nltk imports ``scipy.stats``
whenever scipy is installed, which would add a second to every start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module

if TYPE_CHECKING:
    import numpy
else:
    numpy = lazy_module("numpy")

#: Edges each sentence keeps: its strongest. Below that many edges a sentence keeps them all,
#: so on a document whose sentences have at most this many neighbours the graph is exact.
NEIGHBOURS = 100
#: A word in more than one sentence in this many is common: its column is multiplied densely.
COMMON = 50
#: Products computed at once: a block of rows times every sentence (50 rows of 20,000: 8 MB).
BLOCK_PRODUCTS = 1_000_000
#: Word-sharing pairs of sentences visited at once (each takes about 40 bytes while it is summed).
BLOCK_PAIRS = 4_000_000

#: ``weigh(products, first)``: the edge weights (0: no edge) of rows ``first`` onwards, from
#: their vectors' products with every sentence's; it may change ``products`` in place.
Weigh = Callable[["numpy.ndarray", int], "numpy.ndarray"]


class SparseRows:
    """Sentence vectors as (sentence, word, value) triples sorted by sentence.

    Products go two ways. Words held by more than one sentence in :data:`COMMON` are few (at
    most ``COMMON`` times the words of an average sentence), so their columns are kept dense
    and multiplied by BLAS. Every other word's pairs are visited through the index of which
    sentences hold it: those pairs are few, since each such word is in few sentences.
    """

    def __init__(self, rows: numpy.ndarray, cols: numpy.ndarray, values: numpy.ndarray, count: int, size: int):
        values = values.astype(float)
        self.count = count
        df = numpy.bincount(cols, minlength=size)
        common = df * COMMON > count
        words = numpy.flatnonzero(common)
        dense = common[cols]
        self.common = numpy.zeros((count, len(words)))
        self.common[rows[dense], numpy.searchsorted(words, cols[dense])] = values[dense]
        rows, cols, values = rows[~dense], cols[~dense], values[~dense]
        self.rows, self.cols, self.values, self.df = rows, cols, values, df
        self.row_starts = numpy.concatenate(([0], numpy.cumsum(numpy.bincount(rows, minlength=count))))
        by_word = numpy.argsort(cols, kind="stable")
        self.holders, self.held = rows[by_word], values[by_word]
        self.word_starts = numpy.concatenate(([0], numpy.cumsum(numpy.bincount(cols, minlength=size))))[:-1]

    def blocks(self) -> Iterator[tuple[int, int]]:
        """Consecutive row ranges whose products fit :data:`BLOCK_PRODUCTS` and :data:`BLOCK_PAIRS`."""
        pairs = numpy.concatenate(([0], numpy.cumsum(numpy.bincount(self.rows, self.df[self.cols], self.count))))
        most_rows = max(1, BLOCK_PRODUCTS // max(1, self.count))
        first = 0
        while first < self.count:
            fits = int(numpy.searchsorted(pairs, pairs[first] + BLOCK_PAIRS, side="right")) - 1
            last = min(self.count, first + most_rows, max(first + 1, fits))
            yield first, last
            first = last

    def products(self, first: int, last: int) -> numpy.ndarray:
        """Rows ``first`` to ``last`` (excluded) times every row: a dense block of dot products."""
        start, stop = self.row_starts[first], self.row_starts[last]
        cols, values = self.cols[start:stop], self.values[start:stop]
        rows = self.rows[start:stop] - first
        spans = self.df[cols]
        ends = numpy.cumsum(spans)
        offsets = numpy.arange(int(ends[-1]) if len(ends) else 0) - numpy.repeat(ends - spans, spans)
        found = numpy.repeat(self.word_starts[cols], spans) + offsets
        cells = numpy.repeat(rows, spans) * self.count + self.holders[found]
        weights = numpy.repeat(values, spans) * self.held[found]
        size = (last - first) * self.count
        rare = numpy.bincount(cells, weights=weights, minlength=size).reshape(last - first, self.count)
        products: numpy.ndarray = rare + self.common[first:last] @ self.common.T
        return products


def strongest_edges(
    vectors: SparseRows, weigh: Weigh, neighbours: int | None = None
) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Each sentence's at most ``neighbours`` heaviest edges (itself included, when ``weigh``
    gives that a weight), as parallel arrays (from, to, weight) sorted by sentence;
    ``neighbours`` is :data:`NEIGHBOURS` unless given. Which of several edges of equal weight at
    the cut is kept is numpy's ``argpartition`` choice (deterministic, not by position).
    """
    neighbours = neighbours or NEIGHBOURS
    found_rows, found_cols, found_weights = [], [], []
    for first, last in vectors.blocks():
        weights = weigh(vectors.products(first, last), first)
        if weights.shape[1] > neighbours:
            cut = numpy.argpartition(-weights, neighbours - 1, axis=1)[:, :neighbours]
            cut.sort(axis=1)
            kept = numpy.take_along_axis(weights, cut, axis=1)
        else:
            cut = numpy.broadcast_to(numpy.arange(weights.shape[1]), weights.shape)
            kept = weights
        rows, places = numpy.nonzero(kept > 0)
        found_rows.append(rows + first)
        found_cols.append(cut[rows, places])
        found_weights.append(kept[rows, places])
    if not found_rows:
        empty = numpy.zeros(0, dtype=numpy.intp)
        return empty, empty, numpy.zeros(0)
    return numpy.concatenate(found_rows), numpy.concatenate(found_cols), numpy.concatenate(found_weights)


def transposed_product(
    rows: numpy.ndarray, cols: numpy.ndarray, weights: numpy.ndarray, vector: numpy.ndarray
) -> numpy.ndarray:
    """``M.T @ vector`` for the sparse matrix M given by its edges (from, to, weight)."""
    return numpy.bincount(cols, weights=weights * vector[rows], minlength=len(vector))
