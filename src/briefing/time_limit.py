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

import queue
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .lazy_import import lazy_module

if TYPE_CHECKING:
    import ctypes
else:
    ctypes = lazy_module("ctypes")  # for stopping a plugin only

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


class _Pass:
    """(Shared with a helper.) A pass over many items: each outcome as it comes, and when the
    item being worked on started."""

    def __init__(self) -> None:
        self.outcomes: list[tuple[Any, BaseException | None]] = []
        self.started = time.monotonic()


def _each(function: Callable[[Any], Any], items: Sequence[Any], state: _Pass) -> None:
    """(On a helper.) ``function(item)`` for each item, each result or exception kept in ``state``."""
    for item in items:
        state.started = time.monotonic()
        try:
            state.outcomes.append((function(item), None))
        except PluginTimeout:
            raise  # stopped: the caller has given up on this item and moves on without this helper
        except BaseException as exc:  # handed back to the caller, which decides
            state.outcomes.append((None, exc))


#: How often a pass over many items shows what it has done so far.
_PASS_REPORT = 0.25


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
            raise self._skipped()
        try:
            return self._helper().call(function, args, self.seconds)
        except PluginTimeout:
            self._timeouts[plugin] += 1
            raise

    def each(
        self, plugin: str, function: Callable[[Any], T], items: Sequence[Any]
    ) -> Iterator[tuple[T, None] | tuple[None, Exception]]:
        """``function(item)`` for each of ``items``, in order, each under the time limit: its
        result, or the exception it raised (:class:`PluginTimeout` for one stopped past the
        limit, or skipped after :data:`SKIP_AFTER` of those).

        The items are handed to the helper thread all at once, not one call at a time: a hand-off
        per call cost about a third of tagging 10,000 documents. After one is stopped, the rest go on
        on a fresh helper. What is not an ``Exception`` (``SystemExit``, say) is raised here.
        """
        position = 0
        while position < len(items):
            if self.seconds > 0 and self._timeouts[plugin] >= SKIP_AFTER:
                yield None, self._skipped()
                position += 1
                continue
            rest, state, done = items[position:], _Pass(), threading.Event()
            helper = None if self.seconds <= 0 else self._helper()
            if helper is None:
                _each(function, rest, state)  # no limit: here, on the calling thread
                done.set()
            else:
                helper.jobs.put((_each, (function, rest, state), {}, done))
            given, stopped = 0, False
            while given < len(rest) and not stopped:
                # Woken a few times a second, not once per item: waking per item cost a GIL hand-off each.
                finished = done.wait(_PASS_REPORT)
                if not finished and helper is not None and time.monotonic() - state.started >= self.seconds:
                    helper.abandoned = stopped = True
                    _stop(helper.thread)
                    self._timeouts[plugin] += 1
                ready = len(state.outcomes)
                for result, error in state.outcomes[given:ready]:
                    if error is None:
                        yield result, None
                    elif isinstance(error, Exception):
                        yield None, error
                    else:
                        raise error
                given = ready
                # The pass ended before its last item: stopped, or the plugin raised PluginTimeout itself.
                stopped = stopped or (finished and given < len(rest))
            position += given
            if stopped:
                position += 1
                yield None, PluginTimeout(f"took longer than {self.seconds:g} s on this document and was stopped")

    def _helper(self) -> _Helper:
        """This thread's helper, a fresh one if it has none or its last was stopped."""
        helper: _Helper | None = getattr(self._local, "helper", None)
        if helper is None or helper.abandoned:
            helper = self._local.helper = _Helper()
        return helper

    def _skipped(self) -> PluginTimeout:
        limit = f"{self.seconds:g} s"
        return PluginTimeout(f"was skipped: it took longer than {limit} on {SKIP_AFTER} documents already")
