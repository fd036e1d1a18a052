"""Grouping documents into topics: configured globs first, otherwise the folder a source sits in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from .models import Document, Topic


@dataclass(frozen=True)
class TopicRule:
    """A configured topic: its name and the globs of the sources that belong to it."""

    name: str
    patterns: tuple[str, ...]

    def matches(self, origin: str) -> bool:
        candidates = {origin, origin.split("#", 1)[0]}
        path = Path(origin.split("#", 1)[0])
        if path.exists():
            candidates.add(str(path.resolve()))
        return any(fnmatch(candidate, pattern) for candidate in candidates for pattern in self.patterns)


def folder_topic(origin: str) -> str:
    """The topic of a source with no configured topic: its folder, a URL's host, or ``stdin``."""
    if origin == "-":
        return "stdin"
    if "://" in origin:
        return urlsplit(origin).hostname or "web"
    parent = PurePath(origin.split("#", 1)[0]).parent
    name = parent.name or Path(parent).resolve().name
    return name or "sources"


def topic_name(origin: str, rules: Sequence[TopicRule] = ()) -> str:
    """The first configured topic that claims ``origin``, else its folder topic."""
    rule = next((r for r in rules if r.matches(origin)), None)
    return rule.name if rule else folder_topic(origin)


def group_topics(documents: Sequence[Document], rules: Sequence[TopicRule] = ()) -> list[Topic]:
    """Topics in the order first seen: configured ones in config order, then folders as found."""
    groups: dict[str, list[Document]] = {rule.name: [] for rule in rules}
    for document in documents:
        groups.setdefault(topic_name(document.origin, rules), []).append(document)
    return [Topic(name, tuple(docs)) for name, docs in groups.items() if docs]
