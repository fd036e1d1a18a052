"""Language names: ``de``, ``deu``, ``German`` and ``german`` all mean the same language."""

from __future__ import annotations

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


def language_code(name: str) -> str:
    """The ISO 639-1 code for a language given by code or English name (``"German"`` -> ``"de"``).

    Region suffixes are ignored (``en-GB``, ``de_AT``).
    """
    key = name.strip().lower().replace("_", "-").split("-")[0]
    try:
        return _BY_ANY_NAME[key]
    except KeyError:
        raise UnknownLanguage(f"unknown language {name!r}") from None


def language_name(name: str) -> str:
    """The lower-case English name NLTK and sumy use (``"de"`` -> ``"german"``)."""
    return _LANGUAGES[language_code(name)][0]


def known_languages() -> list[str]:
    return sorted(_LANGUAGES)
