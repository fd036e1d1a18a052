"""An interactive briefing session: sources loaded topic by topic, briefs computed on demand.

The TUI needs the first topic on screen long before a large corpus is done, and needs to change
summarizer or length without re-loading anything. A :class:`Session` groups sources into topics
before loading them (by configured globs or folder, which needs only paths), loads one topic at a
time, and asks the engine's stages for every summary, theme and topic brief, so the batch run
and the reading room share one memo and one cache. No UI in here: views call it from workers.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .answering import AnswerIndex
from .engine.assemble import Thematic
from .engine.grouping import sources_by_folder
from .engine.loading import Prepared
from .engine.pool import start_server, worker_count
from .engine.runner import Engine
from .engine.themes import Tagged
from .interfaces import Summarizer
from .models import Brief, Briefing, BriefSentence, Development, Document, DocumentBrief, Problem, Source, Theme
from .read_state import ReadState
from .settings import ANSWERS, Length
from .text.detect import warm_up
from .text.words import language_kit, words
from .topics.coverage import Coverage, coverage, topic_themes
from .topics.novelty import unread_points


@dataclass
class TopicState:
    """A topic as the session knows it: sources first, documents once loaded."""

    name: str
    sources: list[Source] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    loaded: bool = False
    keywords: tuple[str, ...] = ()  # what a topic found by content was named from


@dataclass(frozen=True)
class SearchHit:
    topic: str
    document: Document
    position: int
    text: str


#: Most sources in one topic shown before grouping by content is done.
INTERIM_TOPIC = 20


class Session:
    """Topics, documents and briefs for one set of sources. Safe to use from worker threads."""

    def __init__(
        self,
        engine: Engine,
        origins: Iterable[str],
        stdin: Callable[[], bytes] | None = None,
        read_state: ReadState | None = None,
    ):
        self.engine = engine
        self.origins = list(origins)
        self.stdin = stdin
        self.read_state = read_state or ReadState()
        self._summarizers: dict[str, Summarizer] = {engine.plugins.summarizer.name: engine.plugins.summarizer}
        self._lock = threading.RLock()
        self.reset()
        if engine.settings.detect_language:
            warm_up()  # the language model loads while the view starts and the sources are listed
        if engine.plugins.isolated or (self.regroups and worker_count(engine.settings.workers) > 1):
            start_server()  # work may go to a pool from inside a running view (it cannot start one)

    def reset(self) -> None:
        """Forget the topics and documents, to read the sources again (:meth:`discover`). What
        the engine computed stays in its memo and cache, so only changed sources are redone."""
        with self._lock:
            self.topics: list[TopicState] = []
            self.problems: list[Problem] = list(self.engine.problems)
            self.warnings: list[Problem] = []
            self._corpus: tuple[Document, ...] = ()  # every loaded document, what taggers compare against
            self._answers: tuple[tuple[Document, ...], AnswerIndex] | None = None  # the corpus asked last
            self._source_of: dict[str, Source] = {}  # each loaded document's source, by document id
            self._final = not self.regroups  # the topics shown are the final ones
            self._themes: dict[str, Tagged] = {}  # by document id: tagging depends on the whole corpus
            self._briefed: Counter[tuple[str, Length]] = Counter()  # documents briefed per setting
            self._counted: set[tuple[str, str, Length]] = set()

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
        return list(dict.fromkeys(errors)), list(dict.fromkeys(self.all_warnings()))

    def all_warnings(self) -> list[Problem]:
        """What the user should know: the sources' warnings and read marks that cannot be kept."""
        if self.read_state.problem:
            return [*self.warnings, Problem("read marks", self.read_state.problem)]
        return self.warnings

    # -- read marks ------------------------------------------------------------------------------

    def is_read(self, document: Document) -> bool:
        return self.read_state.is_read(document)

    def mark_read(self, document: Document, read: bool = True) -> None:
        self.read_state.mark(document, read)

    def unread(self, topic: TopicState) -> int:
        return sum(1 for d in topic.documents if not self.read_state.is_read(d))

    # -- loading ---------------------------------------------------------------------------------

    @property
    def regroups(self) -> bool:
        """Topics shown first are interim: grouping by content replaces them once all is read."""
        return self.engine.settings.grouping == "content"

    def discover(self) -> list[TopicState]:
        """Read every source and sort it into its first topics, from paths alone (nothing parsed).

        Grouping by folder gives the final topics; each loads later (:meth:`load_topic`).
        Grouping by content needs every document read and tagged first, so until then the
        sources are shown by folder, at most :data:`INTERIM_TOPIC` to a topic, so the first
        topic is readable at once; :meth:`regroup` then moves them into content topics.
        """
        sources, unreadable = self.engine.gather(self.origins, self.stdin)
        self.problems.extend(unreadable)
        by_folder = sources_by_folder(sources, self.engine.settings.topics)
        if not self.regroups:
            self.topics = [TopicState(name, found) for name, found in by_folder.items()]
            return self.topics
        self.topics = []
        for name, found in by_folder.items():
            for start in range(0, len(found), INTERIM_TOPIC):
                part = found[start : start + INTERIM_TOPIC]
                label = name if len(found) <= INTERIM_TOPIC else f"{name} ({start + 1}–{start + len(part)})"
                self.topics.append(TopicState(label, part))
        return self.topics

    def load_rest(self, progress: Callable[[str], object] = lambda stage: None) -> list[int]:
        """Every topic not loaded yet, in one batch (on every core for a large corpus); returns
        the indexes of the topics it loaded. ``progress`` hears "reading sources 300/1000"."""

        def reading(done: int, total: int) -> None:
            if done % 50 == 1 or done == total:
                progress(f"reading sources {done}/{total}")

        waiting = [(i, t) for i, t in enumerate(self.topics) if not t.loaded]
        self._take(
            [t for _, t in waiting], self.engine.sources.prepare([s for _, t in waiting for s in t.sources], reading)
        )
        return [i for i, _ in waiting]

    def load_topic(self, topic: TopicState) -> TopicState:
        """Parse and segment a topic's sources; problems go to :attr:`problems`."""
        if not topic.loaded:  # read now; tagging (and its analyses) waits for the whole corpus
            self._take([topic], self.engine.sources.prepare(topic.sources, analyse=False))
        return topic

    def _take(self, topics: list[TopicState], prepared: Prepared) -> None:
        """The prepared documents of ``topics``' sources (in their order) into the topics."""
        loaded = iter(prepared.each)
        with self._lock:
            self.problems.extend(prepared.errors)
            self.warnings.extend(prepared.warnings)
            for topic in topics:
                topic.documents = []
                for source, documents in (next(loaded) for _ in topic.sources):
                    topic.documents.extend(documents)
                    self._source_of.update((d.id, source) for d in documents)
                topic.loaded = True
            self._corpus = tuple(d for t in self.topics for d in t.documents)

    def regroup(self, progress: Callable[[str], object] = lambda stage: None) -> list[TopicState]:
        """Once every interim topic is loaded: tag the corpus and group it by content (pinned
        ``[[topics]]`` first). Returns the new topics; :meth:`replace_topics` puts them in place
        of the interim ones (the view does, so it can keep the reader's place)."""
        documents = list(self.all_documents())
        self._themes.update(
            self.engine.themes.corpus(documents, lambda done, total: progress(f"tagging documents {done + 1}/{total}"))
        )
        themes = {d.id: self._themes[d.id][0] for d in documents}
        progress(f"grouping {len(documents)} documents by content")
        topics = []
        for topic in self.engine.grouping.topics(documents, themes):
            sources = {id(s): s for s in (self._source_of[d.id] for d in topic.documents)}
            topics.append(
                TopicState(
                    topic.name, list(sources.values()), list(topic.documents), loaded=True, keywords=topic.keywords
                )
            )
        return topics

    def replace_topics(self, topics: list[TopicState]) -> None:
        with self._lock:
            self.topics = topics
            self._final = True

    def all_documents(self) -> tuple[Document, ...]:
        return self._corpus

    def ask(self, question: str, limit: int = ANSWERS) -> list[SearchHit]:
        """The sentences of all sources that answer ``question`` best, as search hits (none when
        nothing does); the index is built once per set of documents."""
        corpus = self._corpus
        with self._lock:
            if self._answers is None or self._answers[0] is not corpus:
                self._answers = (corpus, self.engine.answer_index(corpus))
            index = self._answers[1]
        topics = {d.id: t.name for t in self.topics for d in t.documents}
        found = index.ask(question, limit)
        return [SearchHit(topics.get(a.document.id, ""), a.document, a.position, a.text) for a in found]

    # -- briefs ----------------------------------------------------------------------------------

    def summarizer(self, name: str) -> Summarizer:
        with self._lock:
            if name not in self._summarizers:
                self._summarizers[name] = self.engine.plugins.create("summarizer", name)
            return self._summarizers[name]

    @property
    def complete(self) -> bool:
        """Every topic is loaded (and regrouped by content, if that is the grouping), so the
        corpus taggers compare each document with is final."""
        return self._final and bool(self.topics) and all(t.loaded for t in self.topics)

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

    def cached_thematic(self, topic: TopicState, summarizer: str, length: Length) -> Thematic | None:
        """The topic's thematic brief and timeline if made (every document tagged and summarized)."""
        entries = [self.cached_brief(d, summarizer, length) for d in topic.documents]
        if any(e is None for e in entries) or not self.complete:
            return None
        return self.engine.briefs.cached_thematic([e for e in entries if e is not None], topic.keywords)

    def thematic_brief(self, topic: TopicState, summarizer: str, length: Length) -> Thematic:
        """The topic's themes with their key points, and its timeline (tagging what it must)."""
        entries = [self.document_brief(d, summarizer, length) for d in topic.documents]
        return self.engine.briefs.thematic(entries, topic.keywords)

    def new_since_read(self, topic: TopicState, summarizer: str, length: Length) -> tuple[Development, ...]:
        """The points of the topic's unread documents that its read ones did not make."""
        entries = [self.document_brief(d, summarizer, length) for d in topic.documents]
        read = {d.id for d in topic.documents if self.is_read(d)}
        return unread_points(entries, read, self.engine.settings.language)

    def briefing(self, topic: TopicState, summarizer: str, length: Length) -> Briefing:
        """One topic as a :class:`Briefing`, ready for any exporter."""
        entries = tuple(self.document_brief(d, summarizer, length) for d in topic.documents)
        sentences = self.topic_brief(topic, summarizer, length)
        themes, developments = self.engine.briefs.thematic(entries, topic.keywords)
        brief = Brief(topic.name, entries, sentences, topic_themes(entries), topic.keywords, themes, developments)
        origins = {s.origin for s in topic.sources} | {d.origin for d in topic.documents}
        problems = [p for p in self.problems if p.source in origins or p in self.engine.problems]
        for document in topic.documents:
            problems.extend(self.document_problems(document, summarizer, length))
        warnings = tuple(w for w in self.warnings if w.source in origins)
        return Briefing((brief,), tuple(problems), warnings, self.engine.facts(self.origins, summarizer, length))

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
