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
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sumy.summarizers.edmundson import EdmundsonSummarizer

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..models import Document
from ..text.words import LanguageKit, words

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
    sumy_class = EdmundsonSummarizer  # the class whose picks these are (the tests compare)

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        self.weights = {key: float(self.settings.get(key, default)) for key, default in WEIGHTS.items()}
        if any(weight < 0 for weight in self.weights.values()):
            raise ValueError("Negative weights are not allowed.")

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []

        def stems(texts: Iterable[str]) -> frozenset[str]:
            return frozenset(kit.stem(w.lower()) for w in texts)

        defaults = DEFAULT_CUE_WORDS.get(kit.code, DEFAULT_CUE_WORDS["en"])
        bonus = stems(self.settings.get("bonus_words", defaults["bonus_words"]))
        stigma = stems(self.settings.get("stigma_words", defaults["stigma_words"]))
        null = stems(kit.stop_words or {""})  # sumy refuses an empty set (a language with no stop words)
        on = {key: weight > 0 for key, weight in self.weights.items()}
        if (on["cue_weight"] or on["key_weight"]) and not bonus:
            raise ValueError("Set of bonus words is empty. Please set 'bonus_words'.")
        if on["cue_weight"] and not stigma:
            raise ValueError("Set of stigma words is empty. Please set 'stigma_words'.")
        sentence_stems = [[kit.stem(w.lower()) for w in words(s.text.strip())] for s in document.sentences]
        heading_stems = [kit.stem(w.lower()) for h in document.headings for w in words(h.strip())]
        title = frozenset(heading_stems) - null

        by_text: dict[str, float] = dict.fromkeys((s.text.strip() for s in document.sentences), 0.0)
        if on["cue_weight"]:
            _add(
                by_text, document, [sum(w in bonus for w in ws) - sum(w in stigma for w in ws) for ws in sentence_stems]
            )
        if on["key_weight"]:
            counts = Counter(w for w in [*heading_stems, *(w for ws in sentence_stems for w in ws)] if w in bonus)
            most = max(counts.values(), default=0)
            key = frozenset(w for w, n in counts.items() if n / most > KEY_SHARE) if most else frozenset()
            _add(by_text, document, [sum(w in key for w in ws) for ws in sentence_stems])
        if on["title_weight"]:
            _add(by_text, document, [sum(w in title for w in ws) for ws in sentence_stems])
        if on["location_weight"]:
            _add(by_text, document, _location(document, [sum(w in title for w in ws) for ws in sentence_stems]))
        return [by_text[s.text.strip()] for s in document.sentences]


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
