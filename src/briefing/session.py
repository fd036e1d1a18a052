"""An interactive briefing session: sources loaded topic by topic, briefs computed on demand.

The TUI needs the first topic on screen long before a large corpus is done, and needs to change
summarizer or length without re-loading anything. A :class:`Session` groups sources into topics
before loading them (by configured globs or folder, which needs only paths), loads one topic at a
time, and asks the engine's stages for every summary, theme and topic brief, so the batch run
and the reading room share one memo and one cache. No UI in here: views call these methods from
their workers.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .coverage import Coverage, coverage, topic_themes
from .engine.grouping import sources_by_folder
from .engine.pool import start_server, worker_count
from .engine.runner import Engine
from .engine.settings import Length
from .engine.themes import Tagged
from .interfaces import Summarizer
from .models import Brief, Briefing, BriefSentence, Document, DocumentBrief, Problem, Source, Theme
from .text.words import language_kit, words


@dataclass
class TopicState:
    """A topic as the session knows it: sources first, documents once loaded."""

    name: str
    sources: list[Source] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    loaded: bool = False


@dataclass(frozen=True)
class SearchHit:
    topic: str
    document: Document
    position: int
    text: str


class Session:
    """Topics, documents and briefs for one set of sources. Safe to use from worker threads."""

    def __init__(self, engine: Engine, origins: Iterable[str], stdin: Callable[[], bytes] | None = None):
        self.engine = engine
        self.origins = list(origins)
        self.stdin = stdin
        self.topics: list[TopicState] = []
        self.problems: list[Problem] = list(engine.problems)
        self.warnings: list[Problem] = []
        self._corpus: tuple[Document, ...] = ()  # every loaded document, what taggers compare against
        self._themes: dict[str, Tagged] = {}  # by document id
        self._briefed: Counter[tuple[str, Length]] = Counter()  # documents briefed per setting, for progress
        self._counted: set[tuple[str, str, Length]] = set()
        self._summarizers: dict[str, Summarizer] = {engine.plugins.summarizer.name: engine.plugins.summarizer}
        self._lock = threading.RLock()
        if engine.settings.grouping == "content" and worker_count(engine.settings.workers) > 1:
            start_server()  # grouping by content may brief in a pool, from inside a running view

    # -- what the views ask about the run ----------------------------------------------------------

    @property
    def summarizer_name(self) -> str:
        """The summarizer the run starts with."""
        return self.engine.plugins.summarizer.name

    @property
    def length(self) -> Length:
        return self.engine.settings.length

    def summarizers(self) -> list[tuple[str, str]]:
        """Every installed summarizer's name and description."""
        return [(e.name, e.cls.description) for e in self.engine.registry.entries["summarizer"].values()]

    def exporters(self) -> list[tuple[str, str]]:
        """Every installed exporter's name and usual file suffix."""
        return [(e.name, getattr(e.cls, "suffix", ".txt")) for e in self.engine.registry.entries["exporter"].values()]

    def all_problems(self, summarizer: str, length: Length) -> tuple[list[Problem], list[Problem]]:
        """``(errors, warnings)`` of the whole run so far: plugins that failed to load or start,
        sources that failed, and each loaded document's summarizer and tagger failures."""
        errors = [
            Problem(f"plugin {f.plugin!r}", f"failed to load ({f.origin}): {f.error}")
            for f in self.engine.registry.failures
        ]
        errors += self.problems
        for document in self.all_documents():
            errors += self.document_problems(document, summarizer, length)
        return list(dict.fromkeys(errors)), list(dict.fromkeys(self.warnings))

    # -- loading ---------------------------------------------------------------------------------

    def discover(self, progress: Callable[[str], object] = lambda stage: None) -> list[TopicState]:
        """Read every source and sort it into its topic.

        Grouping by folder needs only paths, so nothing is parsed yet and each topic loads later
        (:meth:`load_topic`). Grouping by content needs every document parsed and tagged first;
        ``progress`` hears what that is doing ("tagging 300/1000 documents").
        """
        sources: list[Source] = []
        for item in self.engine.collect(self.origins, self.stdin):
            if isinstance(item, Problem):
                self.problems.append(item)
            else:
                sources.append(item)
        settings = self.engine.settings
        if settings.grouping == "content":
            self.topics = self._group_by_content(sources, progress)
        else:
            self.topics = [
                TopicState(name, found) for name, found in sources_by_folder(sources, settings.topics).items()
            ]
        return self.topics

    def _group_by_content(self, sources: list[Source], progress: Callable[[str], object]) -> list[TopicState]:
        def reading(done: int, total: int) -> None:
            if done % 50 == 1:
                progress(f"reading sources {done}/{total}")

        prepared = self.engine.sources.prepare(sources, reading)
        self.problems.extend(prepared.errors)
        self.warnings.extend(prepared.warnings)
        documents = prepared.documents
        source_of = {d.id: source for source, loaded in prepared.each for d in loaded}
        self._corpus = tuple(documents)
        self._themes.update(
            self.engine.themes.corpus(documents, lambda done, total: progress(f"tagging documents {done + 1}/{total}"))
        )
        themes = {d.id: self._themes[d.id][0] for d in documents}
        progress(f"grouping {len(documents)} documents by content")
        topics = []
        for topic in self.engine.grouping.topics(documents, themes):
            state = TopicState(topic.name, documents=list(topic.documents), loaded=True)
            state.sources = list({id(s): s for s in (source_of[d.id] for d in topic.documents)}.values())
            topics.append(state)
        return topics

    def load_topic(self, topic: TopicState) -> TopicState:
        """Parse and segment a topic's sources; problems go to :attr:`problems`."""
        if topic.loaded:
            return topic
        prepared = self.engine.sources.prepare(topic.sources)
        with self._lock:
            self.problems.extend(prepared.errors)
            self.warnings.extend(prepared.warnings)
            topic.documents = prepared.documents
            topic.loaded = True
            self._corpus = tuple(d for t in self.topics for d in t.documents)
        return topic

    def all_documents(self) -> tuple[Document, ...]:
        return self._corpus

    # -- briefs ----------------------------------------------------------------------------------

    def summarizer(self, name: str) -> Summarizer:
        with self._lock:
            if name not in self._summarizers:
                self._summarizers[name] = self.engine.plugins.create("summarizer", name)
            return self._summarizers[name]

    @property
    def complete(self) -> bool:
        """Every topic is loaded, so the corpus taggers compare each document with is final."""
        return bool(self.topics) and all(t.loaded for t in self.topics)

    def cached_brief(self, document: Document, summarizer: str, length: Length) -> DocumentBrief | None:
        done = self.engine.summaries.cached(document, self.summarizer(summarizer), length)
        if done is None:
            return None
        self._count(document, summarizer, length)
        return DocumentBrief(document, done[0], self.cached_themes(document))

    def _count(self, document: Document, summarizer: str, length: Length) -> None:
        """Count a document as briefed for a setting (once), for :meth:`progress`."""
        with self._lock:
            if (document.id, summarizer, length) not in self._counted:
                self._counted.add((document.id, summarizer, length))
                self._briefed[summarizer, length] += 1

    def progress(self, summarizer: str, length: Length) -> tuple[int, int]:
        """``(summarized, loaded)`` document counts for one setting, without walking every document."""
        return self._briefed[summarizer, length], sum(len(t.documents) for t in self.topics)

    def document_problems(self, document: Document, summarizer: str, length: Length) -> list[Problem]:
        done = self.engine.summaries.cached(document, self.summarizer(summarizer), length)
        tagged = self._themes.get(document.id)
        return (done[1] if done else []) + (tagged[1] if tagged else [])

    def is_tagged(self, document: Document) -> bool:
        return document.id in self._themes

    def themes(self, document: Document) -> tuple[Theme, ...]:
        """The document's themes, tagged once (tagging does not depend on summarizer or length).

        Taggers compare a document with the whole corpus (key phrases weigh words by how many
        documents use them), so tagging waits until every topic is loaded; until then this is
        empty. Tagging against a corpus that is still growing would make themes depend on timing.
        """
        tagged = self._themes.get(document.id)
        if tagged is None:
            if not self.complete:
                return ()
            tagged = self.engine.themes.document(document, self.all_documents())
            self._themes[document.id] = tagged
        return tagged[0]

    def cached_themes(self, document: Document) -> tuple[Theme, ...]:
        tagged = self._themes.get(document.id)
        return tagged[0] if tagged else ()

    def coverage(self, topic: TopicState) -> Coverage:
        """The topic's sources x themes matrix (tagging any document not tagged yet)."""
        entries = tuple(DocumentBrief(d, None, self.themes(d)) for d in topic.documents)
        return coverage(Brief(topic.name, entries, ()))

    def document_brief(self, document: Document, summarizer: str, length: Length) -> DocumentBrief:
        """The document's summary for this setting and its themes (see :meth:`themes`)."""
        summary = self.engine.summaries.one(document, self.summarizer(summarizer), length)[0]
        self._count(document, summarizer, length)
        return DocumentBrief(document, summary, self.themes(document))

    def cached_topic_brief(
        self, topic: TopicState, summarizer: str, length: Length
    ) -> tuple[BriefSentence, ...] | None:
        entries = [self.cached_brief(d, summarizer, length) for d in topic.documents]
        if any(e is None for e in entries):
            return None
        return self.engine.briefs.cached([e for e in entries if e is not None])

    def topic_brief(self, topic: TopicState, summarizer: str, length: Length) -> tuple[BriefSentence, ...]:
        entries = [self.document_brief(d, summarizer, length) for d in topic.documents]
        return self.engine.briefs.sentences(entries)

    def briefing(self, topic: TopicState, summarizer: str, length: Length) -> Briefing:
        """One topic as a :class:`Briefing`, ready for any exporter."""
        entries = tuple(self.document_brief(d, summarizer, length) for d in topic.documents)
        brief = Brief(topic.name, entries, self.topic_brief(topic, summarizer, length), topic_themes(entries))
        origins = {s.origin for s in topic.sources} | {d.origin for d in topic.documents}
        problems = [p for p in self.problems if p.source in origins or p in self.engine.problems]
        for document in topic.documents:
            problems.extend(self.document_problems(document, summarizer, length))
        return Briefing((brief,), tuple(problems), tuple(w for w in self.warnings if w.source in origins))

    def export(self, topic: TopicState, summarizer: str, length: Length, exporter: str) -> str:
        """One topic's brief rendered by ``exporter``."""
        return self.engine.export(self.briefing(topic, summarizer, length), exporter)

    # -- search ----------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 500) -> tuple[list[SearchHit], int]:
        """The first ``limit`` sentences, across loaded topics, that contain every word of
        ``query``, and how many do in all.

        A word matches its inflections (by the document language's stems: ``battery`` finds
        ``batteries``) and compounds that contain it (``Batterie`` finds ``Batteriespeicher``).
        """
        terms = [t.lower() for t in words(query)]
        if not terms:
            return [], 0
        english = language_kit("en")
        hits: list[SearchHit] = []
        total = 0
        for topic in self.topics:
            for document in topic.documents:
                kit = language_kit(document.language or self.engine.settings.language)
                forms = [{term, kit.stem(term), english.stem(term)} for term in terms]
                for sentence in document.sentences:
                    tokens = [w.lower() for w in words(sentence.text)]
                    stems = {kit.stem(w) for w in tokens}
                    if all(_found(variants, tokens, stems) for variants in forms):
                        total += 1
                        if len(hits) < limit:
                            hits.append(SearchHit(topic.name, document, sentence.position, sentence.text))
        return hits, total


#: The shortest word looked for inside compound words (shorter ones match too much).
COMPOUND_PART = 4


def _found(variants: set[str], tokens: list[str], stems: set[str]) -> bool:
    """One query word in a sentence: as a word, by stem, or as part of a compound word."""
    if variants & stems or variants & set(tokens):
        return True
    parts = [v for v in variants if len(v) >= COMPOUND_PART]
    return any(part in token for part in parts for token in tokens)
