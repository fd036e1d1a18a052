"""Conformance checks for plugin authors, to call from pytest.

::

    from briefing.testing import check_summarizer

    def test_my_summarizer_conforms():
        check_summarizer(MySummarizer)

Each ``check_*`` runs every check for one kind of plugin and raises :class:`ConformanceError`
(an ``AssertionError``, so pytest shows it as a failed assertion) naming each check that failed.
``briefing plugins check NAME`` runs the same checks on an installed plugin.

The checks use briefing's own sample texts: English prose in paragraphs, Russian (non-Latin
script), a one-sentence document and an empty one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..interfaces import Cleaner, Exporter, Loader, Plugin, Summarizer, Tagger
from .io_checks import cleaner_checks, exporter_checks, loader_checks
from .rating_checks import summarizer_checks, tagger_checks
from .results import CheckResult, ConformanceError
from .samples import sample_briefing, sample_document, sample_documents

__all__ = [
    "CHECKS",
    "CheckResult",
    "ConformanceError",
    "check_cleaner",
    "check_exporter",
    "check_loader",
    "check_summarizer",
    "check_tagger",
    "cleaner_checks",
    "exporter_checks",
    "loader_checks",
    "sample_briefing",
    "sample_document",
    "sample_documents",
    "summarizer_checks",
    "tagger_checks",
]

#: The checks of each kind of plugin (:data:`briefing.interfaces.KINDS`).
CHECKS: dict[str, Callable[..., list[CheckResult]]] = {
    "summarizer": summarizer_checks,
    "tagger": tagger_checks,
    "loader": loader_checks,
    "cleaner": cleaner_checks,
    "exporter": exporter_checks,
}


def _raise_failures(cls: type[Plugin], results: list[CheckResult]) -> None:
    failed = [r for r in results if r.status == "fail"]
    if failed:
        lines = "\n".join(f"- {r.check}: {r.detail}" for r in failed)
        raise ConformanceError(f"{cls.__name__} ({cls.kind} {cls.name!r}) fails:\n{lines}")


def check_summarizer(cls: type[Summarizer], settings: Mapping[str, Any] | None = None) -> None:
    _raise_failures(cls, summarizer_checks(cls, settings))


def check_tagger(cls: type[Tagger], settings: Mapping[str, Any] | None = None) -> None:
    _raise_failures(cls, tagger_checks(cls, settings))


def check_loader(
    cls: type[Loader], sample: bytes, name: str | None = None, settings: Mapping[str, Any] | None = None
) -> None:
    _raise_failures(cls, loader_checks(cls, sample, name, settings))


def check_exporter(cls: type[Exporter], settings: Mapping[str, Any] | None = None) -> None:
    _raise_failures(cls, exporter_checks(cls, settings))


def check_cleaner(cls: type[Cleaner], settings: Mapping[str, Any] | None = None) -> None:
    _raise_failures(cls, cleaner_checks(cls, settings))
