"""URLs as sources: fetched concurrently, politely and within limits, and kept for offline runs.

Each URL gets a timeout between bytes and a deadline in all (so a server that trickles bytes
cannot hold a run), retries with exponential back-off for what may pass (connection errors,
timeouts, 429 and 5xx answers; a ``Retry-After`` is honoured), a size limit and a user agent
that says what is asking.
With a :class:`~briefing.cache.Cache`, every body is kept with its ``ETag`` and
``Last-Modified``: the next run asks the server whether it changed (a 304 costs no body), and when
the server cannot be reached the kept copy is used, with a warning that says so. A failed URL is
a :class:`~briefing.models.Problem` naming it and the cause; the other URLs go on.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..cache import Cache, digest
from ..lazy_import import lazy_module
from ..models import Problem, Source
from ..settings import FetchOptions
from .urls import has_credentials, without_credentials

if TYPE_CHECKING:
    import email.utils as email_utils
    import urllib.error as urllib_error
    import urllib.request as urllib_request
    from email.message import Message

    from . import http_guard
else:
    # Imported when a URL is fetched: a run of local files needs none of it.
    http_guard = lazy_module("briefing.sources.http_guard")
    email_utils = lazy_module("email.utils")
    urllib_error = lazy_module("urllib.error")
    urllib_request = lazy_module("urllib.request")

#: Status codes worth asking again for: the server is busy or briefly broken.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched, on one line; ``transient`` when asking again may help,
    after ``wait`` seconds when the server said so (``Retry-After``)."""

    def __init__(self, message: str, transient: bool = False, wait: float | None = None):
        super().__init__(" ".join(message.split()))
        self.transient = transient
        self.wait = wait


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email_utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@dataclass(frozen=True)
class _Kept:
    """A fetched body as the cache keeps it."""

    data: bytes
    media_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None


def _content_type(headers: Message) -> tuple[str | None, str | None]:
    media_type = headers.get_content_type() if headers.get("Content-Type") else None
    return media_type, headers.get_content_charset()


