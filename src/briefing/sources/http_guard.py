"""What a fetch may do on the network: one deadline, http and https only, no credentials, and no
private addresses for links found in documents.

urllib alone gives a timeout per socket operation, so a server that sends a header byte every
few seconds holds a run for ever; it follows redirects to ``ftp://``; it takes ``user:pass@`` as
part of the host name; and it fetches whatever address a name resolves to. :func:`opener`
builds an opener whose connections are cut at the fetch's deadline (the socket is shut down
from a timer, whatever it is waiting for), whose redirects go to http and https only, and which
refuses loopback, private and link-local peers when :func:`guarded` says so: the address is
checked once connected, so a redirect or a name that resolves there is caught too.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO
from urllib.parse import urlsplit

from .urls import SCHEMES, has_credentials, without_credentials


class PrivateAddress(OSError):
    """A link that leads to this machine or its private network, where documents may not send us."""


_state = threading.local()


@contextmanager
def guarded(deadline: float, refuse_private: bool) -> Iterator[None]:
    """Within: this thread's connections are cut at ``deadline`` (``time.monotonic()``), and
    refused when ``refuse_private`` and the peer is loopback, private or link-local."""
    _state.deadline, _state.refuse_private, _state.timers = deadline, refuse_private, []
    try:
        yield
    finally:
        for timer in _state.timers:
            timer.cancel()
        _state.deadline, _state.refuse_private, _state.timers = None, False, []


def _watch(sock: socket.socket) -> None:
    """Refuse a private peer, and cut the connection at the deadline, as :func:`guarded` says."""
    if getattr(_state, "refuse_private", False):
        address = ipaddress.ip_address(sock.getpeername()[0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            sock.close()
            raise PrivateAddress(
                f"{address} is a loopback, private or link-local address (fetch_private = true allows it)"
            )
    deadline = getattr(_state, "deadline", None)
    if deadline is not None:
        timer = threading.Timer(max(0.0, deadline - time.monotonic()), _cut, (sock,))
        timer.daemon = True
        timer.start()
        _state.timers.append(timer)


def _cut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # whatever it waits for (headers, body) returns now
    except OSError:
        pass  # already closed


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watch(self.sock)


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()  # TCP and the TLS handshake; nothing is asked of a refused peer
        _watch(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req, context=self._context)  # type: ignore[attr-defined]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https addresses without credentials only."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        target = urlsplit(newurl)
        if target.scheme not in SCHEMES:
            why = f"a redirect to a {target.scheme or 'schemeless'} address was not followed (only http and https are)"
            raise urllib.error.HTTPError(without_credentials(newurl), code, why, headers, fp)
        if has_credentials(newurl):
            why = "a redirect to an address with a user name or password was not followed"
            raise urllib.error.HTTPError(without_credentials(newurl), code, why, headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener() -> urllib.request.OpenerDirector:
    """An opener with these guards (they act inside :func:`guarded`)."""
    return urllib.request.build_opener(_HTTPHandler, _HTTPSHandler, _Redirects)
