"""SumBasic, KL-Sum, Reduction and Luhn computed here, choosing exactly what sumy's classes choose.

sumy runs the first three in Python loops over word pairs: Reduction compares every word of every
sentence pair (115 ms for 200 sentences), SumBasic and KL-Sum rescan every remaining sentence
after each pick, and KL-Sum rebuilds word counts for each (3.4 s for 200 sentences, growing with
the cube of the length). Here each document becomes one sparse list of (sentence, word, count)
entries, and each step is a few array operations over it; Luhn's clusters are found with array
operations too (sumy walks every word in Python, stemming it afresh).

The rules are sumy's to the letter, quirks included, so the picks are the same (tested against
sumy's classes, ties too):

* Reduction and SumBasic read a sentence's words lower-cased, without stop words, stemmed; KL-Sum
  lower-cases without stemming, and counts a word for the document before dropping stop words
  (so a capitalised "The" counts) and a summary sentence with all its words as written.
* SumBasic and KL-Sum rate a sentence by the round it was picked in (0, -1, -2, ...); sumy keys
  ratings by sentence text, so a sentence that occurs twice shares one rating, as here.
* Ties go to the earlier sentence.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..lazy_import import lazy_module
from ..models import Document
from ..text.word_table import Entries, word_table
from ..text.words import LanguageKit
from .graph_summarizers import DENSE_SENTENCES

if TYPE_CHECKING:
    import numpy
else:
    numpy = lazy_module("numpy")

#: sumy's ``LuhnSummarizer.max_gap_size``: insignificant words that end a cluster.
LUHN_MAX_GAP = 4


def _by_text(document: Document, picked: Sequence[int]) -> list[float]:
    """Ratings by pick round, keyed by sentence text as sumy's dict is (a repeated sentence
    takes the rating of the round it was last picked in, numbered by distinct texts so far)."""
    rating: dict[str, float] = {}
    for index in picked:
        rating[document.sentences[index].text] = -float(len(rating))
    return [rating[s.text] for s in document.sentences]


class SumyMethod(Summarizer):
    """A sumy method computed here (``tests/sumy_parity.py`` names the sumy class each reproduces,
    and the tests compare their picks). Reduction's matrix and the greedy methods' rescans grow
    with the square of the sentences."""

    max_sentences: ClassVar[int | None] = DENSE_SENTENCES


class Reduction(SumyMethod):
    name = "reduction"
    description = "Reduction: sentences most connected to the others by shared words"

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        entries = word_table(document, kit).content()
        counts = entries.dense()
        # Shared words of two sentences, duplicates multiplied (sumy compares every word pair).
        shared = counts @ counts.T
        # math.log, as sumy: numpy's log may differ in the last bit, and so would the picks.
        logs = numpy.array([math.log(n) if n > 0 else -math.inf for n in entries.lengths])
        norm = logs[:, None] + logs[None, :]
        with numpy.errstate(divide="ignore", invalid="ignore"):
            edges = numpy.where((shared > 0) & (norm != 0), shared / norm, 0.0)
        numpy.fill_diagonal(edges, 0.0)
        # sumy adds each sentence's edges one by one, in sentence order (cumsum adds in order;
        # sum would add pairwise and round differently), to a dict keyed by sentence text.
        totals: dict[str, float] = {}
        for sentence, total in zip(document.sentences, edges.cumsum(axis=1)[:, -1], strict=True):
            totals[sentence.text] = totals.get(sentence.text, 0.0) + float(total)
        return [totals[s.text] for s in document.sentences]


class SumBasic(SumyMethod):
    name = "sumbasic"
    description = "SumBasic: frequent words, with the chosen words' weight lowered after each pick"

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        entries = word_table(document, kit).content()
        frequency = (numpy.bincount(entries.cols, minlength=entries.size) / max(len(entries.cols), 1)).tolist()
        sentences = [entries.words_of(row).tolist() for row in range(entries.count)]

        share = frequency.__getitem__

        def average(row: int) -> float:
            """sumy's rating: the sentence's word frequencies summed in its word order, over its length."""
            words = sentences[row]
            return sum(map(share, words)) / len(words) if words else 0.0

        # Frequencies only fall (a share squared is smaller), so a rating once computed bounds
        # the current one from above: keep the ratings in a heap and recompute only the top
        # (lazy greedy). The top is the pick when its fresh rating still leads the heap; among
        # equal ratings the earlier sentence leads, as sumy's strict ">" scan has it.
        heap = [(-average(row), row) for row in range(entries.count)]
        heapq.heapify(heap)
        picked: list[int] = []
        while heap:
            _, row = heapq.heappop(heap)
            fresh = (-average(row), row)
            if heap and fresh > heap[0]:
                heapq.heappush(heap, fresh)
                continue
            picked.append(row)
            for index in sentences[row]:  # squared once per occurrence, as sumy does
                frequency[index] *= frequency[index]
        return _by_text(document, picked)


class KL(SumyMethod):
    name = "kl"
    description = "KL-Sum: greedily keeps the word distribution closest to the document's"

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        table = word_table(document, kit)
        entries = table.content(stem=False)
        # The document's distribution: words dropped as stop words as written, then lower-cased.
        in_document = table.lower[table.ids[~table.stop_as_written[table.ids]]]
        size = entries.size
        # p(w), the document's share of each word; KL sums only over words where it is positive.
        weight = numpy.bincount(in_document, minlength=size) / max(len(in_document), 1)
        log_share = numpy.log(numpy.where(weight > 0, weight, 1.0))
        # A summary sentence's words count as written: a form counts where it is itself a word of
        # the document's vocabulary (so only as written in lower case).
        vocabulary = numpy.zeros(size, dtype=bool)
        vocabulary[entries.cols] = True
        vocabulary[in_document] = True
        counted_as = numpy.where(table.written_lower & vocabulary[table.lower], table.lower, -1)
        # Per-entry counts: each (sentence, word) pair once, with its count.
        pairs = entries.rows * size + entries.cols
        unique, counted = numpy.unique(pairs, return_counts=True)
        rows, cols = unique // size, unique % size
        summary = numpy.zeros(size)  # the summary's words as written, counted where the document has them
        summary_length = 0
        remaining = numpy.ones(entries.count, dtype=bool)
        picked: list[int] = []
        for _ in range(entries.count):
            scores = self._divergences(rows, cols, counted, entries, summary, summary_length, weight, log_share)
            best = int(numpy.argmin(numpy.where(remaining, scores, math.inf)))
            picked.append(best)
            remaining[best] = False
            forms = table.sentence_forms(best)
            summary_length += len(forms)
            columns = counted_as[forms]
            numpy.add.at(summary, columns[columns >= 0], 1)
        return _by_text(document, picked)

    @staticmethod
    def _divergences(
        rows: numpy.ndarray,
        cols: numpy.ndarray,
        counted: numpy.ndarray,
        entries: Entries,
        summary: numpy.ndarray,
        summary_length: int,
        weight: numpy.ndarray,
        log_share: numpy.ndarray,
    ) -> numpy.ndarray:
        """KL(document || sentence + summary) for every sentence: sum over the words the pair has
        of p(w) log(p(w) / q(w)), with q the pair's joint word shares."""
        count = entries.count
        totals = entries.lengths + summary_length  # each sentence's joint length
        # An empty sentence and an empty summary have no joint words: divergence 0, as in sumy.
        log_totals = numpy.log(numpy.where(totals > 0, totals, 1.0))
        in_summary = summary > 0
        # Each word's term in the summary alone: p(w) (log p(w) - log count), the joint length apart.
        alone = numpy.zeros_like(weight)
        where = in_summary & (weight > 0)
        alone[where] = weight[where] * (log_share[where] - numpy.log(summary[where]))
        base_weight = float(weight[where].sum())
        scores = numpy.full(count, float(alone.sum())) + base_weight * log_totals
        # A sentence's own words: their joint term replaces the summary-only one.
        known = weight[cols] > 0
        r, c, n = rows[known], cols[known], counted[known]
        term = weight[c] * (log_share[c] - numpy.log(n + summary[c])) - alone[c]
        extra_weight = numpy.where(in_summary[c], 0.0, weight[c])
        scores += numpy.bincount(r, weights=term, minlength=count)
        scores += numpy.bincount(r, weights=extra_weight, minlength=count) * log_totals
        return scores


