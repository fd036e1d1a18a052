"""What a run needs to know besides its sources, with every default in one place.

This module imports nothing from the engine, so the config, the CLI, the plugin kit and the
worker processes can all use it without pulling in the stages. ``briefing.toml`` sets these
(see :mod:`briefing.config`); a key the file leaves out keeps the default written here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from .version import __version__
from .wording import counted

#: How sources without a configured topic are grouped.
GROUPINGS = ("content", "folders")
#: Where per-document work runs (see :mod:`briefing.engine.executors`).
EXECUTORS = ("local", "dask", "dask-local")
#: How alike (cosine of TF-IDF vectors) two documents must be to share an automatic topic.
THRESHOLD = 0.18
DEFAULT_LANGUAGE = "en"
#: Sentences given for a question (``briefing ask``, the reading room's question box), best first.
ANSWERS = 3
USER_AGENT = f"briefing/{__version__} (terminal briefing tool; +https://pypi.org/project/briefing/)"


@dataclass(frozen=True)
class Length:
    """A summary length: a number of sentences, or a ratio of the document's sentences."""

    sentences: int | None = 3
    ratio: float | None = None

    def __post_init__(self) -> None:
        if (self.sentences is None) == (self.ratio is None):
            raise ValueError("give a length as sentences or as a ratio, not both")
        if self.sentences is not None and self.sentences < 1:
            raise ValueError("a summary needs at least 1 sentence")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise ValueError("a ratio must be more than 0 and at most 1")

    def count(self, available: int) -> int:
        """How many sentences to pick out of ``available`` (at least one when there are any)."""
        if self.sentences is not None:
            return min(self.sentences, available)
        assert self.ratio is not None
        return min(available, max(1, round(self.ratio * available))) if available else 0

    def describe(self) -> str:
        """``3 sentences`` or ``ratio 0.2``, for status lines and headers."""
        if self.sentences is not None:
            return counted(self.sentences, "sentence")
        return f"ratio {self.ratio:g}"


@dataclass(frozen=True)
class TopicRule:
    """A configured topic: its name and the globs of the sources that belong to it."""

    name: str
    patterns: tuple[str, ...]

    def matches(self, origin: str) -> bool:
        candidates = {origin, origin.split("#", 1)[0]}
        path = Path(origin.split("#", 1)[0])
        if path.exists():
            candidates.add(str(path.resolve()))
        return any(fnmatch(candidate, pattern) for candidate in candidates for pattern in self.patterns)


@dataclass(frozen=True)
class FetchOptions:
    """How URLs are fetched; ``fetch_*`` keys of ``briefing.toml`` set these."""

    timeout: float = 15.0  # seconds to connect, and between bytes of the answer
    deadline: float = 60.0  # seconds one URL may take in all, retries and waits included
    retries: int = 2  # further tries after a transient failure
    backoff: float = 0.5  # seconds before the first retry, doubled for each next one
    max_bytes: int = 20 * 2**20
    concurrency: int = 8  # URLs fetched at once
    user_agent: str = USER_AGENT
    private: bool = False  # True: links found in documents may lead to this machine or its private network


@dataclass(frozen=True)
class Settings:
    """Everything about a run but its sources; :mod:`briefing.config` builds it from TOML."""

    summarizer: str = "position"
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
    executor: str = "local"  # "local" (process pool), "dask" (a scheduler) or "dask-local" (a LocalCluster here)
    scheduler: str | None = None  # the Dask scheduler's address, for executor = "dask"
    fetch: FetchOptions = field(default_factory=FetchOptions)
    max_source_mb: float = 256.0  # the largest file or standard input read, in MiB
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def of_plugin(self, name: str) -> dict[str, Any]:
        """The ``[settings.<name>]`` table, as a fresh dict the plugin may keep."""
        return dict(self.plugin_settings.get(name, {}))
