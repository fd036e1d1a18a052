"""Sentences as word counts, shared by the built-in summarizers that compute sumy's methods with
numpy: each sentence's content words (as sumy reads them) and a sparse sentence-by-word count."""

from __future__ import annotations

from collections.abc import Sequence

import numpy

from ..models import Document
from ..text.words import LanguageKit, words


class Entries:
    """Sentence-by-word counts as parallel arrays (a sparse matrix in coordinate form), in each
    sentence's word order so that sums add up in the order sumy adds them."""

    def __init__(self, sentences: Sequence[Sequence[str]], vocabulary: dict[str, int]):
        rows: list[int] = []
        cols: list[int] = []
        for row, tokens in enumerate(sentences):
            for token in tokens:
                rows.append(row)
                cols.append(vocabulary.setdefault(token, len(vocabulary)))
        self.rows = numpy.array(rows, dtype=numpy.intp)
        self.cols = numpy.array(cols, dtype=numpy.intp)
        self.count = len(sentences)
        self.lengths = numpy.bincount(self.rows, minlength=self.count).astype(float)

    def dense(self, size: int) -> numpy.ndarray:
        """The sentence-by-word count matrix over a vocabulary of ``size`` words."""
        ones = numpy.ones(len(self.rows))  # float weights: bincount then counts in floats, with no int copy
        return numpy.bincount(self.rows * size + self.cols, weights=ones, minlength=self.count * size).reshape(
            self.count, size
        )

    def row_sums(self, values: numpy.ndarray) -> numpy.ndarray:
        """For each sentence, the sum of ``values`` over its words (duplicates counted)."""
        return numpy.bincount(self.rows, weights=values, minlength=self.count)


def content_words(document: Document, kit: LanguageKit, stem: bool = True) -> list[list[str]]:
    """Each sentence's words, lower-cased, without stop words, stemmed unless ``stem`` is false;
    duplicates kept (sumy's ``_to_words_set`` and ``_get_content_words``)."""
    stops = kit.stop_words
    lowered = ([w.lower() for w in words(s.text)] for s in document.sentences)
    return [[kit.stem(w) if stem else w for w in ws if w not in stops] for ws in lowered]
