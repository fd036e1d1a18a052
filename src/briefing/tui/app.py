"""The reading room: topics on the left, the topic brief above side-by-side document columns.

Loading and summarizing run in thread workers. The loader reads sources topic by topic, so the
first topic is on screen while the rest load; the briefer summarizes what is visible first and
restarts (cancelling itself) whenever the view or the settings change. Results are cached in the
:class:`~briefing.session.Session`, so nothing is computed twice.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.worker import get_current_worker

from ..coverage import TOPIC_THEMES, topic_themes
from ..engine.settings import Length
from ..models import Document, DocumentBrief, Theme
from ..output import write_atomically
from ..session import Session, TopicState
from .render import document_body, document_header, topic_brief_text
from .screens.coverage import CoverageScreen
from .screens.dialogs import ChoiceScreen, ExportScreen, PromptScreen
from .screens.help import HelpScreen
from .screens.reader import ReaderScreen
from .screens.search import SearchScreen
from .widgets.document_column import DocumentColumn
from .widgets.topic_list import TopicList

#: A document column is never narrower than this (cells); the width decides how many fit.
MIN_COLUMN_WIDTH = 40
#: Actions of the main view, which other screens (reader, coverage, search) must not trigger.
MAIN_SCREEN_ONLY = frozenset(
    {"topic", "page", "length", "choose_summarizer", "filter_theme", "coverage", "search", "compare", "export", "read"}
)
#: The theme filter's choice that lifts the filter.
ALL_DOCUMENTS = "(all documents)"
#: Summarizers shown side by side in compare mode, when installed.
COMPARE_SUMMARIZERS = ("lexrank", "lsa", "textrank", "lead")


@dataclass
class TopicsFound(Message):
    count: int


@dataclass
class TopicLoaded(Message):
    index: int


class LoadingDone(Message):
    pass


@dataclass
class LoadProgress(Message):
    """What loading is doing now ("tagging 300/1000 documents"), for the status line."""

    stage: str


@dataclass
class Briefed(Message):
    """Some briefs were computed; ``done`` of ``total`` documents for the current settings.

    ``finished`` marks the briefer's last message, when everything it was asked to do is done.
    """

    done: int
    total: int
    finished: bool = False


def _drawing_while_open(handler: Callable[[BriefingApp, Any], None]) -> Callable[[BriefingApp, Any], None]:
    """For messages from workers: one that arrives while the app is closing has nothing to draw on."""

    @functools.wraps(handler)
    def handle(app: BriefingApp, message: Any) -> None:
        try:
            handler(app, message)
        except NoMatches:
            if not app.query("#main"):
                return
            raise

    return handle


def _documents(count: int) -> str:
    return f"{count} document{'' if count == 1 else 's'}"


class BriefingApp(App[None]):
    """Page through side-by-side briefs per topic."""

    TITLE = "briefing"
    CSS_PATH = "briefing.tcss"
    AUTO_FOCUS = None  # the first document column takes focus once it exists
    BINDINGS = [
        Binding("n,pagedown", "topic(1)", "Next topic", id="next-topic"),
        Binding("p,pageup", "topic(-1)", "Prev topic", id="previous-topic"),
        Binding("left,h", "page(-1)", "Page left", id="page-left"),
        Binding("right,l", "page(1)", "Page right", id="page-right"),
        Binding("plus,equals_sign", "length(1)", "Longer", id="longer"),
        Binding("minus", "length(-1)", "Shorter", id="shorter"),
        Binding("s", "choose_summarizer", "Summarizer", id="summarizer"),
        Binding("t", "filter_theme", "Theme", id="theme"),
        Binding("v", "coverage", "Coverage", id="coverage"),
        Binding("slash", "search", "Search", id="search"),
        Binding("c", "compare", "Compare", id="compare"),
        Binding("e", "export", "Export", id="export"),
        Binding("enter", "read", "Read", id="read"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        session: Session,
        *,
        keymap: dict[str, str] | None = None,
        compare: Iterable[str] = COMPARE_SUMMARIZERS,
    ):
        super().__init__()
        self.session = session
        self.summarizer_name = session.summarizer_name
        self.length = session.length
        installed = {name for name, _ in session.summarizers()}
        self.compare_names = [name for name in compare if name in installed]
        self.keymap_overrides = dict(keymap or {})
        self.topic_index = 0
        self.page = 0
        self.columns = 2
        self.comparing = False
        self.theme_filter: str | None = None
        self.loading_stage = ""
        self._briefed_messages = 0
        self.loading_done = False
        self.progress = (0, 0)

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield TopicList(id="topics")
            with Vertical(id="main"):
                yield Static(id="topic-title", markup=False)
                yield Static(id="brief", markup=False)
                yield Horizontal(id="columns")
                yield Static(id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        self.query_one("#status", Static).update("Reading sources…")
        self.load_sources()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        width = self.query_one("#main").size.width
        columns = max(1, width // MIN_COLUMN_WIDTH)
        if columns != self.columns:
            self.columns = columns
            self.page = (self.page // columns) * columns
            self.refresh_view()
            self.start_briefing()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The briefing controls act on the main screen: over the reader or the coverage matrix
        they are neither shown in the footer nor run (help and quit work everywhere)."""
        if action in MAIN_SCREEN_ONLY and self.screen is not self.screen_stack[0]:
            return False
        return True

    # -- state helpers ---------------------------------------------------------------------------

    @property
    def topic(self) -> TopicState | None:
        topics = self.session.topics
        return topics[self.topic_index] if 0 <= self.topic_index < len(topics) else None

    def documents(self) -> list[Document]:
        """The current topic's documents, narrowed to the chosen theme."""
        topic = self.topic
        if topic is None:
            return []
        if self.theme_filter is None:
            return list(topic.documents)
        return [d for d in topic.documents if self.theme_filter in {t.name for t in self._themes(d)}]

    def _themes(self, document: Document) -> tuple[Theme, ...]:
        return self.session.cached_themes(document)

    def _topic_themes(self, topic: TopicState, limit: int = TOPIC_THEMES) -> tuple[Theme, ...]:
        """The topic's themes pooled over the documents tagged so far."""
        return topic_themes([DocumentBrief(d, None, self._themes(d)) for d in topic.documents], limit)

    def visible(self) -> list[Document]:
        documents = self.documents()
        if self.comparing:
            return documents[self.page : self.page + 1]
        return documents[self.page : self.page + self.columns]

    # -- workers ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load_sources(self) -> None:
        topics = self.session.discover(lambda stage: self.post_message(LoadProgress(stage)))
        self.post_message(TopicsFound(len(topics)))
        for index, topic in enumerate(topics):
            if get_current_worker().is_cancelled:
                return
            self.session.load_topic(topic)
            self.post_message(TopicLoaded(index))
        self.post_message(LoadingDone())

    def _work_order(self) -> Iterator[tuple[Document, str]]:
        """What to summarize, most urgent first: what is on screen, this topic, then the rest."""
        if self.comparing:
            for document in self.visible():
                for name in self.compare_names:
                    yield document, name
        for document in self.visible():
            yield document, self.summarizer_name
        for document in self.documents():
            yield document, self.summarizer_name
        for topic in list(self.session.topics):
            for document in list(topic.documents):
                yield document, self.summarizer_name

    def start_briefing(self) -> None:
        self.run_worker(self._brief, thread=True, exclusive=True, group="brief")

    def _brief(self) -> None:
        worker = get_current_worker()
        summarizer, length = self.summarizer_name, self.length
        topic = self.topic
        for document, name in self._work_order():
            if worker.is_cancelled:
                return
            untagged = self.session.complete and not self.session.is_tagged(document)
            if untagged or self.session.cached_brief(document, name, length) is None:
                self.session.document_brief(document, name, length)  # tags it too, once all is loaded
                self.post_message(Briefed(*self._count_done()))
            if topic is not None and topic.loaded and document is topic.documents[-1] and name == summarizer:
                if self.session.cached_topic_brief(topic, summarizer, length) is None:
                    self.session.topic_brief(topic, summarizer, length)
                    self.post_message(Briefed(*self._count_done()))
        self.post_message(Briefed(*self._count_done(), finished=True))

    def _count_done(self) -> tuple[int, int]:
        return self.session.progress(self.summarizer_name, self.length)

    # -- messages from workers -------------------------------------------------------------------

    @_drawing_while_open
    def on_topics_found(self, message: TopicsFound) -> None:
        if message.count == 0:
            self.query_one("#status", Static).update(self._problem_text("No sources found."))
        self.refresh_topics()

    @_drawing_while_open
    def on_topic_loaded(self, message: TopicLoaded) -> None:
        self.refresh_topics()
        if message.index == self.topic_index:
            self.refresh_view()
        self.start_briefing()

    @_drawing_while_open
    def on_load_progress(self, message: LoadProgress) -> None:
        self.loading_stage = message.stage
        self.refresh_status()

    @_drawing_while_open
    def on_loading_done(self, message: LoadingDone) -> None:
        self.loading_done = True
        self.refresh_status()
        self.start_briefing()  # tagging waits for the whole corpus

    @_drawing_while_open
    def on_briefed(self, message: Briefed) -> None:
        self.progress = (message.done, message.total)
        self._briefed_messages += 1
        # Each topic's top themes pool all its documents: redraw them now and then, not per brief.
        if message.finished or self._briefed_messages % 50 == 0:
            self.refresh_topics()
        self.refresh_view()

    # -- drawing ---------------------------------------------------------------------------------

    def refresh_topics(self) -> None:
        rows = []
        for topic in self.session.topics:
            rows.append((topic.name, len(topic.documents) if topic.loaded else None, self._topic_themes(topic, 3)))
        self.query_one(TopicList).show_topics(rows, self.topic_index)

    def _problem_text(self, message: str) -> Text:
        return Text(message, style="bold red")

    def refresh_status(self) -> None:
        documents = self.documents()
        parts = [f"{self.summarizer_name} · {self._length_text()}"]
        if documents:
            last = min(len(documents), self.page + (1 if self.comparing else self.columns))
            parts.append(f"documents {self.page + 1}–{last} of {len(documents)}")
        if self.theme_filter:
            parts.append(f"theme: {self.theme_filter}")
        done, total = self.progress
        if not self.loading_done and not self.session.topics and self.loading_stage:
            parts.append(self.loading_stage)
        elif not self.loading_done:
            loaded = sum(1 for t in self.session.topics if t.loaded)
            parts.append(f"loading topics {loaded}/{len(self.session.topics)}")
        elif total and done < total:
            parts.append(f"summarizing {done}/{total}")
        if self.session.problems:
            parts.append(f"{len(self.session.problems)} sources failed")
        self.query_one("#status", Static).update(Text(" · ".join(parts)))

    def _length_text(self) -> str:
        if self.length.sentences is not None:
            return f"{self.length.sentences} sentences"
        return f"ratio {self.length.ratio:.1f}"

    def refresh_view(self) -> None:
        topic = self.topic
        title = self.query_one("#topic-title", Static)
        brief = self.query_one("#brief", Static)
        if topic is None:
            title.update(Text("Loading…" if not self.loading_done else "No topics"))
            brief.update("")
            self._show_columns([])
            self.refresh_status()
            return
        title.update(Text(f"{topic.name}", style="bold") + Text("  compare mode" if self.comparing else "", "italic"))
        if not topic.loaded:
            brief.update(Text("loading…", style="italic dim"))
        elif self.comparing:
            brief.update(Text("● chosen by every summarizer   ◐ by several   • by this one only", style="dim"))
        else:
            sentences = self.session.cached_topic_brief(topic, self.summarizer_name, self.length)
            titles = {d.id: d.title for d in topic.documents}
            text = topic_brief_text(sentences, titles) if sentences is not None else Text("briefing…", "italic dim")
            failed = [p for p in self.session.problems if p.source in {s.origin for s in topic.sources}]
            for problem in failed:
                text.append(f"\n⚠ {problem.source}: {problem.message}", style="bold red")
            brief.update(text)
        self._show_columns(self._column_contents())
        self.refresh_status()

    def _column_contents(self) -> list[tuple[int, Text, Text]]:
        contents = []
        if self.comparing:
            for document in self.visible():
                briefs = {n: self.session.cached_brief(document, n, self.length) for n in self.compare_names}
                chosen: dict[int, int] = {}
                for entry in briefs.values():
                    for s in entry.summary.sentences if entry and entry.summary else ():
                        chosen[s.position] = chosen.get(s.position, 0) + 1
                everyone = len(self.compare_names)
                marks = {p: "●" if n == everyone else "◐" if n > 1 else "•" for p, n in chosen.items()}
                for name, entry in briefs.items():
                    header = Text(name, style="bold reverse") + Text("\n") + document_header(document)
                    problems = [p.message for p in self.session.document_problems(document, name, self.length)]
                    contents.append((self.page, header, document_body(entry, problems, self.theme_filter, marks)))
            return contents
        for offset, document in enumerate(self.visible()):
            entry = self.session.cached_brief(document, self.summarizer_name, self.length)
            problems = [p.message for p in self.session.document_problems(document, self.summarizer_name, self.length)]
            contents.append(
                (self.page + offset, document_header(document), document_body(entry, problems, self.theme_filter))
            )
        return contents

    def _show_columns(self, contents: list[tuple[int, Text, Text]]) -> None:
        container = self.query_one("#columns", Horizontal)
        existing = list(container.query(DocumentColumn))
        if len(existing) == len(contents) and all(
            c.document_index == index for c, (index, _, _) in zip(existing, contents, strict=True)
        ):
            for column, (_, header, body) in zip(existing, contents, strict=True):
                column.update(header, body)
            return
        focused_index = next((c.document_index for c in existing if c.has_focus_within), None)
        container.remove_children()
        columns = [DocumentColumn(index, header, body) for index, header, body in contents]
        container.mount_all(columns)
        if columns and (focused_index is not None or self.focused is None):
            target = next((c for c in columns if c.document_index == focused_index), columns[0])
            self.call_after_refresh(target.focus)

    # -- actions ---------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#topics")
    def topic_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.topic_index:
            self.topic_index = event.option_index
            self.page = 0
            self.refresh_view()
            self.start_briefing()

    @on(OptionList.OptionSelected, "#topics")
    def topic_selected(self) -> None:
        """Enter on a topic moves into its columns."""
        columns = self.query(DocumentColumn)
        if columns:
            columns.first().focus()

    def action_topic(self, step: int) -> None:
        topics = self.session.topics
        if not topics:
            return
        self.topic_index = (self.topic_index + step) % len(topics)
        self.page = 0
        self.query_one(TopicList).highlighted = self.topic_index
        self.refresh_view()
        self.start_briefing()

    def action_page(self, step: int) -> None:
        size = 1 if self.comparing else self.columns
        count = len(self.documents())
        page = self.page + step * size
        if count == 0 or page < 0 or page >= count:
            self.bell()
            return
        self.page = page
        self.refresh_view()
        self.start_briefing()

    def action_length(self, step: int) -> None:
        length = self.length
        if length.sentences is not None:
            length = Length(max(1, length.sentences + step))
        else:
            ratio = round(min(1.0, max(0.1, (length.ratio or 0.1) + step * 0.1)), 1)
            length = Length(sentences=None, ratio=ratio)
        if length == self.length:
            self.bell()
            return
        self.length = length
        self.notify(f"Summaries: {self._length_text()}")
        self.refresh_view()
        self.start_briefing()

    def action_choose_summarizer(self) -> None:
        choices = self.session.summarizers()

        def chosen(name: str | None) -> None:
            if name and name != self.summarizer_name:
                self.summarizer_name = name
                self.notify(f"Summarizer: {name}")
                self.refresh_view()
                self.start_briefing()

        self.push_screen(ChoiceScreen("Choose a summarizer", choices, self.summarizer_name), chosen)

    def action_filter_theme(self) -> None:
        topic = self.topic
        themes = self._topic_themes(topic, limit=50) if topic else ()
        if not themes:
            self.notify("No themes in this topic (no tagger found any).", severity="warning")
            return
        covering: dict[str, int] = {}
        for document in topic.documents if topic else ():
            for name in {t.name for t in self._themes(document)}:
                covering[name] = covering.get(name, 0) + 1
        kinds: dict[str, str] = {}
        for theme in themes:  # one entry per name: taggers may share one ("energy")
            kinds.setdefault(theme.name, theme.kind or theme.tagger)
        choices = [(ALL_DOCUMENTS, "")] + [(n, f"{k} · {_documents(covering.get(n, 0))}") for n, k in kinds.items()]
        self.push_screen(ChoiceScreen("Filter by theme", choices, self.theme_filter), self.set_theme_filter)

    def set_theme_filter(self, name: str | None) -> None:
        """Show only documents with theme ``name`` (all of them for :data:`ALL_DOCUMENTS`)."""
        if name is None:
            return
        self.theme_filter = None if name == ALL_DOCUMENTS else name
        self.page = 0
        self.refresh_view()
        self.start_briefing()

    def action_coverage(self) -> None:
        topic = self.topic
        if topic is None or not topic.loaded:
            self.notify("This topic is still loading.", severity="warning")
            return
        matrix = self.session.coverage(topic)
        if not matrix.themes:
            self.notify("No themes in this topic (no tagger found any).", severity="warning")
            return
        self.push_screen(CoverageScreen(topic.name, matrix), self.set_theme_filter)

    def action_search(self) -> None:
        def searched(query: str | None) -> None:
            if not query:
                return
            hits = self.session.search(query)
            if not hits:
                self.notify(f"Nothing matches “{query}”.", severity="warning")
                return
            self.push_screen(SearchScreen(query, hits, self._highlighted_positions()))

        self.push_screen(PromptScreen("Search all sources", "words to find"), searched)

    def _summary_positions(self, document: Document) -> list[int]:
        entry = self.session.cached_brief(document, self.summarizer_name, self.length)
        return [s.position for s in entry.summary.sentences] if entry and entry.summary else []

    def _highlighted_positions(self) -> dict[str, list[int]]:
        return {d.id: self._summary_positions(d) for d in self.session.all_documents()}

    def action_compare(self) -> None:
        if len(self.compare_names) < 2:
            self.notify("Compare mode needs at least two summarizers.", severity="warning")
            return
        focused = self.focused
        if isinstance(focused, DocumentColumn) and not self.comparing:
            self.page = focused.document_index
        self.comparing = not self.comparing
        if not self.comparing:
            self.page = (self.page // self.columns) * self.columns
        self.refresh_view()
        self.start_briefing()

    def action_read(self) -> None:
        focused = self.focused
        documents = self.documents()
        index = focused.document_index if isinstance(focused, DocumentColumn) else self.page
        if not 0 <= index < len(documents):
            return
        document = documents[index]
        self.push_screen(ReaderScreen(document, self._summary_positions(document)))

    def action_export(self) -> None:
        topic = self.topic
        if topic is None or not topic.loaded:
            self.notify("Nothing to export yet.", severity="warning")
            return
        exporters = self.session.exporters()
        default = f"{topic.name}.txt".replace("/", "-")

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer:
                self.export(topic, *answer)

        self.push_screen(ExportScreen(topic.name, exporters, default), chosen)

    @work(thread=True, group="export")
    def export(self, topic: TopicState, path: str, exporter_name: str) -> None:
        target = Path(path).expanduser()
        try:
            text = self.session.export(topic, self.summarizer_name, self.length, exporter_name)
            write_atomically(target, text)
        except Exception as exc:  # report, never crash the reading room
            self.call_from_thread(self.notify, f"Export failed: {exc}", severity="error", markup=False)
            return
        self.call_from_thread(self.notify, f"Wrote the {exporter_name} brief of {topic.name} to {target}", markup=False)

    def action_help(self) -> None:
        rows = []
        keymap = self._keymap
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            keys = keymap.get(binding.id or "", binding.key).split(",")
            shown = ", ".join(self.get_key_display(Binding(key.strip(), "")) for key in keys)
            rows.append((shown, binding.description, binding.id or ""))
        self.push_screen(HelpScreen(rows))

    # -- command palette -------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if screen is not self.screen_stack[0]:
            return  # the briefing controls act on the main screen only
        commands = [
            ("Next topic", "Show the next topic", lambda: self.action_topic(1)),
            ("Previous topic", "Show the previous topic", lambda: self.action_topic(-1)),
            ("Page right", "Show the next documents of this topic", lambda: self.action_page(1)),
            ("Page left", "Show the previous documents of this topic", lambda: self.action_page(-1)),
            ("Longer summaries", "One more sentence per summary", lambda: self.action_length(1)),
            ("Shorter summaries", "One sentence less per summary", lambda: self.action_length(-1)),
            ("Choose summarizer", "Pick the summarizer plugin", self.action_choose_summarizer),
            ("Filter by theme", "Show only documents with a theme, its evidence highlighted", self.action_filter_theme),
            ("Coverage", "Which document covers which theme, as a matrix", self.action_coverage),
            ("Search sources", "Find sentences across all sources", self.action_search),
            ("Toggle compare mode", "One document, several summarizers side by side", self.action_compare),
            ("Export brief", "Write this topic's brief to a file", self.action_export),
            ("Read document", "Open the full text of the focused document", self.action_read),
            ("Help", "Keys and what the screen shows", self.action_help),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)
