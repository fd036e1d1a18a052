"""The reading room's App: a thin shell that pushes the main screen.

The App holds what every screen shares (the session, the stylesheet, the key map, the command
palette's providers); the :class:`~briefing.tui.screens.main.MainScreen` owns the reading
controls and their keys, and each other screen owns its own.
"""

from __future__ import annotations

from textual.app import App
from textual.notifications import SeverityLevel

from ..printable import one_line, printable
from ..session import Session
from .commands import ScreenCommands
from .screens.main import MainScreen
from .view_model import COMPARE_SUMMARIZERS


class BriefingApp(App[None]):
    """Page through side-by-side briefs per topic."""

    TITLE = "briefing"
    CSS_PATH = "briefing.tcss"
    COMMANDS = App.COMMANDS | {ScreenCommands}

    def __init__(
        self,
        session: Session,
        *,
        keymap: dict[str, str] | None = None,
        compare: tuple[str, ...] = COMPARE_SUMMARIZERS,
        watch: bool = False,
    ):
        super().__init__()
        self.session = session
        self.keymap_overrides = dict(keymap or {})
        self.main_screen = MainScreen(session, compare, watch)

    def on_mount(self) -> None:
        self.sub_title = one_line(", ".join(self.session.origins), 1000)  # the sources, always in view
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        self.push_screen(self.main_screen)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice, made printable: they name files, links and plugins' messages."""
        super().notify(printable(message), title=printable(title), severity=severity, timeout=timeout, markup=markup)
