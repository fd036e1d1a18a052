"""Sentence segmentation with NLTK's Punkt algorithm, fully offline.

Punkt decides sentence ends from four parameter sets: abbreviations, collocations, frequent
sentence starters and an "orthographic context" (whether a word is seen lower-case inside
sentences). NLTK normally loads these from the ``punkt_tab`` data package, which many machines
cannot download. briefing ships its own per language in ``punkt/<language>/`` and derives the
orthographic context from the language's stop words. When ``punkt_tab`` is installed, its trained
parameters are merged in. A few rules then fix what Punkt cannot know (lists, German ordinals).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from .languages import language_name

# Punkt's orthographic flags (nltk.tokenize.punkt._ORTHO_*): seen upper-case at a sentence start,
# seen lower-case in the middle of a sentence.
_ORTHO_BEG_UC = 1 << 1
_ORTHO_MID_LC = 1 << 5

_LIST_MARKER = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[-*•])$")
_ENDS_WITH_ORDINAL = re.compile(r"(?:^|\s)\(?\d{1,2}\.$")
_COLON_LIST_MARKER = re.compile(r":\s+\(?\d{1,2}[.)]$")
_SHORT_ABBREVIATION = re.compile(r"(?:(?:^|[\s(])([^\W\d_])[^\W\d_]{0,2}|str)\.$")
_QUOTES = "\"'„“”«»‚‘’"
_FIRST_WORD = re.compile(r"[\"'„“”«»‚‘’(\[]*([^\W\d_][\w'-]*)")

#: Languages whose ordinals are written "3." ("am 3. Oktober", "der 2. Platz").
_ORDINAL_LANGUAGES = {"german", "danish", "norwegian", "finnish", "czech", "slovak", "polish", "hungarian"}


class _LanguageVars(PunktLanguageVars):  # type: ignore[misc]  # nltk has no type information
    """Punkt's defaults, with typographic quotes (German „…“, French «…») treated like ASCII ones."""

    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u201e\u201a]"
    re_boundary_realignment = re.compile(
        r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb\u2039\u203a]+?(?:\s+|(?=--)|$)', re.MULTILINE
    )

    @property
    def _re_non_word_chars(self) -> str:
        others = re.escape("".join(set(self.sent_end_chars) - {"."}))
        return rf"(?:[)\";}}\]\*:@\'\({{\[\u2018\u2019\u201a\u201c\u201d\u201e\xab\xbb\u2039\u203a{others}])"


def _read_set(language: str, name: str) -> set[str]:
    folder = resources.files("briefing.text") / "punkt" / language
    entry = folder / name
    if not entry.is_file():
        return set()
    return {line.strip() for line in entry.read_text(encoding="utf-8").splitlines() if line.strip()}


def _shipped_parameters(language: str, stop_words: frozenset[str]) -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = _read_set(language, "abbrev_types.txt")
    params.sent_starters = _read_set(language, "sent_starters.txt")
    params.collocations = {
        tuple(line.split("\t", 1)) for line in _read_set(language, "collocations.tab") if "\t" in line
    }
    # Single letters are left out: they are initials far more often than words ("J. R. R. Tolkien").
    for word in stop_words | params.sent_starters:
        if len(word) > 1:
            params.ortho_context[word] |= _ORTHO_BEG_UC | _ORTHO_MID_LC
    return params


def _installed_parameters(language: str) -> PunktParameters | None:
    """Trained ``punkt_tab`` parameters when NLTK data is installed, else ``None``."""
    try:
        from nltk.tokenize.punkt import PunktTokenizer

        return PunktTokenizer(language)._params
    except (LookupError, ValueError, OSError):
        return None


def _merge(into: PunktParameters, other: PunktParameters) -> None:
    into.abbrev_types |= other.abbrev_types
    into.collocations |= other.collocations
    into.sent_starters |= other.sent_starters
    for word, flags in other.ortho_context.items():
        into.ortho_context[word] |= flags


class Segmenter:
    """Splits a paragraph into sentences for one language."""

    def __init__(self, language: str, stop_words: frozenset[str] = frozenset(), use_installed: bool = True):
        self.language = language_name(language)
        params = _shipped_parameters(self.language, stop_words)
        installed = _installed_parameters(self.language) if use_installed else None
        self.uses_installed_data = installed is not None
        if installed is not None:
            _merge(params, installed)
        self._starters = params.sent_starters | stop_words
        self._ordinals = self.language in _ORDINAL_LANGUAGES
        self._punkt = PunktSentenceTokenizer(params, lang_vars=_LanguageVars())

    def split(self, paragraph: str) -> list[str]:
        """The sentences of one paragraph, stripped; a paragraph never shares a sentence with another."""
        spans: list[tuple[int, int]] = []
        for start, end in self._punkt.span_tokenize(paragraph):
            if spans and self._belongs_to_previous(paragraph[slice(*spans[-1])], paragraph[start:end]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        return [text for start, end in spans if (text := paragraph[start:end].strip())]

    def _starts_sentence(self, text: str) -> bool:
        match = _FIRST_WORD.match(text)
        return match is not None and match.group(1).lower() in self._starters

    def _belongs_to_previous(self, previous: str, piece: str) -> bool:
        """Rules for what Punkt cannot know; each joins a piece back onto the sentence before it."""
        # "Hauptstr. 5", "S. 12", "Art. 5": a short capitalised abbreviation before a number.
        if piece[:1].isdigit() and (abbreviation := _SHORT_ABBREVIATION.search(previous)):
            initial = abbreviation.group(1)
            if initial is None or initial.isupper():
                return True
        # A list marker introduces the next sentence rather than ending one: "2." / "Steps: 1."
        if _LIST_MARKER.match(piece):
            return False
        if _LIST_MARKER.match(previous) or _COLON_LIST_MARKER.search(previous):
            return True
        first = piece.lstrip(_QUOTES)
        # Sentences do not start with a comma or a lower-case word: „Wirklich?“, fragte sie. /
        # "The A.I. boom" (but "iPhone sales rose." is a sentence).
        if first[:1] in ",;:)]" or (first[:1].islower() and not first[1:2].isupper()):
            return True
        # "am 3. Oktober", "der 2. Platz": a German-style ordinal, unless a sentence plainly starts.
        return self._ordinals and bool(_ENDS_WITH_ORDINAL.search(previous)) and not self._starts_sentence(piece)


@cache
def segmenter(language: str, stop_words: frozenset[str] = frozenset()) -> Segmenter:
    return Segmenter(language, stop_words)
