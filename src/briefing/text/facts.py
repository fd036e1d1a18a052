"""What a sentence carries that a reader quotes: figures (money, shares, counts, dates) and, for a
quotation or reported speech, who said it.

Read with regular expressions in the languages briefing knows words for; a figure is kept as the
text writes it ("4 trillion yen", "$1.5 billion", "40 Prozent").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .dates import MONTHS

_NUMBER = r"\d+(?:[.,'’ ]\d{3})*(?:[.,]\d+)?"
_SCALE = (
    r"(?:hundred|thousand|million|billion|trillion|bn|mn|m|k|Tausend|Millionen|Million|Milliarden|Milliarde|"
    r"Billionen|Mio\.?|Mrd\.?|mille|millions?|milliards?|mil|millones|millón)"
)
_CURRENCY_WORD = (
    r"(?:dollars?|euros?|yen|yuan|pounds?|francs?|rupees?|won|USD|EUR|GBP|JPY|CNY|CHF|US-Dollar|Dollar|Euro|"
    r"Pfund|Franken|dólares|libras)"
)
#: Units of measure, as news writes them after a number ("650 kilometers", "3 Tonnen"); in the
#: case written here, so that "Miles Davis" or "Foot Locker" stays a name.
_MEASURE_WORD = (
    r"(?-i:kilomet(?:er|re)s?|km|met(?:er|re)s?|centimet(?:er|re)s?|miles?|feet|foot|inch(?:es)?|yards?|"
    r"tonnes?|tons?|kilograms?|kg|grams?|pounds?|litres?|liters?|hectares?|acres?|degrees?|Kilometer|Meter|"
    r"Tonnen|Grad|kilomètres?|mètres?|kilómetros?|metros?|toneladas?|grados?)"
)
#: Whether a word is a scale, a currency or a unit: it belongs to a figure, and names nothing.
UNIT_WORD = re.compile(rf"^(?:{_SCALE}|{_CURRENCY_WORD}|{_MEASURE_WORD})$", re.IGNORECASE)
_MONEY = re.compile(
    rf"(?:US)?[$€£¥]\s?{_NUMBER}(?:\s?{_SCALE}\b)?"
    rf"|\b{_NUMBER}(?:\s?{_SCALE})?\s?(?:{_CURRENCY_WORD}\b|[$€£¥])"
)
_SHARE = re.compile(
    rf"\b{_NUMBER}\s?(?:%|percent\b|per cent\b|Prozent\b|pour cent\b|por ciento\b|percentage points?\b)"
)
#: A month's name or abbreviation, in the languages :mod:`briefing.text.dates` knows them in.
_MONTHS = rf"(?i:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_DATE = re.compile(
    rf"\b{_MONTHS}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,\s\d{{4}})?"
    rf"|\b\d{{1,2}}(?:\.|er)?\s{_MONTHS}(?:\s\d{{4}})?"
    rf"|\b{_MONTHS}\s\d{{4}}\b"
)
_ISO_DATE = re.compile(r"\b(?:1[89]|20)\d\d-\d\d-\d\d\b")
#: Letters of a word, to tell cheaply whether a sentence names a month before the long pattern.
_LETTERS = re.compile(r"[^\W\d_]+")
_COUNT = re.compile(rf"(?<![\w.,-]){_NUMBER}(?:\s?{_SCALE}\b)?(?:\s[a-zà-ÿ][\w-]*)?")
#: A number that is a year (1800 to 2099).
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True)
class Figures:
    """The figures a sentence writes, by kind: ``measures`` are money, shares and counts (a point's
    facts); ``dates`` place it in time."""

    measures: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


def figures(text: str) -> Figures:
    """The money, shares, counts and dates ``text`` writes, in the order it writes them; a count
    is a number with what it counts ("330,000 people"), a lone year is a date."""
    taken: list[tuple[int, int]] = []
    measures: list[tuple[int, str]] = []
    dates: list[tuple[int, str]] = []

    def free(match: re.Match[str]) -> bool:
        return not any(start < match.end() and match.start() < end for start, end in taken)

    names_a_month = not MONTHS.keys().isdisjoint(_LETTERS.findall(text.lower()))
    patterns = [(_MONEY, measures), (_SHARE, measures), (_ISO_DATE, dates)] + (
        [(_DATE, dates)] if names_a_month else []
    )
    for pattern, into in patterns:
        for match in pattern.finditer(text):
            if free(match):
                taken.append(match.span())
                into.append((match.start(), match.group().strip()))
    for match in _COUNT.finditer(text):
        if not free(match):
            continue
        number = match.group().split()[0].rstrip(".,")
        if YEAR.match(number):
            dates.append((match.start(), number))
        elif len(number.replace(",", "").replace(".", "")) > 1 or " " in match.group():
            measures.append((match.start(), match.group().strip().rstrip(".,")))
        taken.append(match.span())
    return Figures(tuple(t for _, t in sorted(measures)), tuple(t for _, t in sorted(dates)))


#: Verbs of saying: after the speaker ("Son said") or before it ("said Son", "according to Son");
#: a verb with an object ("told", "asked") only after it ("Huang told Nishimura": Huang speaks).
_SAYING = (
    r"said|says|added|explained|noted|stated|warned|argued|insisted|recalled|declared|according to|"
    r"sagte|sagt|erklärte|betonte|meinte|so|laut|a déclaré|a dit|déclare|explique|selon|dijo|afirmó|explicó|según"
)
_TELLING = r"told|asked|tells|asks|fragte|a demandé|preguntó"
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|bin|al|le|la)){0,4}"
_PRONOUN = r"(?:he|she|they|er|sie|il|elle|él|ella)"
_QUOTE = re.compile(r"[\"“„«‘]|``|''")
_AFTER = re.compile(rf"(?:[,.!?][\"”“»’']|''|[,.!?])?\s*(?i:{_SAYING})\s+(?:the\s+)?(?P<name>{_NAME}|{_PRONOUN})\b")
#: The speaker, then perhaps who they are between commas, then the verb.
_BEFORE = re.compile(
    rf"(?:^|[,;]\s+|(?:[\"”»’']|'')\s+|\b(?:and|but|und|et|y)\s+)(?P<name>{_NAME}|{_PRONOUN})"
    rf"(?:,[^,\"“„«]{{3,80}},)?\s+(?i:{_SAYING}|{_TELLING})\b"
)
#: Words a name may not start with: titles and roles before the name itself.
TITLES = frozenset(
    """Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir President Chairman Chairwoman CEO Minister Secretary
    Senator Rep. Gov. Governor General Attorney Prime Chief Director Judge Justice Herr Frau Monsieur
    Madame Präsident Kanzler Kanzlerin Ministerin Minister""".split()
)


@dataclass(frozen=True)
class Speech:
    """Who says a sentence (``speaker``, a name or a pronoun as written) and whether it quotes
    them word for word."""

    speaker: str
    quote: bool


#: Every word of the verbs of saying, lower-cased: a sentence with none of them quotes no one.
_SAYING_WORDS = frozenset(re.split(r"[|\s]+", f"{_SAYING}|{_TELLING}")) - {"a", "to"}  # "according to"


def speech(text: str) -> Speech | None:
    """The speaker of a quotation or of reported speech in ``text``, or ``None``."""
    if _SAYING_WORDS.isdisjoint(_LETTERS.findall(text.lower())):  # most sentences quote no one:
        return None  # the long patterns are not run on them
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(text):
            name = _trimmed(match.group("name"))
            if name:
                return Speech(name, bool(_QUOTE.search(text)))
    return None


def _trimmed(name: str) -> str:
    """A name without the company, titles and roles before it ("NVIDIA CEO Jensen Huang",
    "Portvik Ferries CEO Mara Olsen" -> the last two words)."""
    words = name.split()
    roles = [i for i, word in enumerate(words[:-1]) if word in TITLES or (word.isupper() and len(word) > 1)]
    if roles:
        words = words[roles[-1] + 1 :]
    if words and words[0].casefold() in ("the", "a", "an", "i", "we", "it", "this", "that"):
        return ""
    return " ".join(words[-3:]).rstrip(".,")


def resolved(speaker: str, people: Sequence[str]) -> str:
    """``speaker`` as the fullest of ``people`` (names the document uses, last used first) that it
    names: a surname becomes the whole name, a pronoun the last person named. One word that names
    nobody the document knows ("Officials said") is no speaker: ``""``."""
    if re.fullmatch(_PRONOUN, speaker, re.IGNORECASE):
        return people[0] if people else ""
    for person in people:
        if person == speaker or person.endswith(" " + speaker):
            return person
    return speaker if " " in speaker else ""
