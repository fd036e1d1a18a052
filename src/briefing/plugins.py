"""Finding and loading plugins: built-ins, entry points and local files, each failure listed.

Built-in plugins are modules registered through the same hooks a third-party plugin uses.
Third-party plugins are found through the ``briefing`` entry-point group; local ones are Python
files named by the config's ``plugins`` key. ``BRIEFING_LOAD_PLUGINS`` (comma-separated names,
empty for none) limits which of these load. A plugin that fails to import or register is
listed with its error and never stops the others.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .entry_points import entry_points
from .hookspecs import PLUGIN_API
from .interfaces import KINDS, Plugin, hook_name
from .time_limit import NotDone, within
from .version import __version__

if TYPE_CHECKING:
    import click

    from .services import Services

DEFAULT_PLUGINS: tuple[str, ...] = (
    "briefing.builtins.text_loader",
    "briefing.builtins.markdown_loader",
    "briefing.builtins.html_loader",
    "briefing.builtins.feed_loader",
    "briefing.builtins.pdf_loader",
    "briefing.builtins.cleaners",
    "briefing.builtins.graph_summarizers",
    "briefing.builtins.edmundson",
    "briefing.builtins.frequency_summarizers",
    "briefing.builtins.lead",
    "briefing.builtins.position_summarizer",
    "briefing.builtins.lexicon_tagger",
    "briefing.builtins.keyphrase_tagger",
    "briefing.builtins.entity_tagger",
    "briefing.builtins.text_exporter",
    "briefing.builtins.markdown_exporter",
    "briefing.builtins.json_exporter",
)

ENTRY_POINT_GROUP = "briefing"
LOAD_PLUGINS_VARIABLE = "BRIEFING_LOAD_PLUGINS"


@dataclass(frozen=True)
class Registered:
    """One registered summarizer, tagger, loader or exporter, and where it came from."""

    name: str
    kind: str
    cls: type[Plugin]
    plugin: str
    origin: str
    version: str = ""


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that could not be imported or registered."""

    plugin: str
    origin: str
    error: str


@dataclass(frozen=True)
class PluginRecipe:
    """How a :class:`PluginHost` was made, so that a worker process can load the same plugins."""

    local_paths: tuple[Path, ...]
    load_entry_points: bool

    def registry(self) -> Registry:
        return PluginHost(self.local_paths, load_entry_points=self.load_entry_points).registry()


@dataclass
class Registry:
    """Everything the loaded plugins registered, by kind and name."""

    entries: dict[str, dict[str, Registered]] = field(default_factory=lambda: {k: {} for k in KINDS})
    failures: list[PluginFailure] = field(default_factory=list)
    #: How to load the same plugins in another process; ``None`` for a registry built by hand.
    recipe: PluginRecipe | None = None

    def names(self, kind: str) -> list[str]:
        return list(self.entries[kind])

    def get(self, kind: str, name: str) -> Registered:
        try:
            return self.entries[kind][name]
        except KeyError:
            known = ", ".join(sorted(self.entries[kind])) or "none"
            raise KeyError(f"no {kind} named {name!r} (available: {known})") from None

    def create(
        self, kind: str, name: str, settings: Mapping[str, Any] | None = None, services: Services | None = None
    ) -> Any:
        """A new plugin of ``kind`` called ``name`` with its settings, handed the run's ``services``."""
        plugin = self.get(kind, name).cls(settings)
        if services is not None:
            plugin.services = services
        return plugin

    def all(self) -> Iterable[Registered]:
        for by_name in self.entries.values():
            yield from by_name.values()


def _selected(name: str, allowed: set[str] | None) -> bool:
    return allowed is None or name in allowed


def _allowed_plugins() -> set[str] | None:
    value = os.environ.get(LOAD_PLUGINS_VARIABLE)
    if value is None:
        return None
    return {part.strip() for part in value.split(",") if part.strip()}


