"""Coverage at a glance: which document of a topic covers which theme, and how strongly."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from ...topics.coverage import Coverage, shade


def cell(score: float) -> Text:
    """``█ 45%``: a shade to scan, a figure to read; absent themes are a dim dot."""
    if score <= 0:
        return Text("·", style="dim", justify="center")
    return Text(f"{shade(score)} {score:.0%}", justify="right")


class CoverageScreen(Screen[str | None]):
    """The sources x themes matrix of one topic. Enter on a cell filters the columns by its theme."""

    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back", id="coverage-back"),
        Binding("enter", "choose", "Filter by this theme", id="coverage-filter"),
    ]

    def __init__(self, topic: str, matrix: Coverage):
        super().__init__()
        self.topic, self.matrix = topic, matrix

    def compose(self) -> ComposeResult:
        title = f"Coverage of {self.topic}: the share of each document's sentences on each theme"
        yield Label(Text(title), id="coverage-title")
        table: DataTable[Text] = DataTable(
            id="coverage", cursor_type="cell", zebra_stripes=True, header_height=2, fixed_columns=1
        )
        table.add_column(Text("document", style="bold"), key="document")
        for index, theme in enumerate(self.matrix.themes):
            table.add_column(Text(f"{theme.name}\n{theme.kind or theme.tagger}", justify="right"), key=str(index))
        for entry, scores in zip(self.matrix.documents, self.matrix.scores, strict=True):
            label = Text(entry.document.title[:40] + ("…" if len(entry.document.title) > 40 else ""))
            table.add_row(label, *(cell(score) for score in scores), height=1)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        if self.matrix.themes:
            table.move_cursor(column=1)

    def action_choose(self) -> None:
        column = self.query_one(DataTable).cursor_column
        if 1 <= column <= len(self.matrix.themes):
            self.dismiss(self.matrix.themes[column - 1].name)

    @on(DataTable.CellSelected)
    def cell_selected(self) -> None:
        self.action_choose()
