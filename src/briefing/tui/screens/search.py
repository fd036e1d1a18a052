"""Search results and answers across all loaded sources; Enter opens the document at the sentence."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from ...session import SearchHit, Session
from ...text.standalone import bounded
from ...text.words import language_kit, words
from .reader import ReaderScreen


def _hit_label(hit: SearchHit, query: str) -> Text:
    label = Text(bounded(hit.text))
    english = language_kit("en")
    for term in words(query):  # the words that matched: inflections and compounds too
        part = min({term.lower(), english.stem(term)}, key=len)
        label.highlight_regex(rf"(?i)\w*{re.escape(part)}\w*", style="bold reverse")
    label.append(f"\n{hit.document.title} · {hit.topic}", style="dim italic")
    return label


class SearchScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="search-back")]

    def __init__(
        self,
        session: Session,
        query: str,
        hits: list[SearchHit],
        highlighted: dict[str, list[int]],
        total: int | None = None,
        title: str | None = None,
    ):
        super().__init__()
        self.session = session
        self.query_text, self.hits, self.highlighted = query, hits, highlighted
        self.total = len(hits) if total is None else total
        self.title_text = title

    def compose(self) -> ComposeResult:
        count = f"{self.total:,} sentence{'' if self.total == 1 else 's'} match “{self.query_text}”"
        if self.total > len(self.hits):
            count += f"; the first {len(self.hits):,} are listed"
        yield Label(Text(self.title_text or count), id="search-title")
        yield OptionList(*[Option(_hit_label(h, self.query_text), id=str(i)) for i, h in enumerate(self.hits)])
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        self.app.push_screen(
            ReaderScreen(self.session, hit.document, self.highlighted.get(hit.document.id, []), hit.position)
        )
