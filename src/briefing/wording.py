"""Counts and attributions as people write them: ``1 document``, ``2 documents``, "said by 3
sources: ..."."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .models import Point


def counted(number: int, noun: str, plural: str = "") -> str:
    """``number`` and ``noun``, the noun in the plural (``plural``, or with an ``s``) unless the
    number is one."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def point_sources(documents: Sequence[str], titles: Mapping[str, str], topic_size: int) -> str:
    """Who says a point, as the brief shows it: "said by 3 sources: A; B; C", or "only in A" when
    the topic has other documents that do not say it (just "A" when it has none)."""
    names = [titles.get(d, d) for d in documents]
    if len(names) > 1:
        return f"said by {len(names)} sources: " + "; ".join(names)
    return ("only in " if topic_size > 1 else "") + names[0]


def point_attribution(point: Point, titles: Mapping[str, str], topic_size: int) -> str:
    """A point's speaker (if the text names one), its sources and its date, joined by " · "."""
    parts = [point.speaker] if point.speaker else []
    parts.append(point_sources(point.documents, titles, topic_size))
    if point.date:
        parts.append(point.date)
    return " · ".join(parts)
