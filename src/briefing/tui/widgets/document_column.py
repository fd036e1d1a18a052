"""One column of the side-by-side view: a document's header, theme chips and summary."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class DocumentColumn(VerticalScroll):
    """A focusable, scrollable column; ``document_index`` says which document of the topic it shows."""

    DEFAULT_CSS = """
    DocumentColumn {
        width: 1fr;
        height: 1fr;
        border: round $panel;
        padding: 0 1;
    }
    DocumentColumn:focus, DocumentColumn:focus-within {
        border: round $accent;
    }
    DocumentColumn .column-header {
        margin-bottom: 1;
    }
    """

    def __init__(self, document_index: int, header: Text, body: Text, *, id: str | None = None):
        super().__init__(id=id, classes="column")
        self.document_index = document_index
        self._header = header
        self._body = body

    def compose(self) -> ComposeResult:
        yield Static(self._header, classes="column-header", markup=False)
        yield Static(self._body, classes="column-body", markup=False)

    def update(self, header: Text, body: Text) -> None:
        self._header, self._body = header, body
        # Children exist once composed, which can be before mounting completes; before that,
        # compose() picks up the new content itself.
        for selector, content in ((".column-header", header), (".column-body", body)):
            for static in self.query(selector).results(Static):
                static.update(content)
