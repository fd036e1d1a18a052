"""How a plugin's failure reads to the user: the kind, the plugin's name and the cause."""

from __future__ import annotations

from ..errors import PluginCrashed
from ..interfaces import LoadError
from ..time_limit import PluginTimeout


def failure(kind: str, name: str, exc: BaseException) -> str:
    """``summarizer 'x' failed: ZeroDivisionError: ...``; a loader's own words for a :class:`LoadError`."""
    if isinstance(exc, LoadError):
        return str(exc)
    if isinstance(exc, PluginCrashed):
        return f"{kind} {name!r} {exc}"
    if isinstance(exc, PluginTimeout):
        return f"{kind} {name!r} {exc} (plugin_timeout in briefing.toml)"
    detail = str(exc) or type(exc).__name__
    return f"{kind} {name!r} failed: {type(exc).__name__}: {detail}"
