"""The engine: sources -> documents -> sentences -> summaries and themes -> topics -> briefs.

Each stage is its own module and takes and returns plain data:

- :mod:`~briefing.engine.cache_keys`: cache keys, pure derivation;
- :mod:`~briefing.engine.store`: this run's memory and the disk cache, behind one memoising helper;
- :mod:`~briefing.engine.started`: the run's plugins, started once;
- :mod:`~briefing.engine.prepare`: load, settle the language, clean, split (one source);
- :mod:`~briefing.engine.source_work`: one source's work as the cache keeps it;
- :mod:`~briefing.engine.pool`: the same per-source work in worker processes;
- :mod:`~briefing.engine.loading`: a corpus's sources prepared, from the cache, the pool or here;
- :mod:`~briefing.engine.summaries`, :mod:`~briefing.engine.themes`,
  :mod:`~briefing.engine.grouping`, :mod:`~briefing.engine.assemble`: the stages after that;
- :mod:`~briefing.engine.runner`: :class:`Engine`, the façade the CLI and the reading room use.

Beside it, as plain data every layer may read: :mod:`~briefing.settings` (every setting and its
default) and :mod:`~briefing.services` (the settings, cache and fetcher lent to plugins). Nothing
here imports a view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..settings import Length, Settings
    from .runner import Engine

__all__ = ["Engine", "Length", "Settings"]


def __getattr__(name: str) -> Any:
    # Lazy, so that importing the settings does not import every stage.
    if name == "Engine":
        from .runner import Engine

        return Engine
    if name in ("Length", "Settings"):
        from .. import settings

        return getattr(settings, name)
    raise AttributeError(name)
