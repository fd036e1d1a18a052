"""Summaries and themes -> a topic's brief: the multi-document brief, the pooled themes and the
thematic brief."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..cache import digest
from ..models import Brief, BriefSentence, BriefTheme, DocumentBrief
from ..settings import Settings
from ..topics.brief import topic_brief
from ..topics.coverage import topic_themes
from ..topics.thematic import thematic_brief
from .cache_keys import Keys
from .store import Store


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
            yield 0, topic_brief(entries, self.settings.topic_sentences, self.settings.language)

        return self.store.memoised({0: self._key(entries)}, compute)[0]

    def cached(self, entries: Sequence[DocumentBrief]) -> tuple[BriefSentence, ...] | None:
        """The brief if this run already has it, without computing or reading the disk."""
        found: tuple[BriefSentence, ...] | None = self.store.peek(self._key(entries))
        return found

    def _thematic_key(self, entries: Sequence[DocumentBrief], keywords: Sequence[str]) -> str:
        people = sorted({t.name for e in entries for t in e.themes if t.kind == "person"})
        return "thematic:" + digest(self._key(entries), list(keywords), people)

    def thematic(self, entries: Sequence[DocumentBrief], keywords: Sequence[str] = ()) -> tuple[BriefTheme, ...]:
        """The topic's thematic brief: named themes with their key points."""

        def compute(missing: list[int]) -> Iterator[tuple[int, tuple[BriefTheme, ...]]]:
            yield 0, thematic_brief(entries, self.settings.language, keywords)

        return self.store.memoised({0: self._thematic_key(entries, keywords)}, compute)[0]

    def cached_thematic(
        self, entries: Sequence[DocumentBrief], keywords: Sequence[str] = ()
    ) -> tuple[BriefTheme, ...] | None:
        """The thematic brief if this run already has it, without computing or reading the disk."""
        found: tuple[BriefTheme, ...] | None = self.store.peek(self._thematic_key(entries, keywords))
        return found

    def assemble(self, topic: str, entries: Sequence[DocumentBrief], keywords: Sequence[str] = ()) -> Brief:
        """A topic's brief from its document briefs."""
        return Brief(
            topic,
            tuple(entries),
            self.sentences(entries),
            topic_themes(entries),
            tuple(keywords),
            self.thematic(entries, keywords),
        )
