"""Every problem of the run in one place: failed sources and plugins, and warnings, with causes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from ...models import Problem


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class ProblemsScreen(Screen[None]):
    """A table of what went wrong (errors) and what to know (warnings), each with its source."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="problems-back")]

    DEFAULT_CSS = """
    ProblemsScreen #problems-title {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    ProblemsScreen DataTable {
        height: 1fr;
    }
    """

    def __init__(self, errors: Sequence[Problem], warnings: Sequence[Problem]):
        super().__init__()
        self.errors, self.warnings = list(errors), list(warnings)

    def compose(self) -> ComposeResult:
        count = len(self.errors) + len(self.warnings)
        title = (
            f"{_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')}" if count else "No problems."
        )
        yield Label(Text(title), id="problems-title")
        table: DataTable[Text] = DataTable(id="problems", cursor_type="row", zebra_stripes=True)
        table.add_columns(Text("kind", style="bold"), Text("source", style="bold"), Text("what happened", style="bold"))
        for kind, problems in (("error", self.errors), ("warning", self.warnings)):
            for problem in problems:
                style = "bold red" if kind == "error" else "yellow"
                table.add_row(Text(kind, style=style), Text(problem.source), Text(problem.message))
        yield table
        yield Footer()
