"""Messages from the reading room's workers to its main screen.

Workers post far more progress than a screen can draw; messages that only say "where things
stand now" replace an older one still waiting in the queue (``can_replace``), so the screen
draws the latest state once instead of every step.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..session import TopicState


@dataclass
class TopicsFound(Message):
    """The sources are sorted into ``count`` topics (not all loaded yet)."""

    count: int


@dataclass
class TopicLoaded(Message):
    """Topic ``index`` has its documents."""

    index: int


@dataclass
class Regrouped(Message):
    """Grouping by content is done: ``topics`` replace the interim topics shown so far."""

    topics: list[TopicState]


class LoadingDone(Message):
    """Every topic is loaded: tagging can start, as the corpus is final."""


@dataclass
class SourcesChanged(Message):
    """Files under the sources were changed, added or removed since they were read."""

    count: int


@dataclass
class LoadProgress(Message):
    """What loading is doing now ("tagging 300/1000 documents"), for the status line."""

    stage: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)  # the newer stage is all the status line needs


@dataclass
class Briefed(Message):
    """Some briefs were computed; ``done`` of ``total`` documents for the current settings.

    ``finished`` marks the briefer's last message, when everything it was asked to do is done;
    a later message supersedes an earlier one, but never a finished one.
    """

    done: int
    total: int
    finished: bool = False

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Briefed) and not self.finished
