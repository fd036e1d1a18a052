"""The reading room, driven with Textual's pilot at 80x24 and 160x48, plus snapshots."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, OptionList, Static
from textual.worker import WorkerCancelled

from briefing.engine import Engine, Settings
from briefing.plugins import PluginHost
from briefing.session import Session
from briefing.tui.app import BriefingApp
from briefing.tui.commands import screen_commands
from briefing.tui.messages import Regrouped
from briefing.tui.screens.coverage import CoverageScreen
from briefing.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, ExportScreen, PromptScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.problems import ProblemsScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.screens.search import SearchScreen
from briefing.tui.widgets.document_column import DocumentColumn

from .conftest import SOURCES

SIZES = [(80, 24), (160, 48)]

THEME_TAGGER = """
from briefing import Tagger, Theme, hookimpl

class Lithium(Tagger):
    name = "lithium"
    def tag(self, document, kit, corpus):
        evidence = tuple(s.text for s in document.sentences if "lithium" in s.text.lower())
        return [Theme("lithium", float(len(evidence)), evidence)] if evidence else []

@hookimpl
def register_taggers(register):
    register(Lithium)
"""

FRAGILE = """
from briefing import Summarizer, hookimpl

class Fragile(Summarizer):
    name = "fragile"
    def rate(self, document, kit):
        if "vanadium" in document.text:
            raise RuntimeError("cannot rate vanadium")
        return [1.0] * len(document.sentences)

@hookimpl
def register_summarizers(register):
    register(Fragile)
"""


def make_app(paths=(SOURCES,), plugins=(), summarizer="lexrank", keymap=None, grouping="folders") -> BriefingApp:
    """The app on the samples; grouped by folder unless asked, so topic names and order are known."""
    registry = PluginHost(list(plugins), load_entry_points=False).registry()
    engine = Engine(registry, Settings(summarizer=summarizer, grouping=grouping))
    return BriefingApp(Session(engine, [str(p) for p in paths]), keymap=keymap)


async def settle(pilot) -> None:
    """Wait until every source is loaded and everything on screen is briefed."""
    app = pilot.app
    for _ in range(200):
        try:
            await app.main_screen.workers.wait_for_complete()
        except WorkerCancelled:
            pass  # the briefer restarts (cancelling itself) whenever the view changes; wait again
        await pilot.pause()
        room = app.main_screen
        done, total = room.progress
        if room.loading_done and total and done == total and not room.workers:
            return
    raise AssertionError("the app did not settle")


@asynccontextmanager
async def running(size: tuple[int, int], **options) -> AsyncIterator[tuple[BriefingApp, object]]:
    """The app at ``size``, settled: sources loaded and the screen briefed."""
    app = make_app(**options)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot


def view(app):
    """The main screen's view model: the reader's place (topic, page, filter, summarizer...)."""
    return app.main_screen.view


def columns(app) -> list[DocumentColumn]:
    return list(app.main_screen.query(DocumentColumn))


def column_text(column: DocumentColumn) -> str:
    return "\n".join(str(s.render()) for s in column.query(Static))


def problem_rows(app) -> list[list[str]]:
    """The problems view's entries as ``[kind, source, what happened]``."""
    listed = app.screen.query_one("#problems", OptionList)
    rows = []
    for index in range(listed.option_count):
        head, cause = str(listed.get_option_at_index(index).prompt).split("\n", 1)
        kind, source = head.split("  ", 1)
        rows.append([kind, source, cause])
    return rows


def title(app) -> str:
    return str(app.main_screen.query_one("#topic-title", Static).render())


