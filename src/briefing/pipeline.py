"""Sources -> documents -> sentences -> summaries and themes -> briefs. No UI in here.

Every step catches what one source or plugin can break and turns it into a :class:`Problem`
naming the source and the plugin, so the rest of the run goes on.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .clustering import THRESHOLD
from .coverage import topic_themes
from .interfaces import Loader, LoadError, SourceWarning, Summarizer, Tagger
from .models import Brief, Briefing, Document, DocumentBrief, Problem, Sentence, Source, Summary, Theme, Topic
from .plugins import Registry
from .sources import collect
from .summarize import Length, summarize
from .text.clean import clean_characters, split_paragraphs
from .text.detect import guess_language
from .text.languages import DEFAULT_LANGUAGE, UnknownLanguage, language_code
from .text.words import LanguageKit, language_kit
from .time_limit import PluginTimeout, TimeLimit
from .topic_brief import topic_brief
from .topics import TopicRule, group_by_grouping


@dataclass(frozen=True)
class Settings:
    """What a run needs to know besides its sources; :mod:`briefing.config` builds it from TOML."""

    summarizer: str = "lexrank"
    length: Length = field(default_factory=Length)
    topic_sentences: int = 5
    language: str = DEFAULT_LANGUAGE
    topics: tuple[TopicRule, ...] = ()
    grouping: str = "content"
    topic_threshold: float = THRESHOLD
    taggers: tuple[str, ...] | None = None  # None: every registered tagger
    plugin_timeout: float = 60.0  # seconds one summarizer or tagger call may take; 0: no limit
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


def _inert(text: str) -> str:
    """Metadata from a source, on one line and with no escapes or control characters."""
    return " ".join(clean_characters(text).split())


def _failure(kind: str, name: str, exc: BaseException) -> str:
    if isinstance(exc, LoadError):
        return str(exc)
    if isinstance(exc, PluginTimeout):
        return f"{kind} {name!r} {exc} on this document and was skipped (plugin_timeout in briefing.toml)"
    detail = str(exc) or type(exc).__name__
    return f"{kind} {name!r} failed: {type(exc).__name__}: {detail}"


class Pipeline:
    """One configured run: plugins created once, then applied to every source."""

    def __init__(self, registry: Registry, settings: Settings):
        self.registry = registry
        self.settings = settings
        self.summarizer: Summarizer = self.create("summarizer", settings.summarizer)
        self.loaders: list[Loader] = [self.create("loader", n) for n in reversed(registry.names("loader"))]
        #: Plugins that could not start (bad settings, say); the run goes on without them.
        self.problems: list[Problem] = []
        self.taggers: list[Tagger] = []
        for name in registry.names("tagger"):
            if settings.taggers is not None and name not in settings.taggers:
                continue
            try:
                self.taggers.append(self.create("tagger", name))
            except Exception as exc:
                self.problems.append(Problem(f"[settings.{name}]", f"tagger {name!r} cannot start: {exc}"))
        self.warnings: list[Problem] = []
        self.limit = TimeLimit(settings.plugin_timeout)

    def create(self, kind: str, name: str) -> Any:
        return self.registry.create(kind, name, dict(self.settings.plugin_settings.get(name, {})))

    # -- sources -> documents -------------------------------------------------------------------

    def loader_for(self, source: Source) -> Loader | None:
        return next((loader for loader in self.loaders if loader.accepts(source)), None)

    def load_source(self, source: Source) -> tuple[list[Document], list[Problem]]:
        """The documents of one source, and any problem with it."""
        loader = self.loader_for(source)
        if loader is None:
            return [], [Problem(source.origin, "no loader for this kind of file")]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", SourceWarning)
            try:
                documents = list(loader.load(source))
            except Exception as exc:
                return [], [Problem(source.origin, _failure("loader", loader.name, exc))]
        self.warnings.extend(
            Problem(source.origin, str(w.message)) for w in caught if issubclass(w.category, SourceWarning)
        )
        if not documents:
            return [], [Problem(source.origin, f"loader {loader.name!r} found no documents")]
        return documents, []

    def prepared_documents(self, source: Source) -> tuple[list[Document], list[Problem]]:
        """The documents of one source, segmented and ready to brief, and any problem with it."""
        loaded, problems = self.load_source(source)
        return [self.prepare(d) for d in loaded], problems

    def load(
        self, origins: Iterable[str], stdin: Callable[[], bytes] | None = None
    ) -> tuple[list[Document], list[Problem]]:
        documents: list[Document] = []
        problems: list[Problem] = []
        for item in collect(origins, lambda s: self.loader_for(s) is not None, stdin):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            loaded, failed = self.prepared_documents(item)
            documents.extend(loaded)
            problems.extend(failed)
        return documents, problems

    # -- documents -> sentences -----------------------------------------------------------------

    def language_of(self, document: Document) -> str:
        if document.language:
            try:
                return language_code(document.language)
            except UnknownLanguage:
                self.warnings.append(
                    Problem(document.origin, f"unknown language {document.language!r}; guessing from the text")
                )
        guessed = guess_language(document.text)
        if guessed is None:
            fallback = language_code(self.settings.language)
            if document.text.strip():
                self.warnings.append(
                    Problem(
                        document.origin,
                        f"could not tell the language of this text; treating it as {fallback!r} "
                        "(set language in its front matter or in briefing.toml)",
                    )
                )
            return fallback
        return guessed

    def prepare(self, document: Document) -> Document:
        """The document with its language settled and its text split into sentences."""
        code = self.language_of(document)
        kit = language_kit(code)
        sentences: list[Sentence] = []
        for number, paragraph in enumerate(split_paragraphs(document.text)):
            for text in kit.segmenter.split(paragraph):
                sentences.append(Sentence(text, number, len(sentences)))
        return replace(
            document,
            title=_inert(document.title),
            author=_inert(document.author) if document.author else None,
            date=_inert(document.date) if document.date else None,
            tags=tuple(_inert(t) for t in document.tags),
            headings=tuple(_inert(h) for h in document.headings),
            language=code,
            sentences=tuple(sentences),
        )

    # -- sentences -> summaries and themes -> briefs --------------------------------------------

    def kit(self, document: Document) -> LanguageKit:
        return language_kit(document.language or self.settings.language)

    def summarize_document(
        self, document: Document, length: Length | None = None, summarizer: Summarizer | None = None
    ) -> tuple[Summary | None, list[Problem]]:
        summarizer = summarizer or self.summarizer
        try:
            return self.limit(summarize, summarizer, document, self.kit(document), length or self.settings.length), []
        except Exception as exc:
            return None, [Problem(document.origin, _failure("summarizer", summarizer.name, exc))]

    def tag_document(self, document: Document, corpus: Sequence[Document]) -> tuple[tuple[Theme, ...], list[Problem]]:
        """Every tagger's themes for ``document``, strongest first; ``corpus`` is every document briefed."""
        problems: list[Problem] = []
        themes: list[Theme] = []
        kit = self.kit(document)
        for tagger in self.taggers:
            try:
                found = self.limit(tagger.tag, document, kit, corpus)
                themes.extend(replace(t, tagger=t.tagger or tagger.name) for t in found)
            except Exception as exc:
                problems.append(Problem(document.origin, _failure("tagger", tagger.name, exc)))
        themes.sort(key=lambda t: (-t.score, t.name))
        return tuple(themes), problems

    def tag_all(
        self, documents: Sequence[Document], progress: Callable[[int, int], None] | None = None
    ) -> dict[str, tuple[tuple[Theme, ...], list[Problem]]]:
        """Every document tagged against all of them; ``progress(done, total)`` hears every 50."""
        tagged = {}
        for number, document in enumerate(documents):
            if progress and number % 50 == 0:
                progress(number, len(documents))
            tagged[document.id] = self.tag_document(document, documents)
        return tagged

    def assemble(self, topic: str, entries: Sequence[DocumentBrief]) -> Brief:
        """A topic's brief from its document briefs: the multi-document brief and the pooled themes."""
        sentences = topic_brief(entries, self.settings.topic_sentences, self.settings.language)
        return Brief(topic, tuple(entries), sentences, topic_themes(entries))

    def topics(self, documents: Sequence[Document], themes: Mapping[str, Sequence[Theme]]) -> list[Topic]:
        """Configured topics, then the rest by content (using their themes) or by folder."""
        settings = self.settings
        return group_by_grouping(documents, themes, settings.topics, settings.grouping, settings.topic_threshold)

    def run(
        self, origins: Iterable[str], topic: str | None = None, stdin: Callable[[], bytes] | None = None
    ) -> Briefing:
        """Brief every source; ``topic`` keeps only the topic of that name."""
        documents, problems = self.load(origins, stdin)
        tagged = self.tag_all(documents)
        themes = {document_id: found for document_id, (found, _) in tagged.items()}
        problems.extend(p for _, failed in tagged.values() for p in failed)
        topics = self.topics(documents, themes)
        if topic is not None:
            topics = [t for t in topics if t.name == topic]
        briefs: list[Brief] = []
        for each in topics:
            entries = []
            for document in each.documents:
                summary, failed = self.summarize_document(document)
                entries.append(DocumentBrief(document, summary, themes[document.id]))
                problems.extend(failed)
            briefs.append(self.assemble(each.name, entries))
        return Briefing(tuple(briefs), tuple(self.problems + problems), tuple(self.warnings))
