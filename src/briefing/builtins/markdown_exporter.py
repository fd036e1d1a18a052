"""Markdown export: source text is escaped so it cannot become markup in the rendered file."""

from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..interfaces import Exporter
from ..models import Briefing, DocumentBrief, Problem

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Text with markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _document(entry: DocumentBrief) -> list[str]:
    d = entry.document
    facts = [f"`{d.origin.replace('`', '')}`"] + [escape(x) for x in (d.date, d.author, d.language) if x]
    lines = [f"### {escape(d.title)}", "", " · ".join(facts), ""]
    if entry.summary is None:
        lines.append("*No summary: the summarizer failed, see the errors.*")
    else:
        lines += [f"- {escape(s.text)}" for s in entry.summary.sentences]
    if entry.themes:
        lines += ["", "**Themes:** " + ", ".join(f"{escape(t.name)} ({t.score:.2f})" for t in entry.themes)]
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
        lines = ["# Briefing", ""]
        for brief in briefing.briefs:
            lines += [f"## {escape(brief.topic)}", ""]
            if brief.brief:
                titles = {e.document.id: e.document.title for e in brief.documents}
                lines += [f"> {escape(s.text)} — *{escape(titles.get(s.document, s.document))}*  " for s in brief.brief]
                lines.append("")
            for entry in brief.documents:
                lines += _document(entry)
        lines += _problems("Errors", briefing.errors)
        lines += _problems("Warnings", briefing.warnings)
        return "\n".join(lines).rstrip() + "\n"


@hookimpl
def register_exporters(register):
    register(MarkdownExporter)
