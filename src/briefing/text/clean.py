"""Clean-up before segmentation: characters, whitespace, glued sentences and page-noise lines.

Source text is untrusted. Terminal escape sequences and control characters are removed here,
before any other step sees the text, so no view can ever replay them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from ..printable import CONTROLS, ESCAPES
from .list_markers import is_item

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

# A sentence end glued to the next sentence: "word.Next". The token around it is checked so that
# URLs, e-mail addresses and domains stay whole; abbreviations such as "U.S." or "z.B." never
# match because they need two letters before the stop.
# Each pattern opens with the mark and looks behind from there: a pattern that opens with a look
# behind is tried at every character of a text (ten times slower, same matches).
_GLUED = re.compile(r"[.!?:](?<=[^\W\d_]{2}[.!?:])[\"“”»’]?(?=[^\W\d_]{2})")
_GLUED_COMMA = re.compile(r",(?<=[^\W\d_]{2},)(?=[^\W\d_]{2})")
_URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|de|io|gov|edu|co|uk|eu|info)\b", re.IGNORECASE)

_NOISE_PATTERNS = [
    # view, read and comment counters: "Views : 2", "1,234 views", "Aufrufe: 17"
    r"(?:views?|reads?|hits|clicks|likes|comments?|shares?|aufrufe|kommentare|gelesen)\s*[:：]?\s*[\d.,]+\s*[km]?",
    r"[\d.,]+\s*[km]?\s*(?:views?|reads?|comments?|shares?|likes?|aufrufe|kommentare|mal gelesen)",
    # time stamps on their own line: "Update time : 2024-11-14 18:17:38", "Published: 3 May 2024"
    r"(?:update[d]?(?: time| on| at)?|last updated|published(?: on| at)?|posted(?: on| at)?|release time"
    r"|date|time"
    r"|aktualisiert(?: am)?|veröffentlicht(?: am)?|stand)\s*[:：]?\s*[\w ,.:/+–—-]{0,40}\d[\w ,.:/+–—-]{0,40}",
    # share and follow prompts
    r"(?:share|teilen)(?: this| diesen)?(?: article| story| post| page| artikel| beitrag)?"
    r"(?:\s*(?:on|via|auf|per))?(?:[\s,|/•·]*"
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|e-?mail|print|copy link))*",
    r"(?:(?:diesen )?(?:artikel|beitrag) (?:teilen|drucken|merken))",
    r"(?:click|tap) (?:here )?to (?:share|print|email|tweet)\b.*",
    r"(?:follow us|folgen sie uns|subscribe|abonnieren)(?: on| auf| to)?[\w\s,&|/•·!]{0,60}",
    r"(?:tweet|pin it|print|e-?mail|drucken|advertisement|anzeige|werbung|sponsored)",
    r"(?:read more|mehr lesen|weiterlesen|continue reading|related articles?|ähnliche artikel)\s*[:»›>.…]*",
]
_NOISE_LINE = re.compile(r"^\s*(?:" + "|".join(_NOISE_PATTERNS) + r")\s*$", re.IGNORECASE)
_MAX_NOISE_LENGTH = 100

_TERMINAL = tuple('.!?:;"”»)')


def clean_characters(text: str) -> str:
    """NFC, no escapes or controls, one kind of line break and of space, ``…`` spelled ``...``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ESCAPES.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = CONTROLS.sub("", text)
    text = text.replace("\u2026", "...").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _SPACES.sub(" ", text)


#: Who dropped the noise lines of a scraped page (see :class:`~briefing.models.Dropped`); the
#: teaser cleaner takes them as evidence that the text was scraped from a page.
PAGE_NOISE = "page noise"


#: What Reddit adds to every entry of its feeds: ``submitted by /u/x [link] [12 comments]`` (the
#: count is left out as often as not); at the end of a paragraph.
SUBMITTED_BY = re.compile(
    r"\s*submitted by\s+/?u/[\w-]+(?:\s+to\s+/?r/\w+)?(?:\s*\[link\])?(?:\s*\[(?:\d[\d,.]*k?\s+)?comments?\])?\s*$",
    re.IGNORECASE,
)


def is_noise_line(line: str) -> bool:
    """Whether a whole line is page furniture: a counter, a time stamp, a share prompt."""
    return len(line) <= _MAX_NOISE_LENGTH and bool(_NOISE_LINE.match(line))


