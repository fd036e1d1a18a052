"""A run's plugins, started once from the registry and the settings; those that cannot start are listed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..interfaces import Cleaner, Loader, Summarizer, Tagger
from ..models import Problem, Source
from ..plugins import Registry
from ..services import Services
from ..time_limit import TimeLimit


def is_own(plugin: object) -> bool:
    """Whether ``plugin`` (or plugin class) is one of briefing's built-ins, whose code is known
    not to end the process."""
    cls = plugin if isinstance(plugin, type) else type(plugin)
    return cls.__module__.startswith("briefing.")


class StartedPlugins:
    """The summarizer, loaders, taggers and cleaners of one run, each handed the run's services."""

    def __init__(self, registry: Registry, services: Services):
        self.registry = registry
        self.services = services
        settings = services.settings
        #: Plugins that could not start (bad settings, say); the run goes on without them.
        self.problems: list[Problem] = []
        self.summarizer: Summarizer = self.create("summarizer", settings.summarizer)
        self.loaders: list[Loader] = [self.create("loader", n) for n in reversed(registry.names("loader"))]
        self.taggers: list[Tagger] = self._start_all("tagger", settings.taggers)
        self.cleaners: list[Cleaner] = self._start_all("cleaner", settings.cleaners)
        #: Every summarizer, tagger and cleaner call runs within ``plugin_timeout``.
        self.limit = TimeLimit(settings.plugin_timeout)

    def create(self, kind: str, name: str) -> Any:
        """A new plugin of ``kind`` called ``name``, with its ``[settings.<name>]`` and the services."""
        return self.registry.create(kind, name, self.services.settings.of_plugin(name), self.services)

    def _start_all(self, kind: str, chosen: Sequence[str] | None) -> list[Any]:
        started = []
        for name in self.registry.names(kind):
            if chosen is not None and name not in chosen:
                continue
            try:
                started.append(self.create(kind, name))
            except Exception as exc:
                self.problems.append(Problem(f"[settings.{name}]", f"{kind} {name!r} cannot start: {exc}"))
        return started

    @property
    def may_isolate(self) -> bool:
        """Whether plugins may be run in worker processes of their own: not when ``workers = 1``
        asks for one process, nor when the work runs on a cluster anyway."""
        settings = self.services.settings
        return settings.workers != 1 and settings.executor == "local"

    @property
    def isolated(self) -> bool:
        """Whether per-document work goes to a worker process however little there is: when it
        runs a plugin that is not briefing's own (an installed or local loader, cleaner,
        summarizer or tagger), whose code could end the process."""
        started = [*self.loaders, *self.cleaners, *self.taggers, self.summarizer]
        return self.may_isolate and not all(map(is_own, started))

    @property
    def isolates_calls(self) -> bool:
        """Whether corpus-wide tagging and one-at-a-time summaries may need a worker process of
        their own: a plugin started is not briefing's own, or an installed summarizer the reading
        room can switch to is not (see :mod:`.isolation`)."""
        summarizers = [entry.cls for entry in self.registry.entries["summarizer"].values()]
        return self.isolated or (self.may_isolate and not all(map(is_own, summarizers)))

    def loader_for(self, source: Source) -> Loader | None:
        """The first loader (plugins before built-ins) that accepts ``source``."""
        return next((loader for loader in self.loaders if loader.accepts(source)), None)
