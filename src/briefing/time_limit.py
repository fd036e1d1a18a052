"""A time limit on plugin calls, so one runaway summarizer or tagger cannot stall a whole run.

Each call runs on a helper thread. One that runs past the limit is stopped: the helper gets a
:class:`PluginTimeout` raised inside it (CPython's ``PyThreadState_SetAsyncExc``), which ends a
Python loop at its next step, so no core stays busy after the run has moved on. A call blocked
inside one long C function stops when that function returns; until then the helper is abandoned
and later calls get a fresh one. Each calling thread has its own helper, so the reading room's
workers do not wait for one another.

A plugin that times out :data:`SKIP_AFTER` times is skipped for the rest of the run, so a
stuck plugin costs a few time limits, not one (or two: a tagger's ``analysis`` and ``tag``) for
every document.
"""

from __future__ import annotations

import ctypes
import queue
import threading
import weakref
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: Time-outs after which a plugin is no longer called in this run.
SKIP_AFTER = 2


class PluginTimeout(Exception):
    """A plugin call ran past the time limit and was stopped, or is skipped after earlier ones."""


def _stop(thread: threading.Thread) -> None:
    """Raise :class:`PluginTimeout` inside ``thread`` at its next Python step."""
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(PluginTimeout))


#: How often an idle helper looks whether anyone can still hand it a call.
_IDLE_CHECK = 1.0

_Job = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any], threading.Event]


class _Helper:
    """A daemon thread that runs one call at a time for one calling thread.

    The thread holds its helper only weakly and drops each call's arguments once it is done: a
    helper whose calling thread or time limit is gone (a finished run, a reloaded reading room)
    ends within :data:`_IDLE_CHECK` seconds, and pins no document or plugin meanwhile.
    """

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.abandoned = False
        self.thread = threading.Thread(
            target=_serve, args=(weakref.ref(self), self.jobs), name="briefing-plugin-call", daemon=True
        )
        self.thread.start()

    def call(self, function: Callable[..., T], args: tuple[Any, ...], seconds: float) -> T:
        box: dict[str, Any] = {}
        done = threading.Event()
        self.jobs.put((function, args, box, done))
        if not done.wait(seconds):
            self.abandoned = True
            _stop(self.thread)
            raise PluginTimeout(f"took longer than {seconds:g} s on this document and was stopped")
        if "error" in box:
            raise box["error"]
        result: T = box["result"]
        return result


def _serve(owner: weakref.ref[_Helper], jobs: queue.SimpleQueue[_Job]) -> None:
    try:
        while True:
            try:
                job = jobs.get(timeout=_IDLE_CHECK)
            except queue.Empty:
                if owner() is None:
                    return  # nobody can hand this helper a call any more
                continue
            function, args, box, done = job
            try:
                box["result"] = function(*args)
            except BaseException as exc:  # handed back to the caller, which decides
                box["error"] = exc
            done.set()
            del job, function, args, box, done  # the caller has the result; hold nothing of it
            helper = owner()
            if helper is None or helper.abandoned:
                return  # stopped: the caller has moved on to a fresh helper
            del helper
    except PluginTimeout:  # the stop arrived between calls
        return


class NotDone(TimeoutError):
    """A call :func:`within` gave up on."""


def within(function: Callable[[], T], seconds: float, name: str) -> T:
    """``function()`` once, on a daemon thread called ``name``: its result, what it raised (any
    ``BaseException``, raised here), or :class:`NotDone` after ``seconds``, the thread left
    to finish or not (for a call that may wait on something no deadline covers: an import that
    loops, a server that never answers)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = function()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise NotDone(f"not done after {seconds:g} s")
    if "error" in box:
        raise box["error"]
    result: T = box["result"]
    return result


class TimeLimit:
    """``limit(plugin, function, *args)`` runs the call, raising :class:`PluginTimeout` past
    ``seconds`` and, after :data:`SKIP_AFTER` of those for one plugin, at once.

    ``seconds`` of 0 or less means no limit: the call runs directly on the calling thread.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._local = threading.local()
        self._timeouts: Counter[str] = Counter()

    def __call__(self, plugin: str, function: Callable[..., T], *args: Any) -> T:
        if self.seconds <= 0:
            return function(*args)
        if self._timeouts[plugin] >= SKIP_AFTER:
            limit = f"{self.seconds:g} s"
            raise PluginTimeout(f"was skipped: it took longer than {limit} on {SKIP_AFTER} documents already")
        helper: _Helper | None = getattr(self._local, "helper", None)
        if helper is None or helper.abandoned:
            helper = self._local.helper = _Helper()
        try:
            return helper.call(function, args, self.seconds)
        except PluginTimeout:
            self._timeouts[plugin] += 1
            raise
