"""Language names: ``de``, ``deu``, ``German`` and ``german`` all mean the same language.

briefing has words (stop words, stemmer, sentence parameters) for the languages below. Any other
ISO 639 code (``tr``, ``ja``, ``fil``) is still a language: its documents get sentences, words
and summaries from the language-neutral parts, without stop words or stemming.
"""

from __future__ import annotations

import re

#: ISO 639-1 code -> (English name, ISO 639-2/3 code) for the languages briefing knows words for.
_LANGUAGES: dict[str, tuple[str, str]] = {
    "ar": ("arabic", "ara"),
    "cs": ("czech", "ces"),
    "da": ("danish", "dan"),
    "de": ("german", "deu"),
    "el": ("greek", "ell"),
    "en": ("english", "eng"),
    "es": ("spanish", "spa"),
    "fi": ("finnish", "fin"),
    "fr": ("french", "fra"),
    "hi": ("hindi", "hin"),
    "hu": ("hungarian", "hun"),
    "it": ("italian", "ita"),
    "nl": ("dutch", "nld"),
    "no": ("norwegian", "nor"),
    "pl": ("polish", "pol"),
    "pt": ("portuguese", "por"),
    "ro": ("romanian", "ron"),
    "ru": ("russian", "rus"),
    "sk": ("slovak", "slk"),
    "sv": ("swedish", "swe"),
    "uk": ("ukrainian", "ukr"),
}
_ALIASES = {"ger": "de", "fre": "fr", "dut": "nl", "cze": "cs", "gre": "el", "rum": "ro", "slo": "sk"}

_BY_ANY_NAME: dict[str, str] = {}
for _code, (_name, _code3) in _LANGUAGES.items():
    _BY_ANY_NAME[_code] = _code
    _BY_ANY_NAME[_name] = _code
    _BY_ANY_NAME[_code3] = _code
for _alias, _code in _ALIASES.items():
    _BY_ANY_NAME[_alias] = _code

DEFAULT_LANGUAGE = "en"


class UnknownLanguage(ValueError):
    """A language name that briefing does not know."""


#: An ISO 639-1 or 639-3 code: two or three letters.
_ISO_CODE = re.compile(r"[a-z]{2,3}")


def language_code(name: str) -> str:
    """The ISO 639 code for a language given by code or English name (``"German"`` -> ``"de"``).

    Region suffixes are ignored (``en-GB``, ``de_AT``). A code briefing has no words for is
    returned as it is; a name it does not know raises :class:`UnknownLanguage`.
    """
    key = name.strip().lower().replace("_", "-").split("-")[0]
    if key in _BY_ANY_NAME:
        return _BY_ANY_NAME[key]
    if _ISO_CODE.fullmatch(key):
        return key
    raise UnknownLanguage(f"unknown language {name!r}")


def language_name(name: str) -> str:
    """The lower-case English name NLTK and sumy use (``"de"`` -> ``"german"``); for a language
    briefing has no words for, its code."""
    code = language_code(name)
    return _LANGUAGES[code][0] if code in _LANGUAGES else code


def has_words(code: str) -> bool:
    """Whether briefing knows this language's words (stop words, stemmer, sentence parameters)."""
    return code in _LANGUAGES


def known_languages() -> list[str]:
    return sorted(_LANGUAGES)
