"""Feeds: RSS 0.9x, 1.0 (RDF) and 2.0, and Atom, through feedparser; one document per entry.

feedparser is the maintained reader for every feed dialect and handles what feeds do wrong:
encodings declared in the XML or by the server (ISO-8859-1, Windows-1252, Shift_JIS, UTF-16...),
undeclared entities, HTML in summaries. An ill-formed feed gives what could be recovered and a
warning; bytes that are no feed at all are a clean "not a feed" error.

Entries often carry only a teaser. With ``full_articles = true`` in ``[settings.feed]``, the
page each such entry links to is fetched (concurrently, cached like any URL) and its main text
replaces the teaser.
"""

from __future__ import annotations

import html
import re
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from ..hookspecs import hookimpl
from ..interfaces import Loader, LoadError, SourceWarning
from ..models import Document, Dropped, Problem, Source
from ..sources.decoding import decode
from ..text.clean import SUBMITTED_BY, clean_characters
from ..wording import counted
from .html_loader import page_document

_BLOCKS = {"p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"}
_TEASER_ENDS = ("...", "…", "[…]", "[...]", "read more", "weiterlesen", "mehr lesen", "continue reading")
#: An entry with fewer words than this is taken for a teaser.
TEASER_WORDS = 80


#: A character reference left over after one round of decoding (``&amp;ouml;`` in the XML).
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _unescaped(text: str) -> str:
    """``text`` with character references decoded: feeds escape their HTML once more than they
    should as often as not (``Transfererl&ouml;s``, ``Tom &amp;amp; Jerry``)."""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def plain_title(title: str) -> str:
    """A feed title as plain text on one line: tags removed, entities decoded."""
    return " ".join(fragment_text(title).split())


_FOOTER_WHY = "what Reddit adds to every entry: who submitted it, and links to it and its comments"

#: Markup that decoding revealed: HTML escaped twice (``&amp;lt;div&amp;gt;``) reads as tags only
#: after its second decoding.
_TAG = re.compile(r"<(?:!--|/?(?:p|div|span|a|br|img|table|td|tr|li|ul|ol|em|strong|b|i|h[1-6])\b[^<>]*/?>)", re.I)


def fragment_text(markup: str, depth: int = 0) -> str:
    """The prose of an HTML fragment (a feed's summary, content or title): block elements end
    paragraphs, tags go (``974ft<sup>2</sup>`` -> ``974ft2``), character references are decoded;
    HTML that was escaped once too often is read as HTML."""
    text = _fragment_text(markup)
    if depth < 2 and len(_TAG.findall(text)) >= 2:
        return fragment_text(text, depth + 1)
    return text


