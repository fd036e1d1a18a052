"""Evaluation sets: documents (one, or a topic's several) and the summaries people wrote of them.

Two layouts are read:

- a folder of documents (any file a loader takes), each beside its reference: ``harbour.txt``
  and ``harbour.ref.txt``; a reference file may hold several references separated by a line
  with only ``---``;
- a JSON Lines file, one case per line: ``{"text": ..., "summary": ...}`` for one document, or
  ``{"documents": [...], "summaries": [...]}`` for a topic. ``summary`` may be a list and
  ``summaries`` a string; a document may be a string or ``{"text", "title", "date"}``; ``id``
  and ``language`` are optional.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..engine.runner import Engine
from ..models import Document, Problem, Source

REFERENCE_SUFFIX = ".ref.txt"
_SEPARATOR = re.compile(r"^\s*---\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Case:
    """Documents to summarize (one, or a topic's several) and the references they are scored against."""

    name: str
    documents: tuple[Document, ...]
    references: tuple[str, ...]

    @property
    def topic(self) -> bool:
        """Whether this case is a multi-document topic (scored as topic briefs)."""
        return len(self.documents) > 1


def load_cases(path: Path, engine: Engine) -> tuple[list[Case], list[Problem]]:
    """The cases in ``path`` (a folder or a ``.jsonl`` file) and what is wrong with the others."""
    if path.is_dir():
        return _folder_cases(path, engine)
    return _jsonl_cases(path, engine)


def _documents(engine: Engine, sources: list[Source], problems: list[Problem]) -> tuple[Document, ...]:
    prepared = engine.sources.prepare(sources, analyse=False)
    problems.extend(prepared.errors)
    return tuple(d for d in prepared.documents if d.sentences)


def _folder_cases(folder: Path, engine: Engine) -> tuple[list[Case], list[Problem]]:
    cases: list[Case] = []
    problems: list[Problem] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if path.name.endswith(REFERENCE_SUFFIX):
            continue
        reference = path.with_name(path.name.split(".")[0] + REFERENCE_SUFFIX)
        if not reference.is_file():
            problems.append(Problem(str(path), f"no reference summary ({reference.name})"))
            continue
        texts = tuple(t.strip() for t in _SEPARATOR.split(reference.read_text(encoding="utf-8")) if t.strip())
        if not texts:
            problems.append(Problem(str(reference), "the reference file is empty"))
            continue
        documents = _documents(engine, [Source(str(path), path.read_bytes(), path)], problems)
        cases.extend(Case(document.origin, (document,), texts) for document in documents)
    return cases, problems


def _texts(value: object) -> tuple[str, ...]:
    """A reference field as its references: a string is one, a list several."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("references must be a string or a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _front_matter(fields: dict[str, object]) -> str:
    """A front matter block the text loader reads (JSON strings are YAML strings)."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items() if value]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


def _source(origin: str, entry: object, language: object) -> Source:
    if isinstance(entry, str):
        entry = {"text": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
        raise ValueError("a document must be a string or an object with a 'text' string")
    fields = {"title": entry.get("title"), "date": entry.get("date"), "language": language}
    return Source(origin, (_front_matter(fields) + entry["text"]).encode("utf-8"))


def _rows(path: Path) -> Iterator[tuple[int, object]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield number, exc


def _jsonl_cases(path: Path, engine: Engine) -> tuple[list[Case], list[Problem]]:
    cases: list[Case] = []
    problems: list[Problem] = []
    for number, row in _rows(path):
        where = f"{path}:{number}"
        try:
            if isinstance(row, Exception):
                raise ValueError(f"not JSON ({row})")
            if not isinstance(row, dict):
                raise ValueError("a line must be a JSON object")
            name = str(row.get("id", number))
            entries = row["documents"] if "documents" in row else [row] if "text" in row else None
            if not isinstance(entries, list) or not entries:
                raise ValueError("no 'text' and no 'documents' list")
            key = "summaries" if "summaries" in row else "summary"
            references = _texts(row.get(key))
            if not references:
                raise ValueError("no reference summary ('summary' or 'summaries')")
            sources = [_source(f"{where}#{i + 1}.txt", e, row.get("language")) for i, e in enumerate(entries)]
        except (ValueError, KeyError) as exc:
            problems.append(Problem(where, str(exc)))
            continue
        documents = _documents(engine, sources, problems)
        if documents:
            cases.append(Case(name, documents, references))
    return cases, problems
