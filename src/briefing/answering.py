"""Answers to a question from the sources themselves: the sentences that answer it best, each
with where it comes from. Extractive and offline: no model, nothing downloaded.

Sentences are ranked by Okapi BM25 over content stems (each document read with its own
language's stemmer and stop words; the question with each of them), grown by a lead prior (a
document's first sentences answer most often) and by a share of their document's score (a
sentence in the document that is about the question is likelier to answer it), then by whether
they carry what the question asks for: a question of amount ("how much", "how many", "wie viel", "combien")
prefers a sentence with money, a share or a count; one of time ("when", "what year", "wann",
"quand") a date; one of person ("who", "wer", "qui") a name. A sentence answers only if it holds
at least :data:`ENOUGH` of the question's weight (its content words, by IDF): "nothing in these
sources answers that" beats a sentence that shares one common word with the question.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lazy_import import lazy_module
from .models import Document
from .settings import ANSWERS
from .text.facts import figures
from .text.standalone import bounded
from .text.word_table import WordTable
from .text.words import LanguageKit, language_kit

if TYPE_CHECKING:
    import numpy
else:
    numpy = lazy_module("numpy")

#: BM25's term-frequency saturation and length normalisation (the usual values).
K1 = 1.2
B = 0.75
#: The share of the question's IDF weight a sentence must hold to answer it.
ENOUGH = 0.5
#: An answer scores at least this share of the best answer's score: a sentence that shares only
#: the question's rarest word is no second answer.
CLOSE_TO_BEST = 0.5
#: A sentence's lead prior: its score grows by this share over (1 + its position in its document).
LEAD_PRIOR = 0.5
#: The share of its document's score (the sum of its sentences') a sentence adds to its own.
CONTEXT_WEIGHT = 0.1
#: How much a sentence that carries what the question asks for gains.
TYPE_BONUS = 0.25
_AMOUNT = re.compile(
    r"\b(?:how (?:much|many|big|large|long|far|high|old)|what (?:percentage|share|amount|proportion|number)|"
    r"wie (?:viel|viele|hoch|groß|lange)|combien|cuánto|cuántos|cuántas)\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b(?:when|what (?:year|date|day|month)|wann|quand|cuándo)\b", re.IGNORECASE)
_PERSON = re.compile(r"\b(?:who|whom|whose|wer|wem|wen|qui|quién)\b", re.IGNORECASE)
_NAME_INSIDE = re.compile(r"(?<=\S\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)+")


@dataclass(frozen=True)
class Answer:
    """A sentence that answers a question: its text as shown, the document it is from and where
    in it (``position``), and its score (higher answers better)."""

    text: str
    document: Document
    position: int
    score: float


def asks_for(question: str) -> str:
    """What a question asks for: ``"amount"``, ``"time"``, ``"person"`` or ``""``."""
    for kind, pattern in (("amount", _AMOUNT), ("time", _TIME), ("person", _PERSON)):
        if pattern.search(question):
            return kind
    return ""


def carries(text: str, kind: str) -> bool:
    """Whether a sentence carries what a question of ``kind`` asks for."""
    if kind == "amount":
        return bool(figures(text).measures)
    if kind == "time":
        return bool(figures(text).dates)
    if kind == "person":
        return bool(_NAME_INSIDE.search(text))
    return False


@dataclass(frozen=True)
class Terms:
    """One document's sentences as content stems: ``stems`` names the columns; each entry is a
    sentence (``rows``), a stem (``cols``) and how often the sentence has it (``counts``). Plain
    arrays, so the engine can keep them in its cache and an index is built by joining them."""

    stems: tuple[str, ...]
    rows: numpy.ndarray
    cols: numpy.ndarray
    counts: numpy.ndarray


def terms_of(document: Document, kit: LanguageKit) -> Terms:
    """A document's sentence-by-stem counts, read from its word table (each form stemmed once)."""
    table = WordTable(document, kit)
    entries = table.content()
    pairs, counts = numpy.unique(entries.rows * max(entries.size, 1) + entries.cols, return_counts=True)
    return Terms(tuple(table.stems), pairs // max(entries.size, 1), pairs % max(entries.size, 1), counts)


class AnswerIndex:
    """Every sentence of a set of documents as BM25 postings, built once and asked many times.

    ``terms`` gives a document's :class:`Terms` (the engine passes one that reads its cache)."""

    def __init__(
        self,
        documents: Iterable[Document],
        default_language: str = "en",
        terms: Callable[[Document, LanguageKit], Terms] = terms_of,
    ):
        self.sentences: list[tuple[Document, int, str]] = []
        self.languages: set[str] = set()
        stem_ids: dict[str, int] = {}
        rows, cols, counts = [], [], []
        for document in documents:
            language = document.language or default_language
            self.languages.add(language)
            found = terms(document, language_kit(language))
            columns = numpy.array([stem_ids.setdefault(s, len(stem_ids)) for s in found.stems], dtype=numpy.intp)
            rows.append(found.rows + len(self.sentences))
            cols.append(columns[found.cols] if len(found.cols) else found.cols)
            counts.append(found.counts)
            self.sentences.extend((document, s.position, s.text) for s in document.sentences)
        self.stem_ids = stem_ids
        size = len(self.sentences)
        row = numpy.concatenate(rows) if rows else numpy.zeros(0, dtype=numpy.intp)
        col = numpy.concatenate(cols) if cols else numpy.zeros(0, dtype=numpy.intp)
        count = numpy.concatenate(counts).astype(float) if counts else numpy.zeros(0)
        self.lengths = numpy.bincount(row, weights=count, minlength=size)
        order = numpy.argsort(col, kind="stable")  # postings: entries grouped by stem
        self.rows, self.counts = row[order], count[order]
        self.starts = numpy.concatenate(([0], numpy.cumsum(numpy.bincount(col, minlength=len(stem_ids)))))
        frequency = numpy.diff(self.starts)
        self.idf = numpy.log(1 + (size - frequency + 0.5) / (frequency + 0.5))
        self.average = float(self.lengths.mean()) if size else 0.0

    def question_stems(self, question: str) -> list[set[str]]:
        """The question's content stems as each language the documents are in reads them."""
        return [set(language_kit(language).content_stems(question)) for language in sorted(self.languages or {"en"})]

    def bm25(self, stems: Iterable[str]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Every sentence's Okapi BM25 score for ``stems``, and the IDF weight of the stems it holds."""
        size = len(self.sentences)
        scores, held = numpy.zeros(size), numpy.zeros(size)
        norm = K1 * (1 - B + B * self.lengths / (self.average or 1))
        for stem in stems:
            column = self.stem_ids.get(stem)
            if column is None:
                continue
            rows = self.rows[self.starts[column] : self.starts[column + 1]]
            count = self.counts[self.starts[column] : self.starts[column + 1]]
            idf = self.idf[column]
            scores[rows] += idf * count * (K1 + 1) / (count + norm[rows])
            held[rows] += idf
        return scores, held

    def ask(self, question: str, limit: int = ANSWERS) -> list[Answer]:
        """The best ``limit`` sentences that answer ``question``; none when nothing does."""
        kind = asks_for(question)
        rarest = math.log(1 + (len(self.sentences) + 0.5) / 0.5)  # the weight of a word no sentence has
        best: dict[int, float] = {}
        for stems in self.question_stems(question):
            weight = sum(float(self.idf[self.stem_ids[s]]) if s in self.stem_ids else rarest for s in stems)
            scores, held = self.bm25(stems)
            matched = numpy.flatnonzero(scores)
            context: dict[int, float] = {}  # each document's score: the sum of its sentences'
            for number in matched:
                document = id(self.sentences[number][0])
                context[document] = context.get(document, 0.0) + float(scores[number])
            for number in matched[held[matched] >= ENOUGH * weight]:
                document, position, text = self.sentences[number]
                score = (
                    float(scores[number]) * (1 + LEAD_PRIOR / (1 + position)) + CONTEXT_WEIGHT * context[id(document)]
                )
                if kind and carries(text, kind):
                    score *= 1 + TYPE_BONUS
                best[int(number)] = max(score, best.get(int(number), 0.0))
        ranked = sorted(((score, number) for number, score in best.items()), key=lambda pair: (-pair[0], pair[1]))
        close = [(score, number) for score, number in ranked if score >= CLOSE_TO_BEST * ranked[0][0]]
        return [self._answer(number, score) for score, number in close[:limit]]

    def _answer(self, number: int, score: float) -> Answer:
        document, position, text = self.sentences[number]
        return Answer(bounded(text), document, position, round(score, 4))
