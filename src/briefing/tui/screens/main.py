"""The main screen: topics on the left, the thematic brief above side-by-side document columns.

Loading and summarizing run in thread workers. The loader reads sources topic by topic, so the
first topic is on screen while the rest load; the briefer summarizes what is visible first and
restarts (cancelling itself) whenever the view or the settings change. Results live in the
session's engine, so nothing is computed twice. The screen owns its keys: they act here only.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static

from ...models import Document
from ...session import Session
from ...wording import counted
from ..messages import Briefed, LoadingDone, LoadProgress, Regrouped, SourcesChanged, TopicLoaded, TopicsFound
from ..opener import open_document
from ..view_model import COMPARE_SUMMARIZERS, ReadingView
from ..widgets.document_column import DocumentColumn
from ..widgets.document_columns import DocumentColumns
from ..widgets.topic_list import TopicList
from . import questions, topic_views
from .coverage import CoverageScreen
from .dialogs import ChoiceScreen
from .export_flow import ExportFlow
from .help import HelpScreen
from .main_bindings import MAIN_BINDINGS
from .main_workers import brief_on_screen, look_for_changed_files, nothing_changed, read_sources
from .problems import ProblemsScreen
from .reader import ReaderScreen

#: A document column is never narrower than this (cells); the width decides how many fit.
MIN_COLUMN_WIDTH = 40
#: Seconds between looks for changed, added or removed source files, when watching.
WATCH_SECONDS = 2.0
#: The theme filter's choice that lifts the filter.
ALL_DOCUMENTS = "(all documents)"


class MainScreen(Screen[None]):
    """Page through side-by-side briefs per topic.

    Each binding's description is its footer label and its palette command; its tooltip is the
    palette's help line (see :mod:`briefing.tui.commands`). A new key is one binding here, one
    ``action_`` method, and a row in the key table of docs/reading-room.md; the keys are in
    :mod:`.main_bindings`.
    """

    AUTO_FOCUS = ""  # nothing at first: the first document column takes focus once it exists
    BINDINGS = MAIN_BINDINGS

    def __init__(self, session: Session, compare: tuple[str, ...] = COMPARE_SUMMARIZERS, watch: bool = False):
        super().__init__()
        self.session = session
        self.view = ReadingView(session, compare)
        self.watch_sources = watch
        self.loading_stage = ""
        self.loading_done = False
        self.progress = (0, 0)
        self.file_stamps: dict[str, tuple[int, int]] | None = None  # the source files as last read
        self._return_to: str | None = None  # after a reload: the document the reader was at

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield Input(placeholder="filter topics", id="topic-filter")
                yield TopicList(id="topics")
            with Vertical(id="main"):
                yield Static(id="topic-title", markup=False)
                with VerticalScroll(id="brief-box"):  # a long brief scrolls rather than being cut
                    yield Static(id="brief", markup=False)
                yield DocumentColumns(id="columns")
                yield Static("Reading sources…", id="status", markup=False)
        # Help and quit first, so they show however narrow the terminal; ? lists every key.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load_sources()
        if self.watch_sources:
            self.set_interval(WATCH_SECONDS, self._look_for_changes)

    def on_screen_resume(self) -> None:
        """Back from the reader or a dialog: read marks may have changed."""
        self.refresh_topics()
        self.refresh_view()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        columns = max(1, self.query_one("#main").size.width // MIN_COLUMN_WIDTH)
        if columns != self.view.columns:
            self.view.columns = columns
            self.view.page = (self.view.page // columns) * columns
            self.refresh_view()
            self.start_briefing()

    # -- workers ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load_sources(self) -> None:
        read_sources(self)

    def start_briefing(self) -> None:
        self.run_worker(partial(brief_on_screen, self), thread=True, exclusive=True, group="brief")

    # -- messages from workers -------------------------------------------------------------------

    def on_topics_found(self, message: TopicsFound) -> None:
        self.refresh_topics()
        self.refresh_status()
        if message.count == 0:
            self.query_one("#status", Static).update("No sources found.")

    def on_topic_loaded(self, message: TopicLoaded) -> None:
        if self._return_to is not None and self.view.go_to(self._return_to):
            self._return_to = None
            self.refresh_view()
        elif message.index == self.view.topic_index:
            self.refresh_view()
        self.refresh_topics()
        self.start_briefing()

    def on_regrouped(self, message: Regrouped) -> None:
        """Content topics replace the interim ones; the document the reader was at stays in view."""
        view = self.view
        shown = view.visible()
        self.session.replace_topics(message.topics)
        view.topic_index, view.page = 0, 0
        if shown:
            self.view.go_to(shown[0].id)
        if view.theme_filter and view.page >= len(view.documents()):
            view.theme_filter, view.page = None, 0
        self.refresh_topics()
        self._changed()

    def on_load_progress(self, message: LoadProgress) -> None:
        self.loading_stage = message.stage
        self.refresh_status()

    def on_loading_done(self, message: LoadingDone) -> None:
        for screen in self.app.screen_stack:  # a document open in the reader shows what was read now
            if isinstance(screen, ReaderScreen):
                screen.follow(self.session.all_documents())
        self.loading_done = True
        self.refresh_status()
        self.start_briefing()  # tagging waits for the whole corpus

    def on_briefed(self, message: Briefed) -> None:
        self.progress = (message.done, message.total)
        if message.finished:  # each topic's top themes pool all its documents
            self.refresh_topics()
        self.refresh_view()

    # -- drawing ---------------------------------------------------------------------------------

    def refresh_topics(self) -> None:
        topics = self.query_one(TopicList)
        rows = self.view.topic_rows()
        topics.show_topics(rows, self.view.topic_index)
        every = len(self.session.topics)
        topics.border_title = f"{len(rows)} of {every} topics" if self.view.topic_filter else None

    def refresh_status(self) -> None:
        status = self.view.status_text(self.loading_done, self.loading_stage, self.progress)
        self.query_one("#status", Static).update(status)

    def refresh_view(self) -> None:
        topic = self.view.topic
        title = self.query_one("#topic-title", Static)
        if topic is None:
            title.update("Loading…" if not self.loading_done else "No topics")
            self.query_one("#brief", Static).update("")
            self.query_one(DocumentColumns).show([])
        else:
            title.update(f"{topic.name}{'  compare mode' if self.view.comparing else ''}")
            self.query_one("#brief", Static).update(self.view.brief_text())
            self.query_one(DocumentColumns).show(self.view.column_contents())
        self.refresh_status()

    def _changed(self) -> None:
        """The reader moved or changed a setting: draw, and brief what is now on screen first."""
        self.refresh_view()
        self.start_briefing()

    # -- actions ---------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#topics")
    def topic_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = TopicList.topic_index(event.option)
        if index != self.view.topic_index:
            self.view.topic_index = index
            self.view.page = 0
            self._changed()

    @on(OptionList.OptionSelected, "#topics")
    def topic_selected(self) -> None:
        """Enter on a topic moves into its columns."""
        columns = self.query(DocumentColumn)
        if columns:
            columns.first().focus()

    def action_topic(self, step: int) -> None:
        """The next (or previous) topic of those the topic filter lets through."""
        shown = [row.index for row in self.view.topic_rows()]
        if not shown:
            self.app.bell()
            return
        here = shown.index(self.view.topic_index) if self.view.topic_index in shown else -1 if step > 0 else 0
        self.view.topic_index = shown[(here + step) % len(shown)]
        self.view.page = 0
        self.query_one(TopicList).highlighted = shown.index(self.view.topic_index)
        self._changed()

    def action_page(self, step: int) -> None:
        page = self.view.page + step * self.view.page_size
        if not 0 <= page < len(self.view.documents()):
            self.app.bell()
            return
        self.view.page = page
        self._changed()

    def action_length(self, step: int) -> None:
        if not self.view.step_length(step):
            self.app.bell()
            return
        self._changed()  # the status line says the new length

    def action_choose_summarizer(self) -> None:
        def chosen(name: str | None) -> None:
            if name and name != self.view.summarizer_name:
                self.view.summarizer_name = name
                self._changed()

        choices = self.session.summarizers()
        self.app.push_screen(ChoiceScreen("Choose a summarizer", choices, self.view.summarizer_name), chosen)

    def action_filter_theme(self) -> None:
        topic = self.view.topic
        choices = self.view.theme_choices(topic) if topic else []
        if not choices:
            return self.notify("No themes in this topic (no tagger found any).", severity="warning")
        choices.insert(0, (ALL_DOCUMENTS, ""))
        self.app.push_screen(ChoiceScreen("Filter by theme", choices, self.view.theme_filter), self.set_theme_filter)

    def set_theme_filter(self, name: str | None) -> None:
        """Show only documents with theme ``name`` (all of them for :data:`ALL_DOCUMENTS`)."""
        if name is None:
            return
        self.view.theme_filter = None if name == ALL_DOCUMENTS else name
        self.view.page = 0
        self._changed()

    def action_brief(self) -> None:
        topic_views.show_brief(self)

    def action_news(self) -> None:
        topic_views.show_news(self)

    def action_coverage(self) -> None:
        topic = self.view.topic
        if topic is None or not topic.loaded:
            return self.notify("This topic is still loading.", severity="warning")
        matrix = self.session.coverage(topic)
        if not matrix.themes:
            return self.notify("No themes in this topic (no tagger found any).", severity="warning")
        self.app.push_screen(CoverageScreen(topic.name, matrix), self.set_theme_filter)

    def action_search(self) -> None:
        questions.search(self)

    def action_ask(self) -> None:
        questions.ask(self)

    def action_compare(self) -> None:
        if len(self.view.compare_names) < 2:
            return self.notify("Compare mode needs at least two summarizers.", severity="warning")
        focused = self.focused
        self.view.toggle_compare(focused.document_index if isinstance(focused, DocumentColumn) else None)
        self._changed()

    def focused_document(self) -> Document | None:
        """The document of the focused column, else the first one on screen."""
        focused = self.focused
        documents = self.view.documents()
        index = focused.document_index if isinstance(focused, DocumentColumn) else self.view.page
        return documents[index] if 0 <= index < len(documents) else None

    def action_read(self) -> None:
        document = self.focused_document()
        if document is not None:
            self.app.push_screen(ReaderScreen(self.session, document, self.view.summary_positions(document)))

    def action_open(self) -> None:
        document = self.focused_document()
        if document is None:
            return self.app.bell()
        open_document(self.app, document)

    def action_toggle_read(self) -> None:
        document = self.focused_document()
        if document is None:
            return self.app.bell()
        self.session.mark_read(document, not self.session.is_read(document))
        self.refresh_topics()
        self.refresh_view()

    def action_mark_read(self, every_topic: bool = False) -> None:
        self.notify(self.view.mark_read(every_topic), markup=False)
        self.refresh_topics()
        self.refresh_view()

    def action_unread_only(self) -> None:
        self.view.unread_only = not self.view.unread_only
        self.view.page = 0
        self._changed()

    def action_sidebar(self) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display
        if not sidebar.display and self.focused in (self.query_one(TopicList), self.query_one("#topic-filter")):
            self.set_focus(None)
        self.call_after_refresh(self._fit_columns)  # the columns get the room

    def action_filter_topics(self) -> None:
        self.query_one("#sidebar").display = True
        field = self.query_one("#topic-filter", Input)
        field.display = True
        field.focus()

    def action_close_filter(self) -> None:
        """Esc: clear the topic filter (if it is open) and go back to the topic list."""
        field = self.query_one("#topic-filter", Input)
        if not field.display:
            return
        field.value = ""
        field.display = False
        self.query_one(TopicList).focus()

    @on(Input.Changed, "#topic-filter")
    def topic_filter_changed(self, event: Input.Changed) -> None:
        self.view.topic_filter = event.value
        rows = self.view.topic_rows()
        if rows and self.view.topic_index not in [row.index for row in rows]:
            self.view.topic_index, self.view.page = rows[0].index, 0
            self._changed()
        self.refresh_topics()

    @on(Input.Submitted, "#topic-filter")
    def topic_filter_done(self) -> None:
        self.query_one(TopicList).focus()

    def action_reload(self) -> None:
        if not self.loading_done:
            return self.notify("Still reading the sources; reload once that is done.", severity="warning")
        if nothing_changed(self):
            return self.notify("Nothing changed: every source is as it was when last read.", markup=False)
        self.reload()

    def reload(self) -> None:
        """Read the sources again, keeping the reader at the document on screen. Unchanged
        sources come from the engine's memo and cache, so only changed ones are redone."""
        shown = self.view.visible()
        self._return_to = shown[0].id if shown else None
        self.workers.cancel_group(self, "brief")
        self.loading_done, self.loading_stage, self.progress = False, "", (0, 0)
        self.session.reset()
        self.view.topic_index, self.view.page = 0, 0
        self.refresh_topics()
        self.refresh_view()
        self.load_sources()

    def _look_for_changes(self) -> None:
        if self.loading_done:
            self.run_worker(partial(look_for_changed_files, self), thread=True, exclusive=True, group="watch")

    def on_sources_changed(self, message: SourcesChanged) -> None:
        if self.loading_done:
            self.notify(
                f"{counted(message.count, 'file')} changed, added or removed: reading the sources again", markup=False
            )
            self.reload()

    def action_export(self) -> None:
        ExportFlow(self).start()

    def action_problems(self) -> None:
        errors, warnings = self.session.all_problems(self.view.summarizer_name, self.view.length)
        self.app.push_screen(ProblemsScreen(errors, warnings))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen.of(self.app, self.BINDINGS))
