"""Answers to a question from the sources themselves: the sentences that answer it best, each
with where it comes from. Extractive and offline: no model, nothing downloaded.

Sentences are ranked by Okapi BM25 over content stems (each document read with its own
language's stemmer and stop words; the question with each of them), then by whether they carry
what the question asks for: a question of amount ("how much", "how many", "wie viel", "combien")
prefers a sentence with money, a share or a count; one of time ("when", "what year", "wann",
"quand") a date; one of person ("who", "wer", "qui") a name. A sentence answers only if it holds
at least :data:`ENOUGH` of the question's weight (its content words, by IDF): "nothing in these
sources answers that" beats a sentence that shares one common word with the question.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .models import Document
from .text.facts import figures
from .text.standalone import bounded
from .text.words import language_kit

#: BM25's term-frequency saturation and length normalisation (the usual values).
K1 = 1.2
B = 0.75
#: The share of the question's IDF weight a sentence must hold to answer it.
ENOUGH = 0.5
#: An answer scores at least this share of the best answer's score: a sentence that shares only
#: the question's rarest word is no second answer.
CLOSE_TO_BEST = 0.5
#: How much a sentence that carries what the question asks for gains.
TYPE_BONUS = 0.25
#: Sentences given for a question, best first.
ANSWERS = 3

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


class AnswerIndex:
    """Every sentence of a set of documents as BM25 postings, built once and asked many times."""

    def __init__(self, documents: Iterable[Document], default_language: str = "en"):
        self.sentences: list[tuple[Document, int, str]] = []
        self.lengths: list[int] = []
        self.postings: dict[str, list[tuple[int, int]]] = {}
        self.languages: set[str] = set()
        for document in documents:
            language = document.language or default_language
            self.languages.add(language)
            kit = language_kit(language)
            for sentence in document.sentences:
                stems = Counter(kit.content_stems(sentence.text))
                number = len(self.sentences)
                self.sentences.append((document, sentence.position, sentence.text))
                self.lengths.append(sum(stems.values()))
                for stem, count in stems.items():
                    self.postings.setdefault(stem, []).append((number, count))
        size = len(self.sentences)
        self.average = (sum(self.lengths) / size) if size else 0.0
        self.idf = {stem: math.log(1 + (size - len(p) + 0.5) / (len(p) + 0.5)) for stem, p in self.postings.items()}

    def question_stems(self, question: str) -> list[set[str]]:
        """The question's content stems as each language the documents are in reads them."""
        return [set(language_kit(language).content_stems(question)) for language in sorted(self.languages or {"en"})]

    def bm25(self, stems: Iterable[str]) -> tuple[dict[int, float], dict[int, float]]:
        """Each sentence's Okapi BM25 score for ``stems``, and the IDF weight of the stems it
        holds (only sentences with one of them)."""
        scores: dict[int, float] = {}
        held: dict[int, float] = {}
        for stem in stems:
            idf = self.idf.get(stem)
            if idf is None:
                continue
            for number, count in self.postings[stem]:
                norm = K1 * (1 - B + B * self.lengths[number] / (self.average or 1))
                scores[number] = scores.get(number, 0.0) + idf * count * (K1 + 1) / (count + norm)
                held[number] = held.get(number, 0.0) + idf
        return scores, held

    def ask(self, question: str, limit: int = ANSWERS) -> list[Answer]:
        """The best ``limit`` sentences that answer ``question``; none when nothing does."""
        kind = asks_for(question)
        rarest = math.log(1 + (len(self.sentences) + 0.5) / 0.5)  # the weight of a word no sentence has
        best: dict[int, float] = {}
        for stems in self.question_stems(question):
            weight = sum(self.idf.get(stem, rarest) for stem in stems)
            scores, held = self.bm25(stems)
            for number, score in scores.items():
                if held[number] / weight < ENOUGH:
                    continue
                if kind and carries(self.sentences[number][2], kind):
                    score *= 1 + TYPE_BONUS
                best[number] = max(score, best.get(number, 0.0))
        ranked = sorted(((score, number) for number, score in best.items()), key=lambda pair: (-pair[0], pair[1]))
        close = [(score, number) for score, number in ranked if score >= CLOSE_TO_BEST * ranked[0][0]]
        return [self._answer(number, score) for score, number in close[:limit]]

    def _answer(self, number: int, score: float) -> Answer:
        document, position, text = self.sentences[number]
        return Answer(bounded(text), document, position, round(score, 4))


def answer(question: str, documents: Sequence[Document], default_language: str = "en") -> list[Answer]:
    """The sentences of ``documents`` that answer ``question`` best (see the module's docstring)."""
    return AnswerIndex(documents, default_language).ask(question)
