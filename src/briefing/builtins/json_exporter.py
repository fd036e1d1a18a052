"""JSON export. The keys below are a contract that scripts rely on; more keys may be added."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..hookspecs import hookimpl
from ..interfaces import Exporter
from ..models import Brief, Briefing, BriefTheme, DocumentBrief, Problem, Theme
from ..sources.how_read import how_read
from ..topics.coverage import coverage

#: What JSON leaves raw that a terminal may act on: C1 controls and BiDi controls.
_TERMINAL_ACTIVE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _document(entry: DocumentBrief) -> dict[str, Any]:
    d = entry.document
    return {
        "id": d.id,
        **how_read(d),
        "tags": list(d.tags),
        "summarizer": entry.summary.summarizer if entry.summary else None,
        "summary": [
            {"text": s.text, "position": s.position, "paragraph": s.paragraph, "score": s.score, "rank": s.rank}
            for s in (entry.summary.sentences if entry.summary else ())
        ],
        "themes": [_theme(t) for t in entry.themes],
    }


def _theme(theme: Theme) -> dict[str, Any]:
    return {
        "name": theme.name,
        "kind": theme.kind,
        "score": theme.score,
        "evidence": list(theme.evidence),
        "tagger": theme.tagger,
        "also": list(theme.also),  # other taggers that found a theme of this name, merged into it
    }


def _brief_theme(theme: BriefTheme) -> dict[str, Any]:
    return {
        "name": theme.name,
        "sources": theme.sources,
        "points": [
            {
                "text": p.text,
                "documents": list(p.documents),
                "score": p.score,
                "figures": list(p.figures),
                "speaker": p.speaker or None,
                "quote": p.quote,
                "date": p.date,
            }
            for p in theme.points
        ],
    }


def _coverage(brief: Brief) -> dict[str, Any]:
    matrix = coverage(brief)
    return {
        "themes": [{"name": t.name, "tagger": t.tagger} for t in matrix.themes],
        "rows": [
            {"document": entry.document.id, "scores": list(scores)}
            for entry, scores in zip(matrix.documents, matrix.scores, strict=True)
        ],
    }


def _problems(problems: tuple[Problem, ...]) -> list[dict[str, str]]:
    return [{"source": p.source, "message": p.message} for p in problems]


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    facts = briefing.facts
    return {
        "about": None
        if facts is None
        else {
            "made": facts.made,
            "sources": list(facts.sources),
            "summarizer": facts.summarizer,
            "length": facts.length,
            "grouping": facts.grouping,
            "version": facts.version,
            "taggers": list(facts.taggers),
            "topic_sentences": facts.topic_sentences,
        },
        "topics": [
            {
                "name": brief.topic,
                "keywords": list(brief.keywords),
                "brief": [{"text": s.text, "document": s.document, "score": s.score} for s in brief.brief],
                "thematic": [_brief_theme(t) for t in brief.thematic],
                "timeline": [
                    {"date": d.date, "document": d.document, "points": list(d.points)} for d in brief.timeline
                ],
                "themes": [_theme(t) for t in sorted(brief.themes, key=lambda t: -t.score)],
                "coverage": _coverage(brief),
                "documents": [_document(entry) for entry in brief.documents],
            }
            for brief in briefing.briefs
        ],
        "errors": _problems(briefing.errors),
        "warnings": _problems(briefing.warnings),
    }


class JsonExporter(Exporter):
    name = "json"
    description = "JSON with a stable schema, for scripts"
    suffix = ".json"

    def render(self, briefing: Briefing) -> str:
        text = json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"
        # JSON escapes the C0 controls itself; the rest a terminal may obey (C1 controls, BiDi
        # overrides) are written as \\u escapes too: the same data, nothing that acts on a screen.
        return _TERMINAL_ACTIVE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


@hookimpl
def register_exporters(register: Callable[[type[Exporter]], None]) -> None:
    register(JsonExporter)
