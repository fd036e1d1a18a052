"""Sources -> documents -> sentences -> summaries and themes -> briefs. No UI in here.

Every step catches what one source or plugin can break and turns it into a :class:`Problem`
naming the source and the plugin, so the rest of the run goes on.
"""

from __future__ import annotations

import gc
import hashlib
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .cache import Cache, briefing_code, code_of, digest, pack, paused_collection, unpack
from .clustering import THRESHOLD
from .coverage import topic_themes
from .fetch import Fetcher, FetchOptions
from .interfaces import Cleaner, Loader, LoadError, Plugin, SourceWarning, Summarizer, Tagger
from .models import Brief, Briefing, Document, DocumentBrief, Problem, Sentence, Source, Summary, Theme, Topic
from .parallel import PARALLEL_FROM, work_in_pool, worker_count
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
    detect_language: bool = True  # False: documents that do not name their language are in ``language``
    topics: tuple[TopicRule, ...] = ()
    grouping: str = "content"
    topic_threshold: float = THRESHOLD
    taggers: tuple[str, ...] | None = None  # None: every registered tagger
    cleaners: tuple[str, ...] | None = None  # None: every registered cleaner
    plugin_timeout: float = 60.0  # seconds one summarizer or tagger call may take; 0: no limit
    workers: int = 0  # processes for per-document work; 0: one per core
    fetch: FetchOptions = field(default_factory=FetchOptions)
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


def _inert(text: str) -> str:
    """Metadata from a source, on one line and with no escapes or control characters."""
    return " ".join(clean_characters(text).split())


def _bytes_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _worth_caching(work: SourceWork, key: str | None) -> dict[str, Any]:
    """A source's analyses and summaries by key, and its documents under ``key`` when it loaded
    without problems (failed work is never cached, so that it is tried again)."""
    entries: dict[str, Any] = {**work.analyses, **work.summaries}
    if key and not work.problems:
        entries[key] = SourceWork(work.documents, [], work.warnings)
    return entries


def _failure(kind: str, name: str, exc: BaseException) -> str:
    if isinstance(exc, LoadError):
        return str(exc)
    if isinstance(exc, PluginTimeout):
        return f"{kind} {name!r} {exc} on this document and was skipped (plugin_timeout in briefing.toml)"
    detail = str(exc) or type(exc).__name__
    return f"{kind} {name!r} failed: {type(exc).__name__}: {detail}"


@dataclass
class SourceWork:
    """Everything done to one source that depends on nothing else: its documents segmented, each
    tagger's analysis of each document and each document's summary. Workers return this."""

    documents: list[Document]
    problems: list[Problem]
    warnings: list[Problem]
    analyses: dict[str, Any] = field(default_factory=dict)  # by analysis key
    summaries: dict[str, tuple[Summary | None, list[Problem]]] = field(default_factory=dict)  # by summary key


#: Results held before they are written to the cache in one transaction.
_WRITE_BATCH = 2000


