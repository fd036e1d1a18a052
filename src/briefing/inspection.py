"""A document as briefing sees it, for ``briefing inspect``: where it came from, its language
and how that was decided, the sentences it reads (numbered, by paragraph) and what loading and
cleaning left out, each with who dropped it and why. No UI in here: the CLI renders it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby

from .engine.prepare import load_source, prepare_document
from .engine.runner import Engine
from .models import Document, Problem
from .sources.how_read import how_read, language_said
from .text.outline import placed_headings, reading_order
from .wording import counted


@dataclass(frozen=True)
class Inspection:
    """One prepared document and how it came to be."""

    document: Document
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = field(default=())


def inspect(engine: Engine, origins: Iterable[str]) -> tuple[list[Inspection], list[Problem]]:
    """Every named source's documents, inspected, and the sources that could not be read."""
    sources, unreadable = engine.gather(origins)
    inspected: list[Inspection] = []
    for source in sources:
        loaded, problems, notes = load_source(engine.plugins, source)
        unreadable.extend(problems)
        for document in loaded:
            prepared, failed, noted = prepare_document(engine.plugins, document)
            inspected.append(Inspection(prepared, tuple(failed), tuple(notes + noted)))
            notes = []  # the source's warnings go with its first document
    return inspected, unreadable


def as_json(inspection: Inspection) -> dict[str, object]:
    document = inspection.document
    return {
        **how_read(document),
        "headings": [
            {"text": text, "before_paragraph": None if place is None else place + 1}
            for text, place in placed_headings(document)
        ],
        "sentences": [
            {"paragraph": s.paragraph + 1, "number": s.position + 1, "text": s.text} for s in document.sentences
        ],
        "dropped": [{"text": d.text, "by": d.by, "why": d.why, "paragraph": d.paragraph + 1} for d in document.dropped],
        "problems": [p.message for p in inspection.problems],
        "warnings": [p.message for p in inspection.warnings],
    }


def render_json(inspections: list[Inspection]) -> str:
    return json.dumps([as_json(i) for i in inspections], ensure_ascii=False, indent=2) + "\n"


def render_text(inspections: list[Inspection]) -> str:
    return "\n".join(_text(i) for i in inspections)


def _text(inspection: Inspection) -> str:
    document = inspection.document
    lines = [document.title, "=" * min(len(document.title), 78)]
    lines.append(f"from:      {document.origin}" + (f" ({document.link})" if document.link else ""))
    for label, value in (("date", document.date), ("author", document.author)):
        if value:
            lines.append(f"{label + ':':<11}{value}")
    lines.append(f"language:  {language_said(document)}")
    lines.append(f"sentences: {document.segmenter}")
    unplaced = [text for text, place in placed_headings(document) if place is None]
    if unplaced:
        lines.append(f"headings:  {' | '.join(unplaced)}")
    kept = len({s.paragraph for s in document.sentences})
    lines.append(f"\nKept: {counted(kept, 'paragraph')}, {len(document.sentences)} sentences")
    lines.extend(_paragraphs(document))
    lines.append(f"\nDropped: {len(document.dropped) or 'nothing'}")
    for dropped in document.dropped:
        lines.append(f"  [{dropped.by}] {dropped.text}")
        lines.append(f"      why: {dropped.why}")
    for kind, problems in (("problem", inspection.problems), ("warning", inspection.warnings)):
        for problem in problems:
            lines.append(f"{kind}: {problem.message}")
    return "\n".join(lines) + "\n"


def _paragraphs(document: Document) -> Iterator[str]:
    """The sentences by paragraph, each heading in its place (``#`` before it)."""
    by_paragraph = {number: list(found) for number, found in groupby(document.sentences, key=lambda s: s.paragraph)}
    for item in reading_order(document):
        if isinstance(item, str):
            yield f"  # {item}"
            continue
        yield f"  ¶{item + 1}"
        for sentence in by_paragraph[item]:
            yield f"    {sentence.position + 1:>3}. {sentence.text}"
