"""SumBasic, KL-Sum, Reduction and Luhn computed here, choosing exactly what sumy's classes choose.

sumy runs the first three in Python loops over word pairs: Reduction compares every word of every
sentence pair (115 ms for 200 sentences), SumBasic and KL-Sum rescan every remaining sentence
after each pick, and KL-Sum rebuilds word counts for each (3.4 s for 200 sentences, growing with
the cube of the length). Here each document becomes one sparse list of (sentence, word, count)
entries, and each step is a few array operations over it. Luhn needs no arrays: sumy's cost is
stemming every word afresh, which the language kit's cached stemmer avoids.

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

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import ClassVar

import numpy
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..models import Document
from ..text.words import LanguageKit, words
from .graph_summarizers import MAX_SENTENCES
from .word_counts import Entries, content_words


def _by_text(document: Document, picked: Sequence[int]) -> list[float]:
    """Ratings by pick round, keyed by sentence text as sumy's dict is (a repeated sentence
    takes the rating of the round it was last picked in, numbered by distinct texts so far)."""
    rating: dict[str, float] = {}
    for index in picked:
        rating[document.sentences[index].text] = -float(len(rating))
    return [rating[s.text] for s in document.sentences]


class SumyMethod(Summarizer):
    """A sumy method computed here; ``sumy_class`` is what it reproduces (the tests compare).
    Reduction's matrix and the greedy methods' rescans grow with the square of the sentences."""

    sumy_class: ClassVar[type[AbstractSummarizer]]
    max_sentences: ClassVar[int | None] = MAX_SENTENCES


class Reduction(SumyMethod):
    name = "reduction"
    description = "Reduction: sentences most connected to the others by shared words"
    sumy_class = ReductionSummarizer

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        vocabulary: dict[str, int] = {}
        entries = Entries(content_words(document, kit, stem=True), vocabulary)
        counts = entries.dense(len(vocabulary))
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
    sumy_class = SumBasicSummarizer

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        content = content_words(document, kit, stem=True)
        vocabulary: dict[str, int] = {}
        entries = Entries(content, vocabulary)
        frequency = numpy.bincount(entries.cols, minlength=len(vocabulary)) / max(len(entries.cols), 1)
        remaining = numpy.ones(entries.count, dtype=bool)
        has_words = entries.lengths > 0
        picked: list[int] = []
        for _ in range(entries.count):
            sums = entries.row_sums(frequency[entries.cols])
            average = numpy.where(has_words, sums / numpy.where(has_words, entries.lengths, 1.0), 0.0)
            best = int(numpy.argmax(numpy.where(remaining, average, -math.inf)))
            picked.append(best)
            remaining[best] = False
            for word in content[best]:  # squared once per occurrence, as sumy does
                index = vocabulary[word]
                frequency[index] *= frequency[index]
        return _by_text(document, picked)


class KL(SumyMethod):
    name = "kl"
    description = "KL-Sum: greedily keeps the word distribution closest to the document's"
    sumy_class = KLSummarizer

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        stops = kit.stop_words
        written = [words(s.text) for s in document.sentences]
        vocabulary: dict[str, int] = {}
        entries = Entries(content_words(document, kit, stem=False), vocabulary)
        # The document's distribution: words dropped as stop words as written, then lower-cased.
        in_document = [w.lower() for ws in written for w in ws if w not in stops]
        for word in in_document:
            vocabulary.setdefault(word, len(vocabulary))
        size = len(vocabulary)
        # p(w), the document's share of each word; KL sums only over words where it is positive.
        weight = numpy.bincount([vocabulary[w] for w in in_document], minlength=size) / max(len(in_document), 1)
        log_share = numpy.log(numpy.where(weight > 0, weight, 1.0))
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
            for word in written[best]:
                summary_length += 1
                if word in vocabulary:
                    summary[vocabulary[word]] += 1
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

    Linear in the words, so no window; sumy does the same but stems every word afresh."""

    name = "luhn"
    description = "Luhn: clusters of significant (frequent, non-stop) words"
    sumy_class = LuhnSummarizer
    max_sentences = None

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        stops = kit.stop_words
        written = [words(s.text) for s in document.sentences]
        headings = [w for heading in document.headings for w in words(heading)]
        counted = Counter(kit.stem(w) for w in headings + [w for ws in written for w in ws] if w.lower() not in stops)
        significant = {stem for stem, count in counted.items() if count > 1}
        gap = LuhnSummarizer.max_gap_size
        return [float(self._best_cluster([kit.stem(w) in significant for w in ws], gap)) for ws in written]

    @staticmethod
    def _best_cluster(marks: list[bool], gap: int) -> float:
        best = 0.0
        chunk: list[bool] = []
        for mark in marks + [False] * gap:  # trailing non-significant words close the last chunk
            if chunk:
                chunk.append(mark)
                if not any(chunk[-gap:]):
                    best = max(best, _chunk_score(chunk))
                    chunk = []
            elif mark:
                chunk = [True]
        return best


def _chunk_score(chunk: list[bool]) -> float:
    """sumy's ``_get_chunk_rating``: trailing zeros dropped, significant words squared over length."""
    while chunk and not chunk[-1]:
        chunk = chunk[:-1]
    significant = sum(chunk)
    return 0.0 if significant == 1 else significant**2 / len(chunk)


@hookimpl
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    for summarizer in (Reduction, SumBasic, KL, Luhn):
        register(summarizer)
