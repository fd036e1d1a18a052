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

from .interfaces import Summarizer
from .models import Brief, Briefing, BriefSentence, Document, DocumentBrief, Problem, Source
from .pipeline import Pipeline
from .sources import collect
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
        self._briefs: dict[tuple[str, str, Length], DocumentBrief] = {}
        self._briefed: Counter[tuple[str, Length]] = Counter()  # cached briefs per setting, for progress
        self._topic_briefs: dict[tuple[str, str, Length], tuple[BriefSentence, ...]] = {}
        self._doc_problems: dict[tuple[str, str, Length], list[Problem]] = {}
        self._summarizers: dict[str, Summarizer] = {pipeline.summarizer.name: pipeline.summarizer}
        self._lock = threading.RLock()

    # -- loading ---------------------------------------------------------------------------------

    def discover(self) -> list[TopicState]:
        """Read every source and sort it into its topic, without parsing anything yet."""
        by_name: dict[str, TopicState] = {}
        rules = self.pipeline.settings.topics
        for rule in rules:
            by_name[rule.name] = TopicState(rule.name)
        wanted = lambda s: self.pipeline.loader_for(s) is not None  # noqa: E731
        for item in collect(self.origins, wanted, self.stdin):
            if isinstance(item, Problem):
                self.problems.append(item)
                continue
            name = topic_name(item.origin, rules)
            by_name.setdefault(name, TopicState(name)).sources.append(item)
        self.topics = [t for t in by_name.values() if t.sources]
        return self.topics

    def load_topic(self, topic: TopicState) -> TopicState:
        """Parse and segment a topic's sources; problems go to :attr:`problems`."""
        documents: list[Document] = []
        for source in topic.sources:
            loaded, failed = self.pipeline.prepared_documents(source)
            documents.extend(loaded)
            self.problems.extend(failed)
        with self._lock:
            topic.documents = documents
            topic.loaded = True
        return topic

    def all_documents(self) -> list[Document]:
        return [d for t in self.topics for d in t.documents]

    # -- briefs ----------------------------------------------------------------------------------

    def summarizer(self, name: str) -> Summarizer:
        with self._lock:
            if name not in self._summarizers:
                self._summarizers[name] = self.pipeline.create("summarizer", name)
            return self._summarizers[name]

    def cached_brief(self, document: Document, summarizer: str, length: Length) -> DocumentBrief | None:
        return self._briefs.get((document.id, summarizer, length))

    def progress(self, summarizer: str, length: Length) -> tuple[int, int]:
        """``(briefed, loaded)`` document counts for one setting, without walking every document."""
        return self._briefed[summarizer, length], sum(len(t.documents) for t in self.topics)

    def document_problems(self, document: Document, summarizer: str, length: Length) -> list[Problem]:
        return self._doc_problems.get((document.id, summarizer, length), [])

    def document_brief(self, document: Document, summarizer: str, length: Length) -> DocumentBrief:
        key = (document.id, summarizer, length)
        cached = self._briefs.get(key)
        if cached is not None:
            return cached
        entry, problems = self.pipeline.brief_document(
            document, self.all_documents(), length, self.summarizer(summarizer)
        )
        with self._lock:
            if key not in self._briefs:  # an outgoing worker may have briefed it meanwhile
                self._briefed[summarizer, length] += 1
            self._briefs[key] = entry
            self._doc_problems[key] = problems
        return entry

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
        brief = Brief(topic.name, entries, self.topic_brief(topic, summarizer, length))
        origins = {s.origin for s in topic.sources} | {d.origin for d in topic.documents}
        problems = [p for p in self.problems if p.source in origins]
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
