"""The topic list on the left: name, number of documents, top themes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...models import Theme


def topic_label(name: str, count: int | None, themes: Sequence[Theme] = ()) -> Text:
    label = Text(name, style="bold")
    if count is None:
        label.append("  loading…", style="dim")
    else:
        label.append(f"  {count} doc{'' if count == 1 else 's'}", style="dim")
    if themes:
        label.append("\n" + ", ".join(t.name for t in themes[:3]), style="italic")
    return label


class TopicList(OptionList):
    """Topics in load order; the highlighted one is shown in the main area."""

    DEFAULT_CSS = """
    TopicList {
        width: 22%;
        min-width: 28;
        max-width: 48;
        height: 1fr;
        border: round $panel;
        border-title-color: $text-muted;
    }
    TopicList:focus {
        border: round $accent;
    }
    """

    def show_topics(self, rows: Sequence[tuple[str, int | None, Sequence[Theme]]], current: int) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(topic_label(*row), id=f"topic-{i}") for i, row in enumerate(rows)])
        if rows:
            self.highlighted = current if highlighted is None or highlighted != current else highlighted
