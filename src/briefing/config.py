"""``briefing.toml``: finding, parsing and validating it, with errors that name file, line and key."""

from __future__ import annotations

import math
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from .settings import EXECUTORS, GROUPINGS, FetchOptions, Length, Settings, TopicRule
from .text.languages import UnknownLanguage, language_code

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = "briefing.toml"

#: Every top-level key, its type and what it means; its default is the one in :class:`Settings` and
#: the classes beside it (:mod:`briefing.config_reference` writes the table the docs show).
KEYS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "sources": (list, "paths, folders or URLs to brief when none are given on the command line"),
    "summarizer": (str, "the summarizer to use"),
    "sentences": (int, "summary length in sentences"),
    "ratio": ((int, float), "summary length as a ratio of each document's sentences (instead of sentences)"),
    "topic_sentences": (int, "length of each topic's multi-document brief"),
    "language": (str, "language of documents whose language cannot be told"),
    "detect_language": (bool, "false: every document that does not name its language is in `language`"),
    "plugins": (list, "local plugin files or folders of them"),
    "topics": (list, "`[[topics]]` tables: name and sources (globs); pinned before automatic grouping"),
    "grouping": (str, 'how sources without a `[[topics]]` entry are grouped: "content" or "folders"'),
    "topic_threshold": ((int, float), "how alike documents must be to share an automatic topic, 0-1"),
    "taggers": (list, "the taggers to run"),
    "cleaners": (list, "the cleaners to run on each document"),
    "plugin_timeout": ((int, float), "seconds a summarizer or tagger may take per document; 0: no limit"),
    "workers": (int, "processes for per-document work on large corpora; 0: one per core"),
    "executor": (str, 'where per-document work runs: "local", "dask" or "dask-local"'),
    "scheduler": (str, 'the Dask scheduler for executor = "dask", e.g. "tcp://host:8786"'),
    "cache": (bool, "keep results on disk so an unchanged corpus is briefed from them"),
    "cache_dir": (str, "where the cache lives"),
    "cache_shared": (bool, "use a cache folder other users own or may write to (entries are data, never code)"),
    "cache_max_mb": ((int, float), "most the result cache holds, in MiB; least recently used go first; 0: no limit"),
    "fetch_timeout": ((int, float), "seconds to wait for a server when fetching a URL"),
    "fetch_retries": (int, "further tries after a failed fetch, with back-off"),
    "fetch_deadline": ((int, float), "seconds one URL may take in all, retries included"),
    "fetch_max_mb": ((int, float), "largest answer to accept from a server, in MiB"),
    "max_source_mb": ((int, float), "largest file or standard input to read, in MiB"),
    "fetch_private": (bool, "let links found in documents (full articles) lead to this machine or its private network"),
    "settings": (dict, "`[settings.<plugin>]` tables: settings passed to that plugin"),
    "keys": (dict, '`[keys]` table: a reading-room binding id and its key(s), e.g. `next-topic = "j"`'),
}
TOPIC_KEYS = {"name": str, "sources": list}
#: Keys that are fields of :class:`~briefing.settings.Settings` under the same name.
#: The largest value of a number key (a larger one is a typo, or an attempt to overflow).
_LARGEST_NUMBER = 10**9
_LARGEST = {"fetch_max_mb": 2**20, "max_source_mb": 2**20, "workers": 4096, "topic_sentences": 10**6}
_SETTINGS_KEYS = (
    "summarizer",
    "topic_sentences",
    "language",
    "detect_language",
    "grouping",
    "topic_threshold",
    "taggers",
    "cleaners",
    "plugin_timeout",
    "workers",
    "executor",
    "scheduler",
    "max_source_mb",
)


class ConfigError(Exception):
    """A config file that cannot be used; ``str()`` reads ``file:line: key: problem``."""

    def __init__(self, path: Path, message: str, line: int | None = None, key: str | None = None):
        self.path, self.line, self.key, self.message = path, line, key, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {key + ': ' if key else ''}{message}")


@dataclass(frozen=True)
class Config:
    """A validated config: run settings plus sources and local plugin paths."""

    path: Path | None = None
    settings: Settings = field(default_factory=Settings)
    sources: tuple[str, ...] = ()
    plugins: tuple[Path, ...] = ()
    keys: dict[str, str] = field(default_factory=dict)
    cache: bool = True
    cache_dir: Path | None = None
    cache_shared: bool = False
    #: The most the result cache may hold, in MiB (0: no limit); see :meth:`briefing.cache.Cache.prune`.
    cache_max_mb: float = 2048
    #: Keys of a config found in the current folder that were not used (see :func:`load_config`).
    withheld: tuple[str, ...] = ()


