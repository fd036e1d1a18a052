"""Writing results: regular files atomically, everything else (stdout, pipes, devices) directly."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from .printable import printable

_STDOUT = {"-", "/dev/stdout"}


def _is_special(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return False


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file in the same folder, then rename it over ``path``.

    A reader never sees a half-written file, and a failure leaves the old file untouched.
    """
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_output(target: str, text: str) -> None:
    """``-`` and ``/dev/stdout`` go to standard output (made printable); pipes and devices are
    written in place."""
    if target in _STDOUT:
        sys.stdout.write(printable(text))  # whatever the exporter: nothing that acts on a terminal
        sys.stdout.flush()
        return
    path = Path(target)
    if _is_special(path):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    write_atomically(path, text)
