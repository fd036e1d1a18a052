"""``briefing cache``: where the result cache is, how big, and emptying it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from ..cache import CACHE_FILE, Cache, default_folder, set_aside
from .shared import (
    EXIT_CODES,
    EXIT_OK,
    EXIT_PARTIAL,
    _run,
    _say,
    echo,
)


@click.group(epilog=EXIT_CODES)
def cache() -> None:
    """Show or empty the result cache."""


def _cache_folder() -> Path:
    """The folder of the result cache the config names (on or off, readable or not)."""
    config = _run().config
    return config.cache_dir or default_folder()


def _open_cache(folder: Path) -> Cache | str:
    """The cache in ``folder``, or why it cannot be opened."""
    try:
        return Cache(folder, shared=_run().config.cache_shared, limit_mb=_run().config.cache_max_mb)
    except (OSError, sqlite3.Error) as exc:
        return str(exc) or type(exc).__name__


@cache.command("info")
def cache_info() -> int:
    """Where the cache is and how big."""
    folder = _cache_folder()
    found = _open_cache(folder)
    if isinstance(found, str):
        echo(folder / CACHE_FILE)
        _say("error", f"the cache cannot be read ({found}); 'briefing cache clear' moves it aside")
        return EXIT_PARTIAL
    entries, size = found.size()
    off = "" if _run().config.cache else " (off: cache = false in the config)"
    limit = f" (at most {found.limit_mb:g} MiB of results)" if found.limit else " (no limit)"
    echo(f"{found.path}{off}\n{entries} results, {size / 2**20:.1f} MiB{limit}")
    if damaged := found.damaged():
        echo(f"{damaged} entries were found damaged or foreign (not data this version wrote) and computed again")
    models = default_folder() / "models"
    if models.is_dir():
        kept = sum(p.stat().st_size for p in models.rglob("*") if p.is_file())
        echo(f"{models}\nthe language model, unpacked: {kept / 2**20:.1f} MiB (made again when deleted)")
    return EXIT_OK


@cache.command("clear")
def cache_clear() -> int:
    """Forget every cached result (a cache that cannot be read is moved aside)."""
    folder = _cache_folder()
    found = _open_cache(folder)
    if isinstance(found, str):
        moved = set_aside(folder)
        _say("warning", f"the cache could not be read ({found}); moved it to {moved}")
        echo(f"briefing: started an empty cache in {folder}", err=True)
        return EXIT_OK
    echo(f"briefing: forgot {found.clear()} cached results in {found.folder}", err=True)
    return EXIT_OK