def find_config(explicit: str | None = None) -> Path | None:
    """``--config``, else ``./briefing.toml``, else the user's config folder, else none."""
    if explicit:
        return Path(explicit)
    for candidate in (Path.cwd() / CONFIG_NAME, Path(platformdirs.user_config_dir("briefing")) / CONFIG_NAME):
        if candidate.is_file():
            return candidate
    return None


def _line_of(text: str, key: str, table: str = "", index: int = 0) -> int | None:
    """The line of ``key`` inside ``[table]`` (the ``index``-th ``[[table]]``), or of the table itself."""
    current, seen, header_line = "", -1, None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?", stripped)
        if header:
            current = header.group(1)
            if current == table:
                seen += 1
                if seen == index:
                    header_line = number
            continue
        in_table = current == table and (not table or seen == index)
        if in_table and re.match(rf'^["\']?{re.escape(key)}["\']?\s*=', stripped):
            return number
    return header_line


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {list: "a list", str: "a string", int: "a whole number", float: "a number", dict: "a table"}
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(names.get(t, t.__name__) for t in types)


def _resolve(base: Path, value: str) -> str:
    if "://" in value or value == "-" or os.path.isabs(value):
        return value
    path = base / value
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_config(path: Path | None, trusted: bool = True) -> Config:
    """The validated config at ``path``; ``None`` gives the defaults. Unless ``trusted``, what
    would run code or patterns of whoever wrote the file (local ``plugins``, ``[settings.rules]``)
    is left out and named in :attr:`Config.withheld`."""
    if path is None:
        return Config()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(match.group(1)) if match else None
        raise ConfigError(
            path, f"not valid TOML: {message}" + (f" (column {match.group(2)})" if match else ""), line
        ) from None
    withheld = () if trusted else _withhold(raw)
    return replace(_validate(path, text, raw), withheld=withheld)


def _withhold(raw: dict[str, Any]) -> tuple[str, ...]:
    """Take local plugins and the user's rules out of ``raw``; what was there, named."""
    withheld = []
    if raw.pop("plugins", None) is not None:
        withheld.append("plugins")
    plugin_settings = raw.get("settings")
    if isinstance(plugin_settings, dict) and plugin_settings.pop("rules", None) is not None:
        withheld.append("[settings.rules]")
    return tuple(withheld)


def found_here(path: Path | None) -> bool:
    """Whether ``path`` is the config of the current folder: one a folder brings along (cloned,
    unpacked, shared), not the user's own."""
    return path is not None and path.resolve().parent == Path.cwd().resolve()


