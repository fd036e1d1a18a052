"""The on-disk result cache: work already done, found again by what it was computed from.

Every entry is keyed by a digest of everything its result depends on: the source bytes (or the
document), the settings, and the code that computed it (briefing's own files, or the plugin's
module). So a changed file, a changed setting or an upgraded plugin simply misses; nothing is
ever invalidated by hand. ``briefing cache clear`` empties it.

One SQLite file holds the entries: reads are batched, writes are transactions, so a run that is
killed half-way leaves every finished entry readable and no half-written one. Each entry keeps
the day it was last used; past its size limit, the cache forgets those used least recently
(results of files since changed, of settings or versions no longer run) until it is back under.
Entries are plain data (:mod:`briefing.cache_format`): whoever can write to the cache folder can
make briefing read a wrong result, never run their code. The folder is the user's own: made
readable by its owner only, and refused when another user owns it or others may write to it,
unless the user says the cache is shared.
"""

from __future__ import annotations

import gc
import hashlib
import inspect
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs

from .cache_format import DamagedEntry, NotStorable, damaged_reads, pack, unpack

#: Bumped when the layout of cached values changes.
FORMAT = 2
CACHE_VARIABLE = "BRIEFING_CACHE_DIR"
CACHE_FILE = _FILE = "results.sqlite"
_BATCH = 500  # keys per SELECT; SQLite allows 999 parameters in older builds
#: A cache past its limit is brought back to this share of it, so it is not pruned on every run.
PRUNED_TO = 0.8


def today() -> int:
    """Days since 1970: how recently an entry was used, to the day (stamping it on every read
    would rewrite 10,000 rows on every re-brief; once a day costs one such run a day)."""
    return int(time.time() // 86_400)


def default_folder() -> Path:
    """``$BRIEFING_CACHE_DIR``, else the user's cache folder (``~/.cache/briefing`` on Linux)."""
    return Path(os.environ.get(CACHE_VARIABLE) or platformdirs.user_cache_dir("briefing"))


def set_aside(folder: Path) -> Path:
    """Rename an unreadable cache file (and its journal files) to ``results.sqlite.broken-N``,
    so a fresh one starts and nothing is deleted; returns the new name of the main file."""
    number = 1
    while (folder / f"{_FILE}.broken-{number}").exists():
        number += 1
    target = folder / f"{_FILE}.broken-{number}"
    for suffix in ("", "-wal", "-shm"):
        found = folder / (_FILE + suffix)
        if found.exists():
            found.rename(folder / f"{_FILE}.broken-{number}{suffix}")
    return target


def digest(*parts: Any) -> str:
    """A stable digest of ``parts`` (strings, numbers, tuples, mappings, dataclass reprs)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def _file_digest(path: str) -> str:
    try:
        stat = os.stat(path)
    except OSError:
        return ""
    return _content_digest(path, stat.st_mtime_ns, stat.st_size)


@cache
def _content_digest(path: str, mtime: int, size: int) -> str:
    """A file's digest, read again only when its time or size changed."""
    try:
        with open(path, "rb") as file:
            return hashlib.blake2b(file.read(), digest_size=20).hexdigest()
    except OSError:
        return ""


@cache
def briefing_code() -> str:
    """A digest of briefing's own code and data, so a changed briefing never reuses stale results."""
    root = os.path.dirname(os.path.realpath(__file__))
    files = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(root)
        for name in names
        if name.endswith((".py", ".toml", ".txt"))
    )  # os.walk, not Path.rglob: a quarter of the time, and this runs at every start
    return digest(FORMAT, [(os.path.relpath(path, root), _file_digest(path)) for path in files])


def code_of(cls: type) -> str:
    """A digest of the code behind a plugin class: briefing's for built-ins, else every file of
    its package (a helper module the class imports changes its results as much as its own file
    does), or for a plugin that is a module of its own, the modules beside it (a local plugin's
    folder)."""
    module = inspect.getmodule(cls)
    if module is not None and module.__name__.startswith("briefing."):
        return briefing_code()
    files = _code_files(module.__name__) if module is not None else ()
    if not files:
        return f"{cls.__module__}.{cls.__qualname__}"
    return digest([(name, _file_digest(path)) for name, path in files])


#: A package with more files than this (a namespace shared with other code) is read as the
#: plugin module's own folder only.
_MAX_CODE_FILES = 500


