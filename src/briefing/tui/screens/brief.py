"""A topic's thematic brief, or what is new in it, on the whole screen: to read and scroll."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static


class BriefScreen(Screen[None]):
    """The themes and key points of one topic (the panel above the columns, without its bound),
    or what is new in it."""

    DEFAULT_CSS = """
    BriefScreen #brief-title { height: 1; padding: 0 1; text-style: bold; background: $boost; width: 100%; }
    BriefScreen #brief-full { padding: 1 2; }
    """
    BINDINGS = [Binding("escape,q,b,w", "dismiss(None)", "Back", id="brief-back")]

    def __init__(self, topic: str, brief: Text, what: str = "themes and key points"):
        super().__init__()
        self.topic, self.brief, self.what = topic, brief, what

    def compose(self) -> ComposeResult:
        yield Label(Text(f"{self.topic}: {self.what}"), id="brief-title")
        with VerticalScroll():
            yield Static(self.brief, id="brief-full", markup=False)
        yield Footer()
