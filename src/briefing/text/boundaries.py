"""Where a sentence must start, whatever the sentence splitter thinks: the layout of the text.

Punkt (and every splitter we measured) reads a paragraph as one run of prose. Real paragraphs
also carry layout: hard line breaks from PDFs, e-mail and wrapped text, headings on their own
line, bulleted and numbered lists written inline or one item per line, and sentences glued
together by a lost space (``1,000.That``). This module turns that layout into *blocks*, pieces
of text in which no sentence boundary is forced, so the splitter only decides the rest.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from . import list_markers

#: Symbols that only ever mark list items, so they start an item even in the middle of a line.
_BULLETS = "•‣◦▪●"
_INLINE_BULLET = re.compile(rf"(?<=\S)\s+(?=[{_BULLETS}]\s)")
#: Inline enumerations: ``1. `` / ``2) `` / ``3.) `` / ``(3) `` / ``a) `` / ``(b) `` / ``ii.) `` after a space
#: or at the start.
_INLINE_MARKER = re.compile(r"(?:(?<=\s)|^)(\(?)(\d{1,2}|[a-z]|[ivx]{2,4})(\.\)|[.)])\s+")
#: The first marker of an inline enumeration, to look for the rest only when there is one.
_LIST_START = re.compile(r"(?:^|\s)\(?[1ai](?:\.\)|[.)])\s")
#: Words that join list items into one sentence ("1) a tent, 2) a stove and 3) a map").
_JOINERS = frozenset("and or nor und oder sowie bzw et ou ni y e o u ni".split())
#: ``ended.Then`` / ``1,000.That`` / ``„Lob“.Er``: an end mark glued to the next word (checked: capitalised, then
#: lower case, so ``Amazon.com``, ``ASP.NET`` and ``U.S.Steel`` stay whole).
#: (It opens with the mark and looks behind from there: opening with the look behind tried it at
#: every character, fifteen times slower for the same matches.)
_GLUED = re.compile(
    r"[.!?](?:(?<=[^\W\d_]{3}[.!?])|(?<=\d[.!?])|(?<=[”“\"'’»)\]][.!?]))[.!?]*[”“\"'’»)\]]*(?=([^\W\d_][\w’']*))"
)
#: An e-mail address or a web address: a token whose dots are no sentence's end.
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.|(?:https?://|www\.)\S", re.IGNORECASE)
#: ``48 h. Cells``, ``6 p.m. Reporters``: a lower-case unit after a number, then a capitalised word.
#: Units take no period inside a sentence, so the period ends it.
_UNIT_END = re.compile(r"\d\s?(?:[a-z]{1,3}|[ap]\.m)\.\s+(?=[^\W\d_][a-zà-ÿ])")
#: Full-width end marks (Chinese, Japanese; ``．`` in East Asian typesetting) end a sentence with
#: or without a space after them; Punkt only knows ``.``, ``!`` and ``?`` followed by a space.
#: Inside a quotation (「本当？」と彼は聞いた) the end mark is the quote's: no space, no boundary.
_FULL_WIDTH_END = re.compile(r"[。！？．]+(?:[」』）〕】”’]+\s+|(?![」』）〕】”’])\s*)(?=\S)")
#: The end marks of other scripts, before a space: the Devanagari and Bengali danda (``।``, ``॥``),
#: the Arabic question mark and the Urdu full stop (``؟``, ``۔``), the Armenian, Ethiopic and
#: Myanmar full stops (``։``, ``።``, ``။``). Punkt knows none of them.
SCRIPT_STOPS = "।॥؟۔։።။"
_SCRIPT_END = re.compile(rf"[{SCRIPT_STOPS}]+[\"'”’»)\]]*\s+(?=\S)")
#: Line endings that carry a sentence on: a comma, a hyphen or dash, an opening bracket.
_CONTINUES = tuple(",;-–—([{/&+")
#: A heading is at most this many words.
_HEADING_WORDS = 8


def _first_word(line: str) -> str:
    return line.split(maxsplit=1)[0] if line.split() else ""


def _is_heading(line: str, following: str, width: int, stop_words: frozenset[str]) -> bool:
    """A line that ends where it does on purpose: short, capitalised, with no end mark or word
    that carries the sentence on, and the next line's first word would have fitted on it."""
    words = line.split()
    if not words or len(words) > _HEADING_WORDS or line.endswith(_CONTINUES):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or not (following[:1].isupper() or following[:1].isdigit()):
        return False
    last = words[-1].strip("\"'”“„»«)").lower()
    if last in stop_words or last in _JOINERS:
        return False
    return len(line) + 1 + len(_first_word(following)) <= width