def _fragment_text(markup: str) -> str:
    if "<" not in markup:
        return _unescaped(markup)
    import lxml.html  # imported when a feed has markup (0.05 s of every start otherwise)
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _unescaped(markup)
    for element in list(root.iter()):
        if element.tag in ("script", "style"):
            element.drop_tree()
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    paragraphs = (" ".join(_unescaped(p).split()) for p in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d %H:%M", parsed)
        if entry.get(key):
            return str(entry[key])
    return None


def _entry_text(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    best = max(contents, key=len, default="")
    summary = entry.get("summary", "")
    return fragment_text(best if len(best) >= len(summary) else summary)


def is_teaser(text: str) -> bool:
    stripped = text.rstrip().lower()
    return len(text.split()) < TEASER_WORDS or stripped.endswith(_TEASER_ENDS)


def _problem_line(exception: BaseException) -> str:
    line = getattr(exception, "getLineNumber", lambda: None)()
    message = getattr(exception, "getMessage", lambda: str(exception))()
    return f"line {line}: {message}" if line else str(message)


class FeedLoader(Loader):
    name = "feed"
    description = "RSS and Atom feeds (.rss, .atom, .rdf, .xml, or a feed URL): one document per entry"
    api_version = 1
    suffixes = (".rss", ".atom", ".rdf", ".xml")
    media_types = (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    )

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        unknown = set(self.settings) - {"full_articles"}
        if unknown:
            raise ValueError(f"unknown setting {sorted(unknown)[0]!r} (known: full_articles)")
        self.full_articles = bool(self.settings.get("full_articles", False))

    def load(self, source: Source) -> Iterable[Document]:
        import feedparser  # imported only when a feed is read

        if not source.data.strip():
            raise LoadError("empty: there is no text to brief")
        headers = {"content-type": f"{source.media_type};charset={source.charset}"} if source.charset else None
        parsed = feedparser.parse(source.data, response_headers=headers, sanitize_html=False)
        entries = parsed.entries
        if not parsed.version and not entries:
            reason = f" ({_problem_line(parsed.bozo_exception)})" if parsed.bozo else ""
            raise LoadError(f"not a feed: no RSS, RDF or Atom entries found{reason}")
        if parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
            warnings.warn(
                SourceWarning(
                    f"the feed is not well-formed ({_problem_line(parsed.bozo_exception)}); "
                    f"read the {counted(len(entries), 'entry', 'entries')} that could be recovered"
                ),
                stacklevel=2,
            )
        if not entries:
            raise LoadError("the feed has no entries")
        language = parsed.feed.get("language") or None
        documents = []
        empty = []
        for number, entry in enumerate(entries, start=1):
            origin = f"{source.origin}#{number}"
            title = plain_title(clean_characters(entry.get("title") or ""))
            text = _entry_text(entry)
            footer = SUBMITTED_BY.search(text)  # Reddit's footer: no text of the entry's own
            dropped = (Dropped(footer.group().strip(), "feed", _FOOTER_WHY),) if footer else ()
            text = text[: footer.start()] if footer else text
            if not text.strip() and not title:
                empty.append(number)
                continue
            documents.append(
                Document(
                    id=origin,
                    title=title or f"entry {number}",
                    # A headline feed's items have a title only: the headline is the text.
                    text=text if text.strip() else title,
                    origin=origin,
                    date=_date(entry),
                    author=entry.get("author") or None,
                    language=language,
                    language_source="feed" if language else None,
                    tags=tuple(t.get("term", "") for t in entry.get("tags", []) if t.get("term")),
                    link=entry.get("link") or None,
                    dropped=dropped,
                )
            )
        if empty:
            listed = ", ".join(str(n) for n in empty[:10]) + (", ..." if len(empty) > 10 else "")
            warnings.warn(
                SourceWarning(
                    f"{len(empty)} of the feed's {len(entries)} entries {'has' if len(empty) == 1 else 'have'} "
                    f"neither title nor text ({listed})"
                ),
                stacklevel=2,
            )
        if not documents:
            raise LoadError(f"none of the feed's {len(entries)} entries has a title or any text")
        if self.full_articles:
            documents = self._with_full_articles(documents)
        return documents

    def _with_full_articles(self, documents: list[Document]) -> list[Document]:
        """Each teaser entry with the main text of the page it links to, where that is longer."""
        teasers = [d for d in documents if d.link and d.link.startswith(("http://", "https://")) and is_teaser(d.text)]
        if not teasers:
            return documents
        # The run's fetcher: its cache (or none, with --no-cache), timeouts, retries, limits, user agent.
        # Links come from the feed, not the reader: none may lead into this machine's network.
        fetched = self.services.fetcher.fetch_all([d.link for d in teasers if d.link], linked=True)
        pages = dict(zip([d.id for d in teasers], fetched, strict=True))
        result = []
        for document in documents:
            page = pages.get(document.id)
            if isinstance(page, Problem):
                warnings.warn(SourceWarning(f"entry {document.title!r}: kept the teaser; {page.message}"), stacklevel=2)
            elif page is not None:
                try:
                    full = page_document(decode(page.data, page.origin, page.charset), page.origin)
                except LoadError as exc:
                    warnings.warn(SourceWarning(f"entry {document.title!r}: kept the teaser; {exc}"), stacklevel=2)
                else:
                    if len(full.text) > len(document.text):
                        document = replace(
                            document, text=full.text, headings=full.headings, heading_places=full.heading_places
                        )
            result.append(document)
        return result


@hookimpl
def register_loaders(register: Callable[[type[Loader]], None]) -> None:
    register(FeedLoader)
