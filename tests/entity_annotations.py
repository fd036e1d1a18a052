"""Scoring the entity tagger against the hand annotations in ``tests/data/entities/``."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.models import Theme

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FOLDER = Path(__file__).parent / "data" / "entities"
KINDS = ("person", "organisation", "place")


@dataclass
class Annotation:
    kinds: dict[str, set[str]]  # entity -> the kinds it may fairly be given
    same: dict[str, str]  # variant as written -> the entity it names

    def canonical(self, name: str) -> str | None:
        """The annotated entity ``name`` names, or ``None`` when it names none."""
        if name in self.kinds:
            return name
        return self.same.get(name)


def annotations() -> dict[str, Annotation]:
    data = tomllib.loads((FOLDER / "annotations.toml").read_text(encoding="utf-8"))
    found: dict[str, Annotation] = {}
    for slug, entry in data.items():
        kinds: dict[str, set[str]] = {}
        for kind in (*KINDS, "other"):
            for name in entry.get(kind, []):
                kinds.setdefault(name, set()).add(kind)
        found[slug] = Annotation(kinds, dict(entry.get("same", {})))
    return found


@dataclass
class Scores:
    kinds_right: int = 0
    kinds_given: int = 0
    names_right: int = 0
    names_given: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def kind_precision(self) -> float:
        return self.kinds_right / self.kinds_given if self.kinds_given else 1.0

    @property
    def name_precision(self) -> float:
        return self.names_right / self.names_given if self.names_given else 1.0


def score(themes_by_slug: dict[str, list[Theme]]) -> Scores:
    """Kinds: of the themes given a kind, how many have it. Names: of the entity themes, how many
    name an annotated entity that no earlier theme of the same document already named."""
    result = Scores()
    notes = annotations()
    for slug, themes in sorted(themes_by_slug.items()):
        note = notes[slug]
        seen: set[str] = set()
        for theme in themes:
            entity = note.canonical(theme.name)
            result.names_given += 1
            if entity is None:
                result.errors.append(f"{slug}: {theme.name!r} ({theme.kind}) is not an annotated name")
            elif entity in seen:
                result.errors.append(f"{slug}: {theme.name!r} names {entity!r} again (variants not merged)")
            else:
                result.names_right += 1
            if entity is not None:
                seen.add(entity)
            if theme.kind in KINDS:
                result.kinds_given += 1
                if entity is not None and theme.kind in note.kinds[entity]:
                    result.kinds_right += 1
                else:
                    result.errors.append(f"{slug}: {theme.name!r} is not a {theme.kind}")
    return result
