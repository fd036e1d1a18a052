"""Installed plugins' entry points, without importing :mod:`importlib.metadata` when none can exist.

Importing importlib.metadata (it brings ``email``, ``zipfile``, ``csv``...) and scanning every
installed distribution took about 17 ms, a twelfth of a whole ``briefing brief`` answered from
the cache, and most installs have no plugin at all. The distributions on ``sys.path`` declare
their entry points in an ``entry_points.txt``; a look for the group's section header in each is
a fraction of that. When any could declare the group (or a path entry or an import finder is
something only the library can read), the library reads them, as always: the look only ever
says "none" when the library would too.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import PathFinder
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

_METADATA = (".dist-info", ".egg-info")


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points in ``group`` of every installed distribution."""
    if not _may_declare(group):
        return []
    from importlib import metadata

    return list(metadata.entry_points(group=group))


def _may_declare(group: str) -> bool:
    """False only when no distribution the library would find declares ``group``."""
    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return True  # a finder of its own (a zip importer, a build tool's): only the library reads it
    for entry in sys.path:
        if entry.lower().endswith(".egg"):
            return True  # an egg's own folder: its metadata is in EGG-INFO
        folder = entry or "."
        try:
            with os.scandir(folder) as found:
                names = [e.name for e in found if e.name.lower().endswith(_METADATA)]
        except NotADirectoryError:
            return True  # a zip file or an egg on the path
        except OSError:
            continue  # a path entry that is not there: the library finds nothing in it either
        for name in names:
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8", errors="replace") as file:
                    if any(_section(line) == group for line in file):
                        return True
            except OSError:
                continue  # no entry points (or an old-style .egg-info file)
    return False


def _section(line: str) -> str | None:
    """The section a line of an ``entry_points.txt`` opens (``[name]``), if it opens one."""
    line = line.strip()
    return line[1:-1].strip() if line.startswith("[") and line.endswith("]") else None
