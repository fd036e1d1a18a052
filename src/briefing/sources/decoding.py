"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, and a guessed legacy encoding."""

from __future__ import annotations

import codecs
import re
import warnings

from ..errors import LoadError, SourceWarning
from ..printable import ESCAPES
from ..wording import counted

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text in any encoding briefing guesses (NUL and most C0 controls).
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))


#: Terminal escape sequences, as bytes: text that holds some (a terminal capture, a title an
#: attacker wrote) is text, its escapes taken out when it is cleaned.
_ESCAPE_BYTES = re.compile(ESCAPES.pattern.encode("ascii"))


def _looks_binary(data: bytes) -> bool:
    """More than 1% control bytes that no text has (outside escape sequences), two at least."""
    sample = _ESCAPE_BYTES.sub(b"", data[:8192])
    controls = sum(sample.count(b) for b in _BINARY_BYTES)
    return bool(sample) and controls >= 2 and controls / len(sample) > 0.01


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
    if declared and _is_utf8(declared):
        declared = None  # tried first below anyway
    if declared:
        if _non_ascii_utf8(data):
            warnings.warn(
                SourceWarning(f"declared as {declared}, but the bytes are UTF-8; read as UTF-8"), stacklevel=2
            )
            return data.decode("utf-8")
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            warnings.warn(SourceWarning(f"declared as {declared}, but it is not; guessing"), stacklevel=2)
    if _looks_binary(data):
        raise LoadError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad, line = mostly
        warnings.warn(
            SourceWarning(f"UTF-8 but for {counted(bad, 'byte')} (the first on line {line}), shown as �"),
            stacklevel=2,
        )
        return text
    encoding, text = _guess(data)
    warnings.warn(SourceWarning(f"not UTF-8; read as {encoding} (a guess)"), stacklevel=2)
    return text


def _is_utf8(name: str) -> bool:
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False


def _non_ascii_utf8(data: bytes) -> bool:
    """Valid UTF-8 with some multi-byte characters: legacy text almost never is, by chance."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


#: Valid UTF-8 characters beyond ASCII per damaged spot (a run of bytes that are not UTF-8), at
#: least, for a text to be UTF-8 with a few damaged bytes rather than a legacy encoding: legacy
#: text almost never holds a valid multi-byte sequence by chance, so it has none. Spots, not
#: bytes: one damage often spans two or three bytes (a cut character, a stray BOM).
_UTF8_PER_BAD_SPOT = 2


def _mostly_utf8(data: bytes) -> tuple[str, int, int] | None:
    """``(text, bad bytes, line of the first)`` for UTF-8 with a few bytes that are not: those
    become U+FFFD. ``None`` when the bytes read better as a legacy encoding."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = [i for i, c in enumerate(text) if "\udc80" <= c <= "\udcff"]
    good = sum(1 for c in text if c > "\x7f") - len(bad)
    spots = sum(1 for n, i in enumerate(bad) if n == 0 or bad[n - 1] != i - 1)
    if not bad or good < _UTF8_PER_BAD_SPOT * spots:
        return None
    line = text.count("\n", 0, bad[0]) + 1
    return _SURROGATES.sub("\ufffd", text), len(bad), line


_SURROGATES = re.compile("[\udc80-\udcff]")

#: A symbol such as ``¿``, ``³`` or ``¹`` between two letters (``Za¿ó³æ``): Polish or Czech
#: bytes read as Windows-1252. Typographic apostrophes and dashes are fine (``don’t``).
_ODD_INSIDE_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f’‘“”–—…·](?=[^\W\d_])|(?<=[^\W\d_])[²³¹¼½¾](?=[^\W\d_])")

#: Western text read as Windows-1252 has few accented letters among its letters; Cyrillic or
#: Greek bytes read that way are almost all accented Latin letters.
_WESTERN_ACCENTS = 0.3


def _guess(data: bytes) -> tuple[str, str]:
    """The encoding of bytes that are not UTF-8. Windows-1252 (a superset of Latin-1's letters)
    first, when the letters it gives look like Western text: statistical guessers often take a
    short German or French text for a Baltic or Central European code page (``Cafķ``)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    letters = [c for c in text if c.isalpha()]
    western = bool(letters) and sum(not c.isascii() for c in letters) / len(letters) <= _WESTERN_ACCENTS
    if western and not _ODD_INSIDE_WORD.search(text):
        return "cp1252", text
    from charset_normalizer import from_bytes  # only for text that is neither UTF-8 nor Western

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return encoding, data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return "latin-1", data.decode("latin-1")