def _unglue(match: re.Match[str]) -> str:
    text = match.string
    end = match.end()
    if not (text[end].isupper() and text[end + 1].islower()):
        return match.group(0)
    start = text.rfind(" ", 0, match.start()) + 1
    stop = text.find(" ", end)
    token = text[start : stop if stop != -1 else len(text)]
    if _URLISH.search(token):
        return match.group(0)
    return match.group(0) + " "


def unglue_sentences(text: str) -> str:
    """``word.Next`` becomes ``word. Next`` (also after a closing quote or a colon, and ``a,b`` gets its
    space); ``U.S.``, ``e.g.``, ``3.5``, ``z.B.`` and domains stay whole."""
    text = _GLUED.sub(_unglue, text)
    return _GLUED_COMMA.sub(", ", text)


def _blocks(text: str, noise: list[str] | None = None) -> Iterable[list[str]]:
    block: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or is_noise_line(line):
            if line and noise is not None:
                noise.append(line)
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


class Paragraph(NamedTuple):
    """A paragraph of cleaned prose and whether it stands apart, the only layout a plain text has
    for a heading: alone between blank lines (or noise lines), or on a line of its own after a
    line that ends a sentence."""

    text: str
    apart: bool


def layout_paragraphs(text: str, noise: list[str] | None = None) -> list[Paragraph]:
    """Paragraphs of cleaned prose; the noise lines dropped are added to ``noise`` if given.

    Blank lines and noise lines end a paragraph. Within a block, a line break joins hard-wrapped
    lines (a block whose lines are all short and break mid-sentence) and otherwise separates
    paragraphs, so scraped text with one paragraph per line keeps its structure.
    """
    paragraphs: list[Paragraph] = []
    for block in _blocks(clean_characters(text), noise):
        longest = max(len(line) for line in block)
        wrapped = longest <= 100
        current, last, apart = block[0], block[0], len(block) == 1
        for line in block[1:]:
            if wrapped and not last.endswith(_TERMINAL) and len(last) >= 0.6 * longest and not is_item(line):
                current, apart = f"{current} {line}", False
            else:
                paragraphs.append(Paragraph(unglue_sentences(current), apart))
                current, apart = line, last.endswith(_TERMINAL)
            last = line
        paragraphs.append(Paragraph(unglue_sentences(current), apart))
    return paragraphs


def split_paragraphs(text: str, noise: list[str] | None = None) -> list[str]:
    """The text of :func:`layout_paragraphs`."""
    return [paragraph.text for paragraph in layout_paragraphs(text, noise)]


#: A heading ends on none of these: a stop, a closing quote or bracket after one (``“``, ``.)``, ``:)``).
_SENTENCE_ENDS = tuple('.!?:;,"”“»«…') + tuple(f"{mark}{close}" for mark in ".!?:;" for close in ")]'’")
#: A sentence's end inside a line: ``Roses are red. Violets are blue``.
_INNER_END = re.compile(r"[^\W\d_]{2}[.!?][\"'”“»)\]]*\s+\S")
#: A heading has at most this many words.
HEADING_WORDS = 16


def looks_like_heading(paragraph: str) -> bool:
    """A short paragraph with no sentence punctuation at its end or inside: it can be a heading or
    a title. Whether it is one depends on where it stands (see :func:`headings_of`).

    A figure (``42,093``), a lone lower-case word or a line with a link is not a heading but
    text that stands on its own line, and stays in the text; a lone capitalised word
    (``Results``) can be a heading.
    """
    words = paragraph.split()
    if not words or len(words) > HEADING_WORDS or paragraph.rstrip().endswith(_SENTENCE_ENDS):
        return False
    if "://" in paragraph or "www." in paragraph:
        return False  # "Read the decision at https://...": a sentence that ends in its link
    if not any(character.isalpha() for character in paragraph) or _INNER_END.search(paragraph):
        return False
    if is_item(paragraph):
        return False  # "a) foo", "• 9. The first item", "ii. First": list items are text
    return len(words) > 1 or (words[0][0].isupper() and words[0].isalpha())


def headings_of(paragraphs: list[Paragraph]) -> list[bool]:
    """Which paragraphs of a plain text are headings: only what the layout marks as one, a short
    line that stands apart (see :class:`Paragraph`) with text after it that is no heading. A
    document's only paragraph, a list item, the first line of a block or a short last line is text."""
    flags = [paragraph.apart and looks_like_heading(paragraph.text) for paragraph in paragraphs]
    body_after = False
    for index in range(len(paragraphs) - 1, -1, -1):
        flags[index] = flags[index] and body_after
        body_after = body_after or not flags[index]
    return flags
