"""Front matter: a YAML (``---``) or TOML (``+++``) block of metadata at the top of a text file.

Markdown and plain-text files both may start with one; it gives the title, date, author, tags
and language, and it is never prose to summarize.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from typing import Any

from ..errors import LoadError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.DOTALL)


@functools.cache
def _loader() -> Any:
    """PyYAML's safe loader, refusing aliases (``*name``): a few hundred bytes of nested aliases
    expand to gigabytes (a "billion laughs"), and metadata never needs them."""
    import yaml

    class NoAliases(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not read in front matter", mark)
            return super().compose_node(parent, index)

    return NoAliases


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any], str]:
    """Front matter as a mapping and the markdown after it; a broken block is a :class:`LoadError`."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fence, block = match.groups()
    import yaml  # imported when a file has YAML front matter: 0.05 s of every start

    try:
        meta = yaml.load(block, Loader=_loader()) if fence == "---" else tomllib.loads(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise LoadError(f"front matter is not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(f"front matter is not valid TOML: {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise LoadError("front matter is not a mapping of keys to values")
    return meta, text[match.end() :]


def meta_string(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def meta_tags(meta: dict[str, Any]) -> tuple[str, ...]:
    tags = meta.get("tags") or meta.get("keywords") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    return tuple(str(t) for t in tags if str(t).strip())