def blocks(paragraph: str, stop_words: frozenset[str] = frozenset()) -> list[str]:
    """The paragraph as blocks on one line each: a line break is kept as a boundary before a list
    item and after a heading; any other break was wrapping (the splitter still sees a sentence
    that ends at a line end)."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    if len(lines) <= 1:
        return [" ".join(paragraph.split())] if lines else []
    width = max(map(len, lines))
    joined = [lines[0]]
    for before, line in itertools.pairwise(lines):
        if list_markers.is_item(line) or _is_heading(before, line, width, stop_words):
            joined.append(line)
        else:
            joined[-1] = f"{joined[-1]} {line}"
    return [" ".join(block.split()) for block in joined]


def _inline_list_starts(block: str) -> Iterator[int]:
    """Offsets of the 2nd, 3rd, … items of an inline enumeration that starts at 1 (or a) and counts
    on, where each item reads as its own sentence: it starts capitalised and the item before does
    not run on into it with a comma or an "and"."""
    markers = list(_INLINE_MARKER.finditer(block))
    for index, first in enumerate(markers):
        if first.group(2) not in ("1", "a", "i") or not _starts_list(block, first.start()):
            continue
        previous = first
        for marker in markers[index + 1 :]:
            if marker.group(1) != first.group(1) or marker.group(3) != first.group(3):
                continue
            if not list_markers.follows(previous.group(2), marker.group(2)):
                continue
            item = block[previous.end() : marker.start()].rstrip()
            last = item.split()[-1].lower() if item.split() else ""
            if item[:1].isupper() and not item.endswith((",", ";")) and last not in _JOINERS:
                yield marker.start()
            previous = marker


def _starts_list(block: str, offset: int) -> bool:
    """An enumeration starts a block, or follows a colon or the end of a sentence."""
    before = block[:offset].rstrip()
    return not before or before.endswith((":", ".", "!", "?"))


def _dash_list_starts(block: str) -> Iterator[int]:
    """``- Book early - Travel light``: a block that starts with ``-`` or ``*`` and repeats it
    before capitalised words is a list written on one line."""
    mark = block[:2]
    if mark not in ("- ", "* "):
        return
    for match in re.finditer(rf"\s{re.escape(mark[0])}\s(?=[^\W\d_])", block):
        if block[match.end()].isupper():
            yield match.start() + 1


#: Where a sentence may start before a unit's period: after an end mark, before a capital.
_PROBABLE_START = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z])")
#: Prepositions that open a phrase of time in English, the language of ``a.m.`` and ``p.m.``.
_TIME_PREPOSITIONS = frozenset("at on in by around about before after until till from since during near".split())
#: A phrase of time has at most this many words ("On Jan. 5, at 6 a.m.").
_PHRASE_WORDS = 6


def time_phrase(text: str) -> bool:
    """Whether ``text`` is only a phrase of time opened by an English preposition ("At 5 a.m.",
    "Around 300 a.d."): that is no sentence, so the abbreviation ending it ends none."""
    words = text.split()
    return 0 < len(words) <= _PHRASE_WORDS and words[0].lower() in _TIME_PREPOSITIONS


def _time_phrase_ends(block: str, end: int) -> bool:
    """Whether the sentence that would end at ``end`` is a :func:`time_phrase` ("At 5 a.m." of
    "At 5 a.m. Mr. Smith went...")."""
    begun = [m.end() for m in _PROBABLE_START.finditer(block, 0, end - 1)]
    return time_phrase(block[begun[-1] if begun else 0 : end])


def forced_starts(block: str, abbreviations: frozenset[str] = frozenset()) -> list[int]:
    """Offsets inside a block where a sentence starts whatever the splitter says: list items written
    inline, a capitalised word after a unit (``48 h. Cells``), full-width end marks and those of
    other scripts (``।``, ``؟``), and sentences
    glued to the one before (unless the glued word is an abbreviation)."""
    starts = {m.end() for m in _INLINE_BULLET.finditer(block)} if any(b in block for b in _BULLETS) else set()
    if _LIST_START.search(block):
        starts.update(_inline_list_starts(block))
    starts.update(_dash_list_starts(block))
    starts.update(
        m.end() for m in _UNIT_END.finditer(block) if block[m.end()].isupper() and not _time_phrase_ends(block, m.end())
    )
    if not block.isascii():
        starts.update(m.end() for m in _FULL_WIDTH_END.finditer(block))
        starts.update(m.end() for m in _SCRIPT_END.finditer(block))
    for match in _GLUED.finditer(block):
        word, after = block[: match.start()].rsplit(maxsplit=1)[-1].lower(), match.group(1)
        if _ADDRESS.match(block, block.rfind(" ", 0, match.start()) + 1):
            continue  # Jane.Doe@example.com, www.Example.org/Page: one token
        if after[0].isupper() and any(c.islower() for c in after[1:]) and word not in abbreviations:
            starts.add(match.end())
    return sorted(start for start in starts if 0 < start < len(block))


def pieces(
    paragraph: str, stop_words: frozenset[str] = frozenset(), abbreviations: frozenset[str] = frozenset()
) -> list[str]:
    """The paragraph cut at every forced boundary, each piece on one line."""
    cut: list[str] = []
    for block in blocks(paragraph, stop_words):
        last = 0
        for start in forced_starts(block, abbreviations):
            cut.append(block[last:start].strip())
            last = start
        cut.append(block[last:].strip())
    return [piece for piece in cut if piece]
