"""Markdown with YAML (``---``) or TOML (``+++``) front matter, reduced to prose.

markdown-it-py (already installed with Textual's Rich) parses the markdown, so emphasis, links,
images, code and HTML are handled by a real CommonMark parser rather than regular expressions.
Headings and list items become paragraph boundaries; code blocks are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..hookspecs import hookimpl
from ..interfaces import Loader
from ..models import Document, Dropped, Source
from ..sources.decoding import decode
from ..text.clean import clean_characters
from ..text.front_matter import meta_string, meta_tags, split_front_matter
from .html_loader import TABLE
from .text_loader import title_from_origin


def markdown_blocks(markdown: str) -> tuple[list[str], list[tuple[str, int]], list[Dropped]]:
    """``(paragraphs, headings, left out)`` of a markdown text, as plain prose; each heading with
    the number of paragraphs before it. Tables become rows for the reader and code blocks are
    left out, both recorded (see :class:`Dropped`)."""
    from markdown_it import MarkdownIt  # imported when a markdown file is read: 0.1 s of every start

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    paragraphs: list[str] = []
    headings: list[tuple[str, int]] = []
    dropped: list[Dropped] = []
    in_heading = False
    rows: list[list[str]] | None = None  # the table being read
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "table_open":
            rows = []
        elif token.type == "table_close" and rows is not None:
            table = "\n".join(" | ".join(row) for row in rows)
            dropped.append(Dropped(table, TABLE, "a data table: shown to the reader, not summarized", len(paragraphs)))
            rows = None
        elif token.type == "tr_open" and rows is not None:
            rows.append([])
        elif token.type in ("fence", "code_block"):
            dropped.append(Dropped(token.content.rstrip("\n"), "code", "a code block: not prose", len(paragraphs)))
        elif token.type == "inline":
            parts = []
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            text = " ".join(clean_characters("".join(parts)).split())
            if rows is not None and rows:
                rows[-1].append(text)
            elif text and in_heading:
                headings.append((text, len(paragraphs)))
            elif text:
                paragraphs.append(text)
    return paragraphs, headings, dropped


class MarkdownLoader(Loader):
    name = "markdown"
    description = "Markdown (.md) with YAML or TOML front matter"
    suffixes = (".md", ".markdown")
    media_types = ("text/markdown",)

    def load(self, source: Source) -> Iterable[Document]:
        meta, markdown = split_front_matter(decode(source.data, source.origin, source.charset), source.origin)
        paragraphs, headings, dropped = markdown_blocks(markdown)
        title = meta_string(meta.get("title"))
        if title is None and headings:
            title = headings.pop(0)[0]
        language = meta_string(meta.get("language") or meta.get("lang"))
        yield Document(
            id=source.origin,
            title=title or title_from_origin(source.origin),
            text="\n\n".join(paragraphs),
            origin=source.origin,
            date=meta_string(meta.get("date")),
            author=meta_string(meta.get("author") or meta.get("authors")),
            language=language,
            language_source="front matter" if language else None,
            tags=meta_tags(meta),
            headings=tuple(text for text, _ in headings),
            heading_places=tuple(place for _, place in headings),
            dropped=tuple(dropped),
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(MarkdownLoader)
