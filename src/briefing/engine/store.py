"""Where a stage's results are kept: this run's memory and the on-disk cache, behind one helper.

Every stage asks :meth:`Store.memoised` for its results by key. The helper finds what this run
already holds, then what the cache holds (one batched read), computes only the misses, and keeps
the fresh results (batched writes, as they come, so a large run never holds them all twice).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

from ..cache import Cache, packed_entries

T = TypeVar("T", bound=Hashable)
V = TypeVar("V")

#: Fresh results held before they are written to the cache in one transaction.
WRITE_BATCH = 2000


def keep_all(key: str, value: Any) -> Mapping[str, Any]:
    """The default of what a fresh result puts in the cache: itself, under its key."""
    return {key: value}


class Store:
    """A run's results by key: in memory for this run (when asked), on disk when there is a cache."""

    def __init__(self, cache: Cache | None = None):
        self.cache = cache
        self._memory: dict[str, Any] = {}
        self._lock = threading.Lock()

    def peek(self, key: str) -> Any | None:
        """What this run holds in memory under ``key``; never reads the disk or computes."""
        return self._memory.get(key)

    def hold(self, entries: Mapping[str, Any]) -> None:
        """Keep results computed elsewhere (a worker) in memory for the rest of the run."""
        with self._lock:
            self._memory.update(entries)

    def memoised(
        self,
        keys: Mapping[T, str],
        compute: Callable[[list[T]], Iterable[tuple[T, V]]],
        *,
        entries: Callable[[str, V], Mapping[str, Any]] = keep_all,
        remember: bool = True,
        kind: Any = Any,
    ) -> dict[T, V]:
        """Each item's result: from memory, else the cache, else ``compute(missing items)``.

        ``compute`` yields ``(item, result)`` pairs for the items it is given. ``entries(key,
        result)`` says what a fresh result puts in the cache (nothing for a failure, say, so that
        it is tried again next run; a :class:`~briefing.cache.Packed` value is stored as is). With ``remember``,
        results are also held in memory for the rest of the run. ``kind`` is the type of a
        result: the cache reads entries back as it, and one that is not is computed again.
        """
        results: dict[T, V] = {}
        wanted: dict[str, list[T]] = {}
        for item, key in keys.items():
            if key in self._memory:
                results[item] = self._memory[key]
            else:
                wanted.setdefault(key, []).append(item)
        if wanted and self.cache is not None:
            for key, value in self.cache.get_many(wanted, kind).items():
                for item in wanted.pop(key):
                    results[item] = value
                if remember:
                    self._memory[key] = value
        if not wanted:
            return results
        missing = [item for items in wanted.values() for item in items]
        pending: dict[str, Any] = {}
        for item, value in compute(missing):
            key = keys[item]
            results[item] = value
            if remember:
                with self._lock:
                    self._memory[key] = value
            if self.cache is not None:
                pending.update(entries(key, value))
                if len(pending) >= WRITE_BATCH:
                    self.put(pending)
        self.put(pending)
        return results

    def put(self, entries: dict[str, Any]) -> None:
        """Write ``entries`` to the cache (if any) in one transaction, and forget them here."""
        if self.cache is not None and entries:
            self.cache.put_packed(packed_entries(entries))
        entries.clear()
