"""Checks of the plugins that rate a document: summarizers (a score per sentence) and taggers
(themes with evidence)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..cache_format import NotStorable, pack, unpack
from ..interfaces import Summarizer, Tagger
from ..models import Document, Theme
from ..picking import summarize
from ..settings import Length
from ..text.words import language_kit
from .results import CheckResult, ConformanceError, api_check, require, run_checks
from .samples import sample_documents, sample_engine


def summarizer_checks(cls: type[Summarizer], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    documents = sample_documents()

    def fresh() -> Summarizer:
        return cls(settings)

    def one_score_per_sentence() -> None:
        for document in documents:
            scores = list(fresh().rate(document, language_kit(document.language or "en")))
            require(
                len(scores) == len(document.sentences),
                f"{len(scores)} scores for {len(document.sentences)} sentences of the {document.id} document",
            )
            require(all(math.isfinite(float(s)) for s in scores), f"a score that is not finite ({document.id})")

    def deterministic() -> None:
        for document in documents:
            kit = language_kit(document.language or "en")
            require(
                list(fresh().rate(document, kit)) == list(fresh().rate(document, kit)),
                f"two runs rated the {document.id} document differently",
            )

    def honours_length_and_order() -> None:
        for document in documents:
            kit = language_kit(document.language or "en")
            for wanted in (1, 3):
                summary = summarize(fresh(), document, kit, Length(wanted))
                chosen = summary.sentences
                require(
                    len(chosen) == min(wanted, len(document.sentences)),
                    f"{len(chosen)} sentences for a length of {wanted} ({document.id})",
                )
                positions = [s.position for s in chosen]
                require(positions == sorted(set(positions)), f"sentences out of document order ({document.id})")
                require(
                    all(document.sentences[s.position].text == s.text for s in chosen),
                    f"a sentence that is not in the {document.id} document",
                )

    return [api_check(cls)] + run_checks(
        [
            ("one finite score per sentence (English, Russian, one sentence, empty)", one_score_per_sentence),
            ("deterministic", deterministic),
            ("honours the requested length, in document order", honours_length_and_order),
        ]
    )


def tagger_checks(cls: type[Tagger], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    documents = sample_documents()

    def tag(document: Document) -> list[Theme]:
        return list(cls(settings).tag(document, language_kit(document.language or "en"), documents))

    def themes_are_well_formed() -> None:
        for document in documents:
            for theme in tag(document):
                require(isinstance(theme, Theme), f"returned {type(theme).__name__}, not a briefing.Theme")
                require(bool(theme.name.strip()), f"a theme with no name ({document.id})")
                require(
                    math.isfinite(theme.score) and 0 <= theme.score <= 1,
                    f"theme {theme.name!r} has score {theme.score}, outside 0..1",
                )

    def evidence_is_from_the_document() -> None:
        for document in documents:
            sentences = {s.text for s in document.sentences}
            for theme in tag(document):
                stray = [e for e in theme.evidence if e not in sentences]
                if stray:
                    raise ConformanceError(f"theme {theme.name!r} cites {stray[0]!r}, not a sentence of {document.id}")

    def deterministic() -> None:
        for document in documents:
            require(tag(document) == tag(document), f"two runs tagged the {document.id} document differently")

    def analysis_travels() -> None:
        # Analyses go to and from worker processes and the cache as plain data: they must pack,
        # and a tagger handed its analysis back must tag as if it had made it itself.
        for document in documents:
            made = cls(settings)
            analysis = made.analyse(document, language_kit(document.language or "en"))
            try:
                copied = unpack(pack(analysis), cls.analysis_type)
            except NotStorable as exc:
                raise ConformanceError(f"analyse() gave something the cache cannot keep: {exc}") from None
            handed = cls(settings)
            handed.remember(document, copied)
            kit = language_kit(document.language or "en")
            require(
                list(handed.tag(document, kit, documents)) == tag(document),
                f"tagging from a cached analysis differs from tagging afresh ({document.id})",
            )

    return (
        [api_check(cls)]
        + run_checks(
            [
                (
                    "themes have a name and a score in 0..1 (English, Russian, one sentence, empty)",
                    themes_are_well_formed,
                ),
                ("evidence sentences are sentences of the document", evidence_is_from_the_document),
                ("deterministic", deterministic),
                ("analyse() is plain data and tags the same when cached", analysis_travels),
            ]
        )
        + [_name_clashes(cls, [theme for document in documents for theme in _tagged_quietly(tag, document)])]
    )


def _tagged_quietly(tag: Callable[[Document], list[Theme]], document: Document) -> list[Theme]:
    try:
        return tag(document)
    except Exception:
        return []  # the checks above say why


def _name_clashes(cls: type[Tagger], themes: Sequence[Theme]) -> CheckResult:
    """A warning when the tagger's themes share a name with a built-in tagger's (on the sample
    documents, or among the lexicon's shipped themes): a document shows such themes once, as
    the stronger's, with the other tagger listed in ``also``."""
    from ..builtins.lexicon_tagger import default_themes
    from ..topics.coverage import theme_key

    check = "theme names differ from the built-in taggers'"
    mine = {theme_key(theme): theme.name for theme in themes}
    clashes: dict[str, set[str]] = {}
    for name in default_themes():
        if theme_key(Theme(name, 0.0)) in mine and cls.name != "lexicon":
            clashes.setdefault(mine[theme_key(Theme(name, 0.0))], set()).add("lexicon")
    engine = sample_engine()
    built_in = [t for t in engine.plugins.taggers if t.name != cls.name]
    documents = sample_documents()
    for document in documents:
        kit = language_kit(document.language or "en")
        for tagger in built_in:
            for theme in tagger.tag(document, kit, documents):
                if theme_key(theme) in mine:
                    clashes.setdefault(mine[theme_key(theme)], set()).add(tagger.name)
    if not clashes:
        return CheckResult(check, "ok")
    said = "; ".join(f"{name!r} (also {', '.join(sorted(by))})" for name, by in sorted(clashes.items()))
    detail = f"{said}: one theme per name is shown, the stronger's, with the other tagger in Theme.also"
    return CheckResult(check, "warn", detail)
