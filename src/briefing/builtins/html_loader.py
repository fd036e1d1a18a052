"""HTML pages: main text, title, author and date through trafilatura.

trafilatura is a maintained main-text extractor: it drops navigation, cookie notices, ads and
footers far better than hand-written rules would. Its XML output keeps headings and paragraphs
apart, so headings become paragraph boundaries here as in markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError
from ..models import Document, Dropped, Source
from ..sources.decoding import decode
from ..text.clean import clean_characters
from .text_loader import title_from_origin

if TYPE_CHECKING:  # lxml is imported when a page is read (0.05 s of every start otherwise)
    from lxml import etree

_PROSE = {"p", "item", "quote"}
#: Who keeps a page's data tables (see :class:`~briefing.models.Dropped`): rows of figures are no
#: sentences to summarize, but the reader and ``briefing inspect`` show them.
TABLE = "table"


def _text(element: etree._Element) -> str:
    return " ".join(clean_characters("".join(str(t) for t in element.itertext())).split())


def _page_language(html: str) -> str | None:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    lang = root.get("lang") or root.get("xml:lang")
    return lang.strip() or None if lang else None


#: The id or class of a block of reader comments, by its words: trafilatura misses some that sit
#: inside the article element or use other names (``reader-reactions``, ``kommentare``).
_COMMENTS = re.compile(
    r"(?:^|[\s_-])(?:comments?|kommentare?|leserkommentare?|reactions?|responses|replies|disqus|user-posts?)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Who removed a page's reader comments (see :class:`Dropped`).
COMMENTS = "comments"


def without_comments(html: str) -> tuple[str, list[Dropped]]:
    """The page without its blocks of reader comments, and their text."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return html, []
    dropped = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "article"):
            continue
        names = f"{element.get('id') or ''} {element.get('class') or ''}"
        if _COMMENTS.search(names) and element.getparent() is not None and isinstance(element, lxml.html.HtmlElement):
            text = " ".join(element.text_content().split())
            if text:
                dropped.append(Dropped(text, COMMENTS, "reader comments, not the article"))
            element.drop_tree()
    return (lxml.html.tostring(root, encoding="unicode") if dropped else html), dropped


def page_document(html: str, origin: str) -> Document:
    """The main text and metadata of a web page as a document; :class:`LoadError` when it has none."""
    import trafilatura  # a second of imports: only when a page is read
    from lxml import etree

    language = _page_language(html)
    html, comments = without_comments(html)
    extracted = trafilatura.extract(
        html, output_format="xml", with_metadata=True, include_comments=False, include_tables=True
    )
    if not extracted:
        raise LoadError("no main text found in the page")
    root = etree.fromstring(extracted.encode("utf-8"))
    main = root.find("main")
    paragraphs: list[str] = []
    headings: list[tuple[str, int]] = []
    tables: list[Dropped] = []
    for element in main.iter() if main is not None else ():
        if any(ancestor.tag == "table" for ancestor in element.iterancestors()):
            continue
        if element.tag == "table" and _is_layout(element):
            paragraphs.extend(p for p in _cell_prose(element) if p)  # a page laid out in a table: prose
        elif element.tag == "table":
            tables.append(
                Dropped(_rows(element), TABLE, "a data table: shown to the reader, not summarized", len(paragraphs))
            )
        elif element.tag == "head" and (heading := _text(element)):
            headings.append((heading, len(paragraphs)))
        elif element.tag in _PROSE and not any(child.tag in _PROSE for child in element) and (text := _text(element)):
            paragraphs.append(text)
    title = root.get("title") or (headings.pop(0)[0] if headings else title_from_origin(origin))
    if headings and headings[0][0] == title:
        headings.pop(0)
    return Document(
        id=origin,
        title=title,
        text="\n\n".join(paragraphs),
        origin=origin,
        date=root.get("date"),
        author=root.get("author"),
        language=language,
        language_source="page" if language else None,
        tags=tuple(t.strip() for t in (root.get("tags") or "").split(",") if t.strip()),
        headings=tuple(text for text, _ in headings),
        heading_places=tuple(place for _, place in headings),
        dropped=tuple(comments) + tuple(t for t in tables if t.text),
    )


#: A cell of at least this many words holds prose, not a datum.
LAYOUT_CELL_WORDS = 30


def _is_layout(table: etree._Element) -> bool:
    """A table used to lay a page out rather than to hold data: most of its words are in cells of
    prose (:data:`LAYOUT_CELL_WORDS` or more), where a data table's cells are figures and labels.
    Older sites set their whole article in one; it was dropped as a table, all of it."""
    counts = [len(_text(cell).split()) for cell in table.iter("cell")]
    prose = sum(n for n in counts if n >= LAYOUT_CELL_WORDS)
    return prose > 0 and prose >= sum(counts) / 2


def _cell_prose(table: etree._Element) -> list[str]:
    """The paragraphs of a layout table's cells, in order: each prose element of a cell, else the
    cell's text."""
    found: list[str] = []
    for cell in table.iter("cell"):
        inner = [e for e in cell.iter() if e.tag in _PROSE and not any(child.tag in _PROSE for child in e)]
        if inner:
            found.extend(_text(e) for e in inner)
        else:
            found.append(_text(cell))
    return [paragraph for paragraph in found if paragraph]


def _rows(table: etree._Element) -> str:
    """A table as lines of ``cell | cell | cell``, one per row."""
    rows = [" | ".join(_text(cell) for cell in row.iter("cell")) for row in table.iter("row")]
    return "\n".join(row for row in rows if row.strip(" |"))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def meta_charset(data: bytes) -> str | None:
    """The charset a page names in its ``<meta>`` (looked for in the first 4 KB, as browsers do)."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


class HtmlLoader(Loader):
    name = "html"
    description = "Web pages (.html): main text without navigation or boilerplate"
    suffixes = (".html", ".htm", ".xhtml")
    media_types = ("text/html", "application/xhtml+xml")

    def load(self, source: Source) -> Iterable[Document]:
        declared = source.charset or meta_charset(source.data)
        yield page_document(decode(source.data, source.origin, declared), source.origin)


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(HtmlLoader)
