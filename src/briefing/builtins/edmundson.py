"""Edmundson's method (1969), computed here with the same ratings as sumy's class.

Four methods add up, each counted in stems (sumy stems a word lower-cased): cue words (bonus
minus stigma words), key words (bonus words that are frequent in the document), title words
(stems of the headings that are not stop words) and location (title words, plus one for the
first and the last paragraph, plus one for the first and the last sentence of a paragraph).
A method's weight setting only switches it on or off (sumy adds the ratings unweighted).

sumy's quirks are kept, so the picks are sumy's (tested against its class): sentences are keyed
by their text, so a repeated sentence has the location rating of its last occurrence, and the
headings form a paragraph of their own, so with headings the first paragraph of text is not
"the first paragraph". sumy rated each word in Python method calls, at about sumy's own speed;
counting stems once per document here is 10x and more faster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..lazy_import import lazy_module
from ..models import Document
from ..text.word_table import word_table
from ..text.words import LanguageKit

if TYPE_CHECKING:
    import numpy
else:
    numpy = lazy_module("numpy")

#: Cue words when the config sets none: words that mark a sentence as important (bonus) or not (stigma).
DEFAULT_CUE_WORDS: dict[str, dict[str, list[str]]] = {
    "en": {
        "bonus_words": [
            "announced",
            "important",
            "key",
            "main",
            "significant",
            "result",
            "results",
            "conclude",
            "concluded",
            "found",
            "shows",
            "plan",
            "plans",
            "record",
            "first",
        ],
        "stigma_words": [
            "perhaps",
            "maybe",
            "hardly",
            "allegedly",
            "reportedly",
            "rumour",
            "rumor",
            "click",
            "subscribe",
            "cookie",
            "advertisement",
        ],
    },
    "de": {
        "bonus_words": [
            "angekündigt",
            "wichtig",
            "wichtigste",
            "zentral",
            "ergebnis",
            "ergebnisse",
            "zeigt",
            "plant",
            "plan",
            "rekord",
            "erstmals",
            "entscheidend",
        ],
        "stigma_words": [
            "vielleicht",
            "eventuell",
            "angeblich",
            "kaum",
            "gerüchte",
            "klicken",
            "abonnieren",
            "cookies",
            "anzeige",
        ],
    },
}

#: Settings that switch sumy's four Edmundson methods on (> 0) or off (sumy's defaults: 1, 0, 1, 1).
WEIGHTS = {"cue_weight": 1.0, "key_weight": 0.0, "title_weight": 1.0, "location_weight": 1.0}
#: Above this share of the most frequent bonus word's count, a bonus word is a key word.
KEY_SHARE = 0.5


class Edmundson(Summarizer):
    name = "edmundson"
    description = "Edmundson: cue words (bonus/stigma from config), title words and position"

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        self.weights = {key: float(self.settings.get(key, default)) for key, default in WEIGHTS.items()}
        if any(weight < 0 for weight in self.weights.values()):
            raise ValueError("Negative weights are not allowed.")

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []

        defaults = DEFAULT_CUE_WORDS.get(kit.code, DEFAULT_CUE_WORDS["en"])
        bonus = _stems(kit, tuple(self.settings.get("bonus_words", defaults["bonus_words"])))
        stigma = _stems(kit, tuple(self.settings.get("stigma_words", defaults["stigma_words"])))
        null = _stems(kit, tuple(kit.stop_words or {""}))  # sumy refuses an empty set (no stop words)
        on = {key: weight > 0 for key, weight in self.weights.items()}
        if (on["cue_weight"] or on["key_weight"]) and not bonus:
            raise ValueError("Set of bonus words is empty. Please set 'bonus_words'.")
        if on["cue_weight"] and not stigma:
            raise ValueError("Set of stigma words is empty. Please set 'stigma_words'.")
        table = word_table(document, kit)
        stems = table.stem[table.ids]  # sumy stems every word, stop words too
        heading_stems = table.stem[table.heading_ids]

        def counts(marked: frozenset[str]) -> numpy.ndarray:
            """Per sentence, how many of its words have a stem in ``marked``."""
            mask = numpy.zeros(len(table.stems), dtype=bool)
            mask[[table.stem_numbers[w] for w in marked if w in table.stem_numbers]] = True
            return numpy.bincount(table.rows[mask[stems]], minlength=table.count)

        by_text: dict[str, float] = dict.fromkeys((s.text.strip() for s in document.sentences), 0.0)
        if on["cue_weight"]:
            _add(by_text, document, (counts(bonus) - counts(stigma)).tolist())
        if on["key_weight"]:
            found = Counter(table.stems[i] for i in numpy.concatenate((heading_stems, stems)).tolist())
            frequent = {w: n for w, n in found.items() if w in bonus}
            most = max(frequent.values(), default=0)
            key = frozenset(w for w, n in frequent.items() if n / most > KEY_SHARE) if most else frozenset()
            _add(by_text, document, counts(key).tolist())
        if on["title_weight"] or on["location_weight"]:
            title = frozenset(table.stems[i] for i in heading_stems.tolist()) - null
            in_title = counts(title).tolist()
            if on["title_weight"]:
                _add(by_text, document, in_title)
            if on["location_weight"]:
                _add(by_text, document, _location(document, in_title))
        return [by_text[s.text.strip()] for s in document.sentences]


@lru_cache(maxsize=64)
def _stems(kit: LanguageKit, texts: tuple[str, ...]) -> frozenset[str]:
    """The stems of a word list (the cue words, the stop words), lower-cased as sumy stems them."""
    return frozenset(kit.stem(w.lower()) for w in texts)


def _add(by_text: dict[str, float], document: Document, ratings: Sequence[float]) -> None:
    """Add one method's ratings, keyed by sentence text as sumy keys them: where a text repeats,
    its last occurrence's rating counts."""
    last = {s.text.strip(): r for s, r in zip(document.sentences, ratings, strict=True)}
    for text, rating in last.items():
        by_text[text] += rating


def _location(document: Document, title_counts: Sequence[int]) -> list[float]:
    """Title words plus the bonuses for the first and last paragraph and for a paragraph's first
    and last sentence, with paragraphs numbered as sumy's document has them."""
    groups: list[list[int]] = []
    previous = None
    for index, sentence in enumerate(document.sentences):
        if not groups or sentence.paragraph != previous:
            groups.append([])
        groups[-1].append(index)
        previous = sentence.paragraph
    offset = 1 if document.headings else 0  # the headings' own paragraph comes first
    last_paragraph = len(groups) - 1 + offset
    ratings = [0.0] * len(document.sentences)
    for number, group in enumerate(groups, start=offset):
        for order, index in enumerate(group):
            rating = float(title_counts[index])
            if number == 0:
                rating += 1
            elif number == last_paragraph:
                rating += 1
            if order == 0:
                rating += 1
            elif order == len(group) - 1:
                rating += 1
            ratings[index] = rating
    return ratings


@hookimpl
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    register(Edmundson)
