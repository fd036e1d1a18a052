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
from typing import Any

from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError, SourceWarning
from ..models import Document, Dropped, Source
from ..wording import counted
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


def _without_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[Dropped]]:
    """Pages without page numbers and without lines repeated on most pages (headers, footers),
    and those lines, each recorded once."""
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(line for lines in pages for line in set(lines))
        repeated = {line for line, n in counts.items() if n >= len(pages) / 2}
    kept: list[list[str]] = []
    dropped: dict[str, Dropped] = {}
    for lines in pages:
        kept.append([])
        for line in lines:
            if line in repeated:
                dropped.setdefault(line, Dropped(line, FURNITURE, "a running header or footer, on most pages"))
            elif _PAGE_NUMBER.match(line):
                dropped.setdefault(line, Dropped(line, FURNITURE, "a page number"))
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
    """Lines with words broken at a line end joined again: ``taki-`` + ``mata ...`` reads
    ``takimata ...``. A break is kept as a hyphen when the document writes the word with one
    elsewhere, or the first part makes real compounds (``well-known``, ``so-called``), or the
    next line starts with a capital (``Nord-`` + ``Süd`` is ``Nord-Süd``)."""
    text = " ".join(lines).lower()
    words = set(_WORD.findall(text))
    joined: list[str] = []
    carry = ""
    for index, line in enumerate(lines):
        line = carry + line
        carry = ""
        match = _HYPHENATED_END.search(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if match and following[:1].islower():
            head = match.group(1)
            tail = _WORD.match(following)
            second = tail.group(0).split("-")[0] if tail else ""
            whole = (head + second).lower()
            hyphened = f"{head}-{second}".lower()
            keep = head.lower() in _COMPOUND_HEADS
            if whole in words or not (keep or hyphened in words):
                carry = line[: match.end(1)]  # the next line continues this word
            else:
                carry = line  # a real hyphen: kept, and the word still not split by a space
            continue
        if match and following[:1].isupper():
            carry = line  # Nord- + Süd: a compound with a capital after its hyphen, written whole
            continue
        joined.append(line)
    if carry:
        joined.append(carry)
    return joined


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
                pages = [[line.strip() for line in (page.extract_text() or "").splitlines()] for page in reader.pages]
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
        pages, furniture = _without_furniture([[plain_letters(line) for line in lines if line] for lines in pages])
        # Pages join like lines: a paragraph that runs over a page break stays one paragraph,
        # and a word broken at the end of a page is joined again.
        text = "\n".join(rejoin_hyphenated([line for lines in pages for line in lines]))
        if not text.strip():
            raise LoadError("the PDF has no text layer (a scan?); briefing does not read images of text")
        title = str(metadata.get("/Title") or "").strip() or title_from_origin(source.origin)
        author = str(metadata.get("/Author") or "").strip() or None
        yield Document(
            id=source.origin,
            title=title,
            text=text,
            origin=source.origin,
            date=_date(metadata.get("/CreationDate")),
            author=author,
            dropped=tuple(furniture),
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(PdfLoader)
