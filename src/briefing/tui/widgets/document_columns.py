"""The row of document columns, updated in place: the reader's focus stays where it was."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Horizontal

from ..view_model import Column
from .document_column import DocumentColumn


class DocumentColumns(Horizontal):
    """Side-by-side document columns.

    Columns are reused rather than rebuilt, so the focused column keeps focus while the briefer
    redraws, the page turns or compare mode starts; only columns beyond the new count are mounted
    or removed. Rebuilding them all raced with Textual moving focus off a removed column.
    """

    DEFAULT_CSS = """
    DocumentColumns {
        height: 1fr;
    }
    """

    def show(self, contents: Sequence[Column]) -> None:
        existing = list(self.query(DocumentColumn))
        focused = next((c for c in existing if c.has_focus_within), None)
        for column, content in zip(existing, contents, strict=False):
            column.document_index = content.index
            column.update(content.header, content.body)
        surplus = existing[len(contents) :]
        added = [DocumentColumn(c.index, c.header, c.body) for c in contents[len(existing) :]]
        if surplus:
            self.remove_children(surplus)
        if added:
            self.mount_all(added)
        columns = existing[: len(contents)] + added
        if columns and (focused in surplus or self.screen.focused is None):
            target = columns[-1] if focused in surplus else columns[0]
            self.call_after_refresh(target.focus)
