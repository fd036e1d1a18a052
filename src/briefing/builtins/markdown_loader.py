"""Markdown with YAML (``---``) or TOML (``+++``) front matter, reduced to prose.

markdown-it-py (already installed with Textual's Rich) parses the markdown, so emphasis, links,
images, code and HTML are handled by a real CommonMark parser rather than regular expressions.
Headings and list items become paragraph boundaries; code blocks are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ..decoding import decode
from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError
from ..models import Document, Source
from ..text.clean import clean_characters
from .text_loader import title_from_origin

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.DOTALL)
_SKIPPED_INLINE = {"image", "html_inline"}


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any], str]:
    """Front matter as a mapping and the markdown after it; a broken block is a :class:`LoadError`."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fence, block = match.groups()
    try:
        meta = yaml.safe_load(block) if fence == "---" else tomllib.loads(block)
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


def _string(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _tags(meta: dict[str, Any]) -> tuple[str, ...]:
    tags = meta.get("tags") or meta.get("keywords") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    return tuple(str(t) for t in tags if str(t).strip())


def markdown_blocks(markdown: str) -> tuple[list[str], list[str]]:
    """``(paragraphs, headings)`` of a markdown text, as plain prose."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    paragraphs: list[str] = []
    headings: list[str] = []
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            parts = []
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            text = " ".join(clean_characters("".join(parts)).split())
            if text:
                (headings if in_heading else paragraphs).append(text)
    return paragraphs, headings


class MarkdownLoader(Loader):
    name = "markdown"
    description = "Markdown (.md) with YAML or TOML front matter"
    suffixes = (".md", ".markdown")
    media_types = ("text/markdown",)

    def load(self, source: Source) -> Iterable[Document]:
        meta, markdown = split_front_matter(decode(source.data, source.origin, source.charset), source.origin)
        paragraphs, headings = markdown_blocks(markdown)
        title = _string(meta.get("title"))
        if title is None and headings:
            title = headings.pop(0)
        yield Document(
            id=source.origin,
            title=title or title_from_origin(source.origin),
            text="\n\n".join(paragraphs),
            origin=source.origin,
            date=_string(meta.get("date")),
            author=_string(meta.get("author") or meta.get("authors")),
            language=_string(meta.get("language") or meta.get("lang")),
            tags=_tags(meta),
            headings=tuple(headings),
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(MarkdownLoader)
