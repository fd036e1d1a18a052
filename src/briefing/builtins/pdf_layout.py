"""A PDF page's lines with the size of their type, which of them are headings, and which lines
make a paragraph.

A PDF has no markup for a heading; what says "heading" to a reader is type set larger than the
text around it. pypdf reports each piece of text it extracts with its font size and the matrices
that scale it; the size a line is printed at is the size of most of its letters. The body size
is the size of most of the document's letters, and a short line set clearly larger is a
heading: what the source's layout says, not a guess from the words.

A PDF's lines are where the type was set, so every line break is wrapping unless the line ends a
paragraph, which shows as a line that stops short of the column: the column is as wide as most
long lines (a plain text's rule, "as long as the longest line", fails on a page where one line
runs wider and then cuts every sentence at every line end).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..text.list_markers import is_item

#: A line set this much larger than the body text is a heading (1.15: 11 pt body, 12.65 pt and up).
HEADING_SCALE = 1.15
#: A heading has at most this many words; a longer line in large type is a pull quote or a lead.
HEADING_WORDS = 16
#: Ends that make a line a sentence, however large its type (a heading can ask a question).
_SENTENCE_END = re.compile(r"[.,;:][\"'”’)\]]*$|[^\W\d_]{2}[.!?]\s+\S")
#: The column's width is what this share of lines stay within...
_COLUMN_SHARE = 0.9
#: ... and a line that ends a sentence this far short of it ends its paragraph; a line ending
#: mid-sentence has to stop shorter still (a name, an address, a line set apart).
_SHORT_AFTER_STOP, _SHORT = 0.85, 0.6
_PARAGRAPH_END = tuple('.!?:;"”’)')


class Line(NamedTuple):
    """A line of a page's text and the size of most of its letters (0 when pypdf gave none)."""

    text: str
    size: float


def _scale(matrix: Sequence[float]) -> float:
    """How much a text or transformation matrix enlarges type vertically."""
    return math.hypot(float(matrix[2]), float(matrix[3])) or 1.0


def sized_lines(page: Any) -> list[Line]:
    """The page's text lines, each with its type size. pypdf hands every piece of text it
    extracts to a visitor with its font size and matrices; when the pieces do not add up to
    the text it extracted (it can add or drop a space), the lines come without sizes."""
    pieces: list[tuple[str, float]] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: object, size: float) -> None:
        if text:
            pieces.append((text, float(size or 0) * _scale(tm) * _scale(cm)))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(piece for piece, _ in pieces) != text:
        return [Line(line.strip(), 0.0) for line in text.splitlines()]
    lines: list[Line] = []
    letters: Counter[float] = Counter()
    current: list[str] = []
    for piece, size in pieces:
        for index, part in enumerate(piece.split("\n")):
            if index:
                lines.append(Line("".join(current).strip(), _most(letters)))
                current, letters = [], Counter()
            current.append(part)
            letters[round(size, 1)] += sum(not c.isspace() for c in part)
    if current:
        lines.append(Line("".join(current).strip(), _most(letters)))
    return lines


def _most(letters: Counter[float]) -> float:
    return letters.most_common(1)[0][0] if letters and sum(letters.values()) else 0.0


def body_size(lines: Sequence[Line]) -> float:
    """The size most of the document's letters are set in (0 when no line has a size)."""
    letters: Counter[float] = Counter()
    for line in lines:
        if line.size:
            letters[line.size] += len(line.text)
    return letters.most_common(1)[0][0] if letters else 0.0


def is_heading(line: Line, body: float) -> bool:
    """A short line set clearly larger than the body, with letters, that does not read as a sentence."""
    words = line.text.split()
    return (
        body > 0
        and line.size >= body * HEADING_SCALE
        and 0 < len(words) <= HEADING_WORDS
        and any(c.isalpha() for c in line.text)
        and not _SENTENCE_END.search(line.text)
    )


def column_width(lines: Sequence[str]) -> int:
    """How wide the text's column is, in characters: what nine lines in ten stay within."""
    lengths = sorted(len(line) for line in lines)
    return lengths[min(len(lengths) - 1, int(len(lengths) * _COLUMN_SHARE))] if lengths else 0


def paragraphs(lines: Sequence[str], width: int) -> list[str]:
    """The lines joined into paragraphs: a line ends its paragraph when it stops short of the
    column (well short of it if it ends mid-sentence) or the next line is a list item."""
    found: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        short = len(line) < width * (_SHORT_AFTER_STOP if line.endswith(_PARAGRAPH_END) else _SHORT)
        if not following or short or is_item(following):
            found.append(" ".join(current))
            current = []
    return found
