"""Subscriptions: an OPML file (as newsboat, Feedly and every feed reader export them) names the
feeds to read. Named as a source, it stands for its feeds, like a folder for its files.

Each ``<outline>`` with an ``xmlUrl``, at any depth (feed readers nest them in folders), is one
feed; the same feed twice is read once. A local path in ``xmlUrl`` is read relative to the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module
from ..models import Problem
from .urls import is_url

if TYPE_CHECKING:
    import xml.etree.ElementTree as ElementTree
else:
    ElementTree = lazy_module("xml.etree.ElementTree")  # for OPML files only

SUFFIX = ".opml"
#: The largest subscriptions file read (a reader's export of thousands of feeds is far smaller).
MAX_BYTES = 10_000_000


def is_subscriptions(origin: str) -> bool:
    """Whether ``origin`` names a local OPML file."""
    return not is_url(origin) and origin.lower().endswith(SUFFIX) and Path(origin).is_file()


def feeds_in(path: Path, origin: str) -> list[str] | Problem:
    """The feeds ``path`` subscribes to, in order, or why it cannot be read as subscriptions."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return Problem(origin, f"subscriptions file larger than {MAX_BYTES:,} bytes; not read")
        data = path.read_bytes()
    except OSError as exc:
        return Problem(origin, f"cannot read: {exc.strerror or exc}")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":", 1)[0]  # "mismatched tag: line 3, column 2" -> "mismatched tag"
        return Problem(origin, f"not an OPML file: line {line}, column {column + 1}: {reason}")
    if root.tag.lower() != "opml":
        return Problem(origin, f"not an OPML file: its root element is <{root.tag}>, not <opml>")
    feeds: dict[str, None] = {}
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            feeds[url if is_url(url) else str((path.parent / url).resolve())] = None
    if not feeds:
        return Problem(origin, "no feeds in this OPML file (no <outline> with an xmlUrl)")
    return list(feeds)
