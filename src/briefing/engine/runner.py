"""The engine's façade: one configured run, from named sources to a :class:`Briefing` or an export.

The CLI and the reading room's session use this and the stages it holds; nothing here knows a
view. ``Engine(registry, settings, cache).run(paths)`` is the whole batch run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from ..cache import Cache, paused_collection
from ..cache_format import damaged_reads
from ..models import Briefing, Document, DocumentBrief, Problem, RunFacts, Source
from ..plugins import Registry
from ..services import Services
from ..settings import Length, Settings
from ..sources.collect import collect
from ..sources.urls import without_credentials
from ..text.words import language_kit
from ..version import __version__
from .assemble import BriefStage
from .cache_keys import Keys
from .executors import Executors
from .grouping import GroupStage
from .isolation import Isolation
from .loading import Prepared, SourceStage
from .pool import services_spec
from .started import StartedPlugins
from .store import Store
from .summaries import SummaryStage
from .themes import TagStage

if TYPE_CHECKING:
    from ..answering import AnswerIndex


class Engine:
    """One configured run: plugins started once, the stages sharing one store of results.

    With a :class:`~briefing.cache.Cache`, every per-source, per-document and per-corpus result is
    kept on disk by what it depends on, so an unchanged corpus is briefed from the cache.
    """

    def __init__(self, registry: Registry, settings: Settings | None = None, cache: Cache | None = None):
        self.registry = registry
        self.settings = settings or Settings()
        self.services = Services(self.settings, cache)
        self.plugins = StartedPlugins(registry, self.services)
        self.keys = Keys(self.settings)
        self.store = Store(cache)
        #: Plugins not briefing's own make their corpus-wide and one-at-a-time calls in a worker
        #: process of their own (see :mod:`.isolation`), when per-document work is isolated too.
        self.isolation = (
            Isolation(services_spec(registry.recipe, self.services))
            if registry.recipe is not None and self.plugins.isolates_calls
            else None
        )
        self.summaries = SummaryStage(self.plugins, self.keys, self.store, self.isolation)
        self.themes = TagStage(self.plugins, self.keys, self.store, self.isolation)
        self.executors = Executors(self.settings, registry.recipe)
        self.sources = SourceStage(self.plugins, self.keys, self.store, self.themes, self.executors)
        self.grouping = GroupStage(self.settings, self.keys, self.store)
        self.briefs = BriefStage(self.settings, self.keys, self.store)

    def close(self) -> None:
        """Shut down the worker pools or cluster connection the run opened, if any."""
        self.executors.close()
        if self.isolation is not None:
            self.isolation.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def problems(self) -> list[Problem]:
        """Plugins that could not start; the run goes on without them."""
        return self.plugins.problems

    def collect(self, origins: Iterable[str], stdin: Callable[[], bytes] | None = None) -> Iterator[Source | Problem]:
        """The named sources' bytes (files, folders, URLs, stdin), or why each could not be read.
        A URL's user name and password are left out of it before anything else sees it (see
        :func:`~briefing.sources.urls.without_credentials`): it is refused, never printed."""
        return collect(
            map(without_credentials, origins),
            lambda s: self.plugins.loader_for(s) is not None,
            stdin,
            self.services.fetcher.fetch_all,
            int(self.settings.max_source_mb * 2**20),
        )

    def gather(
        self, origins: Iterable[str], stdin: Callable[[], bytes] | None = None
    ) -> tuple[list[Source], list[Problem]]:
        """The named sources that could be read, and why each of the others could not."""
        sources: list[Source] = []
        unreadable: list[Problem] = []
        for item in self.collect(origins, stdin):
            if isinstance(item, Problem):
                unreadable.append(item)
            else:
                sources.append(item)
        return sources, unreadable

    def load(
        self,
        origins: Iterable[str],
        stdin: Callable[[], bytes] | None = None,
        progress: Callable[[int, int], object] | None = None,
    ) -> Prepared:
        """Every named source's documents, prepared, with what failed and what to know;
        ``progress(done, total)`` hears sources as they finish."""
        sources, unreadable = self.gather(origins, stdin)
        prepared = self.sources.prepare(sources, progress)
        prepared.errors[:0] = unreadable
        return prepared

    def prepare(self, document: Document) -> Document:
        """One document segmented as this run would (for samples and tests; problems are dropped)."""
        from .prepare import prepare_document  # not imported by a run answered from the cache

        return prepare_document(self.plugins, document)[0]

    def facts(self, origins: Iterable[str], summarizer: str | None = None, length: Length | None = None) -> RunFacts:
        """How a briefing of ``origins`` is made now: for the header of its export."""
        settings = self.settings
        return RunFacts(
            made=datetime.now().strftime("%Y-%m-%d %H:%M"),
            sources=tuple(map(without_credentials, origins)),
            summarizer=summarizer or self.plugins.summarizer.name,
            length=(length or settings.length).describe(),
            grouping=settings.grouping,
            version=__version__,
            taggers=tuple(t.name for t in self.plugins.taggers),
            topic_sentences=settings.topic_sentences,
        )

    def answer_index(self, documents: Sequence[Document]) -> AnswerIndex:
        """An index to ask ``documents`` questions; each document's terms come from the cache."""
        from ..answering import AnswerIndex, Terms, terms_of  # only for questions

        by_id = {d.id: d for d in documents}
        keys = {d.id: "terms:" + self.keys.fingerprint(d) for d in documents}

        def compute(missing: list[str]) -> Iterator[tuple[str, Terms]]:
            for document_id in missing:
                document = by_id[document_id]
                yield document_id, terms_of(document, language_kit(document.language or self.settings.language))

        found = self.store.memoised(keys, compute, remember=False, kind=Terms)
        return AnswerIndex(documents, self.settings.language, lambda document, kit: found[document.id])

    def export(self, briefing: Briefing, exporter: str) -> str:
        """``briefing`` rendered by the exporter called ``exporter``."""
        text: str = self.plugins.create("exporter", exporter).render(briefing)
        return text

    def run(
        self,
        origins: Iterable[str],
        topic: str | None = None,
        stdin: Callable[[], bytes] | None = None,
        progress: Callable[[int, int], object] | None = None,
        keep: Callable[[Document], bool] | None = None,
    ) -> Briefing:
        """Brief every source; ``topic`` keeps only the topic of that name; ``progress(done,
        total)`` hears sources as they finish (from the workers' tasks as they complete);
        ``keep`` says which documents to brief (all, without it)."""
        origins = list(origins)
        # The corpus lives until the run ends and holds no cycles: with the collector on, every
        # collection walks all its objects again, which took a third of a cached 10,000-document run.
        with paused_collection():
            prepared = self.load(origins, stdin, progress)
            documents = [d for d in prepared.documents if keep is None or keep(d)]
            errors, warnings = prepared.errors, prepared.warnings
            del prepared  # and with it the sources' bytes, which nothing after loading reads
            briefing = replace(self._brief(documents, errors, warnings, topic), facts=self.facts(origins))
        if self.store.cache is not None:
            self.store.cache.prune()  # past its limit, the results used least recently go
        return briefing

    def _brief(
        self, documents: list[Document], unreadable: list[Problem], warnings: list[Problem], topic: str | None
    ) -> Briefing:
        errors = list(self.problems) + unreadable
        tagged = self.themes.corpus(documents)
        themes = {document_id: found for document_id, (found, _) in tagged.items()}
        errors.extend(p for _, failed in tagged.values() for p in failed)
        # The tagging's key fixes the themes it gave, unless a tagger failed (tried again next run).
        tagging = None if any(problems for _, problems in tagged.values()) else self.themes.key(documents)
        topics = self.grouping.topics(documents, themes)
        if topic is not None:
            topics = [t for t in topics if t.name == topic]
        summaries = self.summaries.many([d for t in topics for d in t.documents])
        jobs = []
        for each in topics:
            entries = []
            for document in each.documents:
                summary, failed = summaries[document.id]
                entries.append(DocumentBrief(document, summary, themes[document.id]))
                errors.extend(failed)
            jobs.append((entries, each.keywords))
        self.briefs.brief_all(jobs, self.executors)  # topics in parallel, when worth it
        briefs = [
            self.briefs.assemble(each.name, entries, keywords, tagging)
            for each, (entries, keywords) in zip(topics, jobs, strict=True)
        ]
        return Briefing(tuple(briefs), tuple(errors), tuple(warnings) + self.cache_warnings())

    def cache_warnings(self) -> tuple[Problem, ...]:
        """A cache that could not be written: said once, the run having gone on without it.
        (Entries found damaged since the cache was last read, by the taggers say, are added to
        its tally first.)"""
        cache = self.store.cache
        if cache is not None:
            cache.count_damaged(damaged_reads())
        if cache is None or cache.unwritable is None:
            return ()
        return (
            Problem(str(cache.path), f"results could not be kept ({cache.unwritable}); briefed without keeping them"),
        )
