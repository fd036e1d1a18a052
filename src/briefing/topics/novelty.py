"""What is new in a topic: what each dated document added that earlier ones did not say (the
topic's timeline), and what unread documents say that read ones did not (new since last read).

A document's points are its candidate points (:mod:`.points`), most important first. A point is
new when no sentence of the documents before it (earlier in date, or read) says the same: none
is as similar as :data:`~.thematic.PARAPHRASE` (TF-IDF cosine of content stems), the measure
that makes two sentences one point in the thematic brief.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial

from ..models import Development, DocumentBrief
from .points import Candidate, SimilarityIndex, candidates
from .thematic import PARAPHRASE

#: New points shown for each document of a timeline, and in all for "new since last read".
PER_DOCUMENT = 2
NEW_POINTS = 8


def _new_points(index: SimilarityIndex, wanted: Callable[[Candidate], bool], said: set[int], limit: int) -> list[int]:
    """Up to ``limit`` of the ``wanted`` candidates (their numbers, best first) that no candidate
    in ``said`` says, nor one taken before (each taken is added to ``said``)."""
    new: list[int] = []
    for number, candidate in enumerate(index.found):
        if len(new) == limit:
            break
        if wanted(candidate) and not said.intersection(index.similar(number)):
            new.append(number)
            said.add(number)
    return new


def _in(document: str, candidate: Candidate) -> bool:
    return candidate.document == document


def timeline(
    entries: Sequence[DocumentBrief], default_language: str, found: Sequence[Candidate] | None = None
) -> tuple[Development, ...]:
    """The topic's dated documents in date order, each with what it added to the ones before;
    ``found``, the topic's candidate points when they are read already."""
    dated = sorted((e.document.date[:10], e.document.id) for e in entries if e.document.date)
    if len(dated) < 2:
        return ()
    index = SimilarityIndex(candidates(entries, default_language) if found is None else found, PARAPHRASE)
    developments: list[Development] = []
    said: set[int] = set()
    for date, document in dated:
        new = _new_points(index, partial(_in, document), said, PER_DOCUMENT)
        if new:
            developments.append(Development(date, document, tuple(index.found[n].text for n in new)))
        said.update(n for n, c in enumerate(index.found) if c.document == document)
    return tuple(developments)


def unread_points(
    entries: Sequence[DocumentBrief], read: Collection[str], default_language: str, limit: int = NEW_POINTS
) -> tuple[Development, ...]:
    """The points of the topic's unread documents that its read ones did not make, per document
    in date order (the undated last; best first within one, at most ``limit`` in all); ``read``
    holds the ids of the documents read."""
    index = SimilarityIndex(candidates(entries, default_language), PARAPHRASE)
    said = {n for n, c in enumerate(index.found) if c.document in read}
    by_document: dict[str, list[str]] = {}
    for number in _new_points(index, lambda c: c.document not in read, said, limit):
        by_document.setdefault(index.found[number].document, []).append(index.found[number].text)
    dates = {e.document.id: e.document.date for e in entries}
    found = [Development((dates.get(d) or "")[:10], d, tuple(points)) for d, points in by_document.items()]
    return tuple(sorted(found, key=lambda d: (not d.date, d.date)))  # by date, the undated last
