"""Plain-text files: front matter as in markdown; the first line is the title when it stands alone
and reads like one (short, no final stop, introduces nothing); a short line standing alone between
blank lines, with text after it, is a heading. Nothing else is: a plain text's only layout is its
lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError
from ..models import Document, Dropped, Source
from ..sources.decoding import decode
from ..text.clean import PAGE_NOISE, Paragraph, headings_of, layout_paragraphs
from ..text.front_matter import meta_string, meta_tags, split_front_matter
from ..text.languages import known_languages
from ..text.list_markers import is_item

#: A title ends on none of these: a stop, a closing quote, or a colon (which introduces what follows).
_SENTENCE_END = (".", "!", "?", '"', "”", "“", "»", "«", ":")


#: A first paragraph of at most this many words, with no final stop, is the title.
TITLE_WORDS = 20


def title_from_origin(origin: str) -> str:
    """A readable title from a file name: ``energy-prices_2024.txt`` -> ``Energy prices 2024``;
    ``NVIDIA-japan-en.txt`` -> ``NVIDIA japan`` (a language code at the end says which
    translation the file is, not what it is about)."""
    stem = PurePath(origin).stem if origin != "-" else "stdin"
    words = stem.replace("_", " ").replace("-", " ").split()
    if len(words) > 1 and words[-1].lower() in known_languages():
        words.pop()
    if not words:
        return origin
    title = " ".join(words)
    return title[0].upper() + title[1:]


def is_title(paragraphs: list[Paragraph]) -> bool:
    """The first paragraph is a title: more follows, it stands alone (a blank line after it; a
    line the next one goes straight on from is the text's first line, wrapped or not), and it
    is short with no final stop (a long lead sentence that only lacks its full stop is text) and
    no list marker."""
    first = paragraphs[0].text
    short = len(first.split()) <= TITLE_WORDS and not first.endswith(_SENTENCE_END)
    return len(paragraphs) > 1 and paragraphs[0].apart and short and not is_item(first)


class TextLoader(Loader):
    name = "text"
    description = "Plain text (.txt); also standard input"
    suffixes = (".txt", ".text")
    media_types = ("text/plain",)

    def accepts(self, source: Source) -> bool:
        return super().accepts(source) or source.origin == "-"

    def load(self, source: Source) -> Iterable[Document]:
        text = decode(source.data, source.origin, source.charset)
        try:
            meta, text = split_front_matter(text, source.origin)
        except LoadError:
            meta = {}  # a text that merely starts with a --- line: it is all text
        noise: list[str] = []
        paragraphs = layout_paragraphs(text, noise)
        title = meta_string(meta.get("title"))
        if title is None and paragraphs and is_title(paragraphs):
            title = paragraphs.pop(0).text
        flags = headings_of(paragraphs)
        headings: list[str] = []
        places: list[int] = []
        body: list[str] = []
        for paragraph, heading in zip(paragraphs, flags, strict=True):
            if heading:
                headings.append(paragraph.text)
                places.append(len(body))
            else:
                body.append(paragraph.text)
        language = meta_string(meta.get("language") or meta.get("lang"))
        yield Document(
            id=source.origin,
            title=title or title_from_origin(source.origin),
            text="\n\n".join(body),
            origin=source.origin,
            date=meta_string(meta.get("date")),
            author=meta_string(meta.get("author") or meta.get("authors")),
            language=language,
            language_source="front matter" if language else None,
            tags=meta_tags(meta),
            headings=tuple(headings),
            heading_places=tuple(places),
            dropped=tuple(Dropped(line, PAGE_NOISE, "a page's counter, time stamp or share prompt") for line in noise),
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(TextLoader)
