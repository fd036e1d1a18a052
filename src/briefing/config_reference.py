"""The reference of ``briefing.toml``'s keys, each with the default a run really uses.

The docs' configuration page is generated from here (``docs/hooks.py``), so a default is written
once, in :class:`~briefing.settings.Settings` and the classes beside it, and no page can
state another.
"""

from __future__ import annotations

from collections.abc import Callable

from .config import KEYS, Config
from .settings import FetchOptions, Length, Settings


def _every(kind: str) -> Callable[[], str]:
    return lambda: f"every installed {kind}"


#: Each key's default, read from the classes that hold it; a few are not values but rules.
_DEFAULTS: dict[str, Callable[[], object]] = {
    "sources": lambda: "the PATHs given, else `./sources`",
    "summarizer": lambda: Settings().summarizer,
    "sentences": lambda: Length().sentences,
    "ratio": lambda: Length().ratio,
    "topic_sentences": lambda: Settings().topic_sentences,
    "language": lambda: Settings().language,
    "detect_language": lambda: Settings().detect_language,
    "plugins": lambda: list(Config().plugins),
    "topics": lambda: list(Settings().topics),
    "grouping": lambda: Settings().grouping,
    "topic_threshold": lambda: Settings().topic_threshold,
    "taggers": _every("tagger"),
    "cleaners": _every("cleaner"),
    "plugin_timeout": lambda: Settings().plugin_timeout,
    "workers": lambda: Settings().workers,
    "executor": lambda: Settings().executor,
    "scheduler": lambda: Settings().scheduler,
    "cache": lambda: Config().cache,
    "cache_dir": lambda: "the user's cache folder (`~/.cache/briefing` on Linux), or `$BRIEFING_CACHE_DIR`",
    "cache_shared": lambda: Config().cache_shared,
    "cache_max_mb": lambda: Config().cache_max_mb,
    "fetch_timeout": lambda: FetchOptions().timeout,
    "fetch_retries": lambda: FetchOptions().retries,
    "fetch_deadline": lambda: FetchOptions().deadline,
    "fetch_max_mb": lambda: FetchOptions().max_bytes // 2**20,
    "max_source_mb": lambda: Settings().max_source_mb,
    "fetch_private": lambda: FetchOptions().private,
    "settings": lambda: {},
    "keys": lambda: {},
}


def _toml(value: object) -> str:
    """A default as ``briefing.toml`` would spell it, or a rule in words."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return value if " " in value else f'`"{value}"`'
    if isinstance(value, float) and value.is_integer():
        return f"`{int(value)}`"
    if isinstance(value, dict):
        return "none"
    return f"`{value}`"


#: How a key's Python type reads in the table.
_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "list", "dict": "table"}


def reference() -> list[tuple[str, str, str, str]]:
    """``(key, type, default, meaning)`` for every top-level key, in the order of :data:`KEYS`."""
    rows = []
    for key, (kind, meaning) in KEYS.items():
        kinds = kind if isinstance(kind, tuple) else (kind,)
        name = "number" if float in kinds else _TYPES[kinds[0].__name__]
        rows.append((key, name, _toml(_DEFAULTS[key]()), meaning))
    return rows


def reference_table() -> str:
    """The reference as a Markdown table."""
    lines = ["| Key | Type | Default | Meaning |", "|---|---|---|---|"]
    for key, kind, default, meaning in reference():
        escaped = meaning.replace("|", "\\|")
        lines.append(f"| `{key}` | {kind} | {default} | {escaped} |")
    return "\n".join(lines) + "\n"
