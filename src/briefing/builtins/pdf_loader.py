"""PDF files: their text, title, author and date through pypdf.

pypdf is a maintained, pure-Python PDF reader (no system libraries to install). Reports repeat a
running header or footer and a page number on every page; lines found on most pages, and lines
that are only a page number, are dropped so they do not end up in summaries. Scanned PDFs have
no text layer; briefing does no OCR and says so.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import groupby
from typing import Any

from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError, SourceWarning
from ..models import Document, Dropped, Source
from ..wording import counted
from .pdf_layout import Line, body_size, column_width, is_heading, paragraphs, sized_lines
from .text_loader import title_from_origin

_PAGE_NUMBER = re.compile(r"^\s*(?:page|seite|p\.)?\s*\d{1,4}(?:\s*(?:/|of|von)\s*\d{1,4})?\s*$", re.IGNORECASE)


def _date(raw: object) -> str | None:
    """``D:20261014093000+01'00'`` as ``2026-10-14``."""
    match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(raw or ""))
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


#: Who drops running headers, footers and page numbers (see :class:`Dropped`).
FURNITURE = "page furniture"


#: Lines this near a page's top or bottom can be a running header or footer; text in between
#: never is, however often it recurs (a refrain, a table's labels).
_EDGE_LINES = 2
#: A line at a page's edge that recurs there on this share of the pages is page furniture...
_FURNITURE_SHARE = 0.5
#: ... and so is one on this many pages in a row: a running header that changes per section.
_FURNITURE_RUN = 3


#: A line of at most this many words is compared without its numbers: a header or footer
#: that counts ("Chapter 2 · page 14") recurs as itself; longer lines must recur word for word.
_COUNTING_WORDS = 8


def _edge_key(line: str) -> str:
    key = line.casefold()
    return re.sub(r"\d+", "#", key) if len(line.split()) <= _COUNTING_WORDS else key


def _without_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[Dropped]]:
    """Pages without page numbers and without running headers and footers, and those lines, each
    recorded once. A header or footer sits within :data:`_EDGE_LINES` of a page's top or bottom
    and recurs there, numbers aside, on half the pages or on :data:`_FURNITURE_RUN` pages in a
    row."""
    edges = [
        {_edge_key(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]} if lines else set() for lines in pages
    ]
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(key for keys in edges for key in keys)
        repeated = {key for key, n in counts.items() if n >= len(pages) * _FURNITURE_SHARE}
        for start in range(len(pages) - _FURNITURE_RUN + 1):
            repeated |= set.intersection(*edges[start : start + _FURNITURE_RUN])
    kept: list[list[str]] = []
    dropped: dict[str, Dropped] = {}
    for lines in pages:
        kept.append([])
        last = len(lines) - 1
        for number, line in enumerate(lines):
            at_edge = number < _EDGE_LINES or number > last - _EDGE_LINES
            if _PAGE_NUMBER.match(line):
                dropped.setdefault(line, Dropped(line, FURNITURE, "a page number"))
            elif at_edge and _edge_key(line) in repeated:
                dropped.setdefault(line, Dropped(line, FURNITURE, "a running header or footer"))
            else:
                kept[-1].append(line)
    return kept, list(dropped.values())


#: Ligatures (``ﬁ``, ``ﬂ``, ``ﬀ``...) and the long s: compatibility characters whose NFKC form is
#: plainly the same letters. Other compatibility characters (``²``, ``½``, ``™``) keep their meaning
#: as they are, so NFKC is not applied to the whole text.
_LIGATURES = re.compile("[\ufb00-\ufb06\u017f]")
_HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: First parts that make real hyphenated words (``well-known``, ``self-made``, ``non-profit``).
_COMPOUND_HEADS = frozenset(
    "well self non co ex all half long short high low full part cross semi anti pre post so".split()
)


def plain_letters(text: str) -> str:
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def rejoin_hyphenated(lines: list[str]) -> list[str]:
    """Lines with words broken at a line end joined again: ``taki-`` + ``mata sanctus`` reads
    ``takimata`` + ``sanctus``; only the word moves, so the lines keep their lengths and the
    paragraphs their shape. A break is kept as a hyphen when the document writes the word with one
    elsewhere, or the first part makes real compounds (``well-known``, ``so-called``), or the
    next line starts with a capital (``Nord-`` + ``Süd`` is ``Nord-Süd``)."""
    text = " ".join(lines).lower()
    words = set(_WORD.findall(text))
    lines = list(lines)
    for index in range(len(lines) - 1):
        line, following = lines[index], lines[index + 1]
        match = _HYPHENATED_END.search(line)
        tail = _WORD.match(following)
        if not match or not tail:
            continue
        head, second = match.group(1), tail.group(0)
        if following[:1].islower():
            first_part = second.split("-")[0]
            keep = head.lower() in _COMPOUND_HEADS or f"{head}-{first_part}".lower() in words
            joined = f"{line}{second}" if keep and (head + first_part).lower() not in words else f"{line[:-1]}{second}"
        elif following[:1].isupper():
            joined = f"{line}{second}"  # Nord- + Süd: a compound with a capital after its hyphen
        else:
            continue
        rest = following[tail.end() :]
        # A closing stop or bracket stays with the word it follows ("mata." ends the line).
        glued = len(rest) - len(rest.lstrip(".,;:!?)]”\"'"))
        lines[index] = joined + rest[:glued]
        lines[index + 1] = rest[glued:].strip()
    return [line for line in lines if line]


def _kept(lines: list[Line], kept: list[str]) -> Iterator[Line]:
    """The ``lines`` of a page whose text is in ``kept``, which holds some of them in order."""
    remaining = iter(kept)
    wanted = next(remaining, None)
    for line in lines:
        if line.text == wanted:
            yield line
            wanted = next(remaining, None)


def _title_by_type(first_page: list[Line], body: float) -> str:
    """The line set largest on the first page, when it is set as a heading: the document's own
    title (a running header can repeat it on every page, so this is read before they go)."""
    headings = [line for line in first_page if is_heading(line, body)]
    return max(headings, key=lambda line: line.size).text if headings else ""


def _sections(lines: list[Line], body: float) -> tuple[str, list[tuple[str, int]]]:
    """The text of the document's lines, in paragraphs, and its headings, each with the number of
    paragraphs before it. A heading set over several lines of one size is one heading. Pages join
    like lines: a paragraph that runs over a page break stays one paragraph, and a word broken at
    the end of a page is joined again."""
    kinds = [(is_heading(line, body), line) for line in lines]
    width = column_width([line.text for heading, line in kinds if not heading])
    chunks: list[str] = []
    headings: list[tuple[str, int]] = []
    # A run of heading lines of one size is one heading; a run of body lines, paragraphs.
    for (heading, _), run in groupby(kinds, key=lambda kind: (kind[0], kind[1].size if kind[0] else 0.0)):
        texts = [line.text for _, line in run]
        if heading:
            headings.append((" ".join(texts), len(chunks)))
        else:
            chunks.extend(paragraphs(rejoin_hyphenated(texts), width))
    return "\n\n".join(chunks), headings


@contextmanager
def _library_notes() -> Iterator[list[str]]:
    """pypdf's own warnings and log messages while reading one file, collected (from this
    thread only) instead of printed: a damaged file can make it say the same thing 1,400 times."""
    notes: list[str] = []
    me = threading.get_ident()

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread == me:
                notes.append(record.getMessage())

    logger = logging.getLogger("pypdf")
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield notes
        notes.extend(str(w.message) for w in caught if not issubclass(w.category, SourceWarning))
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class PdfLoader(Loader):
    name = "pdf"
    description = "PDF files: the text layer, without running headers, footers and page numbers"
    api_version = 1
    suffixes = (".pdf",)
    media_types = ("application/pdf",)

    def load(self, source: Source) -> Iterable[Document]:
        from pypdf import PdfReader  # imported only when a PDF is read
        from pypdf.errors import PdfReadError

        with _library_notes() as notes:
            try:
                reader = PdfReader(io.BytesIO(source.data))
                if reader.is_encrypted and not reader.decrypt(""):
                    raise LoadError("the PDF is encrypted with a password")
                sized = [sized_lines(page) for page in reader.pages]
                metadata: Mapping[str, Any] = reader.metadata or {}
            except LoadError:
                raise
            except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
                raise LoadError(f"not a readable PDF: {exc}") from None
        if notes:
            warnings.warn(
                SourceWarning(f"the PDF reader met {counted(len(notes), 'problem')} in this file (first: {notes[0]})"),
                stacklevel=2,
            )
        sized = [[Line(plain_letters(line.text), line.size) for line in lines if line.text] for lines in sized]
        pages, furniture = _without_furniture([[line.text for line in lines] for lines in sized])
        body = body_size([line for lines in sized for line in lines])
        kept = [line for lines, texts in zip(sized, pages, strict=True) for line in _kept(lines, texts)]
        text, headings = _sections(kept, body)
        if not text.strip():
            raise LoadError("the PDF has no text layer (a scan?); briefing does not read images of text")
        title = str(metadata.get("/Title") or "").strip() or _title_by_type(sized[0] if sized else [], body)
        if title and headings and headings[0] == (title, 0):
            headings.pop(0)
        author = str(metadata.get("/Author") or "").strip() or None
        yield Document(
            id=source.origin,
            title=title or title_from_origin(source.origin),
            text=text,
            origin=source.origin,
            date=_date(metadata.get("/CreationDate")),
            author=author,
            headings=tuple(heading for heading, _ in headings),
            heading_places=tuple(place for _, place in headings),
            dropped=tuple(furniture),
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(PdfLoader)
