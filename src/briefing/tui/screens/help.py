"""Help: what briefing shows and every key, as currently bound."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
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

    @classmethod
    def of(cls, app: App[object], bindings: Sequence[BindingType]) -> HelpScreen:
        """Help for a screen's ``bindings``, each shown with the keys it has now (``[keys]`` may
        have moved it)."""
        rows = []
        for binding in bindings:
            assert isinstance(binding, Binding)
            keys = app._keymap.get(binding.id or "", binding.key).split(",")
            shown = ", ".join(app.get_key_display(Binding(key.strip(), "")) for key in keys)
            rows.append((shown, binding.description, binding.id or ""))
        return cls(rows)

    def compose(self) -> ComposeResult:
        table = Table("Key", "Action", "Binding id", box=None, padding=(0, 2))
        for key, description, binding_id in self.bindings:
            table.add_row(Text(key, style="bold"), Text(description), Text(binding_id, style="dim"))
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text("briefing — help", style="bold"))
            yield Static(Text(INTRO))
            yield Static(table)
