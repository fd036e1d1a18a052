"""An interactive briefing session: sources loaded topic by topic, briefs computed on demand.

The TUI needs the first topic on screen long before a large corpus is done, and needs to change
summarizer or length without re-loading anything. A :class:`Session` groups sources into topics
before loading them (by configured globs or folder, which needs only paths), loads one topic at a
time, and caches every document brief by (document, summarizer, length). No UI in here: views
call these methods from their workers.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .coverage import Coverage, coverage, topic_themes
from .interfaces import Summarizer
from .models import Brief, Briefing, BriefSentence, Document, DocumentBrief, Problem, Source, Summary, Theme
from .parallel import start_server, worker_count
from .pipeline import Pipeline
from .summarize import Length
from .topic_brief import topic_brief
from .topics import topic_name


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
    """Topics, documents and cached briefs for one set of sources. Safe to use from worker threads."""

    def __init__(self, pipeline: Pipeline, origins: Iterable[str], stdin: Callable[[], bytes] | None = None):
        self.pipeline = pipeline
        self.origins = list(origins)
        self.stdin = stdin
        self.topics: list[TopicState] = []
        self.problems: list[Problem] = []
        self.problems.extend(pipeline.problems)
        self._corpus: tuple[Document, ...] = ()  # every loaded document, what taggers compare against
        self._themes: dict[str, tuple[tuple[Theme, ...], list[Problem]]] = {}  # by document id
        self._summaries: dict[tuple[str, str, Length], tuple[Summary | None, list[Problem]]] = {}
        self._briefed: Counter[tuple[str, Length]] = Counter()  # cached summaries per setting, for progress
        self._topic_briefs: dict[tuple[str, str, Length], tuple[BriefSentence, ...]] = {}
        self._summarizers: dict[str, Summarizer] = {pipeline.summarizer.name: pipeline.summarizer}
        self._lock = threading.RLock()
        if pipeline.settings.grouping == "content" and worker_count(pipeline.settings.workers) > 1:
            start_server()  # grouping by content may brief in a pool, from inside a running view

    # -- loading ---------------------------------------------------------------------------------

    def discover(self, progress: Callable[[str], None] = lambda stage: None) -> list[TopicState]:
        """Read every source and sort it into its topic.

        Grouping by folder needs only paths, so nothing is parsed yet and each topic loads later
        (:meth:`load_topic`). Grouping by content needs every document parsed and tagged first;
        ``progress`` hears what that is doing ("tagging 300/1000 documents").
        """
        sources: list[Source] = []
        for item in self.pipeline.collect(self.origins, self.stdin):
            if isinstance(item, Problem):
                self.problems.append(item)
            else:
                sources.append(item)
        settings = self.pipeline.settings
        if settings.grouping == "content":
            self.topics = self._group_by_content(sources, progress)
            return self.topics
        by_name: dict[str, TopicState] = {rule.name: TopicState(rule.name) for rule in settings.topics}
        for source in sources:
            name = topic_name(source.origin, settings.topics)
            by_name.setdefault(name, TopicState(name)).sources.append(source)
        self.topics = [t for t in by_name.values() if t.sources]
        return self.topics

    def _group_by_content(self, sources: list[Source], progress: Callable[[str], None]) -> list[TopicState]:
        each, failed = self.pipeline.prepare_each(
            sources, lambda done, total: done % 50 == 1 and progress(f"reading sources {done}/{total}")
        )
        self.problems.extend(failed)
        documents = [d for _, loaded in each for d in loaded]
        source_of = {d.id: source for source, loaded in each for d in loaded}
        self._corpus = tuple(documents)
        self._themes.update(
            self.pipeline.tag_all(documents, lambda done, total: progress(f"tagging documents {done + 1}/{total}"))
        )
        themes = {d.id: self._themes[d.id][0] for d in documents}
        progress(f"grouping {len(documents)} documents by content")
        topics = []
        for topic in self.pipeline.topics(documents, themes):
            state = TopicState(topic.name, documents=list(topic.documents), loaded=True)
            state.sources = list({id(s): s for s in (source_of[d.id] for d in topic.documents)}.values())
            topics.append(state)
        return topics

    def load_topic(self, topic: TopicState) -> TopicState:
        """Parse and segment a topic's sources; problems go to :attr:`problems`."""
        if topic.loaded:
            return topic
        documents: list[Document] = []
        for source in topic.sources:
            loaded, failed = self.pipeline.prepared_documents(source)
            documents.extend(loaded)
            self.problems.extend(failed)
        with self._lock:
            topic.documents = documents
            topic.loaded = True
            self._corpus = tuple(d for t in self.topics for d in t.documents)
        return topic

    def all_documents(self) -> tuple[Document, ...]:
        return self._corpus

    # -- briefs ----------------------------------------------------------------------------------

    def summarizer(self, name: str) -> Summarizer:
        with self._lock:
            if name not in self._summarizers:
                self._summarizers[name] = self.pipeline.create("summarizer", name)
            return self._summarizers[name]

    @property
    def complete(self) -> bool:
        """Every topic is loaded, so the corpus taggers compare each document with is final."""
        return bool(self.topics) and all(t.loaded for t in self.topics)

    def cached_brief(self, document: Document, summarizer: str, length: Length) -> DocumentBrief | None:
        done = self._summaries.get((document.id, summarizer, length))
        return DocumentBrief(document, done[0], self.cached_themes(document)) if done else None

    def progress(self, summarizer: str, length: Length) -> tuple[int, int]:
        """``(summarized, loaded)`` document counts for one setting, without walking every document."""
        return self._briefed[summarizer, length], sum(len(t.documents) for t in self.topics)

    def document_problems(self, document: Document, summarizer: str, length: Length) -> list[Problem]:
        done = self._summaries.get((document.id, summarizer, length))
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
            tagged = self.pipeline.tag_document(document, self.all_documents())
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
        """The document's summary for this setting and its themes (see :meth:`themes`), cached."""
        key = (document.id, summarizer, length)
        if key not in self._summaries:
            summary, problems = self.pipeline.summarize_document(document, length, self.summarizer(summarizer))
            with self._lock:
                if key not in self._summaries:  # an outgoing worker may have summarized it meanwhile
                    self._briefed[summarizer, length] += 1
                    self._summaries[key] = (summary, problems)
        return DocumentBrief(document, self._summaries[key][0], self.themes(document))

    def cached_topic_brief(self, topic: str, summarizer: str, length: Length) -> tuple[BriefSentence, ...] | None:
        return self._topic_briefs.get((topic, summarizer, length))

    def topic_brief(self, topic: TopicState, summarizer: str, length: Length) -> tuple[BriefSentence, ...]:
        key = (topic.name, summarizer, length)
        if key not in self._topic_briefs:
            entries = [self.document_brief(d, summarizer, length) for d in topic.documents]
            sentences = topic_brief(entries, self.pipeline.settings.topic_sentences, self.pipeline.settings.language)
            with self._lock:
                self._topic_briefs[key] = sentences
        return self._topic_briefs[key]

    def briefing(self, topic: TopicState, summarizer: str, length: Length) -> Briefing:
        """One topic as a :class:`Briefing`, ready for any exporter."""
        entries = tuple(self.document_brief(d, summarizer, length) for d in topic.documents)
        brief = Brief(topic.name, entries, self.topic_brief(topic, summarizer, length), topic_themes(entries))
        origins = {s.origin for s in topic.sources} | {d.origin for d in topic.documents}
        problems = [p for p in self.problems if p.source in origins or p in self.pipeline.problems]
        for document in topic.documents:
            problems.extend(self.document_problems(document, summarizer, length))
        return Briefing((brief,), tuple(problems), tuple(w for w in self.pipeline.warnings if w.source in origins))

    # -- search ----------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Sentences containing every word of ``query`` (case-insensitive), across loaded topics."""
        terms = [t for t in query.lower().split() if t]
        hits: list[SearchHit] = []
        if not terms:
            return hits
        for topic in self.topics:
            for document in topic.documents:
                for sentence in document.sentences:
                    lowered = sentence.text.lower()
                    if all(term in lowered for term in terms):
                        hits.append(SearchHit(topic.name, document, sentence.position, sentence.text))
                        if len(hits) >= limit:
                            return hits
        return hits
