"""Questions put to all loaded sources from the main screen: search (``/``) lists the sentences
that contain some words, ask (``a``) the sentences that answer a question best. Both ask in a
dialog and list what they found on :class:`SearchScreen`, where ``Enter`` opens the document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dialogs import PromptScreen
from .search import SearchScreen

if TYPE_CHECKING:
    from .main import MainScreen

NOTHING = "Nothing in these sources answers that."


def search(screen: MainScreen) -> None:
    def searched(query: str | None) -> None:
        if not query:
            return
        hits, total = screen.session.search(query)
        if not hits:
            return screen.notify(f"Nothing matches “{query}”.", severity="warning", markup=False)
        highlighted = {d.id: screen.view.summary_positions(d) for d in screen.session.all_documents()}
        screen.app.push_screen(SearchScreen(screen.session, query, hits, highlighted, total))

    screen.app.push_screen(PromptScreen("Search all sources", "words to find"), searched)


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
