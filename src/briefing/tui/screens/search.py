"""Search results and answers across all loaded sources; Enter opens the document at the sentence."""

from __future__ import annotations

import re
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, OptionList
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
    """Sentences found across all loaded sources; ``Enter`` opens one in the reader.

    Opened with ``incremental``, it searches as you type (a moment after the last key, in a
    worker, so typing never waits): ``Enter`` in the field moves into the results."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="search-back")]
    #: Seconds after the last key before the search runs.
    TYPING_PAUSE = 0.15

    def __init__(
        self,
        session: Session,
        query: str,
        hits: list[SearchHit],
        highlighted: dict[str, list[int]],
        total: int | None = None,
        title: str | None = None,
        incremental: bool = False,
    ):
        super().__init__()
        self.session = session
        self.query_text, self.hits, self.highlighted = query, hits, highlighted
        self.total = len(hits) if total is None else total
        self.title_text = title
        self.incremental = incremental
        self._typing: Timer | None = None

    def _count(self) -> str:
        if self.incremental and not self.query_text.strip():
            return "Type words to find in every source"
        count = f"{self.total:,} sentence{'' if self.total == 1 else 's'} match “{self.query_text}”"
        if self.total > len(self.hits):
            count += f"; the first {len(self.hits):,} are listed"
        return count

    def compose(self) -> ComposeResult:
        if self.incremental:
            yield Input(value=self.query_text, placeholder="words to find", id="search-input")
        yield Label(Text(self.title_text or self._count()), id="search-title")
        yield OptionList(*self._options())
        yield Footer()

    def _options(self) -> list[Option]:
        return [Option(_hit_label(h, self.query_text), id=str(i)) for i, h in enumerate(self.hits)]

    def on_mount(self) -> None:
        self.query_one("#search-input" if self.incremental else OptionList).focus()

    @on(Input.Changed, "#search-input")
    def typed(self, event: Input.Changed) -> None:
        if self._typing is not None:
            self._typing.stop()
        self._typing = self.set_timer(self.TYPING_PAUSE, partial(self._search, event.value))

    def _search(self, query: str) -> None:
        self.run_worker(partial(self._found, query), thread=True, exclusive=True, group="search")

    def _found(self, query: str) -> None:
        hits, total = self.session.search(query)
        self.app.call_from_thread(self._show, query, hits, total)

    def _show(self, query: str, hits: list[SearchHit], total: int) -> None:
        self.query_text, self.hits, self.total = query, hits, total
        self.query_one("#search-title", Label).update(Text(self._count()))
        listed = self.query_one(OptionList)
        listed.clear_options()
        listed.add_options(self._options())

    @on(Input.Submitted, "#search-input")
    def into_results(self) -> None:
        if not self.hits:
            return self.app.bell()
        listed = self.query_one(OptionList)
        listed.highlighted = 0
        listed.focus()

    @on(OptionList.OptionSelected)
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        self.app.push_screen(
            ReaderScreen(self.session, hit.document, self.highlighted.get(hit.document.id, []), hit.position)
        )
