"""Plain-text export, wrapped at 78 columns."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from ..hookspecs import hookimpl
from ..interfaces import Exporter
from ..models import Brief, Briefing, DocumentBrief, Problem, RunFacts, Theme
from ..printable import printable
from ..topics.coverage import coverage, shade
from ..wording import counted, point_attribution

WIDTH = 78


def _bullet(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=f"{indent}- ", subsequent_indent=f"{indent}  ", break_on_hyphens=False
    ) or [f"{indent}-"]


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def _themes(themes: Sequence[Theme]) -> list[str]:
    """Strongest first."""
    ranked = sorted(themes, key=lambda t: -t.score)
    return _wrap("Themes: " + ", ".join(f"{t.name} ({t.score:.2f})" for t in ranked))


def _header(facts: RunFacts, briefing: Briefing) -> list[str]:
    documents = sum(len(b.documents) for b in briefing.briefs)
    topics = len(briefing.briefs)
    rows = [
        ("Made", f"{facts.made} by briefing {facts.version}"),
        ("Sources", ", ".join(facts.sources) or "-"),
        ("Summarizer", f"{facts.summarizer}, {facts.length}"),
        ("Grouping", f"{facts.grouping} ({counted(topics, 'topic')}, {counted(documents, 'document')})"),
        ("Taggers", ", ".join(facts.taggers) or "-"),
        ("Briefs", f"up to {counted(facts.topic_sentences, 'sentence')} per topic"),
    ]
    lines = ["Briefing", "========"]
    for label, value in rows:
        lines += textwrap.wrap(value, WIDTH, initial_indent=f"{label + ':':<12}", subsequent_indent=" " * 12)
    return lines + [""]


def _document(entry: DocumentBrief) -> list[str]:
    d = entry.document
    lines = _wrap(d.title)
    lines.append("~" * min(WIDTH, max(len(line) for line in lines)))
    facts = [d.origin] + [x for x in (d.link, d.date, d.author, d.language) if x]
    lines += _wrap(" | ".join(facts))
    lines.append("")
    if entry.summary is None:
        lines.append("(no summary: the summarizer failed, see the errors)")
    else:
        for sentence in entry.summary.sentences:
            lines += _bullet(sentence.text)
    if entry.themes:
        lines.append("")
        lines += _themes(entry.themes)
    lines.append("")
    return lines


def _coverage(brief: Brief) -> list[str]:
    """Themes down, documents across (numbered), one shade per cell: ░ ▒ ▓ █ by share of sentences."""
    matrix = coverage(brief)
    if not matrix.themes:
        return []
    lines = ["Coverage", "--------"]
    for number, entry in enumerate(matrix.documents, start=1):
        lines += _wrap(f"{number:>2} {entry.document.title}", "")
    label_width = 30
    numbers = "".join(f"{n:>3}" for n in range(1, len(matrix.documents) + 1))
    lines.append(" " * label_width + numbers)
    for column, theme in enumerate(matrix.themes):
        label = f"{theme.name} ({theme.kind or theme.tagger}{''.join(f', {t}' for t in theme.also)})"
        label = label if len(label) < label_width else label[: label_width - 2] + "…"
        cells = "".join(f"{shade(row[column]):>3}" for row in matrix.scores)
        lines.append(f"{label:<{label_width}}{cells}")
    return lines + [""]


def _thematic(brief: Brief) -> list[str]:
    """The topic's themes, numbered, each with its key points and who said them."""
    if not brief.thematic:
        return []
    titles = {e.document.id: e.document.title for e in brief.documents}
    size = len(brief.documents)
    lines = ["Themes and key points", "---------------------"]
    for number, theme in enumerate(brief.thematic, start=1):
        lines += _wrap(f"{number}. {theme.name} ({counted(theme.sources, 'source')})")
        for point in theme.points:
            lines += _bullet(point.text, "   ")
            lines += _wrap(f"-- {point_attribution(point, titles, size)}", "     ")
        lines.append("")
    return lines


def _timeline(brief: Brief) -> list[str]:
    """The topic's dated documents in date order, each with what it added to the ones before."""
    if not brief.timeline:
        return []
    titles = {e.document.id: e.document.title for e in brief.documents}
    lines = ["Timeline", "--------"]
    for development in brief.timeline:
        lines += _wrap(f"{development.date}  {titles.get(development.document, development.document)}")
        for point in development.points:
            lines += _bullet(point, "   ")
    return lines + [""]


def _topic(brief: Brief) -> list[str]:
    count = len(brief.documents)
    heading = f"Topic: {brief.topic} ({count} document{'s' if count != 1 else ''})"
    lines = [heading, "=" * min(WIDTH, len(heading))]
    if brief.keywords:
        lines += _wrap("Keywords: " + ", ".join(brief.keywords))
    lines.append("")
    lines += _thematic(brief)
    lines += _timeline(brief)
    if brief.themes:
        lines += _themes(brief.themes)
        lines.append("")
    lines += _coverage(brief)
    for entry in brief.documents:
        lines += _document(entry)
    return lines


def _problems(title: str, problems: tuple[Problem, ...]) -> list[str]:
    if not problems:
        return []
    lines = [title, "-" * len(title)]
    for p in problems:
        lines += _bullet(f"{p.source}: {p.message}")
    return lines + [""]


class TextExporter(Exporter):
    name = "text"
    description = "Plain text wrapped at 78 columns"
    suffix = ".txt"

    def render(self, briefing: Briefing) -> str:
        lines: list[str] = _header(briefing.facts, briefing) if briefing.facts else []
        for brief in briefing.briefs:
            lines += _topic(brief)
        lines += _problems("Errors", briefing.errors)
        lines += _problems("Warnings", briefing.warnings)
        return printable("\n".join(lines).rstrip() + "\n")


@hookimpl
def register_exporters(register: Callable[[type[Exporter]], None]) -> None:
    register(TextExporter)