@cache
def _code_files(module_name: str) -> tuple[tuple[str, str], ...]:
    """``(name, path)`` of each Python file behind a module: its top-level package's, else the
    files in its own folder."""
    top = sys.modules.get(module_name.partition(".")[0])
    found = [(root, p) for root in map(Path, getattr(top, "__path__", None) or []) for p in root.rglob("*.py")]
    source = getattr(sys.modules.get(module_name), "__file__", None)
    if (not found or len(found) > _MAX_CODE_FILES) and source:
        folder = Path(source).parent
        found = [(folder, p) for p in sorted(folder.glob("*.py"))[:_MAX_CODE_FILES]] or [(folder, Path(source))]
    return tuple(sorted((str(p.relative_to(root)), str(p)) for root, p in found))


@contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic garbage collection inside: for building many long-lived objects and no garbage.

    Unpacking a cached corpus makes millions of objects; with the collector on, it walks the
    growing heap again and again, which took a third of a cached run's time. On the way out (of
    the outermost pause), what was made inside counts as old: else the collector's first pass
    after it walks every one of those objects (0.9 s of re-briefing 10,000 unchanged documents).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()  # every object tracked now goes to the permanent generation...
            gc.unfreeze()  # ...and from there to the oldest one, which is collected rarely
            gc.enable()


@dataclass(frozen=True)
class Packed:
    """A value already packed (:func:`~briefing.cache_format.pack`): by a worker process, or as
    the cache stores it. Kept so, it is stored as these very bytes, or unpacked only when it is read."""

    data: bytes


def packed_entries(items: Mapping[str, Any]) -> dict[str, bytes]:
    """``items`` packed for the cache (a :class:`Packed` one as it is); one that holds what the
    cache cannot keep as data (a plugin's analysis of its own classes, say) is left out, to be
    computed again when it is next wanted."""
    packed: dict[str, bytes] = {}
    for key, value in items.items():
        try:
            packed[key] = value.data if isinstance(value, Packed) else pack(value)
        except NotStorable:
            continue
    return packed


class UnsafeCacheFolder(OSError):
    """A cache folder another user owns or others may write to: its entries could be anyone's."""


