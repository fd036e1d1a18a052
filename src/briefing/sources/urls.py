"""What briefing tells of a URL without fetching it: is it one, does it carry credentials, and
how it is named in output (never with them). Kept apart from the fetcher so that a run of local
files imports no HTTP machinery."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

#: Schemes followed, at the first hop and at every redirect.
SCHEMES = ("http", "https")


def is_url(origin: str) -> bool:
    return origin.startswith(("http://", "https://"))


def has_credentials(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return "@" in parts.netloc and parts.scheme in SCHEMES


def without_credentials(origin: str) -> str:
    """``origin`` with a URL's user name and password left out (``https://***@host/...``):
    what briefing prints, keeps and names problems by."""
    if not has_credentials(origin):
        return origin
    parts = urlsplit(origin)
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))
