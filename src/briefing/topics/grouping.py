"""Grouping documents into topics: configured globs first, then by content or by folder.

``grouping = "content"`` (the default) clusters what no rule claims by what it says
(:mod:`briefing.topics.clustering`); ``grouping = "folders"`` uses the folder a source sits in, which
needs only its path and so is known before anything is parsed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from ..models import Document, Theme, Topic
from ..printable import one_line
from ..settings import THRESHOLD, TopicRule
from .clustering import group_by_content
from .features import WordFeatures


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
    """The first configured topic that claims ``origin``, else its folder topic (a folder's
    name may hold anything: the name is one printable line)."""
    rule = next((r for r in rules if r.matches(origin)), None)
    return one_line(rule.name if rule else folder_topic(origin))


def group_topics(documents: Sequence[Document], rules: Sequence[TopicRule] = ()) -> list[Topic]:
    """Topics by rule and folder, in the order first seen: configured ones in config order, then folders."""
    groups: dict[str, list[Document]] = {rule.name: [] for rule in rules}
    for document in documents:
        groups.setdefault(topic_name(document.origin, rules), []).append(document)
    return [Topic(name, tuple(docs)) for name, docs in groups.items() if docs]


def pinned_and_free(documents: Sequence[Document], rules: Sequence[TopicRule]) -> tuple[list[Topic], list[Document]]:
    """The topics configured rules pin, in config order, and the documents no rule claims."""
    pinned: dict[str, list[Document]] = {rule.name: [] for rule in rules}
    free: list[Document] = []
    for document in documents:
        rule = next((r for r in rules if r.matches(document.origin)), None)
        (pinned[rule.name] if rule else free).append(document)
    return [Topic(name, tuple(docs)) for name, docs in pinned.items() if docs], free


def group_by_grouping(
    documents: Sequence[Document],
    themes: Mapping[str, Sequence[Theme]],
    rules: Sequence[TopicRule] = (),
    grouping: str = "content",
    threshold: float = THRESHOLD,
    words: Mapping[str, WordFeatures] | None = None,
) -> list[Topic]:
    """Configured topics first, then the rest grouped by content (``words``: see
    :func:`group_by_content`) or by folder."""
    if grouping == "folders":
        return group_topics(documents, rules)
    pinned, free = pinned_and_free(documents, rules)
    taken = {t.name for t in pinned}
    found = []
    for topic in group_by_content(free, themes, threshold, words):
        name, number = topic.name, 1
        while name in taken:
            number += 1
            name = f"{topic.name} ({number})"
        taken.add(name)
        found.append(Topic(name, topic.documents, topic.keywords))
    return pinned + found
