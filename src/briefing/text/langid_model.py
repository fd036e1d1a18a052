"""py3langid's model, loaded when this module is imported.

py3langid ships its model LZMA-compressed, which takes 0.6-0.9 s to unpack every time. The first
load keeps an unpacked copy in the user's cache folder (``$BRIEFING_CACHE_DIR``), ``models/``: a
folder of plain ``.npy`` arrays (68 MB) that later runs map into memory instead of reading, in a
few hundredths of a second (a compressed copy took 0.25-0.35 s to read, a third of a small run's
start). A folder that cannot be written only costs that speed.

It is a module of its own so that loading happens once per process tree: the worker pool's fork
server imports it, so every worker starts with the model instead of loading its own, and a view
can import it on a thread while it starts (:func:`briefing.text.detect.warm_up`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from array import array
from pathlib import Path
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]
from py3langid.modelio import load_model  # type: ignore[import-untyped]

from ..cache import default_folder

#: The arrays of a model as py3langid's loader returns them, in its order.
_PARTS = ("ptc", "pc", "classes", "nextmove", "row", "out")
_TYPECODES = {2: "H", 4: "I", 8: "L"}
#: A partial copy this old was left by a process that ended while writing it.
STALE_SECONDS = 600


def _unpacked_path(packed: Path) -> Path:
    """Where the unpacked copy of this very model file lives (a reinstalled model gets a new name)."""
    stat = packed.stat()
    return default_folder() / "models" / f"py3langid-{stat.st_size}-{stat.st_mtime_ns}"


def _as_array(values: np.ndarray) -> array[int]:
    """py3langid walks its automaton over a stdlib array: indexing one is far faster than numpy."""
    out = array(_TYPECODES[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


def _read(path: Path) -> tuple[Any, ...]:
    """The copy's arrays, checked to fit together (ValueError if not): anyone who can write to
    the cache folder could change them, and a state or feature out of range would end a run
    with an IndexError where it should only cost the copy."""

    def part(name: str) -> np.ndarray:
        values: np.ndarray = np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False)
        return values

    ptc, pc, classes, nextmove, row, out = (part(name) for name in _PARTS)
    states, features = len(out), ptc.shape[0] if ptc.ndim == 2 else -1
    fits = (
        ptc.ndim == 2
        and pc.shape == (ptc.shape[1],) == classes.shape
        and classes.dtype.kind == "U"
        and nextmove.dtype.kind == row.dtype.kind == "u"
        and len(row) == states > 0
        and len(nextmove) > 0
        and int(nextmove.max()) < states
        and (int(row.max()) << 8) + 255 < len(nextmove)
        and out.dtype.kind == "i"
        and -1 <= int(out.min())
        and int(out.max()) < features
    )
    if not fits:
        raise ValueError(f"the language model's copy in {path} does not fit together")
    return (ptc, pc, classes.tolist(), _as_array(nextmove), _as_array(row), out.tolist())


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _keep(path: Path, parts: tuple[Any, ...]) -> None:
    """Writes the unpacked copy atomically (a folder renamed into place), replacing a broken one and
    removing older copies; gives up quietly if it cannot."""
    ptc, pc, classes, nextmove, row, out = parts
    arrays = {
        "ptc": ptc,
        "pc": pc,
        "classes": np.array(classes),
        "nextmove": np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
        "row": np.frombuffer(row, dtype=f"u{row.itemsize}"),
        "out": np.asarray(out, dtype=np.int32),
    }
    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(dir=path.parent, suffix=".partial"))
        for name, values in arrays.items():
            np.save(partial / f"{name}.npy", values, allow_pickle=False)
        _remove(path)
        os.rename(partial, path)
        for old in path.parent.glob("py3langid-*"):
            if old != path:
                _remove(old)
        # A process that ended mid-write (the warm-up thread is a daemon) left its partial folder.
        for stale in path.parent.glob("*.partial"):
            if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                _remove(stale)
    except OSError:
        if partial is not None:
            _remove(partial)


def _load() -> Any:
    packed = MODEL_DIR / MODEL_FILE
    path = _unpacked_path(packed)
    try:
        parts = _read(path)
    except (OSError, ValueError, EOFError):
        parts = load_model(packed)
        _keep(path, parts)
    ptc, pc, classes, nextmove, row, out = parts
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, out, norm_probs=True, tk_row=row)


IDENTIFIER = _load()
