"""Where a document's headings stand among its paragraphs, from the loader's text to the
prepared sentences.

A loader says where each heading stands by counting the paragraphs of its text before it
(:attr:`~briefing.models.Document.heading_places`). Preparing the document then lays the text
out again (a loader's paragraph can be several lines that are paragraphs of their own), and the
cleaners drop and change paragraphs. A heading keeps its place through all of it: it stands
before the paragraph that took the place of the one it stood before, or the next one kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..models import Document
from .clean import split_paragraphs

#: What separates a loader's paragraphs: a blank line.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def laid_out(document: Document) -> tuple[list[str], list[int]]:
    """The paragraphs of a loaded document's text as preparing reads them
    (:func:`~.clean.split_paragraphs`), and its heading places counted in them; none when the
    loader gave no place, or not one per heading."""
    text, places = document.text, document.heading_places
    if not places or len(places) != len(document.headings):
        return split_paragraphs(text), []
    paragraphs: list[str] = []
    starts: list[int] = []  # where each of the loader's paragraphs starts among ours
    for chunk in _BLANK_LINE.split(text):
        if chunk.strip():
            starts.append(len(paragraphs))
            paragraphs.extend(split_paragraphs(chunk))
    starts.append(len(paragraphs))
    return paragraphs, [starts[min(max(place, 0), len(starts) - 1)] for place in places]


def moved(places: list[int], before: list[str], after: list[str]) -> tuple[int, ...]:
    """``places`` among the paragraphs ``before``, counted among ``after``: the same paragraphs in
    the same order, some left out or changed (what the cleaners made of them)."""
    if not places:
        return ()
    new = [len(after)] * (len(before) + 1)
    for tag, i1, i2, j1, _ in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        for i in range(i1, i2):
            new[i] = j1 + (i - i1 if tag == "equal" else 0)
    return tuple(new[place] for place in places)


def reading_order(document: Document) -> Iterator[str | int]:
    """A prepared document as it reads: each placed heading (its text) before the paragraph it
    stands before (the paragraph's number), and the headings after the last paragraph at the end."""
    headings = [(text, place) for text, place in placed_headings(document) if place is not None]
    for number in sorted({s.paragraph for s in document.sentences}):
        while headings and headings[0][1] <= number:
            yield headings.pop(0)[0]
        yield number
    for text, _ in headings:
        yield text


def placed_headings(document: Document) -> list[tuple[str, int | None]]:
    """Each heading of a prepared document with the number of the paragraph it stands before,
    or ``None`` when the loader did not say where it stands."""
    places = document.heading_places
    if len(places) != len(document.headings):
        return [(text, None) for text in document.headings]
    return list(zip(document.headings, places, strict=True))
