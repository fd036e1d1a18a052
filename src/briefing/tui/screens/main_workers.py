"""The main screen's background work, run in thread workers: reading the sources topic by topic,
summarizing what is on screen first, and looking for changed source files. Each posts messages to
the screen (:mod:`briefing.tui.messages`) and touches no widget; the screen's handlers draw."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from ...sources.collect import stamps
from ...sources.urls import is_url
from ..messages import Briefed, LoadingDone, LoadProgress, Regrouped, SourcesChanged, TopicLoaded, TopicsFound

if TYPE_CHECKING:
    from .main import MainScreen


def read_sources(screen: MainScreen) -> None:
    """Topics by folder first, loaded one by one, so the first is readable at once. Grouping by
    content reads the rest in one batch (every core), then regroups everything."""
    session = screen.session

    def progress(stage: str) -> None:
        screen.post_message(LoadProgress(stage))

    # Before reading: a change while loading is seen (by watching, or by 'r').
    screen.file_stamps = stamps(session.origins)
    topics = session.discover()
    screen.post_message(TopicsFound(len(topics)))
    for index, topic in enumerate(topics):
        if get_current_worker().is_cancelled:
            return
        if session.regroups and index > 0:
            for loaded in session.load_rest(progress):
                screen.post_message(TopicLoaded(loaded))
            break
        session.load_topic(topic)
        screen.post_message(TopicLoaded(index))
    if session.regroups and topics and not get_current_worker().is_cancelled:
        screen.post_message(Regrouped(session.regroup(progress)))
    screen.post_message(LoadingDone())


def brief_on_screen(screen: MainScreen) -> None:
    """Summarize what is on screen first, then the rest of the topic and its brief; cancelled and
    started again whenever the view or the settings change."""
    worker = get_current_worker()
    view, session = screen.view, screen.session
    summarizer, length, topic = view.summarizer_name, view.length, view.topic
    for document, name in view.work_order():
        if worker.is_cancelled:
            return
        untagged = session.complete and not session.is_tagged(document)
        if untagged or session.cached_brief(document, name, length) is None:
            session.document_brief(document, name, length)  # tags it too, once all is loaded
            screen.post_message(Briefed(*session.progress(summarizer, length)))
        last = topic.documents[-1] if topic is not None and topic.documents else None  # a topic may lose them all
        if topic is not None and topic.loaded and document is last and name == summarizer:
            if session.cached_topic_brief(topic, summarizer, length) is None:
                session.topic_brief(topic, summarizer, length)
                screen.post_message(Briefed(*session.progress(summarizer, length)))
            if session.complete and session.cached_thematic(topic, summarizer, length) is None:
                session.thematic_brief(topic, summarizer, length)
                screen.post_message(Briefed(*session.progress(summarizer, length)))
    screen.post_message(Briefed(*session.progress(summarizer, length), finished=True))


def nothing_changed(screen: MainScreen) -> bool:
    """Whether every source is a local file and none changed since they were last read (a URL may
    have changed at any time: then there is no telling without reading it)."""
    origins = screen.session.origins
    if screen.file_stamps is None or any(is_url(origin) or origin == "-" for origin in origins):
        return False
    return stamps(origins) == screen.file_stamps


def look_for_changed_files(screen: MainScreen) -> None:
    """Compare the source files' sizes and times with those last read; a change is a message."""
    before, now = screen.file_stamps, stamps(screen.session.origins)
    if before is not None and now != before:
        changed = {p for p in before.keys() | now.keys() if before.get(p) != now.get(p)}
        screen.file_stamps = now
        screen.post_message(SourcesChanged(len(changed)))
