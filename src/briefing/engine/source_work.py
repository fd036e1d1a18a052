"""One source's work (its documents, problems, analyses and summaries) as the cache keeps it.

Apart from :mod:`.prepare`, which makes it: a run answered from the cache reads these back and
needs none of the text machinery that prepares a source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..cache import Packed
from ..models import Document, Problem, Summary


@dataclass
class SourceWork:
    """One source's documents, segmented, with what went wrong and what the user should know;
    and, when freshly worked on, its documents' analyses and summaries by cache key."""

    documents: list[Document]
    problems: list[Problem]
    warnings: list[Problem]
    analyses: dict[str, Any] = field(default_factory=dict)
    summaries: dict[str, tuple[Summary | None, list[Problem]]] = field(default_factory=dict)
    #: Summaries that failed: held for the rest of the run (a stuck summarizer is not waited
    #: for twice), never cached, so they are tried again next run.
    failed: dict[str, tuple[Summary | None, list[Problem]]] = field(default_factory=dict)
    #: Each document's word features for grouping by content (see :func:`~briefing.topics.features.word_features`).
    words: dict[str, Any] = field(default_factory=dict)
    #: The same results as a worker packed them, stored as these bytes (see :meth:`entries`).
    packed: dict[str, bytes] | None = None
    #: Each document's :meth:`~briefing.engine.cache_keys.Keys.fingerprint`, kept with the documents so
    #: that a cached run does not digest every sentence of the corpus again.
    fingerprints: list[str] = field(default_factory=list)

    def entries(self, key: str) -> dict[str, Any]:
        """What is worth caching: the analyses and summaries, and the documents under ``key`` when
        the source loaded without problems (failed work is never cached, so it is tried again)."""
        if self.packed is not None:
            kept: dict[str, Any] = {k: Packed(v) for k, v in self.packed.items() if k.split(":")[0] in CACHED}
            if not self.problems:
                kept[key] = Packed(self.packed["source:"])
            return kept
        kept = {**self.analyses, **self.summaries, **self.words}
        if not self.problems:
            kept[key] = SourceWork(self.documents, [], self.warnings, fingerprints=self.fingerprints)
        return kept


#: What a worker packs under these key prefixes goes to the cache ("failed:" and "source:" do not).
CACHED = ("analysis", "summary", "words")
