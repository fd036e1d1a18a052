"""Summaries and themes -> a topic's brief: the multi-document brief, the pooled themes and the
thematic brief."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import as_completed

from ..cache import digest
from ..models import Brief, BriefSentence, BriefTheme, Development, DocumentBrief, Theme
from ..settings import Settings
from .cache_keys import Keys
from .executors import Executors
from .store import Store

# The topics' modules are imported where a brief is computed, not here: a run answered from the
# cache computes none, and importing them (their patterns, their word lists) is a tenth of its start.

#: A topic's thematic brief and its timeline, made from one reading of its sentences.
Thematic = tuple[tuple[BriefTheme, ...], tuple[Development, ...]]


#: What a topic's brief is made of: its entries and its keywords.
Job = tuple[Sequence[DocumentBrief], Sequence[str]]


def topic_sentences(entries: Sequence[DocumentBrief], count: int, language: str) -> tuple[BriefSentence, ...]:
    from ..topics.brief import topic_brief  # the topics' modules: see the comment above

    return topic_brief(entries, count, language)


def topic_thematic(entries: Sequence[DocumentBrief], keywords: Sequence[str], language: str) -> Thematic:
    from ..topics.novelty import timeline
    from ..topics.points import candidates
    from ..topics.thematic import thematic_brief

    found = candidates(entries, language)
    return thematic_brief(entries, language, keywords, found), timeline(entries, language, found)


def topic_work(jobs: Sequence[Job], count: int, language: str) -> list[tuple[tuple[BriefSentence, ...], Thematic]]:
    """Each topic's brief sentences and thematic brief: a task, run in a worker process when a
    run has several topics to brief (they depend on nothing but their entries)."""
    return [
        (topic_sentences(entries, count, language), topic_thematic(entries, keywords, language))
        for entries, keywords in jobs
    ]


class BriefStage:
    """Topic briefs for the batch run and the reading room alike, memoised by what they are made of."""

    def __init__(self, settings: Settings, keys: Keys, store: Store):
        self.settings, self.keys, self.store = settings, keys, store

    def _key(self, entries: Sequence[DocumentBrief]) -> str:
        chosen = [  # the whole document counts: the brief's centroid reads all its sentences
            (self.keys.fingerprint(e.document), [s.text for s in e.summary.sentences]) for e in entries if e.summary
        ]
        return self.keys.brief(chosen)

    def sentences(self, entries: Sequence[DocumentBrief]) -> tuple[BriefSentence, ...]:
        """The topic's multi-document brief from its documents' summaries."""

        def compute(missing: list[int]) -> Iterator[tuple[int, tuple[BriefSentence, ...]]]:
            yield 0, topic_sentences(entries, self.settings.topic_sentences, self.settings.language)

        return self.store.memoised({0: self._key(entries)}, compute, kind=tuple[BriefSentence, ...])[0]

    def cached(self, entries: Sequence[DocumentBrief]) -> tuple[BriefSentence, ...] | None:
        """The brief if this run already has it, without computing or reading the disk."""
        found: tuple[BriefSentence, ...] | None = self.store.peek(self._key(entries))
        return found

    def _thematic_key(self, entries: Sequence[DocumentBrief], keywords: Sequence[str]) -> str:
        people = sorted({t.name for e in entries for t in e.themes if t.kind == "person"})
        return "thematic+timeline:" + digest(self._key(entries), list(keywords), people)

    def thematic(self, entries: Sequence[DocumentBrief], keywords: Sequence[str] = ()) -> Thematic:
        """The topic's thematic brief (named themes with their key points) and its timeline, from
        one reading of its sentences."""

        def compute(missing: list[int]) -> Iterator[tuple[int, Thematic]]:
            yield 0, topic_thematic(entries, keywords, self.settings.language)

        return self.store.memoised({0: self._thematic_key(entries, keywords)}, compute, kind=Thematic)[0]

    def cached_thematic(self, entries: Sequence[DocumentBrief], keywords: Sequence[str] = ()) -> Thematic | None:
        """The thematic brief and timeline if this run already has them, without computing or
        reading the disk."""
        found: Thematic | None = self.store.peek(self._thematic_key(entries, keywords))
        return found

    def pooled_themes(self, entries: Sequence[DocumentBrief], tagging: str | None = None) -> tuple[Theme, ...]:
        """The topic's pooled themes; with ``tagging``, the key of the corpus tagging its entries'
        themes came from (which fixes them), kept by it: pooling 10,000 documents' themes was a
        sixth of re-briefing an unchanged corpus."""
        from ..topics.coverage import topic_themes

        if tagging is None:
            return topic_themes(entries)

        def compute(missing: list[int]) -> Iterator[tuple[int, tuple[Theme, ...]]]:
            yield 0, topic_themes(entries)

        key = "topic-themes:" + digest(tagging, [e.document.id for e in entries])
        return self.store.memoised({0: key}, compute, kind=tuple[Theme, ...])[0]

    def brief_all(self, jobs: Sequence[Job], executors: Executors | None = None) -> None:
        """Every topic's brief sentences and thematic brief that neither this run nor the cache
        holds, kept for :meth:`assemble`: topics go to the worker processes (or the cluster) in
        parallel when they hold enough documents to be worth sending, else are briefed here."""
        done: dict[int, tuple[tuple[BriefSentence, ...], Thematic]] = {}

        def work(missing: list[int]) -> None:
            todo = [number for number in missing if number not in done]
            done.update(zip(todo, self._briefed([jobs[number] for number in todo], executors), strict=True))

        def sentences(missing: list[int]) -> Iterator[tuple[int, tuple[BriefSentence, ...]]]:
            work(missing)
            return ((number, done[number][0]) for number in missing)

        def thematic(missing: list[int]) -> Iterator[tuple[int, Thematic]]:
            work(missing)
            return ((number, done[number][1]) for number in missing)

        numbers = range(len(jobs))
        self.store.memoised({n: self._key(jobs[n][0]) for n in numbers}, sentences, kind=tuple[BriefSentence, ...])
        self.store.memoised({n: self._thematic_key(*jobs[n]) for n in numbers}, thematic, kind=Thematic)

    def _briefed(
        self, jobs: list[Job], executors: Executors | None
    ) -> list[tuple[tuple[BriefSentence, ...], Thematic]]:
        count, language = self.settings.topic_sentences, self.settings.language
        documents = sum(len(entries) for entries, _ in jobs)
        if executors is None or len(jobs) < 2 or not executors.wanted(documents):
            return topic_work(jobs, count, language)
        try:
            executor, _ = executors.open(documents)
            futures = {executor.submit(topic_work, [job], count, language): number for number, job in enumerate(jobs)}
            found: dict[int, tuple[tuple[BriefSentence, ...], Thematic]] = {}
            for future in as_completed(futures):
                [found[futures[future]]] = future.result()
            return [found[number] for number in range(len(jobs))]
        except Exception:  # the executor failed (no plugin runs here): the same work, done here
            executors.close()
            return topic_work(jobs, count, language)
        finally:
            executors.release()

    def assemble(
        self, topic: str, entries: Sequence[DocumentBrief], keywords: Sequence[str] = (), tagging: str | None = None
    ) -> Brief:
        """A topic's brief from its document briefs; ``tagging`` as for :meth:`pooled_themes`."""
        themes, developments = self.thematic(entries, keywords)
        return Brief(
            topic,
            tuple(entries),
            self.sentences(entries),
            self.pooled_themes(entries, tagging),
            tuple(keywords),
            themes,
            developments,
        )
