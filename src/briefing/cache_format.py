"""Cache entries as plain data, read back by a schema: what is stored can be a wrong value, never code.

An entry is msgpack, written and read by msgspec. The reader names the type it expects (a stage
asks for a :class:`~briefing.engine.source_work.SourceWork`, a summary's ``tuple[Summary | None,
list[Problem]]``, a tagger its ``analysis_type``) and msgspec builds exactly that from the bytes,
checking every field against its type hint on the way; an entry cannot name a class, so it
cannot make briefing build or import anything else. Bytes that do not fit the type are a
:class:`DamagedEntry` (the cache then computes the result again). Pickle, which the cache used
before, runs whatever an entry tells it to.

What an entry may hold: ``None``, booleans, numbers, strings, bytes, tuples, lists, dicts (keys
may be tuples), sets, frozensets, :class:`~collections.Counter`, dataclasses and msgspec
structs of these, and numpy arrays of plain numbers (stored as dtype, shape and raw bytes).
"""

from __future__ import annotations

import threading
import typing
from collections import Counter
from typing import TYPE_CHECKING, Any

import msgspec

from .lazy_import import lazy_module

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy_module("numpy")

#: The first bytes of every entry, and the version of its layout (another is a miss).
MAGIC = b"BRc\x03"


class NotStorable(TypeError):
    """A value holds something the cache cannot keep as data (see the module's docstring)."""


class DamagedEntry(ValueError):
    """Bytes that are not an entry of the type asked for, as this version of briefing writes it."""


def _encode_other(value: Any) -> Any:
    """What msgspec cannot write itself: numpy arrays and numbers; anything else is refused."""
    if isinstance(value, np.ndarray):
        if value.dtype.hasobject or value.dtype.fields is not None:
            raise NotStorable(f"a numpy array of {value.dtype} (only plain numbers are cached)")
        return (value.dtype.str, value.shape, np.ascontiguousarray(value).tobytes())
    if isinstance(value, np.generic) and not isinstance(value, (np.void, np.object_)):
        return value.item()
    raise NotStorable(
        f"a {type(value).__module__}.{type(value).__qualname__} (the cache keeps plain data, "
        "dataclasses of it and numpy arrays of numbers)"
    )


def _decode_other(kind: Any, value: Any) -> Any:
    """What msgspec cannot read itself, from what :func:`_encode_other` wrote; checked as it
    is made."""
    if kind is np.ndarray:
        dtype_name, shape, raw = value
        dtype = np.dtype(dtype_name)
        if dtype.hasobject or dtype.fields is not None or type(raw) is not bytes:
            raise DamagedEntry(f"an array of {dtype}")
        return np.frombuffer(raw, dtype=dtype).reshape(shape)
    if kind is Counter or typing.get_origin(kind) is Counter:
        counted: Counter[Any] = Counter()
        keys = typing.get_args(kind)
        if type(value) is not dict or (keys and not all(type(key) is keys[0] for key in value)):
            raise DamagedEntry(f"a {kind} that is not a mapping of counts")
        if not all(type(count) is int for count in value.values()):
            raise DamagedEntry(f"a {kind} with counts that are not whole numbers")
        dict.update(counted, value)
        return counted
    raise NotImplementedError


_ENCODER = msgspec.msgpack.Encoder(enc_hook=_encode_other)
_DECODERS: dict[Any, msgspec.msgpack.Decoder[Any]] = {}


def pack(value: Any) -> bytes:
    """``value`` as an entry; :class:`NotStorable` when it holds what an entry may not."""
    try:
        return MAGIC + _ENCODER.encode(value)
    except NotStorable:
        raise
    except (TypeError, ValueError, OverflowError) as exc:
        raise NotStorable(str(exc)) from None


def unpack(data: bytes | memoryview, kind: Any = Any) -> Any:
    """The value of type ``kind`` an entry holds (plain data when ``kind`` is ``Any``: lists,
    dicts, strings, numbers); :class:`DamagedEntry` when the bytes are not one (counted, see
    :func:`damaged_reads`)."""
    view = memoryview(data)
    try:
        if view[: len(MAGIC)] != MAGIC:
            raise DamagedEntry("not a cache entry of this version")
        return _decoder(kind).decode(view[len(MAGIC) :])
    except DamagedEntry:
        _count_damaged()
        raise
    except Exception as exc:  # msgspec's ValidationError and DecodeError, or a hook's complaint
        _count_damaged()
        raise DamagedEntry(f"{type(exc).__name__}: {exc}") from None


_damaged = [0]
_damaged_lock = threading.Lock()


def _count_damaged() -> None:
    with _damaged_lock:
        _damaged[0] += 1


def damaged_reads() -> int:
    """Entries found damaged since this was last asked (wherever they were read: a stage, or a
    tagger unpacking its analysis), for the cache to add to its tally."""
    with _damaged_lock:
        count, _damaged[0] = _damaged[0], 0
    return count


def _decoder(kind: Any) -> msgspec.msgpack.Decoder[Any]:
    try:
        return _DECODERS[kind]
    except KeyError:
        made = _DECODERS[kind] = msgspec.msgpack.Decoder(kind, dec_hook=_decode_other)
        return made
