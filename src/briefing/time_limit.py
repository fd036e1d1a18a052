"""A time limit on plugin calls, so one runaway summarizer or tagger cannot stall a whole run.

Python cannot stop a thread, so a call that runs past the limit is abandoned, not killed: it
goes on in a daemon thread until it returns, its result is dropped, and later calls get a fresh
helper thread. Each calling thread has its own helper, so the reading room's workers do not wait
for one another.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class PluginTimeout(Exception):
    """A plugin call ran past the time limit and was abandoned."""


class _Helper:
    """A daemon thread that runs one call at a time for one calling thread."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any], threading.Event]]
        self.jobs = queue.SimpleQueue()
        self.abandoned = False
        threading.Thread(target=self._serve, name="briefing-plugin-call", daemon=True).start()

    def _serve(self) -> None:
        while True:
            function, args, box, done = self.jobs.get()
            try:
                box["result"] = function(*args)
            except BaseException as exc:  # handed back to the caller, which decides
                box["error"] = exc
            done.set()

    def call(self, function: Callable[..., T], args: tuple[Any, ...], seconds: float) -> T:
        box: dict[str, Any] = {}
        done = threading.Event()
        self.jobs.put((function, args, box, done))
        if not done.wait(seconds):
            self.abandoned = True
            raise PluginTimeout(f"took longer than {seconds:g} s")
        if "error" in box:
            raise box["error"]
        result: T = box["result"]
        return result


class TimeLimit:
    """``limit(function, *args)`` runs the call, raising :class:`PluginTimeout` past ``seconds``.

    ``seconds`` of 0 or less means no limit: the call runs directly on the calling thread.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._local = threading.local()

    def __call__(self, function: Callable[..., T], *args: Any) -> T:
        if self.seconds <= 0:
            return function(*args)
        helper: _Helper | None = getattr(self._local, "helper", None)
        if helper is None or helper.abandoned:
            helper = self._local.helper = _Helper()
        return helper.call(function, args, self.seconds)
