"""sumy's classes that the built-in methods reproduce, imported only when asked for.

A run never needs them: importing any of sumy's summarizers imports ``sumy.utils`` and with it
``requests``, a fifth of a second of every start. The tests and ``bench/run.py`` compare the
built-ins' picks with these classes.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


class SumyClass:
    """A class attribute that names a sumy class and imports it on first use."""

    def __init__(self, path: str):
        self.module, _, self.name = path.rpartition(".")

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return getattr(import_module(self.module), self.name)
