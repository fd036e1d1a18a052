"""The current topic read on the whole screen from the main screen: its themes and key points
(``b``), or what is new in it (``w``), on a :class:`BriefScreen`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .brief import BriefScreen

if TYPE_CHECKING:
    from .main import MainScreen


def show_brief(screen: MainScreen) -> None:
    topic = screen.view.topic
    if topic is not None and topic.loaded:
        screen.app.push_screen(BriefScreen(topic.name, screen.view.thematic_text(topic)))


def show_news(screen: MainScreen) -> None:
    topic = screen.view.topic
    if topic is not None and topic.loaded and screen.session.complete:  # tagged: the points are known
        screen.app.push_screen(BriefScreen(topic.name, screen.view.news_text(topic), "what is new"))
