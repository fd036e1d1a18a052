"""What a prepared document is and how it was read, in words and as data: where it came from, its
language, where that came from (front matter, page, feed, detected with a confidence, config) and
what split its sentences."""

from __future__ import annotations

from ..models import Document


def how_read(document: Document) -> dict[str, object]:
    """What a prepared document is and how it was read: title, origin, link, date, author, its
    language, where that came from, and the splitter (the same keys, in the same order, in
    ``inspect --format json`` and in the JSON export)."""
    return {
        "title": document.title,
        "origin": document.origin,
        "link": document.link,
        "date": document.date,
        "author": document.author,
        "language": document.language,
        "language_source": document.language_source,
        "language_confidence": document.language_confidence,
        "segmenter": document.segmenter,
    }


def language_said(document: Document) -> str:
    """``de, detected (99% sure)`` / ``fr, from the page`` / ``en, the config's language``."""
    source = document.language_source
    if source == "detected" and document.language_confidence is not None:
        how = f"detected ({document.language_confidence:.0%} sure)"
    elif source == "config":
        how = "the config's language"
    else:
        how = f"from the {source or 'source'}"
    return f"{document.language}, {how}"
