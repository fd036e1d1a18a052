"""A run's plugins, started once from the registry and the settings; those that cannot start are listed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..interfaces import Cleaner, Loader, Summarizer, Tagger
from ..models import Problem, Source
from ..plugins import Registry
from ..services import Services
from ..time_limit import TimeLimit


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
    def isolated(self) -> bool:
        """Whether per-document work goes to a worker process however little there is: when it
        runs a plugin that is not briefing's own (an installed or local loader, cleaner,
        summarizer or tagger), whose code could end the process, unless ``workers = 1`` asks for
        one process or the work runs on a cluster anyway."""
        settings = self.services.settings
        if settings.workers == 1 or settings.executor != "local":
            return False
        started = [*self.loaders, *self.cleaners, *self.taggers, self.summarizer]
        return any(not type(plugin).__module__.startswith("briefing.") for plugin in started)

    def loader_for(self, source: Source) -> Loader | None:
        """The first loader (plugins before built-ins) that accepts ``source``."""
        return next((loader for loader in self.loaders if loader.accepts(source)), None)