class Pipeline:
    """One configured run: plugins created once, then applied to every source.

    With a :class:`~briefing.cache.Cache`, every per-source, per-document and per-corpus result is
    kept on disk by what it depends on, so an unchanged corpus is briefed from the cache.
    """

    def __init__(self, registry: Registry, settings: Settings, cache: Cache | None = None):
        self.registry = registry
        self.settings = settings
        self.cache = cache
        self._identities: dict[int, tuple[Plugin, tuple[str, str, str]]] = {}  # by id() of the plugin
        self.summarizer: Summarizer = self.create("summarizer", settings.summarizer)
        self.loaders: list[Loader] = [self.create("loader", n) for n in reversed(registry.names("loader"))]
        #: Plugins that could not start (bad settings, say); the run goes on without them.
        self.problems: list[Problem] = []
        self.taggers: list[Tagger] = self._start_all("tagger", settings.taggers)
        self.cleaners: list[Cleaner] = self._start_all("cleaner", settings.cleaners)
        self.warnings: list[Problem] = []
        self.limit = TimeLimit(settings.plugin_timeout)
        self.fetcher = Fetcher(settings.fetch, cache)
        self._summaries: dict[str, tuple[Summary | None, list[Problem]]] = {}  # by summary key
        self._fingerprints: dict[int, tuple[Document, str]] = {}  # by id() of the document
        self._remembered: set[str] = set()  # analysis keys the taggers hold
        self._stored: set[str] = set()  # keys known to be in the cache

    def create(self, kind: str, name: str) -> Any:
        return self.registry.create(kind, name, dict(self.settings.plugin_settings.get(name, {})))

    def identity(self, plugin: Plugin) -> tuple[str, str, str]:
        """What a plugin's results depend on besides its input: name, code and settings."""
        held = self._identities.get(id(plugin))
        if held is None or held[0] is not plugin:  # a plugin's settings do not change once it has started
            held = self._identities[id(plugin)] = (
                plugin,
                (plugin.name, code_of(type(plugin)), repr(sorted(plugin.settings.items()))),
            )
        return held[1]

    def _start_all(self, kind: str, chosen: Sequence[str] | None) -> list[Any]:
        """Every registered plugin of ``kind`` (or the ``chosen`` ones); those that cannot start
        are in :attr:`problems`."""
        started = []
        for name in self.registry.names(kind):
            if chosen is not None and name not in chosen:
                continue
            try:
                started.append(self.create(kind, name))
            except Exception as exc:
                self.problems.append(Problem(f"[settings.{name}]", f"{kind} {name!r} cannot start: {exc}"))
        return started

    # -- cache keys -----------------------------------------------------------------------------

    def fingerprint(self, document: Document) -> str:
        """A digest of a prepared document: its text, sentences' language and metadata, and the code."""
        held = self._fingerprints.get(id(document))
        if held is not None and held[0] is document:
            return held[1]
        value = digest(
            briefing_code(), document.id, document.title, document.text, document.language, document.headings
        )
        self._fingerprints[id(document)] = (document, value)
        return value

    def source_key(self, source: Source, loader: Loader) -> str:
        content = _bytes_digest(source.data)
        cleaners = [self.identity(c) for c in self.cleaners]
        return "source:" + digest(
            briefing_code(),
            source.origin,
            source.media_type,
            content,
            self.identity(loader),
            cleaners,
            self.settings.language,
        )

    def summary_key(self, document: Document, length: Length, summarizer: Summarizer) -> str:
        return "summary:" + digest(
            self.fingerprint(document), self.identity(summarizer), length, self.settings.language
        )

    def analysis_key(self, document: Document, tagger: Tagger) -> str:
        return "analysis:" + digest(self.fingerprint(document), self.identity(tagger))

    def corpus_key(self, documents: Sequence[Document]) -> str:
        """What the themes of a corpus depend on: every document and every tagger."""
        return "corpus:" + digest([self.fingerprint(d) for d in documents], [self.identity(t) for t in self.taggers])

    # -- sources -> documents -------------------------------------------------------------------

    def loader_for(self, source: Source) -> Loader | None:
        return next((loader for loader in self.loaders if loader.accepts(source)), None)

    def load_source(self, source: Source) -> tuple[list[Document], list[Problem]]:
        """The documents of one source, and any problem with it."""
        loader = self.loader_for(source)
        if loader is None:
            kind = f"{source.media_type} answer" if source.media_type else "kind of file"
            return [], [Problem(source.origin, f"no loader for this {kind}")]
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

    def work_on(self, source: Source) -> SourceWork:
        """All the per-document work on one source (in a worker process, or here). Analyses and
        summaries that fail are left out: tagging and summarizing report them later."""
        before = len(self.warnings)
        loaded, problems = self.load_source(source)
        documents = [self.prepare(d, problems) for d in loaded]
        work = SourceWork(documents, problems, self.warnings[before:])
        del self.warnings[before:]
        for document in documents:
            for tagger in self.taggers:
                try:
                    work.analyses[self.analysis_key(document, tagger)] = self.limit(tagger.analysis, document)
                except Exception:
                    continue
            summary = self._summarize(document, self.settings.length, self.summarizer)
            if not summary[1]:
                work.summaries[self.summary_key(document, self.settings.length, self.summarizer)] = summary
        return work

    def packed_work(self, source: Source) -> dict[str, bytes]:
        """:meth:`work_on` packed for the cache, each result under its key; the source's own entry
        is under its source key (``source:`` when no loader takes it). A worker packs its results
        once, and the main process stores those very bytes."""
        loader = self.loader_for(source)
        work = self.work_on(source)
        key = self.source_key(source, loader) if loader else "source:"
        packed = {k: pack(v) for k, v in _worth_caching(work, None).items()}
        packed[key] = pack(SourceWork(work.documents, work.problems, work.warnings))  # sent even when failed
        return packed

    def prepare_sources(
        self, sources: Sequence[Source], progress: Callable[[int, int], None] | None = None
    ) -> tuple[list[Document], list[Problem]]:
        """The documents of ``sources``, segmented, in order, and the problems met."""
        each, problems = self.prepare_each(sources, progress)
        return [d for _, documents in each for d in documents], problems

    def prepare_each(
        self, sources: Sequence[Source], progress: Callable[[int, int], None] | None = None
    ) -> tuple[list[tuple[Source, list[Document]]], list[Problem]]:
        """Each source with its documents, segmented, in order, and the problems met.

        Results come from the cache where it has them; the rest are worked on in a process pool
        when there are enough of them, else here. ``progress(done, total)`` hears each source.
        """
        keys: list[str | None] = []
        for source in sources:
            loader = self.loader_for(source)
            keys.append(self.source_key(source, loader) if loader else None)
        found = self.cache.get_many(k for k in keys if k) if self.cache else {}
        missing = [(s, k) for s, k in zip(sources, keys, strict=True) if k not in found]
        done = len(sources) - len(missing)
        report = (lambda n: progress(done + n, len(sources))) if progress else (lambda n: None)
        to_store: dict[str, bytes] = {}
        workers = min(worker_count(self.settings.workers), len(missing) // (PARALLEL_FROM // 2) or 1)
        fresh = None
        if workers > 1 and len(missing) >= PARALLEL_FROM and self.registry.recipe is not None:
            try:
                fresh = self._work_in_pool([s for s, _ in missing], workers, report, to_store)
            except Exception as exc:  # the pool itself failed (plugins' failures are caught in the workers)
                to_store.clear()
                reason = str(exc) or type(exc).__name__
                self.warnings.append(Problem("workers", f"the worker processes failed ({reason}); working in one"))
        if fresh is None:
            fresh = []
            for number, (source, key) in enumerate(missing, start=1):
                work = self.work_on(source)
                fresh.append(work)
                report(number)
                if self.cache:
                    to_store.update((k, pack(v)) for k, v in _worth_caching(work, key).items())
        self._store(to_store)

        each: list[tuple[Source, list[Document]]] = []
        problems: list[Problem] = []
        worked = iter(fresh)
        for source, key in zip(sources, keys, strict=True):
            work = found[key] if key in found else next(worked)
            if key not in found:
                self._keep(work)
            each.append((source, work.documents))
            self.warnings.extend(Problem(source.origin, note) for note in source.notes)
            problems.extend(work.problems)
            self.warnings.extend(work.warnings)
        return each, problems

    def _work_in_pool(
        self, sources: Sequence[Source], workers: int, report: Callable[[int], None], to_store: dict[str, bytes]
    ) -> list[SourceWork]:
        """:meth:`work_on` for each source in worker processes; what is worth caching goes into
        ``to_store`` as the workers packed it."""
        assert self.registry.recipe is not None
        fresh = []
        for packed in work_in_pool(self.registry.recipe, self.settings, sources, workers, report):
            key = next(k for k in packed if k.startswith("source:"))
            work = unpack(packed[key])
            work.analyses = {k: unpack(v) for k, v in packed.items() if k.startswith("analysis:")}
            work.summaries = {k: unpack(v) for k, v in packed.items() if k.startswith("summary:")}
            if work.problems or key == "source:":
                del packed[key]
            to_store.update(packed)
            fresh.append(work)
            if len(to_store) >= _WRITE_BATCH:  # written as they come: holding them all doubled peak memory
                self._store(to_store)
        return fresh

    def _store(self, packed: dict[str, bytes]) -> None:
        """Write packed results to the cache (if any) and forget them here."""
        if self.cache:
            self.cache.put_packed(packed)
            self._stored.update(packed)
        packed.clear()

    def _keep(self, work: SourceWork) -> None:
        """Remember a source's analyses and summaries for this run."""
        self._summaries.update(work.summaries)
        by_key = {self.analysis_key(d, t): (d, t) for d in work.documents for t in self.taggers}
        for key, analysis in work.analyses.items():
            if key in by_key:
                document, tagger = by_key[key]
                tagger.remember(document, analysis)
                self._remembered.add(key)

    def prepared_documents(self, source: Source) -> tuple[list[Document], list[Problem]]:
        """The documents of one source, segmented and ready to brief, and any problem with it."""
        return self.prepare_sources([source])

    def collect(self, origins: Iterable[str], stdin: Callable[[], bytes] | None = None) -> Iterator[Source | Problem]:
        """The named sources' bytes (files, folders, URLs, stdin), or why each could not be read."""
        return collect(origins, lambda s: self.loader_for(s) is not None, stdin, self.fetcher.fetch_all)

    def load(
        self, origins: Iterable[str], stdin: Callable[[], bytes] | None = None
    ) -> tuple[list[Document], list[Problem]]:
        sources: list[Source] = []
        problems: list[Problem] = []
        for item in self.collect(origins, stdin):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                sources.append(item)
        documents, failed = self.prepare_sources(sources)
        return documents, problems + failed

    # -- documents -> sentences -----------------------------------------------------------------

    def language_of(self, document: Document) -> str:
        if document.language:
            try:
                return language_code(document.language)
            except UnknownLanguage:
                self.warnings.append(
                    Problem(document.origin, f"unknown language {document.language!r}; guessing from the text")
                )
        if not self.settings.detect_language:
            return language_code(self.settings.language)
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

    def clean(self, paragraphs: list[str], document: Document, problems: list[Problem]) -> list[str]:
        """``paragraphs`` through every cleaner; one that fails is skipped and reported in ``problems``."""
        for cleaner in self.cleaners:
            try:
                cleaned = self.limit(cleaner.clean, list(paragraphs), document)
                if not isinstance(cleaned, list) or not all(isinstance(p, str) for p in cleaned):
                    raise TypeError(f"returned {type(cleaned).__name__}, not a list of paragraphs")
                paragraphs = cleaned
            except Exception as exc:
                problems.append(Problem(document.origin, _failure("cleaner", cleaner.name, exc)))
        return paragraphs

    def prepare(self, document: Document, problems: list[Problem] | None = None) -> Document:
        """The document with its language settled, its text cleaned and split into sentences.

        A cleaner that fails is reported in ``problems`` (when given) and skipped.
        """
        code = self.language_of(document)
        kit = language_kit(code)
        sentences: list[Sentence] = []
        paragraphs = self.clean(
            split_paragraphs(document.text), replace(document, language=code), [] if problems is None else problems
        )
        for number, paragraph in enumerate(paragraphs):
            for text in kit.segmenter.split(paragraph):
                sentences.append(Sentence(text, number, len(sentences)))
        return replace(
            document,
            title=_inert(document.title),
            author=_inert(document.author) if document.author else None,
            date=_inert(document.date) if document.date else None,
            tags=tuple(_inert(t) for t in document.tags),
            headings=tuple(_inert(h) for h in document.headings),
            link=_inert(document.link) if document.link else None,
            language=code,
            sentences=tuple(sentences),
        )

    # -- sentences -> summaries and themes -> briefs --------------------------------------------

    def kit(self, document: Document) -> LanguageKit:
        return language_kit(document.language or self.settings.language)

    def _summarize(
        self, document: Document, length: Length, summarizer: Summarizer
    ) -> tuple[Summary | None, list[Problem]]:
        try:
            return self.limit(summarize, summarizer, document, self.kit(document), length), []
        except Exception as exc:
            return None, [Problem(document.origin, _failure("summarizer", summarizer.name, exc))]

    def summarize_document(
        self, document: Document, length: Length | None = None, summarizer: Summarizer | None = None
    ) -> tuple[Summary | None, list[Problem]]:
        """One document's summary, from this run's memory, the cache, or the summarizer."""
        summarizer = summarizer or self.summarizer
        length = length or self.settings.length
        key = self.summary_key(document, length, summarizer)
        if key not in self._summaries:
            cached = self.cache.get(key) if self.cache else None
            self._summaries[key] = cached or self._summarize(document, length, summarizer)
            if self.cache and cached is None and not self._summaries[key][1]:
                self.cache.put(key, self._summaries[key])
        return self._summaries[key]

    def summarize_all(self, documents: Sequence[Document]) -> dict[str, tuple[Summary | None, list[Problem]]]:
        """Every document's summary with the configured summarizer and length, by document id.

        The cache is read and written once for all of them, not once per document.
        """
        settings = self.settings
        keys = {d.id: self.summary_key(d, settings.length, self.summarizer) for d in documents}
        if self.cache:
            self._summaries.update(self.cache.get_many(k for k in keys.values() if k not in self._summaries))
        fresh = {}
        for document in documents:
            key = keys[document.id]
            if key not in self._summaries:
                self._summaries[key] = self._summarize(document, settings.length, self.summarizer)
                if not self._summaries[key][1]:
                    fresh[key] = self._summaries[key]
        if self.cache:
            self.cache.put_many(fresh)
        return {d.id: self._summaries[keys[d.id]] for d in documents}

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
        """Every document tagged against all of them; ``progress(done, total)`` hears every 50.

        The themes of an unchanged corpus come from the cache. Otherwise each tagger's analysis of
        each document does (see :meth:`briefing.Tagger.analyse`), and only the corpus-wide part
        of tagging is redone.
        """
        if self.cache:
            corpus_key = self.corpus_key(documents)
            cached = self.cache.get(corpus_key)
            if cached is not None:
                return cached
            # Built only on a miss: 30,000 digests for 10,000 documents, wasted on a cached run.
            analyses = {self.analysis_key(d, t): (d, t) for d in documents for t in self.taggers}
            found = self.cache.get_many(k for k in analyses if k not in self._remembered)
            for key, analysis in found.items():
                document, tagger = analyses[key]
                tagger.remember(document, analysis)
            self._remembered.update(found)
            self._stored.update(found)
        tagged = {}
        for number, document in enumerate(documents):
            if progress and number % 50 == 0:
                progress(number, len(documents))
            tagged[document.id] = self.tag_document(document, documents)
        if self.cache:
            fresh = {}
            for key, (document, tagger) in analyses.items():
                if key not in self._stored:
                    try:
                        fresh[key] = tagger.analysis(document)
                    except Exception:
                        continue  # the tagger's failure on this document is among the problems
            if not any(failed for _, failed in tagged.values()):
                fresh[corpus_key] = tagged
            self.cache.put_many(fresh)
            self._stored.update(fresh)
        return tagged

    def assemble(self, topic: str, entries: Sequence[DocumentBrief]) -> Brief:
        """A topic's brief from its document briefs: the multi-document brief and the pooled themes."""
        settings = self.settings
        chosen = [
            (e.document.id, e.document.language, [s.text for s in e.summary.sentences]) for e in entries if e.summary
        ]
        key = "brief:" + digest(briefing_code(), chosen, settings.topic_sentences, settings.language)
        sentences = self.cache.get(key) if self.cache else None
        if sentences is None:
            sentences = topic_brief(entries, settings.topic_sentences, settings.language)
            if self.cache:
                self.cache.put(key, sentences)
        return Brief(topic, tuple(entries), sentences, topic_themes(entries))

    def topics(self, documents: Sequence[Document], themes: Mapping[str, Sequence[Theme]]) -> list[Topic]:
        """Configured topics, then the rest by content (using their themes) or by folder."""
        settings = self.settings
        key = "topics:" + digest(
            [self.fingerprint(d) for d in documents],
            [(d.id, [(t.name, t.score) for t in themes.get(d.id, ())]) for d in documents],
            settings.topics,
            settings.grouping,
            settings.topic_threshold,
        )
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            by_id = {d.id: d for d in documents}
            return [Topic(name, tuple(by_id[i] for i in ids)) for name, ids in cached]
        topics = group_by_grouping(documents, themes, settings.topics, settings.grouping, settings.topic_threshold)
        if self.cache:
            self.cache.put(key, [(t.name, [d.id for d in t.documents]) for t in topics])
        return topics

    def run(
        self, origins: Iterable[str], topic: str | None = None, stdin: Callable[[], bytes] | None = None
    ) -> Briefing:
        """Brief every source; ``topic`` keeps only the topic of that name."""
        with paused_collection():
            documents, problems = self.load(origins, stdin)
        # The corpus lives until the run ends and holds no cycles: without this, every garbage
        # collection walks all its objects again, which took a third of a cached 10,000-document run.
        gc.freeze()
        try:
            return self._brief(documents, problems, topic)
        finally:
            gc.unfreeze()

    def _brief(self, documents: list[Document], problems: list[Problem], topic: str | None) -> Briefing:
        tagged = self.tag_all(documents)
        themes = {document_id: found for document_id, (found, _) in tagged.items()}
        problems.extend(p for _, failed in tagged.values() for p in failed)
        topics = self.topics(documents, themes)
        if topic is not None:
            topics = [t for t in topics if t.name == topic]
        summaries = self.summarize_all([d for t in topics for d in t.documents])
        briefs: list[Brief] = []
        for each in topics:
            entries = []
            for document in each.documents:
                summary, failed = summaries[document.id]
                entries.append(DocumentBrief(document, summary, themes[document.id]))
                problems.extend(failed)
            briefs.append(self.assemble(each.name, entries))
        return Briefing(tuple(briefs), tuple(self.problems + problems), tuple(self.warnings))
