"""Help: what briefing shows and every key, as currently bound."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "Topics are on the left; the main area shows the topic's brief (the best sentences across its "
    "documents) above one column per document. Enter on a column opens the full text with its summary "
    "highlighted. Keys can be remapped in briefing.toml under [keys], by binding id."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="help-close")]

    def __init__(self, bindings: list[tuple[str, str, str]]):
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table("Key", "Action", "Binding id", box=None, padding=(0, 2))
        for key, description, binding_id in self.bindings:
            table.add_row(Text(key, style="bold"), Text(description), Text(binding_id, style="dim"))
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text("briefing — help", style="bold"))
            yield Static(Text(INTRO))
            yield Static(table)
