"""The topic list on the left: name, number of documents and unread ones, top themes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...wording import counted
from ..view_model import TopicRow


def topic_label(row: TopicRow) -> Text:
    """Name; then how many documents and unread ones; then the top themes: a line each, so
    nothing wraps mid-phrase in a narrow list."""
    label = Text(row.name, style="bold")
    if row.documents is None:
        label.append("\nloading…", style="dim")
    else:
        label.append("\n" + counted(row.documents, "doc"), style="dim")
        if row.unread:
            label.append(f" · {row.unread} unread", style="bold")
    if row.themes:
        label.append("\n" + ", ".join(t.name for t in row.themes[:3]), style="italic")
    return label


class TopicList(OptionList):
    """Topics in load order (those the filter lets through); the highlighted one is shown in
    the main area. Each option's id is ``topic-<index in the session>``."""

    DEFAULT_CSS = """
    TopicList {
        height: 1fr;
        border: round $panel;
        border-title-color: $text-muted;
    }
    TopicList:focus {
        border: round $accent;
    }
    """

    def show_topics(self, rows: Sequence[TopicRow], current: int) -> None:
        self.clear_options()
        self.add_options([Option(topic_label(row), id=f"topic-{row.index}") for row in rows])
        shown = [row.index for row in rows]
        if current in shown:
            self.highlighted = shown.index(current)

    @staticmethod
    def topic_index(option: Option) -> int:
        """The session's index of the topic an option shows."""
        return int((option.id or "topic-0").removeprefix("topic-"))