@pytest.mark.parametrize("size", SIZES)
async def test_layout_fits_columns_to_width(size):
    async with running(size) as (app, pilot):
        expected = 1 if size[0] < 120 else (size[0] - 28) // 40
        assert len(columns(app)) == expected
        assert title(app).startswith("coral-reefs")
        topics = app.main_screen.query_one("#topics", OptionList)
        assert topics.option_count == 3
        assert "4 docs" in str(topics.get_option_at_index(0).prompt)
        assert "Bleaching Season" in column_text(columns(app)[0])
        brief = str(app.main_screen.query_one("#brief", Static).render())
        assert "Another Bleaching Season on the Reef" in brief


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_topic_shows_its_themes_and_key_points(size):
    async with running(size) as (app, pilot):
        for _ in range(50):  # the themes come once every document is tagged and summarized
            brief = str(app.main_screen.query_one("#brief", Static).render())
            if brief.startswith("1. "):
                break
            await pilot.pause(0.1)
        assert re.match(r"1\. \S.*  \d+ sources?\n  • ", brief)  # a named theme, then its points
        assert re.search(r"  — (?:only in|said by \d sources:) ", brief)  # each point says who said it
        await pilot.press("b")
        await pilot.pause()
        full = app.screen.query_one("#brief-full", Static)
        assert str(full.render()).startswith(brief.split("\n")[0])
        assert app.screen.query_one("#brief-title").region.width == size[0]
        await pilot.press("escape")
        assert app.screen is app.main_screen


async def test_two_columns_at_120():
    async with running((120, 40)) as (app, pilot):
        assert len(columns(app)) == 2


@pytest.mark.parametrize("size", SIZES)
async def test_next_and_previous_topic(size):
    async with running(size) as (app, pilot):
        await pilot.press("n")
        assert title(app).startswith("energy-storage")
        await pilot.press("n", "n")
        assert title(app).startswith("coral-reefs")
        await pilot.press("p")
        assert title(app).startswith("urban-cycling")
        await settle(pilot)
        assert "Lastenräder" in "".join(column_text(c) for c in columns(app)) or columns(app)


@pytest.mark.parametrize("size", SIZES)
async def test_page_left_and_right(size):
    async with running(size) as (app, pilot):
        width = len(columns(app))
        first = [c.document_index for c in columns(app)]
        await pilot.press("right")
        await settle(pilot)
        assert [c.document_index for c in columns(app)] == [i + width for i in first if i + width < 4]
        await pilot.press("left")
        assert [c.document_index for c in columns(app)] == first
        await pilot.press("left")  # at the start already: nothing moves
        assert [c.document_index for c in columns(app)] == first


@pytest.mark.parametrize("size", SIZES)
async def test_longer_and_shorter_summaries(size):
    async with running(size) as (app, pilot):
        assert column_text(columns(app)[0]).count("• ") == 3
        await pilot.press("plus")
        await settle(pilot)
        assert column_text(columns(app)[0]).count("• ") == 4
        await pilot.press("minus", "minus", "minus", "minus")
        await settle(pilot)
        assert column_text(columns(app)[0]).count("• ") == 1


@pytest.mark.parametrize("size", SIZES)
async def test_choose_summarizer(size):
    async with running(size) as (app, pilot):
        await pilot.press("s")
        assert isinstance(app.screen, ChoiceScreen)
        choices = app.screen.query_one(OptionList)
        choices.highlighted = [choices.get_option_at_index(i).id for i in range(choices.option_count)].index("lead")
        await pilot.press("enter")
        await settle(pilot)
        assert view(app).summarizer_name == "lead"
        text = column_text(columns(app)[0])
        assert "Marine scientists reported on Friday" in text and "Bleaching happens when" in text
        assert "lead · 3 sentences" in str(app.main_screen.query_one("#status", Static).render())


