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

import math
import pickle
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .engine.runner import Engine
from .engine.settings import Length
from .hookspecs import PLUGIN_API
from .interfaces import Cleaner, Exporter, Loader, LoadError, Plugin, Summarizer, Tagger
from .models import Briefing, Document, DocumentBrief, Problem, Source, Theme
from .plugins import PluginHost
from .summarize import summarize
from .text.words import language_kit

ENGLISH = """The harbour town of Kestrel Bay voted on Tuesday to close its old coal pier. The pier has stood \
since 1921 and last loaded a ship eleven years ago.

Council members argued for two hours about the cost. Demolition would take 4.2 million euros, while \
repairs for a fishing market would cost almost twice as much.

Fishers asked for a floating dock instead. "We need somewhere to land the catch," said Mara Okafor, \
who runs the co-operative. The council will decide on the dock in March.

Birdwatchers were relieved. A colony of terns nests under the pier's eastern end, and the \
demolition plan now leaves that section standing."""

RUSSIAN = """Город Каменск открыл первую велодорожку вдоль реки. Дорожка длиной четыре километра \
соединяет вокзал и университет.

Жители спорили о ней два года. Водители боялись пробок, а велосипедисты требовали безопасности.

Теперь по дорожке ездят сотни людей каждый день. Мэр обещает продлить её до нового района."""

ONE_SENTENCE = "A single sentence about a lighthouse keeper who repaints the lamp room every spring."


_PARAGRAPHS = ENGLISH.split("\n\n")
#: Sample files for loaders of common formats, by suffix.
SAMPLE_FILES: dict[str, bytes] = {
    ".txt": f"Kestrel Bay closes its coal pier\n\n{ENGLISH}\n".encode(),
    ".md": f"---\ntitle: Kestrel Bay closes its coal pier\n---\n\n# The vote\n\n{ENGLISH}\n".encode(),
    ".html": (
        "<html><head><title>Kestrel Bay closes its coal pier</title></head><body><nav>Home | News</nav>"
        "<article><h1>Kestrel Bay closes its coal pier</h1>"
        + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
        + "</article><footer>Contact us</footer></body></html>"
    ).encode(),
}


class ConformanceError(AssertionError):
    """A plugin failed one or more conformance checks; the message lists them."""


@dataclass(frozen=True)
class CheckResult:
    """One check on one plugin: ``status`` is "ok", "warn" or "fail"."""

    check: str
    status: str
    detail: str = ""


@cache
def _engine() -> Engine:
    """An engine with the built-ins only, to segment sample texts and brief the sample briefing."""
    return Engine(PluginHost(load_entry_points=False).registry())


def sample_document(text: str = ENGLISH, language: str | None = None, id: str = "sample") -> Document:
    """A document segmented as briefing segments them, ready for a summarizer or tagger."""
    title = text.split(".")[0][:60] if text else "Empty"
    return _engine().prepare(Document(id=id, title=title, text=text, origin=f"{id}.txt", language=language))


def sample_documents() -> list[Document]:
    """English, Russian (non-Latin), one sentence, and empty: what every check runs on."""
    return [
        sample_document(ENGLISH, "en", "english"),
        sample_document(RUSSIAN, "ru", "russian"),
        sample_document(ONE_SENTENCE, "en", "one-sentence"),
        Document(id="empty", title="Empty", text="", origin="empty.txt", language="en"),
    ]


def _api_check(cls: type[Plugin]) -> CheckResult:
    declared = cls.api_version
    if declared is None:
        return CheckResult("declares the plugin API version", "warn", f"set api_version = {PLUGIN_API} on the class")
    if declared != PLUGIN_API:
        return CheckResult("declares the plugin API version", "fail", f"{declared}, but briefing speaks {PLUGIN_API}")
    return CheckResult("declares the plugin API version", "ok", str(declared))


def _run(checks: Sequence[tuple[str, Callable[[], None]]]) -> list[CheckResult]:
    results = []
    for name, check in checks:
        try:
            check()
        except Exception as exc:  # every failure is a finding, whatever the plugin raised
            results.append(CheckResult(name, "fail", f"{type(exc).__name__}: {exc}"))
        else:
            results.append(CheckResult(name, "ok"))
    return results


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ConformanceError(message)


# -- summarizers ---------------------------------------------------------------------------------


