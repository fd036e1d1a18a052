"""Finding sources: files, folders (recursively, hidden files ignored), URLs and ``-`` for standard input."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from ..models import Problem, Source
from .fetch import Fetcher
from .subscriptions import feeds_in, is_subscriptions
from .urls import is_url

STDIN = "-"
#: The largest file or standard input read unless max_source_mb says otherwise.
MAX_SOURCE_BYTES = 256 * 2**20


def _walk(folder: Path) -> Iterator[Path | Problem]:
    """The files under ``folder`` in path order, leaving out hidden files and folders (names
    starting with ``.``), and a :class:`Problem` for each folder that cannot be listed. One
    ``scandir`` per folder: a 10,000-file corpus is listed in a fraction of the time ``rglob``
    and a sort take. A folder linked back into itself is read once. A stack of the folders being
    listed, not recursion: a tree thousands of folders deep is walked like any other."""
    seen: set[tuple[int, int]] = set()  # (device, inode): realpath would cost a call per level
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(current: Path) -> Iterator[Path | Problem]:
        try:
            found = os.stat(current)
            if (found.st_dev, found.st_ino) in seen:
                return
            seen.add((found.st_dev, found.st_ino))
            stack.append(iter(sorted(os.scandir(current), key=lambda entry: entry.name)))
        except OSError as exc:
            yield Problem(str(current), f"cannot read this folder: {exc.strerror or exc}")

    yield from enter(folder)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                yield from enter(Path(entry.path))
            else:  # a FIFO or a device too: reading it says what it is rather than skipping it
                yield Path(entry.path)
        except OSError:
            continue


def _read(path: Path, origin: str, limit: int) -> Source | Problem:
    """A file's bytes, if it is a regular file (a device, a FIFO or a socket could be endless
    or never answer) of at most ``limit`` bytes."""
    try:
        with open(path, "rb", opener=_nonblocking) as handle:
            kind = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(kind):
                return Problem(origin, f"not a regular file but {_kind_of(kind)}, so it is not read")
            data = handle.read(limit + 1)
    except OSError as exc:
        return Problem(origin, f"cannot read: {exc.strerror or exc}")
    if len(data) > limit:
        return Problem(origin, f"larger than max_source_mb ({_megabytes(limit)} MiB); not read")
    return Source(origin=origin, data=data, path=path)


def _nonblocking(path: str, flags: int) -> int:
    """Opens without waiting: a FIFO with no writer would otherwise block the run for ever."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "a socket" if stat.S_ISSOCK(mode) else "a folder" if stat.S_ISDIR(mode) else "a special file"


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.3g}"


def read_stdin(limit: int) -> bytes:
    """Standard input, up to ``limit`` bytes (:class:`ValueError` past it: it may never end)."""
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"standard input is larger than max_source_mb ({_megabytes(limit)} MiB)")
    return data


def collect(
    origins: Iterable[str],
    wanted: Callable[[Source], bool],
    stdin: Callable[[], bytes] | None = None,
    fetch: Callable[[Sequence[str]], list[Source | Problem]] | None = None,
    limit: int = MAX_SOURCE_BYTES,
) -> Iterator[Source | Problem]:
    """Each named source as bytes, or a :class:`Problem` saying why it could not be read.

    Files found inside folders are kept only when ``wanted`` (some loader accepts them), so a
    folder of articles can hold images too; a file named on its own is always passed on. URLs
    are fetched all at once by ``fetch`` (concurrently; default: with no cache), then given in
    their place. A subscriptions file (OPML) stands for the feeds it names. Only regular files
    are read, and none (nor standard input) past ``limit`` bytes.
    """
    named: list[str | Problem] = []
    for origin in origins:
        feeds = feeds_in(Path(origin), origin) if is_subscriptions(origin) else [origin]
        named.extend([feeds] if isinstance(feeds, Problem) else feeds)
    urls = list(dict.fromkeys(o for o in named if isinstance(o, str) and is_url(o)))
    fetched = dict(zip(urls, (fetch or Fetcher().fetch_all)(urls), strict=True))
    for item in named:
        if isinstance(item, Problem):
            yield item
            continue
        origin = item
        if origin in fetched:
            yield fetched[origin]
            continue
        if origin == STDIN:
            try:
                yield Source(origin=STDIN, data=stdin() if stdin else read_stdin(limit))
            except ValueError as exc:
                yield Problem(STDIN, f"{exc}; not read")
            continue
        path = Path(origin)
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, Problem):
                    yield file
                elif wanted(Source(origin=str(file), data=b"", path=file)):
                    yield _read(file, str(file), limit)
        elif path.exists() or os.path.lexists(path):
            yield _read(path, origin, limit)
        else:
            yield Problem(origin, "no such file or folder")


def stamps(origins: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Modification time and size of every local file the origins name or hold (URLs and
    standard input have none): what to compare to notice files changed, added or removed."""
    found: dict[str, tuple[int, int]] = {}
    for origin in origins:
        if origin == STDIN or is_url(origin):
            continue
        path = Path(origin)
        for file in _walk(path) if path.is_dir() else [path]:
            if isinstance(file, Problem):
                continue
            try:
                info = file.stat()
            except OSError:
                continue  # gone (or unreadable): the next reload reports it
            found[str(file)] = (info.st_mtime_ns, info.st_size)
    return found
