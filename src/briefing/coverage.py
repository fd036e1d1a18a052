"""Themes of a whole topic, and which document covers which theme: the coverage matrix.

A topic's themes are its documents' themes pooled: a theme's topic score is its mean score over
all the topic's documents (0 where a document lacks it), so a theme every source carries ranks
above one a single source dwells on. Exporters and the TUI draw the same matrix from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .models import Brief, DocumentBrief, Theme

#: How many themes a topic keeps, so that the matrix stays readable.
TOPIC_THEMES = 12


def theme_key(theme: Theme) -> tuple[str, str]:
    """Themes from different taggers may share a name ("energy"); the tagger tells them apart."""
    return theme.tagger, theme.name


def topic_themes(entries: Sequence[DocumentBrief], limit: int = TOPIC_THEMES) -> tuple[Theme, ...]:
    """The topic's top themes, most widely covered first, each with one evidence sentence per document."""
    pooled: dict[tuple[str, str], list[Theme]] = {}
    for entry in entries:
        for theme in entry.themes:
            pooled.setdefault(theme_key(theme), []).append(theme)
    if not entries:
        return ()
    ranked = []
    for (tagger, name), found in pooled.items():
        found.sort(key=lambda t: -t.score)
        evidence = tuple(dict.fromkeys(t.evidence[0] for t in found if t.evidence))
        score = round(sum(t.score for t in found) / len(entries), 4)
        ranked.append((len(found), Theme(name, score, evidence, tagger, found[0].kind)))
    ranked.sort(key=lambda item: (-item[0], -item[1].score, item[1].name, item[1].tagger))
    return tuple(theme for _, theme in ranked[:limit])


@dataclass(frozen=True)
class Coverage:
    """A sources x themes matrix: ``scores[i][j]`` is document ``i``'s score for theme ``j`` (0: absent)."""

    themes: tuple[Theme, ...]
    documents: tuple[DocumentBrief, ...]
    scores: tuple[tuple[float, ...], ...]


def coverage(brief: Brief) -> Coverage:
    themes = brief.themes or topic_themes(brief.documents)
    keys = [theme_key(t) for t in themes]
    rows = []
    for entry in brief.documents:
        own = {theme_key(t): t.score for t in entry.themes}
        rows.append(tuple(own.get(key, 0.0) for key in keys))
    return Coverage(themes, brief.documents, tuple(rows))


def shade(score: float) -> str:
    """A score as one character for text matrices: blank, ░, ▒, ▓ or █."""
    if score <= 0:
        return "·"
    return "░▒▓█"[min(3, int(score * 4))]
