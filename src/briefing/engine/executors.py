"""Where per-document work runs: this process, the local process pool, or a Dask cluster.

``executor = "local"`` (the default) uses a process pool on this machine for large runs.
``"dask"`` connects to a running scheduler (``scheduler = "tcp://host:8786"``); ``"dask-local"``
starts a ``distributed.LocalCluster`` here, for trying it out. Dask is an optional extra
(``pip install -e '.[dask]'``), imported only when chosen. On connecting, briefing asks every
worker for its briefing version and plugins and refuses a cluster that differs from here.
"""

from __future__ import annotations

from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

from ..lazy_import import lazy_module
from ..plugins import PluginRecipe
from ..settings import Settings
from ..time_limit import NotDone, within
from ..version import __version__
from .pool import PARALLEL_FROM, local_context, start_server, worker_count

if TYPE_CHECKING:
    import logging
    from concurrent.futures import process
else:
    logging = lazy_module("logging")
    process = lazy_module("concurrent.futures.process")

#: Seconds to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = 10
#: Seconds past Dask's own timeout before a connection that never answers is given up.
GIVE_UP_AFTER = 5
DASK_EXTRA = "pip install -e '.[dask]' (or pip install 'dask[distributed]')"


class ExecutorError(Exception):
    """The chosen executor cannot be used: Dask missing, a scheduler out of reach, or workers
    whose briefing or plugins differ from this machine's."""


def worker_facts(recipe: PluginRecipe) -> dict[str, Any]:
    """What a worker runs: its briefing version and the plugins the recipe gives it there."""
    registry = recipe.registry()
    return {
        "version": __version__,
        "plugins": sorted(f"{e.kind} {e.name}" for e in registry.all()),
        "failures": sorted(f.plugin for f in registry.failures),
    }


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ExecutorError(f"executor 'dask' needs Dask, which is not installed: {DASK_EXTRA}") from None
    return distributed


class Executors:
    """Opens the run's executor when work first needs one, and closes it at the end."""

    def __init__(self, settings: Settings, recipe: PluginRecipe | None):
        self.settings = settings
        self.recipe = recipe
        self._executor: Executor | None = None
        self._workers = 0
        self._closers: list[Any] = []

    @property
    def distributed(self) -> bool:
        return self.settings.executor != "local"

    def wanted(self, missing: int) -> bool:
        """Whether ``missing`` sources are worth sending to workers rather than done here."""
        if self.recipe is None or missing == 0:
            return False
        if self.distributed:
            return True
        return missing >= PARALLEL_FROM and self.local_workers(missing) > 1

    def local_workers(self, missing: int) -> int:
        return min(worker_count(self.settings.workers), missing // (PARALLEL_FROM // 2) or 1)

    def open(self, missing: int = PARALLEL_FROM) -> tuple[Executor, int]:
        """The executor and its number of workers, opened on first use."""
        if self._executor is None:
            if self.distributed:
                self._executor, self._workers = self._open_dask()
            else:
                self._workers = self.local_workers(missing)
                start_server()  # with one BLAS thread per worker (a no-op once it runs)
                self._executor = process.ProcessPoolExecutor(self._workers, mp_context=local_context())
                self._closers.append(self._executor.shutdown)
        return self._executor, self._workers

    def release(self) -> None:
        """After a batch of work: the local pool is shut down (its processes are cheap to start
        again); a cluster connection is kept for the rest of the run."""
        if not self.distributed:
            self.close()

    def close(self) -> None:
        """Shut down what :meth:`open` started (the local pool, the client, a local cluster)."""
        for close in reversed(self._closers):
            try:
                close()
            except Exception:  # closing a broken pool or a lost cluster: nothing more to do
                continue
        self._closers.clear()
        self._executor = None

    def _open_dask(self) -> tuple[Executor, int]:
        distributed = _import_distributed()
        assert self.recipe is not None, "a registry built by hand cannot be sent to workers"
        if self.settings.executor == "dask-local":
            cluster = distributed.LocalCluster(
                n_workers=worker_count(self.settings.workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            self._closers.append(cluster.close)
            client = distributed.Client(cluster)
        else:
            address = self.settings.scheduler
            if not address:
                raise ExecutorError("executor 'dask' needs a scheduler address: scheduler = 'tcp://host:8786'")
            client = _connect(distributed, address)
        self._closers.append(client.close)
        facts = client.run(worker_facts, self.recipe)
        if not facts:
            raise ExecutorError(f"the Dask scheduler at {client.scheduler.address} has no workers")
        here = worker_facts(self.recipe)
        for worker, theirs in sorted(facts.items()):
            if theirs["version"] != here["version"]:
                raise ExecutorError(
                    f"Dask worker {worker} runs briefing {theirs['version']}, this machine {here['version']}; "
                    "install the same version on every worker"
                )
            missing = sorted(set(here["plugins"]) - set(theirs["plugins"]))
            if missing or theirs["failures"]:
                what = ", ".join(missing) or f"failed to load: {', '.join(theirs['failures'])}"
                raise ExecutorError(
                    f"Dask worker {worker} lacks plugins this run uses ({what}); "
                    "install the same plugins on every worker (local plugin files on the same path)"
                )
        executor: Executor = client.get_executor()
        return executor, len(facts)


def _connect(distributed: Any, address: str) -> Any:
    """A client of the scheduler at ``address``, or :class:`ExecutorError` within about
    :data:`CONNECT_TIMEOUT` seconds. Dask's own timeout does not cover a server that accepts the
    connection and never answers (a web server at that port): the client is made on a thread
    of its own, and given up on when it takes longer."""
    waited = CONNECT_TIMEOUT + GIVE_UP_AFTER
    try:
        return within(lambda: distributed.Client(address, timeout=CONNECT_TIMEOUT), waited, "dask-connect")
    except NotDone:
        raise ExecutorError(
            f"no answer from a Dask scheduler at {address} in {waited} s (is a scheduler there?)"
        ) from None
    except (OSError, TimeoutError, ValueError) as exc:
        raise ExecutorError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
