"""Full text of one document, its summary sentences highlighted, with keys to jump between them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...builtins.html_loader import TABLE
from ...engine.prepare import why_empty
from ...models import Document
from ...session import Session
from ...text.outline import reading_order
from ...text.standalone import bounded
from ..opener import open_document
from ..render import document_header

HIGHLIGHT = "bold underline"
CURRENT = "reverse bold"
#: The most of one sentence the reader shows (a file with no punctuation is one sentence): the
#: rest is cut with "…", and ``o`` opens the whole file.
READER_WORDS = 400
READER_CHARACTERS = 3000


def dropped_text(document: Document) -> Text:
    """What loading and cleaning left out of ``document``, each with who dropped it and why."""
    if not document.dropped:
        said = "Nothing was left out of this document."
        if not document.sentences:  # say why there is nothing to read instead
            said = f"{said} It has no sentences: {why_empty(document)}."
        return Text(said, style="italic dim")
    text = Text(f"Left out ({len(document.dropped)}):", style="bold")
    for dropped in document.dropped:
        text.append(f"\n\n[{dropped.by}] ", style="bold")
        text.append(dropped.text, style="" if dropped.by == TABLE else "strike dim")  # a table is to be read
        text.append(f"\n  {dropped.why}", style="italic")
    return text


class ReaderScreen(Screen[None]):
    """One document in full. Opening it marks it read."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="reader-back"),
        Binding("n,down", "jump(1)", "Next", id="reader-next"),
        Binding("p,up", "jump(-1)", "Previous", id="reader-previous"),
        Binding("o", "open", "Open", id="reader-open"),
        Binding("u", "toggle_read", "Read/unread", id="reader-unread"),
        Binding("N", "next_unread", "Next unread", id="reader-next-unread", tooltip="The next unread document"),
        Binding("d", "dropped", "Dropped", id="reader-dropped", tooltip="What loading and cleaning left out, and why"),
    ]

    def __init__(self, session: Session, document: Document, highlighted: list[int], start: int | None = None):
        super().__init__()
        self.session = session
        self.document = document
        self.highlighted = sorted(highlighted)
        self.marks = sorted(set(self.highlighted) | ({start} if start is not None else set()))
        self.current = self.marks.index(start) if start is not None else (0 if self.marks else None)

    def compose(self) -> ComposeResult:
        yield Static(document_header(self.document), id="reader-header", markup=False)
        yield Static(id="reader-position", markup=False)
        with VerticalScroll(id="reader-text"):
            for item in reading_order(self.document):
                if isinstance(item, str):
                    yield Static(Text(item), classes="heading", markup=False)
                else:
                    yield Static(Text(), id=f"paragraph-{item}", classes="paragraph", markup=False)
            yield Static(dropped_text(self.document), id="reader-dropped", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.session.mark_read(self.document)
        self._render_paragraphs()
        self.query_one("#reader-text").focus()
        self.call_after_refresh(self._scroll_to_current)

    def follow(self, documents: Sequence[Document]) -> None:
        """The sources were read again: show this document as it is now (the same id, else the
        same origin and title), if its text changed."""
        now = next((d for d in documents if d.id == self.document.id), None) or next(
            (d for d in documents if (d.origin, d.title) == (self.document.origin, self.document.title)), None
        )
        if now is None or now.sentences == self.document.sentences:
            return
        self.document = now
        self.highlighted = [p for p in self.highlighted if p < len(now.sentences)]
        self.marks = sorted(set(self.highlighted))
        self.current = 0 if self.marks else None
        self.notify(f"{now.title} changed on disk: showing it as it is now", markup=False)
        self.run_worker(self._show_again(), exclusive=True, group="follow")

    async def _show_again(self) -> None:
        """Its paragraphs built anew (their number may have changed), then drawn."""
        await self.recompose()
        self._render_paragraphs()
        self.query_one("#reader-text").focus()

    def _current_position(self) -> int | None:
        return self.marks[self.current] if self.current is not None else None

    def position_text(self) -> str:
        """Where the reader is among the marked sentences: ``summary sentence 2 of 3``."""
        if self.current is None:
            return "no summary sentences in this document"
        position = self.marks[self.current]
        if position in self.highlighted:
            number = self.highlighted.index(position) + 1
            return f"summary sentence {number} of {len(self.highlighted)} · n/p: next/previous"
        return f"the sentence found · {len(self.highlighted)} summary sentences · n/p: next/previous"

    def action_next_unread(self) -> None:
        """Open the next unread document (in this topic, then the topics after it) in place of this one."""
        view = self.app.main_screen.view  # type: ignore[attr-defined]
        following = view.next_unread(self.document)
        if following is None:
            return self.notify("Every document is read.", markup=False)
        self.app.switch_screen(ReaderScreen(self.session, following, view.summary_positions(following)))

    def action_dropped(self) -> None:
        """Show (or hide) what was left out, below the text, and scroll to it."""
        dropped = self.query_one("#reader-dropped", Static)
        dropped.display = not dropped.display
        if dropped.display:
            self.call_after_refresh(dropped.scroll_visible, top=True, animate=False)

    def action_open(self) -> None:
        open_document(self.app, self.document)

    def action_toggle_read(self) -> None:
        read = not self.session.is_read(self.document)
        self.session.mark_read(self.document, read)
        self.notify(f"Marked {'read' if read else 'unread'}: {self.document.title}", markup=False)

    def _render_paragraphs(self) -> None:
        self.query_one("#reader-position", Static).update(self.position_text())
        current = self._current_position()
        for number, sentences in groupby(self.document.sentences, key=lambda s: s.paragraph):
            text = Text()
            for sentence in sentences:
                if text:
                    text.append(" ")
                style = CURRENT if sentence.position == current else ""
                if not style and sentence.position in self.highlighted:
                    style = HIGHLIGHT
                text.append(bounded(sentence.text, READER_WORDS, READER_CHARACTERS), style=style)
            self.query_one(f"#paragraph-{number}", Static).update(text)

    def _scroll_to_current(self) -> None:
        position = self._current_position()
        if position is None:
            return
        paragraph = self.document.sentences[position].paragraph
        self.query_one(f"#paragraph-{paragraph}").scroll_visible(top=True, animate=False)

    def action_jump(self, step: int) -> None:
        if not self.marks or self.current is None:
            self.notify("No highlighted sentences in this document.")
            return
        self.current = (self.current + step) % len(self.marks)
        self._render_paragraphs()
        self._scroll_to_current()
