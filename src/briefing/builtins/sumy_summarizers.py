"""sumy's extractive methods as briefing summarizers, with every sentence's rating kept.

sumy computes a rating for each sentence and then throws the ratings away in
``AbstractSummarizer._get_best_sentences``. Each class here runs sumy's own class with that one
method replaced so it records the ratings; selection then happens in briefing's core, exactly as
sumy would do it (best rating first, ties by position), so the chosen sentences are sumy's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import numpy
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..models import Document
from ..text.sumy_bridge import sumy_document
from ..text.words import LanguageKit


class _RatingsRecorded(Exception):
    """Raised from inside sumy once the ratings are known, so no selection work is done."""

    def __init__(self, ratings: list[float]):
        self.ratings = ratings


def _record_ratings(sentences: Sequence[Any], count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
    rate = rating.__getitem__ if isinstance(rating, dict) else (lambda s: rating(s, *args, **kwargs))
    raise _RatingsRecorded([float(rate(s)) for s in sentences])


class SumySummarizer(Summarizer):
    """Adapter for one sumy summarizer class; subclasses name the class."""

    sumy_class: ClassVar[type[AbstractSummarizer]]

    def build(self, kit: LanguageKit) -> AbstractSummarizer:
        """sumy's summarizer with briefing's stemmer and stop words; subclasses add settings."""
        summarizer = self.sumy_class(kit.stem)
        if hasattr(summarizer, "stop_words"):
            summarizer.stop_words = kit.stop_words
        return summarizer

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        if not document.sentences:
            return []
        summarizer = self.build(kit)
        summarizer._get_best_sentences = _record_ratings
        model = sumy_document([(s.paragraph, s.text) for s in document.sentences], kit, document.headings)
        try:
            with numpy.errstate(invalid="ignore", divide="ignore"):
                summarizer(model, len(document.sentences))
        except _RatingsRecorded as recorded:
            # sumy's power method yields NaN when no two sentences share a word; sumy then keeps
            # document order, which is what equal scores give here too.
            return [r if math.isfinite(r) else 0.0 for r in recorded.ratings]
        raise RuntimeError(f"sumy's {self.sumy_class.__name__} returned without rating sentences")


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


class Edmundson(SumySummarizer):
    name = "edmundson"
    description = "Edmundson: cue words (bonus/stigma from config), title words and position"
    sumy_class = EdmundsonSummarizer
    #: Settings that weigh sumy's four Edmundson methods (sumy's defaults: 1, 0, 1, 1).
    WEIGHTS = ("cue_weight", "key_weight", "title_weight", "location_weight")

    def build(self, kit: LanguageKit) -> AbstractSummarizer:
        weights = {key: float(self.settings[key]) for key in self.WEIGHTS if key in self.settings}
        summarizer = EdmundsonSummarizer(kit.stem, **weights)
        defaults = DEFAULT_CUE_WORDS.get(kit.code, DEFAULT_CUE_WORDS["en"])
        summarizer.bonus_words = self.settings.get("bonus_words", defaults["bonus_words"])
        summarizer.stigma_words = self.settings.get("stigma_words", defaults["stigma_words"])
        # sumy refuses an empty set, which a language without a stop-word list (Russian) would give.
        summarizer.null_words = kit.stop_words or frozenset({""})
        return summarizer


@hookimpl
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    for summarizer in (Edmundson,):
        register(summarizer)