@pytest.mark.parametrize("size", SIZES)
async def test_filter_by_theme_highlights_evidence(size, tmp_path):
    (tmp_path / "batteries.py").write_text(THEME_TAGGER, encoding="utf-8")
    async with running(size, paths=[SOURCES / "energy-storage"], plugins=[tmp_path]) as (app, pilot):
        assert "lithium" in str(app.main_screen.query_one("#topics", OptionList).get_option_at_index(0).prompt)
        await pilot.press("t")
        choices = app.screen.query_one(OptionList)
        choices.highlighted = choices.get_option_index("lithium")
        await pilot.press("enter")
        await settle(pilot)
        assert view(app).theme_filter == "lithium"
        kept = view(app).documents()
        assert 0 < len(kept) < 4 and all("lithium" in d.text.lower() for d in kept)
        body = columns(app)[0].query_one(".column-body", Static).render()
        underlined = [body.plain[s.start : s.end] for s in body.spans if "underline" in str(s.style)]
        assert underlined and all("lithium" in u.lower() for u in underlined)


async def found(pilot, screen: SearchScreen, query: str) -> None:
    """Wait until the search-as-you-type screen shows the hits for ``query``."""
    for _ in range(100):
        await pilot.pause(0.05)
        if screen.query_text == query and not screen.workers:
            return


@pytest.mark.parametrize("size", SIZES)
async def test_search_across_sources_and_open_hit(size):
    async with running(size) as (app, pilot):
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"vanad")  # results come as you type, with no Enter
        await found(pilot, app.screen, "vanad")
        assert app.screen.total >= 3 and "match “vanad”" in str(app.screen.query_one("#search-title").render())
        await pilot.press(*"ium")
        await found(pilot, app.screen, "vanadium")
        assert len(app.screen.hits) == 3 and all("vanadium" in h.text.lower() for h in app.screen.hits)
        await pilot.press("enter", "enter")  # into the results, then open the first
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.document.title == "Flow batteries, explained without the hype"
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, (ReaderScreen, SearchScreen))


@pytest.mark.parametrize("size", SIZES)
async def test_compare_mode_marks_agreement(size):
    async with running(size) as (app, pilot):
        await pilot.press("c")
        await settle(pilot)
        shown = columns(app)
        assert app.screen.focused is shown[0]  # the reader's focus stays in the columns
        brief = str(app.main_screen.query_one("#brief", Static).render())
        assert brief.startswith("✦ Another Bleaching Season on the Reef")  # the document's header, once
        if size[0] < 120:  # too narrow for four columns: one, the summarizers one below the other
            [column] = shown
            body = str(column.query_one(".column-body", Static).render())
            names = ["position", "lexrank", "textrank", "lead"]
            assert [line for line in body.split("\n") if line in names] == names
            texts = [body]
        else:
            assert len(shown) == 4
            headers = [str(c.query_one(".column-header", Static).render()) for c in shown]
            assert headers == ["position", "lexrank", "textrank", "lead"]
            texts = [column_text(c) for c in shown]
        assert any("◐ " in t for t in texts)  # a sentence several summarizers chose
        for line in (line for t in texts for line in t.split("\n") if line.startswith("● ")):
            assert all(line[2:] in " ".join(t.split()) or line in t for t in texts)
        await pilot.press("right")
        await settle(pilot)
        assert "Coral gardening" in str(app.main_screen.query_one("#brief", Static).render())
        await pilot.press("c")
        assert len(columns(app)) == (1 if size[0] < 120 else 3)


@pytest.mark.parametrize("size", SIZES)
async def test_read_document_and_jump_between_highlights(size):
    async with running(size) as (app, pilot):
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.document.title == "Another Bleaching Season on the Reef"
        assert len(reader.highlighted) == 3
        first = reader.marks[reader.current]
        position = str(reader.query_one("#reader-position", Static).render())
        assert position.startswith("summary sentence 1 of 3")
        await pilot.press("n")
        assert reader.marks[reader.current] != first
        assert str(reader.query_one("#reader-position", Static).render()).startswith("summary sentence 2 of 3")
        await pilot.press("p")
        assert reader.marks[reader.current] == first
        await pilot.press("escape")
        assert not isinstance(app.screen, ReaderScreen)
        await pilot.press("enter", "q")  # q steps back from the reader; it does not quit
        assert app.is_running and app.screen is app.main_screen


