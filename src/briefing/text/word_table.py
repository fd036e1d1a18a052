"""A document's words as arrays, read once and shared by the built-in summarizers.

Reading words is most of what a word-level method costs: the tokenizer's regular expression,
lower-casing, the stop list and the stemmer, word by word. :func:`word_table` does it once per
document and keeps the last few tables, so the summarizers that rate one document in turn (the
reading room's columns, ``briefing evaluate``'s methods) share it. Each distinct written form is
lower-cased, looked up and stemmed once; the tokens are then arrays of form numbers, and each
method's counts are a few array operations over them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module
from ..models import Document
from .words import LanguageKit, words

if TYPE_CHECKING:
    import numpy
else:
    numpy = lazy_module("numpy")

#: Documents whose tables are kept: the columns of one reading-room topic rate a handful in turn.
KEPT = 16


class Entries:
    """Sentence-by-word counts as parallel arrays (a sparse matrix in coordinate form), in each
    sentence's word order so that sums add up in the order sumy adds them. ``cols`` number the
    ``size`` words of the vocabulary."""

    def __init__(self, rows: numpy.ndarray, cols: numpy.ndarray, count: int, size: int):
        self.rows = rows
        self.cols = cols
        self.count = count
        self.size = size
        self.lengths = numpy.bincount(rows, minlength=count).astype(float)
        self.starts = numpy.concatenate(([0], numpy.cumsum(self.lengths, dtype=numpy.intp)))

    def dense(self) -> numpy.ndarray:
        """The sentence-by-word count matrix."""
        ones = numpy.ones(len(self.rows))  # float weights: bincount then counts in floats, with no int copy
        flat = numpy.bincount(self.rows * self.size + self.cols, weights=ones, minlength=self.count * self.size)
        return flat.reshape(self.count, self.size)

    def pairs(self) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """Each (sentence, word) pair once, sorted, with how often the sentence has the word."""
        unique, counts = numpy.unique(self.rows * self.size + self.cols, return_counts=True)
        return unique // self.size, unique % self.size, counts

    def linking(self, rows: numpy.ndarray, cols: numpy.ndarray, values: numpy.ndarray) -> numpy.ndarray:
        """The sentence-by-word matrix of ``values`` (one per pair of :meth:`pairs`) over only the
        words found in two sentences or more: only they link sentences, so a product of sentence
        vectors needs just their columns (most of a document's words occur once)."""
        linking = numpy.bincount(cols, minlength=self.size)[cols] > 1
        shared = numpy.unique(cols[linking])
        matrix = numpy.zeros((self.count, len(shared)))
        matrix[rows[linking], numpy.searchsorted(shared, cols[linking])] = values[linking]
        return matrix

    def row_sums(self, values: numpy.ndarray) -> numpy.ndarray:
        """For each sentence, the sum of ``values`` over its words (duplicates counted)."""
        return numpy.bincount(self.rows, weights=values, minlength=self.count)

    def words_of(self, row: int) -> numpy.ndarray:
        """The word numbers of one sentence, in its order, duplicates kept."""
        return self.cols[self.starts[row] : self.starts[row + 1]]


class WordTable:
    """One document's words: every token as the number of its written form, with what each form
    is lower-cased, stemmed and whether it is a stop word. Headings are read apart."""

    def __init__(self, document: Document, kit: LanguageKit):
        forms: dict[str, int] = {}
        number = forms.setdefault
        lengths = []
        ids: list[int] = []
        for sentence in document.sentences:
            found = words(sentence.text)
            lengths.append(len(found))
            ids.extend([number(w, len(forms)) for w in found])
        heading_ids = [number(w, len(forms)) for h in document.headings for w in words(h)]
        self.count = len(document.sentences)
        #: Per token: its written form's number and its sentence, in reading order.
        self.ids = numpy.array(ids, dtype=numpy.intp)
        self.rows = numpy.repeat(numpy.arange(self.count), lengths)
        self.lengths = numpy.array(lengths, dtype=numpy.intp)
        self.starts = numpy.concatenate(([0], numpy.cumsum(self.lengths)))
        self.heading_ids = numpy.array(heading_ids, dtype=numpy.intp)
        #: Per written form: the form, its lower-case form's number, its stem's number, whether
        #: it is a stop word lower-cased, and as written, and whether it is written in lower case.
        self.forms = list(forms)
        lowers: dict[str, int] = {}
        stems: dict[str, int] = {}
        lowered = [f.lower() for f in self.forms]
        stops = kit.stop_words
        self.lower = numpy.array([lowers.setdefault(w, len(lowers)) for w in lowered], dtype=numpy.intp)
        self.stem = numpy.array([stems.setdefault(kit.stem(w), len(stems)) for w in lowered], dtype=numpy.intp)
        self.stop = numpy.array([w in stops for w in lowered], dtype=bool)
        self.stop_as_written = numpy.array([w in stops for w in self.forms], dtype=bool)
        self.written_lower = numpy.array([f == w for f, w in zip(self.forms, lowered, strict=True)], dtype=bool)
        self.lowers = list(lowers)
        self.stems = list(stems)
        self.stem_numbers = stems

    def content(self, stem: bool = True) -> Entries:
        """Each sentence's words lower-cased, without stop words, stemmed unless ``stem`` is
        false (sumy's ``_to_words_set`` and ``_get_content_words``), numbered as the table
        numbers stems (or lower-case words), by first appearance; stop words' columns stay empty."""
        keep = ~self.stop[self.ids]
        if stem:
            return Entries(self.rows[keep], self.stem[self.ids[keep]], self.count, len(self.stems))
        return Entries(self.rows[keep], self.lower[self.ids[keep]], self.count, len(self.lowers))

    def sentence_forms(self, row: int) -> numpy.ndarray:
        """The written-form numbers of one sentence's words, in order."""
        return self.ids[self.starts[row] : self.starts[row + 1]]


_tables: OrderedDict[tuple[int, int], tuple[Document, LanguageKit, WordTable]] = OrderedDict()
_lock = threading.Lock()


def word_table(document: Document, kit: LanguageKit) -> WordTable:
    """The document's word table, read now or kept from a summarizer that rated it just before."""
    key = (id(document), id(kit))
    with _lock:
        kept = _tables.get(key)
        if kept is not None and kept[0] is document and kept[1] is kit:
            _tables.move_to_end(key)
            return kept[2]
    table = WordTable(document, kit)
    with _lock:
        _tables[key] = (document, kit, table)
        while len(_tables) > KEPT:
            _tables.popitem(last=False)
    return table