def _validate(path: Path, text: str, raw: dict[str, Any]) -> Config:
    def fail(key: str, message: str, table: str = "", index: int = 0) -> ConfigError:
        return ConfigError(path, message, _line_of(text, key.split(".")[-1], table, index), key)

    for key, value in raw.items():
        if key not in KEYS:
            raise fail(key, f"unknown key (known keys: {', '.join(KEYS)})")
        expected = KEYS[key][0]
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise fail(key, f"must be {_type_name(expected)}, not {type(value).__name__}")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise fail(key, f"must be a finite number, not {value}")
            if abs(value) > _LARGEST.get(key, _LARGEST_NUMBER):
                raise fail(key, f"must be at most {_LARGEST.get(key, _LARGEST_NUMBER):g}")
    base = path.parent
    for key in ("sources", "plugins", "taggers", "cleaners"):
        if not all(isinstance(v, str) for v in raw.get(key, [])):
            raise fail(key, "must be a list of strings")
    if "sentences" in raw and "ratio" in raw:
        raise fail("ratio", "give either sentences or ratio, not both")
    # Only what the file sets is passed on: every default lives in Settings and FetchOptions.
    given: dict[str, Any] = {k: raw[k] for k in _SETTINGS_KEYS if k in raw}
    try:
        if "ratio" in raw:
            given["length"] = Length(ratio=float(raw["ratio"]), sentences=None)
        elif "sentences" in raw:
            given["length"] = Length(raw["sentences"])
    except ValueError as exc:
        raise fail("ratio" if "ratio" in raw else "sentences", str(exc)) from None
    if given.get("topic_sentences", 1) < 1:
        raise fail("topic_sentences", "must be at least 1")
    try:
        language_code(given.get("language", "en"))
    except UnknownLanguage as exc:
        raise fail("language", str(exc)) from None
    if given.get("grouping", GROUPINGS[0]) not in GROUPINGS:
        raise fail("grouping", f"must be one of {', '.join(map(repr, GROUPINGS))}")
    if given.get("plugin_timeout", 0) < 0:
        raise fail("plugin_timeout", "must be 0 (no limit) or more seconds")
    for key in ("fetch_timeout", "fetch_max_mb", "fetch_deadline", "max_source_mb"):
        if key in raw and raw[key] <= 0:
            raise fail(key, "must be more than 0")
    if raw.get("cache_max_mb", 0) < 0:
        raise fail("cache_max_mb", "must be 0 (no limit) or more MiB")
    if raw.get("fetch_retries", 0) < 0:
        raise fail("fetch_retries", "must be 0 or more")
    fetch: dict[str, Any] = {}
    if "fetch_timeout" in raw:
        fetch["timeout"] = float(raw["fetch_timeout"])
    if "fetch_retries" in raw:
        fetch["retries"] = raw["fetch_retries"]
    if "fetch_deadline" in raw:
        fetch["deadline"] = float(raw["fetch_deadline"])
    if "fetch_max_mb" in raw:
        fetch["max_bytes"] = int(raw["fetch_max_mb"] * 2**20)
    if "fetch_private" in raw:
        fetch["private"] = raw["fetch_private"]
    if given.get("workers", 0) < 0:
        raise fail("workers", "must be 0 (one per core) or more")
    if given.get("executor", EXECUTORS[0]) not in EXECUTORS:
        raise fail("executor", f"must be one of {', '.join(map(repr, EXECUTORS))}")
    if given.get("executor") == "dask" and not given.get("scheduler"):
        raise fail("executor", 'executor = "dask" needs scheduler = "tcp://host:8786"')
    if "topic_threshold" in given and not 0 < given["topic_threshold"] < 1:
        raise fail("topic_threshold", "must be between 0 and 1")

    rules: list[TopicRule] = []
    for index, topic in enumerate(raw.get("topics", [])):
        if not isinstance(topic, dict):
            raise fail("topics", "must be [[topics]] tables")
        for key, value in topic.items():
            if key not in TOPIC_KEYS:
                raise fail(f"topics.{key}", "unknown key (known keys: name, sources)", "topics", index)
            if not isinstance(value, TOPIC_KEYS[key]):
                raise fail(f"topics.{key}", f"must be {_type_name(TOPIC_KEYS[key])}", "topics", index)
        if "name" not in topic or "sources" not in topic:
            raise ConfigError(
                path, "each [[topics]] needs a name and sources", _line_of(text, "", "topics", index), "topics"
            )
        patterns = tuple(str(Path(_resolve(base, p)).absolute()) if "://" not in p else p for p in topic["sources"])
        rules.append(TopicRule(topic["name"], patterns))

    plugin_settings = raw.get("settings", {})
    for name, table in plugin_settings.items():
        if not isinstance(table, dict):
            raise fail(f"settings.{name}", "must be a table: [settings." + name + "]", "settings")

    keys = raw.get("keys", {})
    for binding_id, key in keys.items():
        if not isinstance(key, str) or not key.strip():
            raise fail(f"keys.{binding_id}", 'must be a key string such as "j" or "ctrl+n,j"', "keys")

    for key in ("taggers", "cleaners"):
        if key in given:
            given[key] = tuple(given[key])
    for key in ("topic_threshold", "plugin_timeout", "max_source_mb"):
        if key in given:
            given[key] = float(given[key])
    settings = Settings(**given, topics=tuple(rules), fetch=FetchOptions(**fetch), plugin_settings=plugin_settings)
    return Config(
        path=path,
        settings=settings,
        sources=tuple(_resolve(base, s) for s in raw.get("sources", [])),
        plugins=tuple(Path(_resolve(base, p)) for p in raw.get("plugins", [])),
        keys=dict(keys),
        cache=raw.get("cache", True),
        cache_shared=raw.get("cache_shared", False),
        cache_max_mb=float(raw.get("cache_max_mb", Config.cache_max_mb)),
        cache_dir=Path(_resolve(base, os.path.expanduser(raw["cache_dir"]))) if "cache_dir" in raw else None,
    )


def line_of_key(config: Config, key: str, table: str = "") -> int | None:
    """The line where a key is set (in ``[table]``), for errors found after loading (an unknown
    summarizer, a key binding that clashes)."""
    if config.path is None:
        return None
    return _line_of(config.path.read_text(encoding="utf-8-sig"), key, table)