@pytest.mark.parametrize("size", SIZES)
async def test_export_writes_the_topic_brief(size, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with running(size) as (app, pilot):
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#path", Input).value == "coral-reefs.txt"
        await pilot.press("enter")
        await app.main_screen.workers.wait_for_complete()
        await pilot.pause()
        text = (tmp_path / "coral-reefs.txt").read_text(encoding="utf-8")
        assert text.startswith("Briefing\n") and "\nTopic: coral-reefs (4 documents)\n" in text
        assert "energy" not in text.split("\nTopic: ", 1)[1]
        await pilot.press("e")
        app.screen.query_one("#format").value = "json"
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == "coral-reefs.json"
        await pilot.press("enter")
        await app.main_screen.workers.wait_for_complete()
        await pilot.pause()
        data = json.loads((tmp_path / "coral-reefs.json").read_text(encoding="utf-8"))
        assert [t["name"] for t in data["topics"]] == ["coral-reefs"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["coral-reefs.json", "coral-reefs.txt"]
        assert any("coral-reefs.json" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("size", SIZES)
async def test_help_lists_every_binding(size):
    async with running(size) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = [row[2] for row in app.screen.bindings]
        assert ids == [b.id for b in MainScreen.BINDINGS]
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_quit(size):
    async with running(size) as (app, pilot):
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("size", SIZES)
async def test_command_palette_has_every_control(size):
    async with running(size) as (app, pilot):
        titles = [title for title, _, _ in screen_commands(app.screen)]
        textual_own = [command.title for command in app.get_system_commands(app.screen)]
        assert titles == [b.description for b in MainScreen.BINDINGS if b.description not in textual_own]
        assert "Theme filter" in titles and "Quit" in textual_own  # every key, by its name, once
        every = titles + textual_own
        assert len(every) == len(set(every))  # no name twice beside Textual's own ("Theme")
        await pilot.press("ctrl+p")
        await pilot.press(*"Next topic")
        hits = app.screen.query_one(CommandList)
        for _ in range(100):  # the palette searches asynchronously: wait for the hit, not a fixed time
            await pilot.pause(0.05)
            if hits.option_count and "Next topic" in str(hits.get_option_at_index(0).prompt):
                break
        await pilot.press("enter")
        await pilot.pause()
        assert title(app).startswith("energy-storage")


async def test_keys_can_be_remapped():
    async with running((120, 40), keymap={"next-topic": "j", "quit": "ctrl+q"}) as (app, pilot):
        await pilot.press("j")
        assert title(app).startswith("energy-storage")
        await pilot.press("question_mark")
        keys = {row[2]: row[0] for row in app.screen.bindings}
        assert keys["next-topic"] == "j" and keys["quit"] == "^q"


async def test_untrusted_text_is_shown_literally(tmp_path):
    (tmp_path / "evil.txt").write_text(
        "Evil page\n\nThis has [bold]markup[/bold] and [link=http://x.example]a link[/link] in it. "
        "Escapes \x1b[2J\x1b[31mred\x1b[0m are gone. A third sentence ends here.",
        encoding="utf-8",
    )
    async with running((120, 40), paths=[tmp_path]) as (app, pilot):
        text = column_text(columns(app)[0])
        assert "[bold]markup[/bold]" in text and "[link=http://x.example]a link[/link]" in text
        assert "\x1b" not in text
        body = columns(app)[0].query_one(".column-body", Static).render()
        start = body.plain.index("[bold]markup")
        assert not any(span.start < start + 20 and span.end > start for span in body.spans)
        assert not any("link" in str(span.style) for span in body.spans)


async def test_failing_summarizer_shows_in_its_column(tmp_path):
    (tmp_path / "fragile.py").write_text(FRAGILE, encoding="utf-8")
    async with running((160, 48), paths=[SOURCES / "energy-storage"], plugins=[tmp_path], summarizer="fragile") as (
        app,
        pilot,
    ):
        texts = [column_text(c) for c in columns(app)]
        assert "summarizer 'fragile' failed: RuntimeError: cannot rate vanadium" in texts[0]
        assert "• " in texts[1] and "failed" not in texts[1]


async def test_broken_source_is_reported_not_fatal(tmp_path):
    (tmp_path / "good.txt").write_text("A good file here. It has two sentences.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    async with running((120, 40), paths=[tmp_path]) as (app, pilot):
        assert "empty.txt: empty" in str(app.main_screen.query_one("#brief", Static).render())
        status = str(app.main_screen.query_one("#status", Static).render())
        assert status.startswith("⚠ 1 failed, 0 warnings (press ! to see) · ")  # first: seen at any width
        assert len(columns(app)) == 1
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        assert problem_rows(app) == [["error", str(tmp_path / "empty.txt"), "empty: there is no text to brief"]]
        await pilot.press("q")
        assert app.screen is app.main_screen


async def test_the_problems_view_lists_plugins_that_failed_to_load_and_summarizers_that_raised(tmp_path):
    (tmp_path / "fragile.py").write_text(FRAGILE, encoding="utf-8")
    (tmp_path / "broken.py").write_text("raise RuntimeError('this plugin is broken')\n", encoding="utf-8")
    async with running((120, 40), paths=[SOURCES / "energy-storage"], plugins=[tmp_path], summarizer="fragile") as (
        app,
        pilot,
    ):
        await pilot.press("exclamation_mark")
        rows = problem_rows(app)
        assert ["error", "plugin 'broken'"] == rows[0][:2] and "RuntimeError: this plugin is broken" in rows[0][2]
        assert any("summarizer 'fragile' failed: RuntimeError: cannot rate vanadium" in row[2] for row in rows)


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_light_and_dark_themes(theme):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await settle(pilot)
        assert app.current_theme.dark == (theme == "textual-dark")
        background = app.main_screen.query_one("#topics").styles.background
        text = app.main_screen.query_one("#brief").styles.color
        assert background != text and len(columns(app)) == 2


@pytest.mark.parametrize("size", SIZES)
async def test_coverage_matrix_then_filter_by_a_theme_from_a_cell(size):
    async with running(size) as (app, pilot):
        await pilot.press("v")
        assert isinstance(app.screen, CoverageScreen)
        matrix = app.screen.matrix
        table = app.screen.query_one(DataTable)
        assert table.row_count == 4 and len(table.columns) == len(matrix.themes) + 1
        assert [str(table.get_cell_at(Coordinate(r, 0))) for r in range(4)][0].startswith("Another Bleaching")
        await pilot.press(*["right"] * (len(matrix.themes) - 1))  # to the last theme: the table scrolls
        assert table.cursor_column == len(matrix.themes)
        assert "Bleaching" in app.export_screenshot()  # the titles stay on screen
        await pilot.press(*["left"] * (len(matrix.themes) - 1))
        await pilot.press("enter")  # the cursor starts on the first theme
        await settle(pilot)
        assert not isinstance(app.screen, CoverageScreen)
        theme = matrix.themes[0].name
        assert view(app).theme_filter == theme
        shown = columns(app)
        assert shown
        for column in shown:
            document = view(app).documents()[column.document_index]
            evidence = {e for t in app.session.cached_themes(document) if t.name == theme for e in t.evidence}
            body = column.query_one(".column-body", Static).render()
            underlined = {body.plain[s.start : s.end] for s in body.spans if "underline" in str(s.style)}
            assert underlined == evidence  # each column shows all its evidence, highlighted


@pytest.mark.parametrize("size", SIZES)
async def test_topics_grouped_by_content(size):
    async with running(size, grouping="content") as (app, pilot):
        topics = app.session.topics
        assert len(topics) == 3
        for topic in topics:
            assert len({Path(d.origin).parent.name for d in topic.documents}) == 1
            assert topic.name not in {"coral-reefs", "energy-storage", "urban-cycling"}
        assert title(app).startswith(topics[0].name)
        assert columns(app)


async def test_themes_do_not_depend_on_loading_order():
    """Taggers weigh words by the whole corpus, so the reading room tags only once every topic is
    loaded: its themes are the ones 'briefing brief' gives, whatever order topics loaded in."""
    async with running((120, 40)) as (app, pilot):
        registry = PluginHost(load_entry_points=False).registry()
        briefing = Engine(registry, Settings(grouping="folders")).run([str(SOURCES)])
        expected = {e.document.id: e.themes for b in briefing.briefs for e in b.documents}
        shown = {d.id: app.session.cached_themes(d) for d in app.session.all_documents()}
        assert shown == expected and all(shown.values())


async def test_main_screen_keys_do_nothing_over_the_reader():
    async with running((120, 40)) as (app, pilot):
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        length, topic = view(app).length, view(app).topic_index
        await pilot.press("plus", "s", "c", "right")
        assert isinstance(app.screen, ReaderScreen) and view(app).length == length and view(app).topic_index == topic
        assert not view(app).comparing
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled and b.binding.show}
        assert "jump(1)" in shown and not any(a.startswith(("topic", "length", "page")) for a in shown)
        await pilot.press("escape", "plus")
        assert view(app).length.sentences == length.sentences + 1  # back on the main screen, keys work again


async def test_columns_follow_every_resize():
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        assert len(columns(app)) == 3  # the topic list takes 22% of 200 columns, 44: three fit
        for size, expected in [((80, 24), 1), ((200, 60), 3), ((120, 40), 2), ((200, 60), 3)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert len(columns(app)) == expected, size
            await pilot.pause()
            assert all(c.outer_size.width >= 40 for c in columns(app))  # never squeezed


@pytest.mark.parametrize("query", ["[/x]", "[bold]reef", "[link=x]coral"])
async def test_search_text_that_looks_like_markup_is_shown_literally(query):
    async with running((120, 40)) as (app, pilot):
        await pilot.press("slash", *query)
        await found(pilot, app.screen, query)
        assert app.is_running and isinstance(app.screen, SearchScreen)  # no hit, no crash
        assert str(app.screen.query_one("#search-title").render()) == f"0 sentences match “{query}”"


def test_labels_say_one_document_and_one_chip_per_theme():
    from briefing.models import Theme
    from briefing.tui.render import theme_chips
    from briefing.tui.view_model import TopicRow
    from briefing.tui.widgets.topic_list import topic_label

    one = topic_label(TopicRow(0, "reefs", 1, 0, ())).plain
    assert "1 doc" in one and "1 docs" not in one and "unread" not in one
    assert "4 docs · 2 unread" in topic_label(TopicRow(0, "reefs", 4, 2, ())).plain
    themes = [Theme("energy", 0.5, tagger="lexicon"), Theme("energy", 0.07, tagger="keyphrases"), Theme("grid", 0.1)]
    assert theme_chips(themes).plain == " energy   grid  "


async def test_export_asks_before_replacing_infers_the_format_and_names_a_missing_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "coral-reefs.txt").write_text("an older brief", encoding="utf-8")
    async with running((120, 40)) as (app, pilot):
        await pilot.press("e", "enter")  # the default name exists: asked first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await app.main_screen.workers.wait_for_complete()
        assert (tmp_path / "coral-reefs.txt").read_text(encoding="utf-8") == "an older brief"
        await pilot.press("e", "enter", "y")
        await app.main_screen.workers.wait_for_complete()
        await pilot.pause()
        assert "\nTopic: coral-reefs (4 documents)\n" in (tmp_path / "coral-reefs.txt").read_text(encoding="utf-8")

        await pilot.press("e")
        app.screen.query_one("#path", Input).value = "brief.md"  # the text exporter is still selected
        await pilot.press("enter")
        await app.main_screen.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "brief.md").read_text(encoding="utf-8").startswith("# Briefing")

        await pilot.press("e")
        app.screen.query_one("#path", Input).value = "no/such/folder/brief.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert any("there is no folder no/such/folder" in str(n.message) for n in app._notifications)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md", "coral-reefs.txt"]


def test_export_names_are_slugs():
    from briefing.tui.screens.export_flow import slug

    assert slug("coral, reef, bleached") == "coral-reef-bleached"
    assert slug("Rad/weg: Streit") == "rad-weg-streit"
    assert slug("[bold]") == "bold"


def test_search_matches_inflections_and_compounds_and_counts_every_hit():
    registry = PluginHost(load_entry_points=False).registry()
    session = Session(Engine(registry, Settings(grouping="folders")), [str(SOURCES)])
    for topic in session.discover():
        session.load_topic(topic)
    hits, total = session.search("battery")
    found = " ".join(h.text for h in hits)
    assert "Batteries" in found and "Batteriespeicher" in found and "Lithium-Ionen-Batterien" in found
    assert total == len(hits) == 11
    first, total = session.search("battery", limit=2)
    assert len(first) == 2 and total == 11  # the true count, not the number listed
    assert session.search("[/x]") == ([], 0) and session.search("") == ([], 0)


async def test_search_screen_says_the_true_count():
    async with running((120, 40)) as (app, pilot):
        hits, _ = app.session.search("battery", limit=3)
        app.push_screen(SearchScreen(app.session, "battery", hits, {}, 11))
        await pilot.pause()
        assert "11 sentences match “battery”; the first 3 are listed" in str(
            app.screen.query_one("#search-title").render()
        )


async def test_opening_a_search_hit_shows_the_hit_not_the_top(tmp_path):
    paragraphs = [f"Paragraph {n} tells of the harbour and its ferries. It has two sentences." for n in range(60)]
    paragraphs[50] = "Here the lighthouse keeper found a narwhal tusk on the pier. Nobody knew how it got there."
    (tmp_path / "long.txt").write_text("A long harbour log\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    async with running((120, 40), paths=[tmp_path]) as (app, pilot):
        await pilot.press("slash", *"narwhal")
        await found(pilot, app.screen, "narwhal")
        await pilot.press("enter", "enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.pause(0.2)
        text = reader.query_one("#reader-text")
        hit = reader.query_one("#paragraph-50")
        assert text.scroll_y > 0
        assert text.region.contains_region(hit.region) or hit.region.y >= text.region.y
        assert "the sentence found" in str(reader.query_one("#reader-position", Static).render())


def test_content_grouping_shows_interim_topics_of_a_few_sources(tmp_path):
    from briefing.session import INTERIM_TOPIC

    count = 2 * INTERIM_TOPIC + 7
    for number in range(count):
        (tmp_path / f"note{number:03d}.txt").write_text(f"Note {number}. It is about harbours.", encoding="utf-8")
    registry = PluginHost(load_entry_points=False).registry()
    session = Session(Engine(registry, Settings(grouping="content")), [str(tmp_path)])
    topics = session.discover()
    assert [len(t.sources) for t in topics] == [INTERIM_TOPIC, INTERIM_TOPIC, 7]
    assert topics[0].name.endswith(f"(1–{INTERIM_TOPIC})") and topics[2].name.endswith(
        f"({2 * INTERIM_TOPIC + 1}–{count})"
    )
    session.load_topic(topics[0])
    assert session.load_rest() == [1, 2] and all(t.loaded for t in topics)
    regrouped = session.regroup()
    assert sum(len(t.documents) for t in regrouped) == count
    assert {s.origin for t in regrouped for s in t.sources} == {s.origin for t in topics for s in t.sources}


async def test_regrouping_keeps_the_readers_place():
    async with running((160, 48), grouping="content") as (app, pilot):
        await pilot.press("n", "right")
        await settle(pilot)
        shown = view(app).visible()[0]
        topics = list(app.session.topics)
        app.main_screen.post_message(Regrouped(list(reversed(topics))))
        await settle(pilot)
        assert view(app).visible()[0].id == shown.id
        assert view(app).topic is topics[1] and view(app).topic_index == len(topics) - 2
        assert title(app).startswith(topics[1].name)


async def test_a_topic_grouped_by_content_keeps_its_keywords_in_the_reading_rooms_export(tmp_path):
    async with running((120, 40), grouping="content") as (app, pilot):
        topic = app.session.topics[0]
        assert topic.keywords and "," not in topic.name
        data = json.loads(app.session.export(topic, "position", view(app).length, "json"))
        assert data["topics"][0]["keywords"] == list(topic.keywords)


async def test_a_question_put_to_the_sources_lists_its_answers_or_says_nothing_does():
    async with running((120, 40)) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"How much did the project cost?", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        listed = app.screen.query_one(OptionList)
        first = str(listed.get_option_at_index(0).prompt)
        assert first.startswith("The project cost about $31.5 million") and "A Valley Town Bets" in first
        assert "answer “How much did the project cost?”" in str(app.screen.query_one("#search-title").render())
        await pilot.press("enter")  # opens the document at the answer
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"What is the capital of Peru?", "enter")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert any("Nothing in these sources answers that." in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_what_is_new_shows_unread_points_and_the_timeline(size):
    async with running(size) as (app, pilot):
        for _ in range(50):
            if app.main_screen.session.complete:
                break
            await pilot.pause(0.1)
        await pilot.press("w")
        await pilot.pause()
        shown = str(app.screen.query_one("#brief-full", Static).render())
        assert shown.startswith("New since you last read\n")
        assert "\nTimeline\n2026-" in shown  # the sample reef topic has dated documents
        assert "what is new" in str(app.screen.query_one("#brief-title").render())
        await pilot.press("w")
        assert app.screen is app.main_screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_a_long_question_in_a_dialog_wraps_and_is_never_cut_off(size):
    question = "/home/someone/with/a/rather/long/folder/name/coral-reefs.md exists. " * 2 + "Replace it?"
    async with running(size) as (app, pilot):
        app.push_screen(ConfirmScreen(question))
        await pilot.pause()
        title = app.screen.query_one(".dialog-title")
        dialog = app.screen.query_one(".dialog")
        lines = [line.text for line in title.render_lines(title.content_region.reset_offset)]
        shown = " ".join(line.strip() for line in lines if line.strip())
        assert shown == question.strip()  # every word, over as many lines as it takes
        assert title.region.right <= dialog.region.right


async def test_a_file_with_no_punctuation_reaches_no_screen_whole(tmp_path):
    words = " ".join(f"harbour{n % 97} dredging{n % 89} ferry{n % 83}" for n in range(6000))  # one 'sentence'
    (tmp_path / "run-on.txt").write_text(words, encoding="utf-8")
    (tmp_path / "note.txt").write_text("The harbour opens at six. The ferry leaves at seven.", encoding="utf-8")
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bodies = [column_text(c) for c in columns(app)]
        assert any("harbour0 dredging0" in body for body in bodies)
        assert all(len(body) < 2000 for body in bodies)  # the run-on sentence is cut
        assert len(str(app.main_screen.query_one("#brief", Static).render())) < 2000
        run_on = next(i for i, c in enumerate(columns(app)) if "harbour0" in column_text(c))
        columns(app)[run_on].focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        shown = str(app.screen.query_one("#paragraph-0", Static).render())
        assert shown.endswith("…") and len(shown) <= 3001
