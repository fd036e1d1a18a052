"""Per-document work on every core: a process pool that loads, segments, analyses and summarizes.

Each worker starts the same plugins from the registry's recipe and the same settings, so
third-party plugins run there exactly as in the main process. Workers start from a fork server
that has already imported briefing and its built-ins, so a worker costs a fork, not a fresh
interpreter; the fork server itself is a clean process, so forking never copies the threads of a
running TUI.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import forkserver
from pathlib import Path

from ..cache import Cache
from ..models import Source
from ..plugins import DEFAULT_PLUGINS, PluginRecipe
from .keys import Keys
from .prepare import packed_work
from .services import Services
from .settings import Settings
from .started import StartedPlugins

#: Fewer sources than this are worked on in-process: starting the workers costs about a second.
PARALLEL_FROM = 64
#: Sources sent to a worker at a time: enough to amortise the hand-over, few enough to balance.
CHUNK = 8


@dataclass
class _Worker:
    plugins: StartedPlugins
    keys: Keys


_worker: _Worker | None = None


def worker_count(setting: int) -> int:
    """``workers`` from the settings: a number, or 0 for every core this process may use."""
    if setting > 0:
        return setting
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start(recipe: PluginRecipe, settings: Settings, cache_folder: Path | None) -> None:
    global _worker
    try:
        cache = Cache(cache_folder) if cache_folder is not None else None
    except Exception:  # the main process reports a cache it cannot use; here it is only for plugins
        cache = None
    _worker = _Worker(StartedPlugins(recipe.registry(), Services(settings, cache)), Keys(settings))


def _work(source: Source) -> dict[str, bytes]:
    assert _worker is not None, "worker not started"
    return packed_work(_worker.plugins, _worker.keys, source)


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["briefing.engine.runner", *DEFAULT_PLUGINS])
    return context


def start_server() -> None:
    """Start the fork server now, while this process still has its own standard streams.

    Starting it later from inside a Textual app fails ("bad value(s) in fds_to_keep"): the app
    has replaced ``sys.stdout`` and ``sys.stderr``. Views that will brief in a pool call this
    before they start.
    """
    _context()
    forkserver.ensure_running()


def work_in_pool(
    recipe: PluginRecipe,
    services: Services,
    sources: Sequence[Source],
    workers: int,
    done: Callable[[int], None] = lambda count: None,
) -> Iterator[dict[str, bytes]]:
    """Each source's :func:`~briefing.engine.prepare.packed_work`, in the order of ``sources``;
    ``done(n)`` hears each finished one."""
    folder = services.cache.folder if services.cache is not None else None
    initargs = (recipe, services.settings, folder)
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start, initargs=initargs) as pool:
        for number, work in enumerate(pool.map(_work, sources, chunksize=CHUNK), start=1):
            done(number)
            yield work
