"""Plugin code that briefing did not write, run where it cannot end briefing's own process.

Per-document work already goes to worker processes (:mod:`.pool`). Two kinds of plugin call ran
in briefing's own process: tagging against the whole corpus, and the summaries the reading
room asks for one document at a time (another summarizer, another length, a topic's brief).
A plugin that crashes in C code or calls ``os._exit`` there ended the run, or the reading room,
without a word. Here such a call runs in a pool of one worker process kept for the run: when
the worker dies, the call raises :class:`PluginCrashed`, which the stages report like any other
plugin failure, and the next call starts a new worker. Built-in plugins run in-process as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import PluginCrashed
from ..lazy_import import lazy_module
from ..models import Document
from ..text.words import language_kit
from .pool import WorkerSpec, local_context, worker_plugins
from .themes import Tagged, tag_corpus

if TYPE_CHECKING:
    from concurrent.futures import process
else:
    process = lazy_module("concurrent.futures.process")  # started at the first isolated call

T = TypeVar("T")


class Isolation:
    """A one-worker pool for plugin calls that could end the process, started at its first call."""

    def __init__(self, spec: WorkerSpec):
        self.spec = spec
        self._executor: process.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # the reading room calls from several worker threads

    def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(spec, *args)`` in the worker; :class:`PluginCrashed` when the worker died."""
        with self._lock:
            if self._executor is None:
                self._executor = process.ProcessPoolExecutor(max_workers=1, mp_context=local_context())
            executor = self._executor
        try:
            return executor.submit(function, self.spec, *args).result()
        except process.BrokenProcessPool:
            self._discard(executor)
            raise PluginCrashed(
                "ended the process it ran in (a crash in C code, or a call to os._exit); it ran in a worker "
                "process, so the rest of the run stands"
            ) from None

    def rate(self, summarizer: str, window: Document, language: str) -> list[float]:
        return self.run(rate_in_worker, summarizer, window, language)

    def tag(self, tagger: str, corpus: Sequence[Document], documents: Sequence[Document]) -> dict[str, Tagged]:
        """``documents`` tagged against the ``corpus`` by one tagger; a document of the corpus
        travels once, by its id."""
        known = {d.id for d in corpus}
        extra = [d for d in documents if d.id not in known]
        return self.run(tag_in_worker, tagger, list(corpus), [d.id for d in documents if d.id in known], extra)

    def _discard(self, executor: process.ProcessPoolExecutor) -> None:
        """Drop a broken pool (once, whichever thread saw it break first); the next call starts anew."""
        with self._lock:
            if self._executor is executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


def rate_in_worker(spec: WorkerSpec, summarizer: str, window: Document, language: str) -> list[float]:
    """A summarizer's ratings of one document (or window of one), within the plugin time limit."""
    plugins = worker_plugins(spec)
    chosen = plugins.summarizer if plugins.summarizer.name == summarizer else plugins.create("summarizer", summarizer)
    return list(plugins.limit(summarizer, chosen.rate, window, language_kit(language)))


def tag_in_worker(
    spec: WorkerSpec, tagger: str, corpus: list[Document], ids: list[str], extra: list[Document]
) -> dict[str, Tagged]:
    """One tagger's themes, by document id, for the documents of the corpus with ``ids`` and for
    ``extra`` ones outside it."""
    plugins = worker_plugins(spec)
    chosen = [t for t in plugins.taggers if t.name == tagger]
    wanted = set(ids)
    targets = [d for d in corpus if d.id in wanted] + extra
    return tag_corpus(plugins, targets, corpus, chosen)
