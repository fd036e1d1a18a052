"""The main screen: topics on the left, the topic brief above side-by-side document columns.

Loading and summarizing run in thread workers. The loader reads sources topic by topic, so the
first topic is on screen while the rest load; the briefer summarizes what is visible first and
restarts (cancelling itself) whenever the view or the settings change. Results live in the
session's engine, so nothing is computed twice. The screen owns its keys: they act here only.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.worker import get_current_worker

from ...engine.settings import Length
from ...models import Document
from ...output import write_atomically
from ...session import Session, TopicState
from ...sources import stamps
from ...wording import counted
from ..messages import Briefed, LoadingDone, LoadProgress, Regrouped, SourcesChanged, TopicLoaded, TopicsFound
from ..opener import open_document
from ..view_model import COMPARE_SUMMARIZERS, ReadingView
from ..widgets.document_column import DocumentColumn
from ..widgets.document_columns import DocumentColumns
from ..widgets.topic_list import TopicList
from .coverage import CoverageScreen
from .dialogs import ChoiceScreen, ConfirmScreen, ExportScreen, PromptScreen
from .help import HelpScreen
from .problems import ProblemsScreen
from .reader import ReaderScreen
from .search import SearchScreen

#: A document column is never narrower than this (cells); the width decides how many fit.
MIN_COLUMN_WIDTH = 40
#: Seconds between looks for changed, added or removed source files, when watching.
WATCH_SECONDS = 2.0
#: The theme filter's choice that lifts the filter.
ALL_DOCUMENTS = "(all documents)"


def slug(name: str) -> str:
    """A file name from a topic name: ``coral, reef, bleached`` -> ``coral-reef-bleached``."""
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "brief"


class MainScreen(Screen[None]):
    """Page through side-by-side briefs per topic.

    Each binding's description is its footer label and its palette command; its tooltip is the
    palette's help line (see :mod:`briefing.tui.commands`). A new key is one binding here, one
    ``action_`` method, and a row in the key table of docs/reading-room.md.
    """

    AUTO_FOCUS = ""  # nothing at first: the first document column takes focus once it exists
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="Keys and what the screen shows"),
        Binding("q", "app.quit", "Quit", id="quit", tooltip="Leave the reading room"),
        Binding("n,pagedown", "topic(1)", "Next topic", id="next-topic", tooltip="Show the next topic"),
        Binding(
            "p,pageup",
            "topic(-1)",
            "Previous topic",
            id="previous-topic",
            tooltip="Show the previous topic",
            show=False,
        ),
        Binding(
            "left,h",
            "page(-1)",
            "Page left",
            id="page-left",
            tooltip="The previous documents of this topic",
            show=False,
        ),
        Binding(
            "right,l", "page(1)", "Page right", id="page-right", tooltip="The next documents of this topic", show=False
        ),
        Binding(
            "plus,equals_sign", "length(1)", "Longer", id="longer", tooltip="One more sentence per summary", show=False
        ),
        Binding("minus", "length(-1)", "Shorter", id="shorter", tooltip="One sentence less per summary", show=False),
        Binding("s", "choose_summarizer", "Summarizer", id="summarizer", tooltip="Pick the summarizer plugin"),
        Binding("t", "filter_theme", "Theme", id="theme", tooltip="Only documents with a theme, its evidence marked"),
        Binding("v", "coverage", "Coverage", id="coverage", tooltip="Which document covers which theme, as a matrix"),
        Binding("slash", "search", "Search", id="search", tooltip="Find sentences across all sources"),
        Binding("c", "compare", "Compare", id="compare", tooltip="One document, several summarizers side by side"),
        Binding("e", "export", "Export", id="export", tooltip="Write this topic's brief to a file"),
        Binding("enter", "read", "Read", id="read", tooltip="Open the full text of the focused document", show=False),
        Binding("r", "reload", "Reload", id="reload", tooltip="Read the sources again; only changed ones are redone"),
        Binding(
            "o",
            "open",
            "Open",
            id="open",
            tooltip="The focused document's link in the browser, or its file",
            show=False,
        ),
        Binding(
            "u",
            "toggle_read",
            "Read/unread",
            id="toggle-read",
            tooltip="Mark the focused document read or unread",
            show=False,
        ),
        Binding(
            "U",
            "unread_only",
            "Unread only",
            id="unread-only",
            tooltip="Show only unread documents; again: all",
            show=False,
        ),
        Binding(
            "f",
            "filter_topics",
            "Filter topics",
            id="filter-topics",
            tooltip="Type to narrow the topic list",
            show=False,
        ),
        Binding("ctrl+b", "sidebar", "Sidebar", id="sidebar", tooltip="Hide or show the topic list", show=False),
        Binding("escape", "close_filter", "Close filter", id="close-filter", show=False),
        Binding(
            "exclamation_mark",
            "problems",
            "Problems",
            id="problems",
            tooltip="Every failed source and plugin, and every warning",
        ),
    ]

    def __init__(self, session: Session, compare: tuple[str, ...] = COMPARE_SUMMARIZERS, watch: bool = False):
        super().__init__()
        self.session = session
        self.view = ReadingView(session, compare)
        self.watch_sources = watch
        self.loading_stage = ""
        self.loading_done = False
        self.progress = (0, 0)
        self._stamps: dict[str, tuple[int, int]] | None = None  # the source files as last read
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
        """Topics by folder first, loaded one by one, so the first is readable at once. Grouping
        by content reads the rest in one batch (every core), then regroups everything."""
        session = self.session

        def progress(stage: str) -> None:
            self.post_message(LoadProgress(stage))

        if self.watch_sources:
            self._stamps = stamps(session.origins)  # before reading: a change while loading is seen
        topics = session.discover()
        self.post_message(TopicsFound(len(topics)))
        for index, topic in enumerate(topics):
            if get_current_worker().is_cancelled:
                return
            if session.regroups and index > 0:
                for loaded in session.load_rest(progress):
                    self.post_message(TopicLoaded(loaded))
                break
            session.load_topic(topic)
            self.post_message(TopicLoaded(index))
        if session.regroups and topics and not get_current_worker().is_cancelled:
            self.post_message(Regrouped(session.regroup(progress)))
        self.post_message(LoadingDone())

    def start_briefing(self) -> None:
        self.run_worker(self._brief, thread=True, exclusive=True, group="brief")

    def _brief(self) -> None:
        worker = get_current_worker()
        view, session = self.view, self.session
        summarizer, length, topic = view.summarizer_name, view.length, view.topic
        for document, name in view.work_order():
            if worker.is_cancelled:
                return
            untagged = session.complete and not session.is_tagged(document)
            if untagged or session.cached_brief(document, name, length) is None:
                session.document_brief(document, name, length)  # tags it too, once all is loaded
                self.post_message(Briefed(*session.progress(summarizer, length)))
            if topic is not None and topic.loaded and document is topic.documents[-1] and name == summarizer:
                if session.cached_topic_brief(topic, summarizer, length) is None:
                    session.topic_brief(topic, summarizer, length)
                    self.post_message(Briefed(*session.progress(summarizer, length)))
        self.post_message(Briefed(*session.progress(summarizer, length), finished=True))

    # -- messages from workers -------------------------------------------------------------------

    def on_topics_found(self, message: TopicsFound) -> None:
        self.refresh_topics()
        self.refresh_status()
        if message.count == 0:
            self.query_one("#status", Static).update("No sources found.")

    def on_topic_loaded(self, message: TopicLoaded) -> None:
        if self._return_to is not None and self._go_to(self._return_to):
            self._return_to = None
            self.refresh_view()
        elif message.index == self.view.topic_index:
            self.refresh_view()
        self.refresh_topics()
        self.start_briefing()

    def _go_to(self, document_id: str) -> bool:
        """Show the page of the topic holding ``document_id``, if a loaded topic does."""
        view = self.view
        for index, topic in enumerate(self.session.topics):
            ids = [d.id for d in topic.documents]
            if document_id in ids:
                view.topic_index = index
                view.page = (ids.index(document_id) // view.page_size) * view.page_size
                return True
        return False

    def on_regrouped(self, message: Regrouped) -> None:
        """Content topics replace the interim ones; the document the reader was at stays in view."""
        view = self.view
        shown = view.visible()
        self.session.replace_topics(message.topics)
        view.topic_index, view.page = 0, 0
        if shown:
            self._go_to(shown[0].id)
        if view.theme_filter and view.page >= len(view.documents()):
            view.theme_filter, view.page = None, 0
        self.refresh_topics()
        self._changed()

    def on_load_progress(self, message: LoadProgress) -> None:
        self.loading_stage = message.stage
        self.refresh_status()

    def on_loading_done(self, message: LoadingDone) -> None:
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
        length = self.view.length
        if length.sentences is not None:
            length = Length(max(1, length.sentences + step))
        else:
            ratio = round(min(1.0, max(0.1, (length.ratio or 0.1) + step * 0.1)), 1)
            length = Length(sentences=None, ratio=ratio)
        if length == self.view.length:
            self.app.bell()
            return
        self.view.length = length
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
        themes = self.view.topic_themes(topic, limit=50) if topic else ()
        if not topic or not themes:
            self.notify("No themes in this topic (no tagger found any).", severity="warning")
            return
        covering: dict[str, int] = {}
        for document in topic.documents:
            for name in {t.name for t in self.view.themes(document)}:
                covering[name] = covering.get(name, 0) + 1
        kinds: dict[str, str] = {}
        for theme in themes:  # one entry per name: taggers may share one ("energy")
            kinds.setdefault(theme.name, theme.kind or theme.tagger)
        choices = [(ALL_DOCUMENTS, "")] + [
            (n, f"{k} · {counted(covering.get(n, 0), 'document')}") for n, k in kinds.items()
        ]
        self.app.push_screen(ChoiceScreen("Filter by theme", choices, self.view.theme_filter), self.set_theme_filter)

    def set_theme_filter(self, name: str | None) -> None:
        """Show only documents with theme ``name`` (all of them for :data:`ALL_DOCUMENTS`)."""
        if name is None:
            return
        self.view.theme_filter = None if name == ALL_DOCUMENTS else name
        self.view.page = 0
        self._changed()

    def action_coverage(self) -> None:
        topic = self.view.topic
        if topic is None or not topic.loaded:
            self.notify("This topic is still loading.", severity="warning")
            return
        matrix = self.session.coverage(topic)
        if not matrix.themes:
            self.notify("No themes in this topic (no tagger found any).", severity="warning")
            return
        self.app.push_screen(CoverageScreen(topic.name, matrix), self.set_theme_filter)

    def action_search(self) -> None:
        def searched(query: str | None) -> None:
            if not query:
                return
            hits, total = self.session.search(query)
            if not hits:
                self.notify(f"Nothing matches “{query}”.", severity="warning", markup=False)
                return
            highlighted = {d.id: self.view.summary_positions(d) for d in self.session.all_documents()}
            self.app.push_screen(SearchScreen(self.session, query, hits, highlighted, total))

        self.app.push_screen(PromptScreen("Search all sources", "words to find"), searched)

    def action_compare(self) -> None:
        view = self.view
        if len(view.compare_names) < 2:
            self.notify("Compare mode needs at least two summarizers.", severity="warning")
            return
        focused = self.focused
        if isinstance(focused, DocumentColumn) and not view.comparing:
            view.page = focused.document_index
        view.comparing = not view.comparing
        if not view.comparing:
            view.page = (view.page // view.columns) * view.columns
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
            self.app.bell()
        else:
            open_document(self.app, document)

    def action_toggle_read(self) -> None:
        document = self.focused_document()
        if document is None:
            self.app.bell()
            return
        self.session.mark_read(document, not self.session.is_read(document))
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
            self.notify("Still reading the sources; reload once that is done.", severity="warning")
            return
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
            self.run_worker(self._compare_stamps, thread=True, exclusive=True, group="watch")

    def _compare_stamps(self) -> None:
        before, now = self._stamps, stamps(self.session.origins)
        if before is not None and now != before:
            changed = {p for p in before.keys() | now.keys() if before.get(p) != now.get(p)}
            self._stamps = now
            self.post_message(SourcesChanged(len(changed)))

    def on_sources_changed(self, message: SourcesChanged) -> None:
        if self.loading_done:
            self.notify(
                f"{counted(message.count, 'file')} changed, added or removed: reading the sources again", markup=False
            )
            self.reload()

    def action_export(self) -> None:
        topic = self.view.topic
        if topic is None or not topic.loaded:
            self.notify("Nothing to export yet.", severity="warning")
            return
        exporters = dict(self.session.exporters())

        def chosen(answer: tuple[str, str] | None) -> None:
            if not answer:
                return
            target, exporter = Path(answer[0]).expanduser(), answer[1]
            by_suffix = {suffix: name for name, suffix in exporters.items()}
            if target.suffix != exporters.get(exporter) and target.suffix in by_suffix:
                exporter = by_suffix[target.suffix]  # brief.md is markdown, whatever was selected
            if not target.parent.is_dir():
                self.notify(f"Not exported: there is no folder {target.parent}", severity="error", markup=False)
            elif target.is_dir():
                self.notify(f"Not exported: {target} is a folder", severity="error", markup=False)
            elif target.exists():
                replace = f"{target} exists. Replace it with the {exporter} brief of {topic.name}?"

                def confirmed(yes: bool | None) -> None:
                    if yes:
                        self.export(topic, target, exporter)

                self.app.push_screen(ConfirmScreen(replace), confirmed)
            else:
                self.export(topic, target, exporter)

        default = f"{slug(topic.name)}.txt"
        self.app.push_screen(ExportScreen(topic.name, list(exporters.items()), default), chosen)

    @work(thread=True, group="export")
    def export(self, topic: TopicState, target: Path, exporter: str) -> None:
        try:
            write_atomically(target, self.session.export(topic, self.view.summarizer_name, self.view.length, exporter))
        except Exception as exc:  # report, never crash the reading room
            self.app.call_from_thread(self.notify, f"Export failed: {exc}", severity="error", markup=False)
            return
        message = f"Wrote the {exporter} brief of {topic.name} to {target}"
        self.app.call_from_thread(self.notify, message, markup=False)

    def action_problems(self) -> None:
        errors, warnings = self.session.all_problems(self.view.summarizer_name, self.view.length)
        self.app.push_screen(ProblemsScreen(errors, warnings))

    def action_help(self) -> None:
        rows = []
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            keys = self.app._keymap.get(binding.id or "", binding.key).split(",")
            shown = ", ".join(self.app.get_key_display(Binding(key.strip(), "")) for key in keys)
            rows.append((shown, binding.description, binding.id or ""))
        self.app.push_screen(HelpScreen(rows))
