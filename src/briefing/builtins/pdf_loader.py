"""PDF files: their text, title, author and date through pypdf.

pypdf is a maintained, pure-Python PDF reader (no system libraries to install). Reports repeat a
running header or footer and a page number on every page; lines found on most pages, and lines
that are only a page number, are dropped so they do not end up in summaries. Scanned PDFs have
no text layer; briefing does no OCR and says so.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError
from ..models import Document, Source
from .text_loader import title_from_origin

_PAGE_NUMBER = re.compile(r"^\s*(?:page|seite|p\.)?\s*\d{1,4}(?:\s*(?:/|of|von)\s*\d{1,4})?\s*$", re.IGNORECASE)


def _date(raw: object) -> str | None:
    """``D:20261014093000+01'00'`` as ``2026-10-14``."""
    match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(raw or ""))
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def _without_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages without page numbers and without lines repeated on most pages (headers, footers)."""
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(line for lines in pages for line in set(lines))
        repeated = {line for line, n in counts.items() if n >= len(pages) / 2}
    return [[line for line in lines if line not in repeated and not _PAGE_NUMBER.match(line)] for lines in pages]


class PdfLoader(Loader):
    name = "pdf"
    description = "PDF files: the text layer, without running headers, footers and page numbers"
    api_version = 1
    suffixes = (".pdf",)
    media_types = ("application/pdf",)

    def load(self, source: Source) -> Iterable[Document]:
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
        pages = _without_furniture([[line for line in lines if line] for lines in pages])
        # Pages join like lines: a paragraph that runs over a page break stays one paragraph.
        text = "\n".join("\n".join(lines) for lines in pages if lines)
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
        )


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(PdfLoader)
