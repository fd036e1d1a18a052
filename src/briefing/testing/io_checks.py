"""Checks of the plugins at either end of a run: loaders (bytes in), cleaners (paragraphs) and
exporters (a briefing out)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..interfaces import Cleaner, Exporter, Loader, LoadError
from ..models import Briefing, Document, Source
from .results import CheckResult, api_check, require, run_checks
from .samples import SAMPLE_FILES, SAMPLE_PARAGRAPHS, sample_briefing


def loader_checks(
    cls: type[Loader], sample: bytes | None = None, name: str | None = None, settings: Mapping[str, Any] | None = None
) -> list[CheckResult]:
    """``sample`` is a file the loader should load, ``name`` its file name (for ``accepts``).

    Without a sample, a loader of ``.txt``, ``.md`` or ``.html`` files gets one of briefing's.
    """
    name = name or f"sample{cls.suffixes[0] if cls.suffixes else ''}"
    if sample is None:
        sample = SAMPLE_FILES.get(Path(name).suffix)
    results = [api_check(cls)]

    def source(data: bytes) -> Source:
        return Source(name, data, Path(name), cls.media_types[0] if cls.media_types and not cls.suffixes else None)

    def loads_sample() -> None:
        loader = cls(settings)
        assert sample is not None
        require(loader.accepts(source(sample)), f"accepts() refuses {name}")
        documents = list(loader.load(source(sample)))
        require(bool(documents), "no documents from the sample")
        require(all(isinstance(d, Document) and d.text.strip() for d in documents), "a document with no text")
        require(documents == list(cls(settings).load(source(sample))), "two loads gave different documents")

    def bad_input_is_a_load_error() -> None:
        for data in (b"", b"\x00\x01\x02\xff\xfe" * 40):
            try:
                list(cls(settings).load(source(data)))
            except LoadError:
                pass  # the right way to say "nothing here"

    checks: list[tuple[str, Callable[[], None]]] = [
        ("empty or binary input gives documents or LoadError", bad_input_is_a_load_error)
    ]
    if sample is not None:
        checks.insert(0, ("loads a sample into documents with text, the same each time", loads_sample))
    else:
        results.append(CheckResult("loads a sample", "warn", "no sample given: call loader_checks(cls, sample=...)"))
    return results + run_checks(checks)


def exporter_checks(cls: type[Exporter], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    briefing = sample_briefing()

    def renders_text() -> None:
        text = cls(settings).render(briefing)
        require(isinstance(text, str) and bool(text.strip()), "render() gave no text")
        require("Kestrel Bay" in text or "Kestrel" in text, "the sample's summary is missing from the output")

    def renders_an_empty_briefing() -> None:
        require(isinstance(cls(settings).render(Briefing(())), str), "render() of an empty briefing is not text")

    def deterministic() -> None:
        require(cls(settings).render(briefing) == cls(settings).render(briefing), "two renders differ")

    return [api_check(cls)] + run_checks(
        [
            ("renders a briefing (with markup-like source text) as text", renders_text),
            ("renders an empty briefing", renders_an_empty_briefing),
            ("deterministic", deterministic),
        ]
    )


def cleaner_checks(cls: type[Cleaner], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    document = Document(id="harbour", title="Ferry timetable", text="\n\n".join(SAMPLE_PARAGRAPHS), origin="h.txt")

    def clean(paragraphs: list[str]) -> Any:
        return cls(settings).clean(list(paragraphs), document)

    def returns_paragraphs() -> None:
        cleaned = clean(SAMPLE_PARAGRAPHS)
        require(isinstance(cleaned, list), f"clean() gave {type(cleaned).__name__}, not a list")
        require(all(isinstance(p, str) for p in cleaned), "clean() gave something that is not a paragraph")

    def keeps_plain_prose() -> None:
        require(clean(SAMPLE_PARAGRAPHS) == SAMPLE_PARAGRAPHS, "clean() changed a news story with no noise in it")

    def removes_rather_than_writes() -> None:
        source = " ".join(SAMPLE_PARAGRAPHS)
        for paragraph in clean(SAMPLE_PARAGRAPHS):
            for word in paragraph.split():
                require(word in source, f"clean() wrote {word!r}, which is not in the document")

    def handles_nothing() -> None:
        require(clean([]) == [], "clean([]) is not []")

    def deterministic() -> None:
        require(clean(SAMPLE_PARAGRAPHS) == clean(SAMPLE_PARAGRAPHS), "two runs cleaned differently")

    return [api_check(cls)] + run_checks(
        [
            ("returns a list of paragraphs", returns_paragraphs),
            ("leaves prose without noise alone (markup-like text included)", keeps_plain_prose),
            ("removes text, does not write new text", removes_rather_than_writes),
            ("an empty document stays empty", handles_nothing),
            ("deterministic", deterministic),
        ]
    )