def _error_text(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f" ({Path(frame[0].filename).name}, line {frame[0].lineno})" if frame else ""
    return f"{type(exc).__name__}: {exc}{where}"


def _import_file(path: Path) -> ModuleType:
    module_name = f"briefing_local_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def local_plugin_files(paths: Sequence[Path]) -> list[Path]:
    """The plugin files named by the config: files as given, folders' ``*.py`` not starting with ``_``."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.py") if not p.name.startswith("_")))
        else:
            files.append(path)
    return files


#: Seconds a plugin may take to import: one that loops (or waits on the network) at import is
#: reported and left out, rather than holding every command, ``--help`` included.
IMPORT_SECONDS = 20.0


def _imported(importer: Callable[[], Any], seconds: float) -> Any:
    """``importer()`` on a thread of its own, given up on after ``seconds`` (the thread is left
    to finish or not: Python cannot stop it, but the run goes on without the plugin)."""
    try:
        return within(importer, seconds, "plugin-import")
    except NotDone:
        raise TimeoutError(f"still importing after {seconds:g} s; left out") from None
    except Exception:
        raise
    except BaseException as exc:  # sys.exit() at import, say
        raise RuntimeError(f"{type(exc).__name__}({exc}) while importing") from None


class PluginHost:
    """A plugin manager with the built-ins, entry-point plugins and local plugins loaded."""

    def __init__(self, local_paths: Sequence[Path] = (), *, load_entry_points: bool = True):
        self.pm = pluggy.PluginManager("briefing")
        self.pm.add_hookspecs(hookspecs)
        self.origins: dict[str, tuple[str, str]] = {}
        self.failures: list[PluginFailure] = []
        self.recipe = PluginRecipe(tuple(local_paths), load_entry_points)
        for name in DEFAULT_PLUGINS:
            self._add(importlib.import_module(name), name, "built-in")
        allowed = _allowed_plugins()
        if load_entry_points:
            self._load_entry_points(allowed)
        for path in local_plugin_files(local_paths):
            if _selected(path.stem, allowed):
                self._load(lambda p=path: _import_file(p), path.stem, f"local ({path})")

    def _add(self, module: object, name: str, origin: str, version: str = "") -> None:
        self.pm.register(module, name=name)
        self.origins[name] = (origin, version)

    def _load(self, importer: Any, name: str, origin: str, version: str = "") -> None:
        try:
            module = _imported(importer, IMPORT_SECONDS)
            self._add(module, name, origin, version)
            self.pm.check_pending()
        except Exception as exc:  # one broken plugin must not stop the others
            if self.pm.has_plugin(name):
                self.pm.unregister(name=name)
            self.failures.append(PluginFailure(name, origin, _error_text(exc)))

    def _load_entry_points(self, allowed: set[str] | None) -> None:
        for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if not _selected(entry_point.name, allowed):
                continue
            version = entry_point.dist.version if entry_point.dist else ""
            self._load(entry_point.load, entry_point.name, "entry point", version)

    def register_commands(self, cli: click.Group) -> None:
        """Let every plugin add commands to ``cli``; one that fails is listed in :attr:`failures`."""
        for impl in reversed(self.pm.hook.register_commands.get_hookimpls()):
            try:
                impl.function(**{arg: cli for arg in impl.argnames})
            except Exception as exc:
                origin = self.origins.get(impl.plugin_name, ("", ""))[0]
                self.failures.append(PluginFailure(impl.plugin_name, origin, _error_text(exc)))

    def registry(self) -> Registry:
        """Call every registration hook, plugin by plugin, so a failing one is named and skipped."""
        registry = Registry(failures=list(self.failures), recipe=self.recipe)
        for kind in KINDS:
            hook = getattr(self.pm.hook, hook_name(kind))
            # pluggy returns the implementations last-registered first; register in load order.
            for impl in reversed(hook.get_hookimpls()):
                origin, version = self.origins.get(impl.plugin_name, ("", ""))

                def register(
                    cls: type[Plugin],
                    _kind: str = kind,
                    _plugin: str = impl.plugin_name,
                    _origin: str = origin,
                    _version: str = version,
                ) -> None:
                    _check_class(cls, _kind)
                    registry.entries[_kind][cls.name] = Registered(cls.name, _kind, cls, _plugin, _origin, _version)

                try:
                    impl.function(**{arg: register for arg in impl.argnames})
                except Exception as exc:
                    registry.failures.append(PluginFailure(impl.plugin_name, origin, _error_text(exc)))
        return registry


def _check_class(cls: Any, kind: str) -> None:
    base = KINDS[kind]
    if not (isinstance(cls, type) and issubclass(cls, base)):
        raise TypeError(f"{cls!r} is not a subclass of briefing.{base.__name__}")
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise TypeError(f"{cls.__name__} has no name")
    declared = cls.api_version
    if declared is not None and declared != PLUGIN_API:
        raise TypeError(
            f"{cls.__name__} was written for briefing plugin API {declared}, but this briefing "
            f"({__version__}) speaks plugin API {PLUGIN_API}; install a version of the plugin made for it"
        )
