"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, and a guessed legacy encoding."""

from __future__ import annotations

import codecs
import warnings

from charset_normalizer import from_bytes

from .interfaces import LoadError, SourceWarning

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text in any encoding briefing guesses (NUL and most C0 controls).
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    return bool(sample) and sum(sample.count(b) for b in _BINARY_BYTES) / len(sample) > 0.01


def decode(data: bytes, origin: str, declared: str | None = None) -> str:
    """The text of ``data``; warns with :class:`SourceWarning` when the encoding had to be guessed.

    ``declared`` is the charset a server named; a byte-order mark still wins over it, as in
    browsers. Raises :class:`LoadError` for empty or binary input.
    """
    if not data.strip():
        raise LoadError("empty: there is no text to brief")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(f"starts with a {encoding} byte-order mark but is not {encoding}: {exc}") from None
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            warnings.warn(SourceWarning(f"the server said {declared}, but it is not; guessing"), stacklevel=2)
    if _looks_binary(data):
        raise LoadError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    warnings.warn(SourceWarning(f"not UTF-8; read as {encoding} (a guess)"), stacklevel=2)
    return text
