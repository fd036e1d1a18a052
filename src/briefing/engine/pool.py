"""Per-document work on many cores or machines: batches of sources sent to an executor.

The work itself (:func:`~briefing.engine.prepare.packed_work`) is a pure map over sources, so any
``concurrent.futures.Executor``-like backend runs it: the local process pool (the default) or a
Dask cluster (:mod:`briefing.engine.executors`). Each task carries the settings and the plugin
recipe, not live objects; a worker starts the same plugins once and keeps them for the next
task with the same recipe. Results come back already packed for the cache, as tasks complete.

Local workers start from a fork server that has already imported briefing and its built-ins,
so a worker costs a fork, not a fresh interpreter; the fork server itself is a clean process,
so forking never copies the threads of a running TUI.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import Cache, digest
from ..lazy_import import lazy_module
from ..models import Source
from ..plugins import DEFAULT_PLUGINS, PluginRecipe
from ..services import Services
from ..settings import Settings
from .cache_keys import Keys
from .started import StartedPlugins

if TYPE_CHECKING:
    import multiprocessing
    import multiprocessing.context
    from concurrent.futures import process
    from multiprocessing import forkserver
else:
    # Imported when a pool starts: a run answered from the cache starts none.
    multiprocessing = lazy_module("multiprocessing")
    forkserver = lazy_module("multiprocessing.forkserver")
    process = lazy_module("concurrent.futures.process")

#: Thread counts of the BLAS libraries numpy may be built with. A worker works on one core; BLAS
#: threads in every worker would fight over the same cores (measured: the pool was slower than one
#: process until they were limited).
BLAS_THREADS = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)
#: Fewer sources than this are worked on in-process: starting local workers costs about a second.
PARALLEL_FROM = 64
#: Sources in one task of the local pool: enough to amortise the hand-over, few enough to balance.
CHUNK = 8
#: Tasks per worker on a cluster: several, so a slow or lost worker holds up little of the run.
TASKS_PER_WORKER = 4
#: Most sources in one cluster task.
MOST_PER_TASK = 64


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to do a run's work: plugins to load, settings, and where the cache is
    (for plugins' use; results go back to the client, which stores them)."""

    recipe: PluginRecipe
    settings: Settings
    cache_folder: Path | None

    @property
    def digest(self) -> str:
        return digest(self.recipe, self.settings, str(self.cache_folder))


class _Worker:
    """The plugins a worker process started, for the last spec it was given."""

    held: tuple[str, StartedPlugins, Keys] | None = None

    @classmethod
    def started(cls, spec: WorkerSpec) -> tuple[StartedPlugins, Keys]:
        if cls.held is None or cls.held[0] != spec.digest:
            try:
                cache = Cache(spec.cache_folder, shared=True) if spec.cache_folder is not None else None
            except (
                Exception
            ):  # the client checked the folder and reports a cache it cannot use; here it is only lent to plugins
                cache = None
            plugins = StartedPlugins(spec.recipe.registry(), Services(spec.settings, cache))
            cls.held = (spec.digest, plugins, Keys(spec.settings))
        return cls.held[1], cls.held[2]


def worker_plugins(spec: WorkerSpec) -> StartedPlugins:
    """The plugins this worker process started for ``spec`` (started now if it has none yet)."""
    return _Worker.started(spec)[0]


def work_batch(spec: WorkerSpec, sources: Sequence[Source]) -> list[dict[str, bytes]]:
    """A task: each source's packed work, in order (runs in a worker process)."""
    from .prepare import packed_work  # preloaded by the fork server

    plugins, keys = _Worker.started(spec)
    return [packed_work(plugins, keys, source) for source in sources]


#: More worker processes than this many per core only cost memory (each holds the plugins and
#: the language model) and time switching between them.
MOST_PER_CORE = 4


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def most_workers() -> int:
    return MOST_PER_CORE * cores()


def worker_count(setting: int) -> int:
    """``workers`` from the settings: a number (at most :func:`most_workers`), or 0 for every
    core this process may use."""
    return min(setting, most_workers()) if setting > 0 else cores()


def local_context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    # The language model too: workers are forked with it rather than each loading it (0.6 s).
    context.set_forkserver_preload(
        ["briefing.engine.runner", "briefing.engine.prepare", "briefing.text.langid_model", *DEFAULT_PLUGINS]
    )
    return context


def start_server() -> None:
    """Start the fork server now, while this process still has its own standard streams, with
    one BLAS thread per worker.

    Starting it later from inside a Textual app fails ("bad value(s) in fds_to_keep"): the app
    has replaced ``sys.stdout`` and ``sys.stderr``. Views that will brief in a pool call this
    before they start.
    """
    local_context()
    # The fork server, and so every worker, starts with one BLAS thread unless the user set a
    # number; this process keeps its own setting.
    added = [name for name in BLAS_THREADS if name not in os.environ]
    os.environ.update(dict.fromkeys(added, "1"))
    try:
        forkserver.ensure_running()
    finally:
        for name in added:
            os.environ.pop(name, None)


def batches(count: int, workers: int, local: bool) -> list[range]:
    """Index ranges of ``count`` sources, one per task."""
    size = CHUNK if local else max(1, min(MOST_PER_TASK, math.ceil(count / (workers * TASKS_PER_WORKER))))
    return [range(start, min(count, start + size)) for start in range(0, count, size)]


def work_in_executor(
    executor: Executor,
    spec: WorkerSpec,
    sources: Sequence[Source],
    tasks: Sequence[range],
    done: Callable[[int], object] = lambda count: None,
) -> Iterator[tuple[int, dict[str, bytes]]]:
    """``(index, packed work)`` for every source, as tasks complete; ``done(n)`` hears the
    number of sources finished so far."""
    futures = {executor.submit(work_batch, spec, [sources[i] for i in task]): task for task in tasks}
    finished = 0
    for future in as_completed(futures):
        for index, packed in zip(futures[future], future.result(), strict=True):
            finished += 1
            yield index, packed
        done(finished)


def one_at_a_time(
    spec: WorkerSpec, sources: Sequence[Source], done: Callable[[int], object] = lambda count: None
) -> Iterator[tuple[int, dict[str, bytes] | None]]:
    """``(index, packed work)`` for every source, each worked on alone in a worker process of
    its own pool; ``None`` for a source whose worker process ended abruptly (a plugin crashed in
    C, or called ``os._exit``). After a pool broke, this finds the source that broke it, and the
    others' results stand: a crash here would have ended briefing itself."""
    index = 0
    while index < len(sources):
        with process.ProcessPoolExecutor(max_workers=1, mp_context=local_context()) as executor:
            futures = [executor.submit(work_batch, spec, [source]) for source in sources[index:]]
            for future in futures:
                try:
                    [packed] = future.result()
                except process.BrokenProcessPool:  # this source's task was running: the others never started
                    yield index, None
                    index += 1
                    done(index)
                    break
                yield index, packed
                index += 1
                done(index)


def services_spec(recipe: PluginRecipe, services: Services) -> WorkerSpec:
    folder = services.cache.folder if services.cache is not None else None
    return WorkerSpec(recipe, services.settings, folder)
