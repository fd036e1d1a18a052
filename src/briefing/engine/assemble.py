"""Summaries and themes -> a topic's brief: the multi-document brief, the pooled themes and the
thematic brief."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..cache import digest
from ..models import Brief, BriefSentence, BriefTheme, Development, DocumentBrief, Theme
from ..settings import Settings
from .cache_keys import Keys
from .store import Store

# The topics' modules are imported where a brief is computed, not here: a run answered from the
# cache computes none, and importing them (their patterns, their word lists) is a tenth of its start.

#: A topic's thematic brief and its timeline, made from one reading of its sentences.
Thematic = tuple[tuple[BriefTheme, ...], tuple[Development, ...]]


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
            from ..topics.brief import topic_brief

            yield 0, topic_brief(entries, self.settings.topic_sentences, self.settings.language)

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
            from ..topics.novelty import timeline
            from ..topics.points import candidates
            from ..topics.thematic import thematic_brief

            language = self.settings.language
            found = candidates(entries, language)
            yield 0, (thematic_brief(entries, language, keywords, found), timeline(entries, language, found))

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