def check_folder(folder: Path, shared: bool = False) -> None:
    """Make ``folder`` (readable by its owner only) if it is missing, or make it so; refuse one
    that another user owns or that others may write to, unless the cache is ``shared`` on purpose."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if shared or not hasattr(os, "getuid"):
        return
    found = folder.stat()
    if found.st_uid != os.getuid():
        raise UnsafeCacheFolder(
            f"the cache folder {folder} belongs to another user; set cache_shared = true to use it on purpose"
        )
    if found.st_mode & 0o022:
        raise UnsafeCacheFolder(
            f"others may write to the cache folder {folder} (mode {found.st_mode & 0o777:o}); "
            f"'chmod go-w {folder}' it, or set cache_shared = true to share it on purpose"
        )
    if found.st_mode & 0o077:  # made by an older briefing, or by hand: the cache holds documents' text
        folder.chmod(0o700)


class Cache:
    """Results by key, stored as plain data. Safe to share between threads; each process opens its own."""

    def __init__(self, folder: Path, shared: bool = False, limit_mb: float = 0):
        self.folder = folder
        #: The most the entries may take, in MiB (0: no limit); see :meth:`prune`.
        self.limit_mb = limit_mb
        self.limit = int(limit_mb * 2**20)
        self.path = folder / _FILE
        #: Why writing stopped (a full disk, say): the run goes on without keeping its results.
        self.unwritable: str | None = None
        self._local = threading.local()
        check_folder(folder, shared)
        with self._connection() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS results"
                " (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL DEFAULT 0)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS counts (name TEXT PRIMARY KEY, count INTEGER NOT NULL)")
            if "used" not in {row[1] for row in db.execute("PRAGMA table_info(results)")}:  # an older cache
                db.execute("ALTER TABLE results ADD COLUMN used INTEGER NOT NULL DEFAULT 0")

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def _select(self, what: str, keys: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``what`` (columns) for those of ``keys`` the cache has, in batches."""
        keys = list(dict.fromkeys(keys))
        db = self._connection()
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            yield from db.execute(f"SELECT {what} FROM results WHERE key IN ({marks})", batch)

    def get_many(self, keys: Iterable[str], kind: Any = Any) -> dict[str, Any]:
        """The cached values of those ``keys`` that have one, read as the type ``kind`` (see
        :func:`~briefing.cache_format.unpack`). An entry that is not one (damaged, tampered with,
        or written by another version) is a miss, and counted (see :meth:`damaged`)."""
        found: dict[str, Any] = {}
        with paused_collection():
            for key, value in self._read(keys):
                try:
                    found[key] = unpack(value, kind)
                except DamagedEntry:  # recomputed by the caller, and stored again
                    continue
        self.count_damaged(damaged_reads())
        return found

    def get_packed_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The cached values of those ``keys`` that have one, as stored (unpacked by whoever reads
        them; one that turns out damaged is counted where it is read, see
        :func:`~briefing.cache_format.damaged_reads`)."""
        return dict(self._read(keys))

    def _read(self, keys: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """``(key, value)`` for those ``keys`` the cache has; once all are read, those not yet
        used today are stamped as used today (read it whole: a pass left half-way stamps none)."""
        day = today()
        stale: list[tuple[int, str]] = []
        for key, value, used in self._select("key, value, used", keys):
            if used < day:
                stale.append((day, key))
            yield key, value
        if stale:
            self._write("UPDATE results SET used = ? WHERE key = ?", stale)

    def count_damaged(self, count: int) -> None:
        """Add ``count`` entries found damaged to the tally ``briefing cache info`` shows."""
        if count:
            self._write(
                "INSERT INTO counts (name, count) VALUES ('damaged', ?)"
                " ON CONFLICT(name) DO UPDATE SET count = count + excluded.count",
                [(count,)],
            )

    def damaged(self) -> int:
        """Entries found damaged and recomputed since the cache was last cleared."""
        row = self._connection().execute("SELECT count FROM counts WHERE name = 'damaged'").fetchone()
        return int(row[0]) if row else 0

    def keys_in(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` the cache has an entry for (without reading the entries)."""
        return {key for (key,) in self._select("key", keys)}

    def get(self, key: str, kind: Any = Any) -> Any | None:
        return self.get_many([key], kind).get(key)

    def put_many(self, items: Mapping[str, Any]) -> None:
        """Store ``items``; one that holds what the cache cannot keep as data is left out."""
        self.put_packed(packed_entries(items))

    def put_packed(self, items: Mapping[str, bytes]) -> None:
        """Store values already packed with :func:`pack` (by a worker process, say)."""
        if items:
            day = today()
            self._write(
                "INSERT OR REPLACE INTO results (key, value, used) VALUES (?, ?, ?)",
                [(key, value, day) for key, value in items.items()],
            )

    def _write(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        """One transaction (all of ``rows`` are written, or none). A cache that cannot be written
        (a full disk, a read-only mount) is noted in :attr:`unwritable` and not tried again."""
        if self.unwritable is not None:
            return
        try:
            with self._connection() as db:
                db.executemany(statement, rows)
        except (sqlite3.Error, OSError) as exc:
            self.unwritable = str(exc) or type(exc).__name__

    def put(self, key: str, value: Any) -> None:
        self.put_many({key: value})

    def clear(self) -> int:
        """Forget every entry; returns how many there were."""
        with self._connection() as db:
            count: int = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
            db.execute("DELETE FROM results")
            db.execute("DELETE FROM counts")
        self._connection().execute("VACUUM")
        return count

    def in_use(self) -> int:
        """Bytes of the file that hold entries (the file does not shrink: pages that pruning
        frees are used again by the next entries)."""
        db = self._connection()
        pages = db.execute("PRAGMA page_count").fetchone()[0] - db.execute("PRAGMA freelist_count").fetchone()[0]
        return int(pages * db.execute("PRAGMA page_size").fetchone()[0])

    def prune(self) -> int:
        """Past :attr:`limit`, forget the entries used least recently (then the oldest written)
        until the cache holds :data:`PRUNED_TO` of it; returns how many were forgotten. A few
        pragmas when under the limit: every run calls it."""
        if self.limit <= 0 or self.unwritable is not None:
            return 0
        doomed: list[tuple[str]] = []
        try:
            held = self.in_use()
            if held <= self.limit:
                return 0
            excess = held - int(self.limit * PRUNED_TO)
            rows = self._connection().execute(
                "SELECT key, length(key) + length(value) FROM results ORDER BY used, rowid"
            )
            for key, size in rows:
                if excess <= 0:
                    break
                doomed.append((key,))
                excess -= size
            rows.close()
        except sqlite3.Error:  # unreadable: 'briefing cache clear' sets it aside
            return 0
        self._write("DELETE FROM results WHERE key = ?", doomed)
        return len(doomed)

    def size(self) -> tuple[int, int]:
        """(entries, bytes on disk)."""
        count = self._connection().execute("SELECT COUNT(*) FROM results").fetchone()[0]
        files = [self.path, self.path.with_name(_FILE + "-wal")]
        return count, sum(f.stat().st_size for f in files if f.exists())
