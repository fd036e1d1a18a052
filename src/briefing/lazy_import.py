"""A module imported on first use, for the libraries a run from the cache never calls.

Importing numpy takes about a tenth of a second, a third of a whole ``briefing brief`` answered
from the cache, which calls no numpy at all; yet every built-in summarizer's module is imported
to register it. ``np = lazy_module("numpy")`` gives a stand-in whose first attribute read
imports the module; each attribute read once is then kept on the stand-in, so a hot loop reads
it as fast as from the module itself. The import goes through the import system's own lock, so
threads may race to it safely (``importlib.util.LazyLoader`` is not thread-safe before Python
3.12).

Type checkers should see the real module: ``if TYPE_CHECKING: import numpy as np`` beside it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule(ModuleType):
    """Stands in for the module named ``name`` until an attribute is read."""

    def __getattr__(self, attribute: str) -> Any:
        # Only called for attributes not kept yet; the first one imports the module.
        value = getattr(importlib.import_module(self.__name__), attribute)
        setattr(self, attribute, value)
        return value

    def __dir__(self) -> list[str]:
        return dir(importlib.import_module(self.__name__))


def lazy_module(name: str) -> Any:
    """A stand-in for module ``name`` that imports it when first used (see the module's docstring)."""
    return LazyModule(name)