class Fetcher:
    """Fetches URLs into :class:`Source` objects. Safe to use from several threads."""

    def __init__(self, options: FetchOptions | None = None, cache: Cache | None = None):
        self.options = options or FetchOptions()
        self.cache = cache

    @cached_property
    def _opener(self) -> urllib_request.OpenerDirector:
        # Follows redirects (301, 302, 303, 307, 308) to http and https only; see http_guard.
        return http_guard.opener()

    def fetch_all(self, urls: Sequence[str], linked: bool = False) -> list[Source | Problem]:
        """Each URL's source or problem, in the order given, fetched concurrently. ``linked``:
        the URLs come from documents (a feed entry's link), not from the user, so addresses on
        this machine or its private network are refused unless ``fetch_private`` allows them."""
        if len(urls) <= 1:
            return [self.fetch(url, linked) for url in urls]
        with ThreadPoolExecutor(min(self.options.concurrency, len(urls))) as pool:
            return list(pool.map(self.fetch, urls, [linked] * len(urls)))

    def fetch(self, url: str, linked: bool = False) -> Source | Problem:
        if has_credentials(url):
            return Problem(
                without_credentials(url),
                "a user name or password in a URL is not sent (briefing would print and keep it); not fetched",
            )
        key = "http:" + digest(url)
        kept: _Kept | None = self.cache.get(key, _Kept) if self.cache else None
        try:
            fresh = self._fetch_with_retries(url, kept, linked and not self.options.private)
        except FetchError as exc:
            if kept is None:
                return Problem(url, f"cannot fetch: {exc}")
            note = f"cannot fetch ({exc}); using the copy kept from an earlier run"
            return Source(url, kept.data, media_type=kept.media_type, charset=kept.charset, notes=(note,))
        if fresh is None:  # 304 Not Modified: the kept copy is current
            assert kept is not None
            fresh = kept
        elif self.cache and fresh != kept:
            self.cache.put(key, fresh)
        return Source(url, fresh.data, media_type=fresh.media_type, charset=fresh.charset)

    def _fetch_with_retries(self, url: str, kept: _Kept | None, refuse_private: bool) -> _Kept | None:
        delay = self.options.backoff
        deadline = time.monotonic() + self.options.deadline
        for attempt in range(self.options.retries + 1):
            try:
                with http_guard.guarded(deadline, refuse_private):
                    return self._fetch_once(url, kept, deadline)
            except FetchError as exc:
                if time.monotonic() >= deadline and "fetch_deadline" not in str(exc):
                    # cut at the deadline while it waited for something (headers, say)
                    raise FetchError(f"not done within {self.options.deadline:g} s (fetch_deadline)") from None
                wait = delay if exc.wait is None else exc.wait
                last = attempt == self.options.retries or time.monotonic() + wait >= deadline
                if not exc.transient or last:
                    if attempt:
                        raise FetchError(f"{exc} (after {attempt + 1} tries)") from None
                    raise
            time.sleep(wait)
            delay *= 2
        raise AssertionError("unreachable")

    def _fetch_once(self, url: str, kept: _Kept | None, deadline: float) -> _Kept | None:
        """The body, or ``None`` when the server says the kept copy is current."""
        headers = {"User-Agent": self.options.user_agent, "Accept-Encoding": "identity"}
        if kept is not None and kept.etag:
            headers["If-None-Match"] = kept.etag
        if kept is not None and kept.last_modified:
            headers["If-Modified-Since"] = kept.last_modified
        request = urllib_request.Request(url, headers=headers)
        timeout = max(0.01, min(self.options.timeout, deadline - time.monotonic()))
        try:
            with self._opener.open(request, timeout=timeout) as response:
                return self._read(response, deadline)
        except urllib_error.HTTPError as exc:
            if exc.code == 304 and kept is not None:
                return None
            wait = retry_after(exc.headers.get("Retry-After")) if exc.code in (429, 503) else None
            raise FetchError(f"HTTP {exc.code} {exc.reason}", transient=exc.code in RETRY_STATUSES, wait=wait) from None
        except http_guard.PrivateAddress as exc:
            raise FetchError(str(exc)) from None
        except TimeoutError:
            raise FetchError(f"no answer within {self.options.timeout:g} s (fetch_timeout)", transient=True) from None
        except urllib_error.URLError as exc:
            reason: Any = exc.reason
            if isinstance(reason, http_guard.PrivateAddress):
                raise FetchError(str(reason)) from None
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise FetchError(
                    f"no answer within {self.options.timeout:g} s (fetch_timeout)", transient=True
                ) from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise FetchError(text, transient=not isinstance(reason, ValueError)) from None
        except (ConnectionError, OSError) as exc:
            raise FetchError(exc.strerror or str(exc) or type(exc).__name__, transient=True) from None
        except ValueError as exc:  # a malformed URL
            raise FetchError(str(exc)) from None

    def _read(self, response: Any, deadline: float) -> _Kept:
        limit = self.options.max_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"{int(declared):,} bytes is more than the {limit:,}-byte limit (fetch_max_mb)")
        chunks, size = [], 0
        # read1 returns what has arrived, so a server that trickles bytes meets the deadline.
        while chunk := response.read1(_CHUNK):
            if time.monotonic() > deadline:
                raise FetchError(
                    f"not done within {self.options.deadline:g} s (fetch_deadline); stopped after {size:,} bytes"
                )
            size += len(chunk)
            if size > limit:
                raise FetchError(f"more than the {limit:,}-byte limit (fetch_max_mb); stopped reading")
            chunks.append(chunk)
        if time.monotonic() >= deadline:  # the connection was cut at the deadline: the body is not whole
            raise FetchError(
                f"not done within {self.options.deadline:g} s (fetch_deadline); stopped after {size:,} bytes"
            )
        media_type, charset = _content_type(response.headers)
        return _Kept(
            b"".join(chunks), media_type, charset, response.headers.get("ETag"), response.headers.get("Last-Modified")
        )
