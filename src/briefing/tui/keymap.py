"""The ``[keys]`` table checked against the reading room's bindings before the app starts.

Textual's key map silently ignores an unknown binding id, and a key given to one binding is
taken from any other binding of the same screen that had it. Both are configuration mistakes
a reader should hear about, with the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from .screens.coverage import CoverageScreen
from .screens.dialogs import ChoiceScreen, ExportScreen, PromptScreen
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .screens.problems import ProblemsScreen
from .screens.reader import ReaderScreen
from .screens.search import SearchScreen

SCREENS: tuple[type[Screen[Any]], ...] = (
    MainScreen,
    ReaderScreen,
    SearchScreen,
    CoverageScreen,
    ProblemsScreen,
    HelpScreen,
    ChoiceScreen,
    PromptScreen,
    ExportScreen,
)


def _keys(value: str) -> set[str]:
    return {key.strip() for key in value.split(",") if key.strip()}


def keymap_problems(keymap: Mapping[str, str]) -> dict[str, str]:
    """What is wrong with ``keymap`` (binding id -> keys), by binding id; empty when all is well."""
    problems: dict[str, str] = {}
    known = {b.id for screen in SCREENS for b in screen.BINDINGS if isinstance(b, Binding) and b.id}
    for binding_id in keymap:
        if binding_id not in known:
            problems[binding_id] = f"no key binding has this id (binding ids: {', '.join(sorted(known))})"
    for screen in SCREENS:
        bindings = [b for b in screen.BINDINGS if isinstance(b, Binding) and b.id]
        keys = {b.id: _keys(keymap.get(b.id, b.key)) for b in bindings if b.id}
        for binding_id in keymap:
            if binding_id not in keys:
                continue
            for other, taken in keys.items():
                clash = keys[binding_id] & taken
                if other != binding_id and clash:
                    problems[binding_id] = (
                        f"{', '.join(sorted(clash))} is already the key of {other!r}; give {other!r} another key too"
                    )
    return problems
