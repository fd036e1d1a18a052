"""The plugin contract: every hook briefing calls, documented hook by hook.

Each hook hands the plugin a ``register`` callback instead of asking it to return a list, so one
plugin can register any number of things. Built-in plugins use exactly these hooks.

A plugin module implements hooks with :data:`hookimpl`::

    from briefing import hookimpl, Summarizer

    class Longest(Summarizer):
        name = "longest"
        def rate(self, document, kit):
            return [len(s.text) for s in document.sentences]

    @hookimpl
    def register_summarizers(register):
        register(Longest)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click

    from .interfaces import Cleaner, Exporter, Loader, Summarizer, Tagger

#: The version of the plugin contract: these hooks and the base classes in :mod:`briefing.interfaces`.
#: A plugin class says which version it was written for with ``api_version = 1``; briefing refuses
#: one written for another version, with a message saying so, rather than fail in the middle of a run.
PLUGIN_API = 1

hookspec = pluggy.HookspecMarker("briefing")
hookimpl = pluggy.HookimplMarker("briefing")


@hookspec
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    """Register summarizer classes: call ``register(cls)`` once per :class:`briefing.Summarizer` subclass.

    ``cls.name`` is what ``--summarizer`` and the config's ``summarizer`` key select. A summarizer
    rates every sentence of a document; briefing picks the best ones, so length, ranks and
    document order are handled the same way for every summarizer.
    """


@hookspec
def register_taggers(register: Callable[[type[Tagger]], None]) -> None:
    """Register theme taggers: call ``register(cls)`` once per :class:`briefing.Tagger` subclass.

    Every registered tagger runs on every document (or those the config's ``taggers`` names);
    its themes appear in each exporter, in the reading room and in topic grouping.
    """


@hookspec
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    """Register source loaders: call ``register(cls)`` once per :class:`briefing.Loader` subclass.

    For each source briefing asks the loaders, most recently registered first, whether they
    ``accepts(source)``; the first that does loads it. Plugins load after the built-ins, so a
    plugin loader for ``.html`` takes precedence over the built-in one.
    """


@hookspec
def register_exporters(register: Callable[[type[Exporter]], None]) -> None:
    """Register exporters: call ``register(cls)`` once per :class:`briefing.Exporter` subclass.

    ``cls.name`` is what ``--format`` selects.
    """


@hookspec
def register_cleaners(register: Callable[[type[Cleaner]], None]) -> None:
    """Register cleaners: call ``register(cls)`` once per :class:`briefing.Cleaner` subclass.

    Every registered cleaner (or those the config's ``cleaners`` names) runs on every document
    after loading and before segmentation, in registration order: the built-ins
    (``aggregators``, ``banners``, ``rules``, ``teasers``) first, then plugins. Whatever a
    cleaner removes is recorded on the document under its name (``Document.dropped``) and shown
    by ``briefing inspect`` and the reader's ``d`` key.
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add commands to briefing's command line: ``cli`` is the top-level click group.

    Decorate functions with ``@cli.command()`` (or ``cli.add_command(...)``); they appear in
    ``briefing --help`` beside the built-in commands. A command reads the run's config with
    ``click.get_current_context().find_object(briefing.cli.Run)``. A plugin whose hook raises is
    reported and its commands are left out; the other commands still work.
    """
