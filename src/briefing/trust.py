"""Configs the user has said to trust: a ``briefing.toml`` found in the current folder may name
local plugins and ``[settings.rules]``, which run what whoever wrote the folder chose (a cloned
repository, an unpacked archive). They are used once the user runs ``briefing trust`` there,
and only while the file and the plugin files it names are the ones trusted: after a change (a
``git pull``) the user says so again. Kept beside the read marks (``$BRIEFING_DATA_DIR``).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import platformdirs

from .output import write_atomically
from .read_state import DATA_VARIABLE

_FILE = "trusted-configs.json"


def trust_file() -> Path:
    return Path(os.environ.get(DATA_VARIABLE) or platformdirs.user_data_dir("briefing")) / _FILE


def _digest(path: Path) -> str:
    """The config's bytes and those of every local plugin file it names: editing either (a
    ``git pull``) needs trusting again. A config that cannot be read has no digest."""
    from .config import ConfigError, load_config  # the config module reads this one's answers
    from .plugins import local_plugin_files

    digest = hashlib.sha256(path.read_bytes())
    try:
        plugins = load_config(path).plugins
    except ConfigError:
        plugins = ()
    for file in local_plugin_files(plugins):
        digest.update(str(file).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(file.read_bytes() if file.is_file() else b"")
    return digest.hexdigest()


def _trusted() -> dict[str, str]:
    try:
        found = json.loads(trust_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def is_trusted(path: Path) -> bool:
    """Whether the user trusted ``path`` as it is now."""
    try:
        return _trusted().get(str(path.resolve())) == _digest(path)
    except OSError:
        return False


def trust(path: Path) -> None:
    """Trust ``path`` as it is now (:class:`OSError` when the record cannot be written)."""
    trusted = _trusted()
    trusted[str(path.resolve())] = _digest(path)
    target = trust_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, json.dumps(trusted, indent=2, sort_keys=True) + "\n")
