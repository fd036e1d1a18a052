"""Markdown export: source text is escaped so it cannot become markup in the rendered file."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..hookspecs import hookimpl
from ..interfaces import Exporter
from ..models import Brief, Briefing, DocumentBrief, Point, Problem, RunFacts, Theme
from ..printable import printable
from ..topics.coverage import coverage
from ..wording import counted, point_attribution

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Text with markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _themes(themes: Sequence[Theme]) -> str:
    ranked = sorted(themes, key=lambda t: -t.score)  # strongest first
    return "**Themes:** " + ", ".join(f"{escape(t.name)} ({t.score:.2f})" for t in ranked)


def _header(facts: RunFacts) -> list[str]:
    sources = ", ".join(f"`{s.replace('`', '')}`" for s in facts.sources) or "-"
    return [
        f"- **Made:** {escape(facts.made)} by briefing {escape(facts.version)}",
        f"- **Sources:** {sources}",
        f"- **Summarizer:** {escape(facts.summarizer)}, {escape(facts.length)}; grouped by {escape(facts.grouping)}",
        f"- **Taggers:** {escape(', '.join(facts.taggers) or '-')}; briefs of up to {facts.topic_sentences} sentences",
        "",
    ]


def _document(entry: DocumentBrief) -> list[str]:
    d = entry.document
    facts = [f"`{d.origin.replace('`', '')}`"] + [escape(x) for x in (d.link, d.date, d.author, d.language) if x]
    lines = [f"#### {escape(d.title)}", "", " · ".join(facts), ""]
    if entry.summary is None:
        lines.append("*No summary: the summarizer failed, see the errors.*")
    else:
        lines += [f"- {escape(s.text)}" for s in entry.summary.sentences]
    if entry.themes:
        lines += ["", _themes(entry.themes)]
    return lines + [""]


def _emphasised(point: Point) -> str:
    """A point's text, escaped, with its figures in bold."""
    text = escape(point.text)
    for figure in sorted(set(point.figures), key=len, reverse=True):
        written = escape(figure)
        text = re.sub(rf"(?<!\*\*){re.escape(written)}(?!\*\*)", f"**{written}**", text, count=1)
    return text


def _thematic(brief: Brief) -> list[str]:
    """The topic's themes as headings, each with its key points and who said them (the shape of
    a briefing a person writes)."""
    titles = {e.document.id: e.document.title for e in brief.documents}
    size = len(brief.documents)
    lines: list[str] = []
    for number, theme in enumerate(brief.thematic, start=1):
        lines += [f"### Theme {number}. {escape(theme.name)}", "", f"*{counted(theme.sources, 'source')}*", ""]
        for point in theme.points:
            lines.append(f"- {_emphasised(point)} — *{escape(point_attribution(point, titles, size))}*")
        lines.append("")
    return lines + (["---", ""] if lines else [])


def _timeline(brief: Brief) -> list[str]:
    """What each dated document added to the ones before, in date order."""
    if not brief.timeline:
        return []
    titles = {e.document.id: e.document.title for e in brief.documents}
    lines = ["### Timeline", ""]
    for development in brief.timeline:
        lines.append(
            f"- **{escape(development.date)}** · *{escape(titles.get(development.document, development.document))}*"
        )
        lines += [f"  - {escape(point)}" for point in development.points]
    return lines + [""]


def _coverage(brief: Brief) -> list[str]:
    """The sources x themes table: each cell is the share of the document's sentences on the theme."""
    matrix = coverage(brief)
    if not matrix.themes:
        return []
    lines = ["**Coverage** (share of each document's sentences on each theme)", ""]
    lines.append("| Document | " + " | ".join(escape(t.name) for t in matrix.themes) + " |")
    lines.append("|---|" + "---:|" * len(matrix.themes))
    for entry, scores in zip(matrix.documents, matrix.scores, strict=True):
        cells = [f"{score:.0%}" if score else "·" for score in scores]
        lines.append(f"| {escape(entry.document.title)} | " + " | ".join(cells) + " |")
    return lines + [""]


def _problems(title: str, problems: tuple[Problem, ...]) -> list[str]:
    if not problems:
        return []
    return [f"## {title}", ""] + [f"- `{p.source.replace('`', '')}`: {escape(p.message)}" for p in problems] + [""]


class MarkdownExporter(Exporter):
    name = "markdown"
    description = "Markdown, one section per topic"
    suffix = ".md"

    def render(self, briefing: Briefing) -> str:
        lines = ["# Briefing", ""] + (_header(briefing.facts) if briefing.facts else [])
        for brief in briefing.briefs:
            lines += [f"## {escape(brief.topic)}", ""]
            if brief.keywords:
                lines += [f"*Keywords: {escape(', '.join(brief.keywords))}*", ""]
            lines += _thematic(brief)
            lines += _timeline(brief)
            if brief.themes:
                lines += [_themes(brief.themes), ""]
            lines += _coverage(brief)
            lines += ["### Sources", ""]
            for entry in brief.documents:
                lines += _document(entry)
        lines += _problems("Errors", briefing.errors)
        lines += _problems("Warnings", briefing.warnings)
        return printable("\n".join(lines).rstrip() + "\n")


@hookimpl
def register_exporters(register: Callable[[type[Exporter]], None]) -> None:
    register(MarkdownExporter)
