"""Questions put to all loaded sources from the main screen: search (``/``) lists the sentences
that contain some words as you type them, ask (``a``) asks in a dialog for a question and lists
the sentences that answer it best. Both list on :class:`SearchScreen`, where ``Enter`` opens the
document at the sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dialogs import PromptScreen
from .search import SearchScreen

if TYPE_CHECKING:
    from .main import MainScreen

NOTHING = "Nothing in these sources answers that."


def search(screen: MainScreen) -> None:
    """Search as you type, on a screen of its own."""
    highlighted = {d.id: screen.view.summary_positions(d) for d in screen.session.all_documents()}
    screen.app.push_screen(SearchScreen(screen.session, "", [], highlighted, incremental=True))


def ask(screen: MainScreen) -> None:
    def asked(question: str | None) -> None:
        if not question:
            return
        answers = screen.session.ask(question)
        if not answers:
            return screen.notify(NOTHING, severity="warning", markup=False)
        highlighted = {d.id: screen.view.summary_positions(d) for d in screen.session.all_documents()}
        title = f"The sentences that answer “{question}” best, best first"
        screen.app.push_screen(SearchScreen(screen.session, question, answers, highlighted, title=title))

    screen.app.push_screen(PromptScreen("Ask the sources", "a question, e.g. how much will the council spend?"), asked)
