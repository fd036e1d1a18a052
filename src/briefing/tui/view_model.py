"""What the main screen shows, worked out from the session: no widgets in here.

The screen keeps the reader's place (topic, page, filter, compare mode, summarizer, length) in
a :class:`ReadingView`; the view turns it into the rows, columns and status the widgets draw,
asking the :class:`~briefing.session.Session` only through its public methods.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from rich.text import Text

from ..models import BriefSentence, Document, DocumentBrief, Problem, Theme
from ..session import Session, TopicState
from ..settings import Length
from ..topics.coverage import TOPIC_THEMES, topic_themes
from ..wording import counted
from .render import developments_text, document_body, document_header, thematic_text, theme_chips, topic_brief_text

#: Summarizers shown side by side in compare mode, when installed.
COMPARE_SUMMARIZERS = ("position", "lexrank", "textrank", "lead")


@dataclass(frozen=True)
class TopicRow:
    """One line of the topic list; ``documents`` is ``None`` while the topic loads."""

    index: int
    name: str
    documents: int | None
    unread: int
    themes: tuple[Theme, ...]


@dataclass
class Column:
    """One document column: which document of the topic it shows, and its text."""

    index: int
    header: Text
    body: Text


class ReadingView:
    """The reader's place in the briefing and what follows from it."""

    def __init__(self, session: Session, compare: tuple[str, ...] = COMPARE_SUMMARIZERS):
        self.session = session
        installed = {name for name, _ in session.summarizers()}
        self.compare_names = [name for name in compare if name in installed]
        self.summarizer_name = session.summarizer_name
        self.length: Length = session.length
        self.topic_index = 0
        self.page = 0
        self.columns = 2
        self.comparing = False
        self.theme_filter: str | None = None
        self.unread_only = False
        #: Topics whose name or top themes contain this (any case) are listed.
        self.topic_filter = ""

    # -- the place -------------------------------------------------------------------------------

    @property
    def topic(self) -> TopicState | None:
        topics = self.session.topics
        return topics[self.topic_index] if 0 <= self.topic_index < len(topics) else None

    def themes(self, document: Document) -> tuple[Theme, ...]:
        return self.session.cached_themes(document)

    def documents(self) -> list[Document]:
        """The current topic's documents, narrowed to the chosen theme and to unread ones."""
        topic = self.topic
        if topic is None:
            return []
        documents = list(topic.documents)
        if self.theme_filter is not None:
            documents = [d for d in documents if self.theme_filter in {t.name for t in self.themes(d)}]
        if self.unread_only:
            documents = [d for d in documents if not self.session.is_read(d)]
        return documents

    def visible(self) -> list[Document]:
        documents = self.documents()
        return documents[self.page : self.page + self.page_size]

    @property
    def page_size(self) -> int:
        return 1 if self.comparing else self.columns

    def topic_themes(self, topic: TopicState, limit: int = TOPIC_THEMES) -> tuple[Theme, ...]:
        """The topic's themes pooled over the documents tagged so far."""
        return topic_themes([DocumentBrief(d, None, self.themes(d)) for d in topic.documents], limit)

    def summary_positions(self, document: Document) -> list[int]:
        entry = self.session.cached_brief(document, self.summarizer_name, self.length)
        return [s.position for s in entry.summary.sentences] if entry and entry.summary else []

    # -- what to compute -------------------------------------------------------------------------

    def work_order(self) -> Iterator[tuple[Document, str]]:
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

    # -- what to draw ----------------------------------------------------------------------------

    def topic_rows(self) -> list[TopicRow]:
        """The topics the list shows: those that match :attr:`topic_filter`, with their index."""
        rows = []
        wanted = self.topic_filter.casefold().strip()
        for index, topic in enumerate(self.session.topics):
            themes = self.topic_themes(topic, 3)
            if wanted and wanted not in " ".join([topic.name, *(t.name for t in themes)]).casefold():
                continue
            count = len(topic.documents) if topic.loaded else None
            rows.append(TopicRow(index, topic.name, count, self.session.unread(topic), themes))
        return rows

    def brief_text(self) -> Text:
        """The panel above the columns: the topic brief, or what stands in for it."""
        topic = self.topic
        if topic is None or not topic.loaded:
            return Text("loading…", style="italic dim")
        if self.comparing:  # the document's header once, above its summarizers' columns
            compared = self.visible()
            text = Text()
            if compared:
                text.append_text(document_header(compared[0], unread=not self.session.is_read(compared[0])))
                chips = theme_chips(self.themes(compared[0]), self.theme_filter)
                if chips:
                    text.append("\n")
                    text.append_text(chips)
                text.append("\n")
            text.append("● chosen by every summarizer   ◐ by several   • by this one only", style="dim")
            return text
        text = self.thematic_text(topic)
        for problem in self.topic_problems(topic):
            text.append(f"\n⚠ {problem.source}: {problem.message}", style="bold red")
        return text

    def thematic_text(self, topic: TopicState) -> Text:
        """The topic's thematic brief; its flat brief while the themes are being found."""
        titles = {d.id: d.title for d in topic.documents}
        made = self.session.cached_thematic(topic, self.summarizer_name, self.length)
        if made and made[0]:
            return thematic_text(made[0], titles)
        sentences: tuple[BriefSentence, ...] | None = self.session.cached_topic_brief(
            topic, self.summarizer_name, self.length
        )
        return topic_brief_text(sentences, titles) if sentences is not None else Text("briefing…", "italic dim")

    def news_text(self, topic: TopicState) -> Text:
        """What is new in the topic: the points of its unread documents that read ones did not
        make, then its timeline (what each dated document added to the ones before)."""
        titles = {d.id: d.title for d in topic.documents}
        unread = self.session.new_since_read(topic, self.summarizer_name, self.length)
        developments = self.session.thematic_brief(topic, self.summarizer_name, self.length)[1]
        text = developments_text(unread, titles, "New since you last read", "Nothing: you have read every document.")
        text.append("\n\n")
        text.append_text(
            developments_text(developments, titles, "Timeline", "No timeline: fewer than two dated documents.")
        )
        return text

    def mark_read(self, every_topic: bool) -> str:
        """Mark the topic on screen (or every topic) read; what to tell the reader."""
        topics = self.session.topics if every_topic else [t for t in [self.topic] if t is not None]
        documents = [d for t in topics for d in t.documents]
        changed = self.session.read_state.mark_many(documents)
        where = "every topic" if every_topic else (topics[0].name if topics else "this topic")
        return f"Marked {counted(changed, 'document')} read in {where}." if changed else f"All of {where} was read."

    def next_unread(self, after: Document | None = None) -> Document | None:
        """The first unread document after ``after``: in its topic first, then in the topics after it."""
        topics = self.session.topics
        start = self.topic_index
        for step in range(len(topics)):
            documents = list(topics[(start + step) % len(topics)].documents)
            if step == 0 and after is not None and after in documents:
                documents = documents[documents.index(after) + 1 :]
            found = next((d for d in documents if not self.session.is_read(d)), None)
            if found is not None:
                return found
        return None

    def topic_problems(self, topic: TopicState) -> list[Problem]:
        origins = {s.origin for s in topic.sources}
        return [p for p in self.session.problems if p.source in origins]

    def column_contents(self) -> list[Column]:
        if self.comparing:
            return [column for document in self.visible() for column in self._compared(document)]
        contents = []
        for offset, document in enumerate(self.visible()):
            entry = self.session.cached_brief(document, self.summarizer_name, self.length)
            problems = [p.message for p in self.session.document_problems(document, self.summarizer_name, self.length)]
            body = document_body(entry, problems, self.theme_filter)
            header = document_header(document, unread=not self.session.is_read(document))
            contents.append(Column(self.page + offset, header, body))
        return contents

    def _compared(self, document: Document) -> list[Column]:
        """One column per compared summarizer, each sentence marked by how many chose it."""
        briefs = {n: self.session.cached_brief(document, n, self.length) for n in self.compare_names}
        chosen: dict[int, int] = {}
        for entry in briefs.values():
            for s in entry.summary.sentences if entry and entry.summary else ():
                chosen[s.position] = chosen.get(s.position, 0) + 1
        everyone = len(self.compare_names)
        marks = {p: "●" if n == everyone else "◐" if n > 1 else "•" for p, n in chosen.items()}
        columns = []
        for name, entry in briefs.items():
            problems = [p.message for p in self.session.document_problems(document, name, self.length)]
            body = document_body(entry, problems, self.theme_filter, marks, chips=False)
            columns.append(Column(self.page, Text(name, style="bold reverse"), body))
        if self.columns > 1:
            return columns
        # Too narrow for columns side by side: one column, the summarizers one below the other.
        stacked = Text()
        for column in columns:
            stacked.append_text(column.header + Text("\n") + column.body + Text("\n\n"))
        return [Column(self.page, Text("compared, one below the other", style="dim"), stacked)]

    def status_text(self, loading_done: bool, loading_stage: str, progress: tuple[int, int]) -> Text:
        documents = self.documents()
        parts = [f"{self.summarizer_name} · {self.length.describe()}"]
        if documents:
            last = min(len(documents), self.page + self.page_size)
            first = self.page + 1
            parts.append(f"{f'document {first}' if last == first else f'documents {first}–{last}'} of {len(documents)}")
        if self.theme_filter:
            parts.append(f"theme: {self.theme_filter}")
        if self.unread_only:
            parts.append("unread only")
        done, total = progress
        if not loading_done and loading_stage:
            parts.append(loading_stage)  # "reading sources 300/1000", "tagging documents ..."
        elif not loading_done:
            loaded = sum(1 for t in self.session.topics if t.loaded)
            parts.append(f"loading topics {loaded}/{len(self.session.topics)}")
        elif total and done < total:
            parts.append(f"summarizing {done}/{total}")
        failed = len(self.session.problems) + len(self.session.engine.registry.failures)
        warned = len(self.session.all_warnings())
        if failed or warned:
            # First, so a narrow terminal still shows it.
            parts.insert(0, f"⚠ {failed} failed, {counted(warned, 'warning')} (press ! to see)")
        return Text(" · ".join(parts))

    def theme_choices(self, topic: TopicState) -> list[tuple[str, str]]:
        """The topic's themes to filter by, each once (taggers may share a name: "energy"), with its
        kind and how many of the topic's documents carry it."""
        covering: Counter[str] = Counter()
        for document in topic.documents:
            covering.update({t.name for t in self.themes(document)})
        kinds: dict[str, str] = {}
        for theme in self.topic_themes(topic, limit=50):
            kinds.setdefault(theme.name, theme.kind or theme.tagger)
        return [(name, f"{kind} · {counted(covering[name], 'document')}") for name, kind in kinds.items()]

    def step_length(self, step: int) -> bool:
        """One sentence (or a tenth of the document) longer or shorter; ``False`` at the limit."""
        length = self.length
        if length.sentences is not None:
            length = Length(max(1, length.sentences + step))
        else:
            ratio = round(min(1.0, max(0.1, (length.ratio or 0.1) + step * 0.1)), 1)
            length = Length(sentences=None, ratio=ratio)
        if length == self.length:
            return False
        self.length = length
        return True

    def toggle_compare(self, focused: int | None) -> None:
        """Into compare mode at the ``focused`` document (else the page's first), or out of it at
        the page that holds the document compared."""
        if focused is not None and not self.comparing:
            self.page = focused
        self.comparing = not self.comparing
        if not self.comparing:
            self.page = (self.page // self.columns) * self.columns

    def go_to(self, document_id: str) -> bool:
        """Show the page of the topic holding ``document_id``, if a loaded topic does."""
        for index, topic in enumerate(self.session.topics):
            ids = [d.id for d in topic.documents]
            if document_id in ids:
                self.topic_index = index
                self.page = (ids.index(document_id) // self.page_size) * self.page_size
                return True
        return False