def summarizer_checks(cls: type[Summarizer], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    documents = sample_documents()

    def fresh() -> Summarizer:
        return cls(settings)

    def one_score_per_sentence() -> None:
        for document in documents:
            scores = list(fresh().rate(document, language_kit(document.language or "en")))
            _require(
                len(scores) == len(document.sentences),
                f"{len(scores)} scores for {len(document.sentences)} sentences of the {document.id} document",
            )
            _require(all(math.isfinite(float(s)) for s in scores), f"a score that is not finite ({document.id})")

    def deterministic() -> None:
        for document in documents:
            kit = language_kit(document.language or "en")
            _require(
                list(fresh().rate(document, kit)) == list(fresh().rate(document, kit)),
                f"two runs rated the {document.id} document differently",
            )

    def honours_length_and_order() -> None:
        for document in documents:
            kit = language_kit(document.language or "en")
            for wanted in (1, 3):
                summary = summarize(fresh(), document, kit, Length(wanted))
                chosen = summary.sentences
                _require(
                    len(chosen) == min(wanted, len(document.sentences)),
                    f"{len(chosen)} sentences for a length of {wanted} ({document.id})",
                )
                positions = [s.position for s in chosen]
                _require(positions == sorted(set(positions)), f"sentences out of document order ({document.id})")
                _require(
                    all(document.sentences[s.position].text == s.text for s in chosen),
                    f"a sentence that is not in the {document.id} document",
                )

    return [_api_check(cls)] + _run(
        [
            ("one finite score per sentence (English, Russian, one sentence, empty)", one_score_per_sentence),
            ("deterministic", deterministic),
            ("honours the requested length, in document order", honours_length_and_order),
        ]
    )


# -- taggers -------------------------------------------------------------------------------------


def tagger_checks(cls: type[Tagger], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    documents = sample_documents()

    def tag(document: Document) -> list[Theme]:
        return list(cls(settings).tag(document, language_kit(document.language or "en"), documents))

    def themes_are_well_formed() -> None:
        for document in documents:
            for theme in tag(document):
                _require(isinstance(theme, Theme), f"returned {type(theme).__name__}, not a briefing.Theme")
                _require(bool(theme.name.strip()), f"a theme with no name ({document.id})")
                _require(
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
            _require(tag(document) == tag(document), f"two runs tagged the {document.id} document differently")

    def analysis_travels() -> None:
        # Analyses go to and from worker processes and the cache: they must pickle, and a tagger
        # handed its analysis back must tag as if it had made it itself.
        for document in documents:
            made = cls(settings)
            analysis = made.analyse(document, language_kit(document.language or "en"))
            try:
                copied = pickle.loads(pickle.dumps(analysis))
            except Exception as exc:
                raise ConformanceError(f"analyse() gave something that does not pickle: {exc}") from None
            handed = cls(settings)
            handed.remember(document, copied)
            kit = language_kit(document.language or "en")
            _require(
                list(handed.tag(document, kit, documents)) == tag(document),
                f"tagging from a cached analysis differs from tagging afresh ({document.id})",
            )

    return (
        [_api_check(cls)]
        + _run(
            [
                (
                    "themes have a name and a score in 0..1 (English, Russian, one sentence, empty)",
                    themes_are_well_formed,
                ),
                ("evidence sentences are sentences of the document", evidence_is_from_the_document),
                ("deterministic", deterministic),
                ("analyse() pickles and tags the same when cached", analysis_travels),
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
    from .builtins.lexicon_tagger import default_themes
    from .coverage import theme_key

    check = "theme names differ from the built-in taggers'"
    mine = {theme_key(theme): theme.name for theme in themes}
    clashes: dict[str, set[str]] = {}
    for name in default_themes():
        if theme_key(Theme(name, 0.0)) in mine and cls.name != "lexicon":
            clashes.setdefault(mine[theme_key(Theme(name, 0.0))], set()).add("lexicon")
    engine = _engine()
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


# -- loaders -------------------------------------------------------------------------------------


def loader_checks(
    cls: type[Loader], sample: bytes | None = None, name: str | None = None, settings: Mapping[str, Any] | None = None
) -> list[CheckResult]:
    """``sample`` is a file the loader should load, ``name`` its file name (for ``accepts``).

    Without a sample, a loader of ``.txt``, ``.md`` or ``.html`` files gets one of briefing's.
    """
    name = name or f"sample{cls.suffixes[0] if cls.suffixes else ''}"
    if sample is None:
        sample = SAMPLE_FILES.get(Path(name).suffix)
    results = [_api_check(cls)]

    def source(data: bytes) -> Source:
        return Source(name, data, Path(name), cls.media_types[0] if cls.media_types and not cls.suffixes else None)

    def loads_sample() -> None:
        loader = cls(settings)
        assert sample is not None
        _require(loader.accepts(source(sample)), f"accepts() refuses {name}")
        documents = list(loader.load(source(sample)))
        _require(bool(documents), "no documents from the sample")
        _require(all(isinstance(d, Document) and d.text.strip() for d in documents), "a document with no text")
        _require(documents == list(cls(settings).load(source(sample))), "two loads gave different documents")

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
    return results + _run(checks)


# -- exporters -----------------------------------------------------------------------------------


def sample_briefing() -> Briefing:
    """A small briefing with an error and text that looks like markup, for exporter checks."""
    engine = _engine()
    marked = sample_document(ENGLISH + "\n\nThe sign read [bold]CLOSED[/bold] <b>today</b> *really*.", "en", "marked")
    documents = [marked, sample_document(RUSSIAN, "ru", "ru")]
    entries = [DocumentBrief(d, engine.summaries.one(d)[0], engine.themes.document(d, documents)[0]) for d in documents]
    brief = engine.briefs.assemble("Harbour", entries)
    return Briefing((brief,), (Problem("broken.txt", "not UTF-8 text"),), ())


def exporter_checks(cls: type[Exporter], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    briefing = sample_briefing()

    def renders_text() -> None:
        text = cls(settings).render(briefing)
        _require(isinstance(text, str) and bool(text.strip()), "render() gave no text")
        _require("Kestrel Bay" in text or "Kestrel" in text, "the sample's summary is missing from the output")

    def renders_an_empty_briefing() -> None:
        _require(isinstance(cls(settings).render(Briefing(())), str), "render() of an empty briefing is not text")

    def deterministic() -> None:
        _require(cls(settings).render(briefing) == cls(settings).render(briefing), "two renders differ")

    return [_api_check(cls)] + _run(
        [
            ("renders a briefing (with markup-like source text) as text", renders_text),
            ("renders an empty briefing", renders_an_empty_briefing),
            ("deterministic", deterministic),
        ]
    )


# -- cleaners ------------------------------------------------------------------------------------

SAMPLE_PARAGRAPHS = [
    "The harbour ferry will run every ninety minutes from December, the authority said on Monday.",
    "Morning sailings keep their times; [bold]evening[/bold] sailings end an hour earlier.",
    "Islanders asked for a late boat on Fridays, and the authority will count passengers in January.",
]


def cleaner_checks(cls: type[Cleaner], settings: Mapping[str, Any] | None = None) -> list[CheckResult]:
    document = Document(id="harbour", title="Ferry timetable", text="\n\n".join(SAMPLE_PARAGRAPHS), origin="h.txt")

    def clean(paragraphs: list[str]) -> Any:
        return cls(settings).clean(list(paragraphs), document)

    def returns_paragraphs() -> None:
        cleaned = clean(SAMPLE_PARAGRAPHS)
        _require(isinstance(cleaned, list), f"clean() gave {type(cleaned).__name__}, not a list")
        _require(all(isinstance(p, str) for p in cleaned), "clean() gave something that is not a paragraph")

    def keeps_plain_prose() -> None:
        _require(clean(SAMPLE_PARAGRAPHS) == SAMPLE_PARAGRAPHS, "clean() changed a news story with no noise in it")

    def removes_rather_than_writes() -> None:
        source = " ".join(SAMPLE_PARAGRAPHS)
        for paragraph in clean(SAMPLE_PARAGRAPHS):
            for word in paragraph.split():
                _require(word in source, f"clean() wrote {word!r}, which is not in the document")

    def handles_nothing() -> None:
        _require(clean([]) == [], "clean([]) is not []")

    def deterministic() -> None:
        _require(clean(SAMPLE_PARAGRAPHS) == clean(SAMPLE_PARAGRAPHS), "two runs cleaned differently")

    return [_api_check(cls)] + _run(
        [
            ("returns a list of paragraphs", returns_paragraphs),
            ("leaves prose without noise alone (markup-like text included)", keeps_plain_prose),
            ("removes text, does not write new text", removes_rather_than_writes),
            ("an empty document stays empty", handles_nothing),
            ("deterministic", deterministic),
        ]
    )


# -- for pytest ----------------------------------------------------------------------------------

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
