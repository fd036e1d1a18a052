"""Plain-text files: the first line is the title when it reads like one; short lone lines are headings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

from ..decoding import decode
from ..hookspecs import hookimpl
from ..interfaces import Loader
from ..models import Document, Source
from ..text.clean import looks_like_heading, split_paragraphs

_SENTENCE_END = (".", "!", "?", '"', "”", "“", "»", "«")


def title_from_origin(origin: str) -> str:
    """A readable title from a file name: ``energy-prices_2024.txt`` -> ``Energy prices 2024``."""
    stem = PurePath(origin).stem if origin != "-" else "stdin"
    words = stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else origin


class TextLoader(Loader):
    name = "text"
    description = "Plain text (.txt); also standard input"
    suffixes = (".txt", ".text")
    media_types = ("text/plain",)

    def accepts(self, source: Source) -> bool:
        return super().accepts(source) or source.origin == "-"

    def load(self, source: Source) -> Iterable[Document]:
        paragraphs = split_paragraphs(decode(source.data, source.origin, source.charset))
        title = title_from_origin(source.origin)
        if len(paragraphs) > 1 and len(paragraphs[0]) <= 300 and not paragraphs[0].endswith(_SENTENCE_END):
            title = paragraphs.pop(0)
        headings = tuple(p for p in paragraphs if looks_like_heading(p))
        body = [p for p in paragraphs if not looks_like_heading(p)]
        yield Document(
            id=source.origin,
            title=title,
            text="\n\n".join(body),
            origin=source.origin,
            headings=headings,
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(TextLoader)
