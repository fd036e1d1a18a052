"""A PDF page's lines with the size of their type, and which of them are headings.

A PDF has no markup for a heading; what says "heading" to a reader is type set larger than the
text around it. pypdf reports each piece of text it extracts with its font size and the matrices
that scale it; the size a line is printed at is the size of most of its letters. The body size
is the size of most of the document's letters, and a short line set clearly larger is a
heading: what the source's layout says, not a guess from the words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

#: A line set this much larger than the body text is a heading (1.15: 11 pt body, 12.65 pt and up).
HEADING_SCALE = 1.15
#: A heading has at most this many words; a longer line in large type is a pull quote or a lead.
HEADING_WORDS = 16
#: Ends that make a line a sentence, however large its type.
_SENTENCE_END = re.compile(r"[.!?,;:][\"'”’)\]]*$|[^\W\d_]{2}[.!?]\s+\S")


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
