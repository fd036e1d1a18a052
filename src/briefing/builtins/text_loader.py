"""Plain-text files: front matter as in markdown; the first line is the title when it reads like
one (short, no final stop); a short line standing alone between blank lines, with text after it,
is a heading. Nothing else is: a plain text's only layout is its lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError
from ..models import Document, Dropped, Source
from ..sources.decoding import decode
from ..text.clean import PAGE_NOISE, headings_of, is_list_item, layout_paragraphs
from ..text.front_matter import meta_string, meta_tags, split_front_matter
from ..text.languages import known_languages

_SENTENCE_END = (".", "!", "?", '"', "”", "“", "»", "«")


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


def is_title(paragraphs: list[str]) -> bool:
    """The first paragraph is a title: more follows, and it is short with no final stop (a long
    lead sentence that only lacks its full stop is text, not a title) and no list marker."""
    first = paragraphs[0]
    short = len(first.split()) <= TITLE_WORDS and not first.endswith(_SENTENCE_END)
    return len(paragraphs) > 1 and short and not is_list_item(first)


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
        if title is None and paragraphs and is_title([p.text for p in paragraphs]):
            title = paragraphs.pop(0).text
        flags = headings_of(paragraphs)
        headings = tuple(p.text for p, heading in zip(paragraphs, flags, strict=True) if heading)
        body = [p.text for p, heading in zip(paragraphs, flags, strict=True) if not heading]
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
            headings=headings,
            dropped=tuple(Dropped(line, PAGE_NOISE, "a page's counter, time stamp or share prompt") for line in noise),
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(TextLoader)