class Luhn(SumyMethod):
    """Luhn's clusters of significant words, as sumy computes them: a stem is significant when it
    occurs more than once in the document (headings included, stop words not); a cluster starts
    at a significant word and ends after ``max_gap_size`` words that are not; a cluster scores
    significant words squared over its length (a lone one scores 0); a sentence, its best cluster.

    Linear in the words, so no window."""

    name = "luhn"
    description = "Luhn: clusters of significant (frequent, non-stop) words"
    max_sentences = None

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        table = word_table(document, kit)
        stems = table.stem[table.ids]
        heading_stems = table.stem[table.heading_ids]
        counted = numpy.concatenate((heading_stems[~table.stop[table.heading_ids]], stems[~table.stop[table.ids]]))
        significant = numpy.bincount(counted, minlength=len(table.stems)) > 1
        return _best_clusters(table.rows[significant[stems]], numpy.flatnonzero(significant[stems]), table.count)


def _best_clusters(rows: numpy.ndarray, positions: numpy.ndarray, count: int) -> list[float]:
    """Each sentence's best cluster, from its significant words' sentences and token positions.

    A cluster runs from a significant word to the last significant word before ``max_gap_size``
    words that are not (sumy appends words to a chunk until its last ``max_gap_size`` are all
    insignificant, then drops the trailing ones): so two significant words more than the gap
    apart, or in different sentences, are in different clusters."""
    best = numpy.zeros(count)
    if len(positions):
        gap = LUHN_MAX_GAP
        starts = numpy.flatnonzero(numpy.concatenate(([True], (numpy.diff(positions) > gap) | (numpy.diff(rows) != 0))))
        significant = numpy.diff(numpy.append(starts, len(positions)))
        ends = numpy.append(starts[1:], len(positions)) - 1
        length = positions[ends] - positions[starts] + 1
        score = numpy.where(significant == 1, 0.0, significant.astype(float) ** 2 / length)
        numpy.maximum.at(best, rows[starts], score)
    return [float(b) for b in best]


@hookimpl
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    for summarizer in (Reduction, SumBasic, KL, Luhn):
        register(summarizer)
