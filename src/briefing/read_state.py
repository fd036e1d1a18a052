"""Which documents the reader has seen, kept between runs.

A document is known by a digest of its title and text, not by its path: a file that is renamed
or moved stays read, one whose text changes is new again. The state is one JSON file in the
user's data folder (``$BRIEFING_DATA_DIR`` overrides it), written atomically after each change.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from .models import Document
from .output import write_atomically

DATA_VARIABLE = "BRIEFING_DATA_DIR"
_FILE = "read.json"


def default_path() -> Path:
    """``$BRIEFING_DATA_DIR/read.json``, else in the user's data folder (``~/.local/share/briefing``)."""
    return Path(os.environ.get(DATA_VARIABLE) or platformdirs.user_data_dir("briefing")) / _FILE


def content_key(document: Document) -> str:
    return hashlib.blake2b(
        f"{document.title}\n{document.text}".encode("utf-8", "surrogatepass"), digest_size=16
    ).hexdigest()


class ReadState:
    """Read marks by content digest. A file that cannot be read or written is reported in
    :attr:`problem` and the marks live for this run only; nothing stops the reading room."""

    def __init__(self, path: Path | None = None):
        self.path = path or default_path()
        self.problem: str | None = None
        self._read: set[str] = set()
        self._keys: dict[int, tuple[Document, str]] = {}  # by id() of the document: the topic list asks often
        self._lock = threading.Lock()
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(found, dict) or not isinstance(found.get("read"), list):
                raise ValueError('expected {"read": [...]}')
            self._read = {key for key in found["read"] if isinstance(key, str)}
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:  # JSONDecodeError is a ValueError
            self.problem = f"read marks in {self.path} ignored: {exc}"

    def _key(self, document: Document) -> str:
        held = self._keys.get(id(document))
        if held is None or held[0] is not document:
            held = self._keys[id(document)] = (document, content_key(document))
        return held[1]

    def is_read(self, document: Document) -> bool:
        return self._key(document) in self._read

    def mark(self, document: Document, read: bool = True) -> None:
        """Mark ``document`` read (or unread again) and save."""
        self.mark_many([document], read)

    def mark_many(self, documents: Iterable[Document], read: bool = True) -> int:
        """Mark ``documents`` read (or unread again) and save once; how many changed."""
        keys = {self._key(document) for document in documents}
        with self._lock:
            changed = keys - self._read if read else keys & self._read
            if not changed:
                return 0
            if read:
                self._read |= changed
            else:
                self._read -= changed
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(self.path, json.dumps({"read": sorted(self._read)}, indent=0))
            except OSError as exc:
                self.problem = f"read marks cannot be saved to {self.path}: {exc}"
        return len(changed)
