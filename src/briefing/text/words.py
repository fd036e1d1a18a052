"""Words, stems and stop words per language, with no NLTK data needed."""

from __future__ import annotations

import logging
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING

from .languages import language_code, language_name
from .marks import COMBINING

if TYPE_CHECKING:
    from .sentences import Segmenter

log = logging.getLogger(__name__)

#: Letters and the marks that go with them ("सुनामी", "ภาษา"), with inner apostrophes and hyphens
#: ("don't", "KI-Boom"); digits and punctuation are not words. A pattern, for others to build on.
_LETTERS = rf"[^\W\d_]+(?:[{COMBINING}]+[^\W\d_]*)*"
WORD = rf"{_LETTERS}(?:['’-]{_LETTERS})*"
_WORD = re.compile(WORD)


def words(text: str) -> list[str]:
    """Word tokens of a sentence, in order, as written."""
    return _WORD.findall(text)


def lower_case_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case: where capitals mean names or nouns, a word also
    written in lower case is neither."""
    return {w for w in _WORD.findall(text) if w.islower()}


#: Languages sumy has stop words for that briefing has no other words for (by ISO 639-1 code).
_SUMY_STOP_LISTS = {"he": "hebrew", "ja": "japanese", "ko": "korean", "th": "thai", "zh": "chinese"}


@cache
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop-word list for a language, else briefing's own (``data/<language>-stopwords.txt``:
    Hindi, which sumy lacks); empty when neither has one. Read as ``sumy.utils`` reads it, without
    importing that module (it imports ``requests``, 0.2 s of every start)."""
    try:
        name = _SUMY_STOP_LISTS.get(language) or language_name(language)
    except LookupError:
        return frozenset()
    for package, path in (("sumy", f"data/stopwords/{name}.txt"), ("briefing", f"data/{name}-stopwords.txt")):
        try:
            data = pkgutil.get_data(package, path)
        except OSError:
            continue
        return frozenset(w.rstrip() for w in (data or b"").decode("utf-8").splitlines() if w)
    return frozenset()


#: Frequent words that sumy's stop lists lack: hedges, counts, units, "said". They say nothing
#: about what a text is about, so key phrases and topic grouping skip them.
_FILLERS = {
    "en": "also just many much more most often still even like however year years per cent percent new one two three "
    "four five ten first last says said say make made get got well really way lot would could since around about",
    "de": "nur mehr oft noch schon sehr etwa viele vielen lang lange prozent sagt sagte heute jahr jahre jahren ganz "
    "gibt zwei drei vier fünf zehn neue neuen immer wieder bereits rund derzeit war waren wurde wurden worden hat "
    "hatte hatten wird werden kann können muss müssen soll sollen besonders kaum seit bisher mal wenig weniger gut "
    # the inflected determiners and possessives sumy's German list lacks ("seit diesem Sommer")
    "diese diesem diesen jene jener jenes jenem jenen welche welcher welches welchem welchen manche mancher "
    "manches manchem manchen solche solcher solches solchem solchen keine keiner keines keinem keinen meiner "
    "meines meinem meinen seiner seines seinem seinen ihrer ihres ihrem ihren unserer unseres unserem unseren "
    "deren dessen alle aller alles allem allen beide beiden beider",
    "fr": "aussi plus très encore déjà souvent beaucoup an ans année deux trois nouveau nouvelle selon dit "
    # function words sumy's French list lacks
    "une cette cet leurs nos vos lui eux celui celle celles dont chez vers entre pendant après toute toutes autres "
    "mêmes tel telle quelque quelques plusieurs ainsi ceci quoi être faire ont avait avaient avons avez ai était "
    "sera seront serait peuvent doivent fut furent soit durant environ certains certaines enfin puis contre tard "
    "divers diverses différents différentes deuxième seul seule seuls lors toujours jamais parfois ensuite "
    "notamment surtout cependant pourtant désormais également trop peu moins bien",
    "es": "también más muy todavía ya menudo mucho año años dos tres nuevo nueva según dijo",
}
_FILLER_WORDS = {code: frozenset(text.split()) for code, text in _FILLERS.items()}


def filler_words(language: str) -> frozenset[str]:
    """Lower-case filler words of a language (see :data:`_FILLERS`); empty for others."""
    return _FILLER_WORDS.get(language, frozenset())


@dataclass(frozen=True)
class LanguageKit:
    """Everything language-specific a summarizer or tagger needs, for one language.

    The segmenter and the stemmer are made when first used: both come from NLTK, whose import is
    most of briefing's start-up, and a run answered from the cache needs neither."""

    code: str
    name: str
    stop_words: frozenset[str]

    @cached_property
    def segmenter(self) -> Segmenter:
        from .sentences import segmenter

        return segmenter(self.name, self.stop_words)

    @cached_property
    def _stem(self) -> Callable[[str], str]:
        return _stemmer(self.name)

    def words(self, text: str) -> list[str]:
        return words(text)

    def stem(self, word: str) -> str:
        """Snowball stem of a word, lower-cased (cached: stemming dominates word-level work)."""
        return self._stem(word.lower())

    def content_stems(self, text: str) -> list[str]:
        """Stems of the words that are not stop words (each word lower-cased once: topic briefs
        stem every sentence of a topic this way)."""
        stops, stem = self.stop_words, self._stem
        return [stem(lower) for lower in map(str.lower, words(text)) if lower not in stops]


def _stemmer(name: str) -> Callable[[str], str]:
    from nltk.stem.snowball import SnowballStemmer

    try:
        return lru_cache(maxsize=200_000)(SnowballStemmer(name).stem)
    except ValueError:
        log.info("no Snowball stemmer for %s; words are only lower-cased", name)
        return str.lower


@cache
def language_kit(language: str) -> LanguageKit:
    """The kit for a language given by code or name; raises ``UnknownLanguage`` for others."""
    code = language_code(language)
    name = language_name(code)
    return LanguageKit(code, name, stop_words(code))
