"""What terminal readers expect: read marks, a topic filter, a collapsible sidebar, opening the
source, reloading and watching the sources. Driven with Textual's pilot."""

from __future__ import annotations

import json
import shutil

from textual.widgets import Input, OptionList, Static

from briefing.models import Document
from briefing.read_state import ReadState, default_path
from briefing.tui import opener
from briefing.tui.opener import how_to_open
from briefing.tui.render import FACT_WIDTH, place
from briefing.tui.screens import main as main_screen
from briefing.tui.screens.reader import ReaderScreen

from .conftest import SOURCES
from .test_tui import column_text, columns, make_app, running, settle, title, view


def topic_prompts(app) -> list[str]:
    topics = app.main_screen.query_one("#topics", OptionList)
    return [str(topics.get_option_at_index(i).prompt) for i in range(topics.option_count)]


async def test_reading_a_document_marks_it_read_and_u_toggles_it_and_marks_persist():
    async with running((120, 40)) as (app, pilot):
        assert "4 docs · 4 unread" in topic_prompts(app)[0]
        assert column_text(columns(app)[0]).startswith("✦ ")  # unread: marked in its column
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert "4 docs · 3 unread" in topic_prompts(app)[0]
        assert not column_text(columns(app)[0]).startswith("✦ ")
        document = view(app).visible()[0]
        saved = json.loads(default_path().read_text(encoding="utf-8"))["read"]
        assert ReadState().is_read(document) and len(saved) == 1  # kept for the next run
        await pilot.press("u")  # unread again
        assert "4 docs · 4 unread" in topic_prompts(app)[0]
        await pilot.press("u", "U")  # read, then show unread documents only
        await settle(pilot)
        assert document not in view(app).documents() and len(view(app).documents()) == 3
        assert "unread only" in str(app.main_screen.query_one("#status").render())
        await pilot.press("U")
        assert len(view(app).documents()) == 4


def test_read_marks_follow_the_text_not_the_path_and_a_broken_file_is_reported(tmp_path):
    state = ReadState(tmp_path / "read.json")
    document = Document("a", "Title", "Some text.", "a.txt")
    state.mark(document)
    moved = Document("b", "Title", "Some text.", "elsewhere/b.txt")
    changed = Document("a", "Title", "Some other text.", "a.txt")
    assert ReadState(tmp_path / "read.json").is_read(moved) and not state.is_read(changed)
    (tmp_path / "read.json").write_text("{not json", encoding="utf-8")
    broken = ReadState(tmp_path / "read.json")
    assert broken.problem and "read.json" in broken.problem and not broken.is_read(document)


async def test_a_broken_read_marks_file_is_a_warning_in_the_problems_view():
    default_path().parent.mkdir(parents=True, exist_ok=True)
    default_path().write_text("[1, 2]", encoding="utf-8")
    async with running((120, 40)) as (app, pilot):
        errors, warnings = app.session.all_problems("lexrank", view(app).length)
        assert any(w.source == "read marks" and "ignored" in w.message for w in warnings)
        assert "1 warning" in str(app.main_screen.query_one("#status").render())


async def test_typing_filters_the_topic_list_and_escape_clears_it():
    async with running((120, 40)) as (app, pilot):
        await pilot.press("f")
        assert isinstance(app.screen.focused, Input)
        await pilot.press(*"radweg")  # a theme of the cycling topic; letters do not trigger keys
        await pilot.pause()
        prompts = topic_prompts(app)
        assert len(prompts) == 1 and prompts[0].startswith("urban-cycling")
        assert title(app).startswith("urban-cycling") and app.is_running
        assert app.main_screen.query_one("#topics").border_title == "1 of 3 topics"
        await pilot.press("enter", "n")  # into the list; n stays among the topics shown
        assert title(app).startswith("urban-cycling")
        await pilot.press("escape")
        assert len(topic_prompts(app)) == 3 and not app.main_screen.query_one("#topic-filter").display


async def test_ctrl_b_hides_the_topic_list_and_the_columns_take_the_room():
    async with running((120, 40)) as (app, pilot):
        assert len(columns(app)) == 2
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert not app.main_screen.query_one("#sidebar").display and len(columns(app)) == 3
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert app.main_screen.query_one("#sidebar").display and len(columns(app)) == 2


def test_o_opens_a_link_in_the_browser_and_a_file_in_the_editor_or_pager(tmp_path, monkeypatch):
    page = Document("x", "T", "Text.", "feed.xml", link="https://example.org/story")
    assert how_to_open(page).url == "https://example.org/story"
    file = tmp_path / "note.txt"
    file.write_text("Text.", encoding="utf-8")
    local = Document("y", "T", "Text.", str(file))
    assert how_to_open(local, {"EDITOR": "vim -R", "PAGER": "less"}).command == ("vim", "-R", str(file))
    assert how_to_open(local, {"PAGER": "most"}).command == ("most", str(file))
    monkeypatch.setattr(opener.shutil, "which", lambda name: None)
    assert "Set $EDITOR or $PAGER" in (how_to_open(local, {}).problem or "")
    assert "nothing to open" in (how_to_open(Document("z", "T", "Text.", "-"), {}).problem or "")


async def test_o_in_the_reading_room_opens_the_focused_document(monkeypatch):
    opened: list[str] = []
    async with running((120, 40)) as (app, pilot):
        monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
        monkeypatch.setattr(opener, "how_to_open", lambda document: opener.Opening(url=f"https://x/{document.id}"))
        monkeypatch.setattr(opener, "has_browser", lambda: True)
        await pilot.press("o")
        await pilot.pause()
        assert opened == [f"https://x/{view(app).visible()[0].id}"]
        assert any(str(n.message).startswith("Opened https://x/") for n in app._notifications)


async def test_o_with_no_browser_says_so_and_gives_the_link(monkeypatch):
    opened: list[str] = []

    def no_browser(*args, **kwargs):
        raise opener.webbrowser.Error("could not locate runnable browser")

    async with running((120, 40)) as (app, pilot):
        monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
        monkeypatch.setattr(opener, "how_to_open", lambda document: opener.Opening(url="https://x/story"))
        monkeypatch.setattr(opener.webbrowser, "get", no_browser)
        await pilot.press("o")
        await pilot.pause()
        assert opened == []
        messages = [str(n.message) for n in app._notifications]
        assert "No browser found here. The link: https://x/story" in messages
        assert not any(m.startswith("Opened") for m in messages)


def test_a_path_in_a_column_header_never_needs_cutting_mid_word(tmp_path):
    deep = "/".join(["a-rather-long-folder-name"] * 6) + "/an-article-with-a-long-file-name-indeed.md"
    pieces = place(deep)
    assert all(len(piece) <= FACT_WIDTH for piece in pieces)
    assert pieces[0].endswith("indeed.md") and pieces[1].startswith("…/")
    assert place("-") == ["standard input"] and place("https://example.org/a") == ["https://example.org/a"]


async def test_r_reloads_changed_sources_and_keeps_the_readers_place(tmp_path):
    folder = tmp_path / "energy"
    shutil.copytree(SOURCES / "energy-storage", folder)
    app = make_app(paths=[folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right")  # the second page: the reader's place
        await settle(pilot)
        shown = view(app).visible()[0].id
        note = folder / "new-note.txt"
        note.write_text("Salt caverns\n\nSalt caverns can hold hydrogen for months. " * 3, encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        assert len(view(app).topic.documents) == 5 and shown in [d.id for d in view(app).visible()]
        await pilot.press("r")  # nothing changed since: a word, and nothing read again
        await pilot.pause()
        assert app.main_screen.loading_done
        assert "Nothing changed: every source is as it was when last read." in [
            str(n.message) for n in app._notifications
        ]


async def test_watching_picks_up_a_new_file_without_a_key(tmp_path, monkeypatch):
    monkeypatch.setattr(main_screen, "WATCH_SECONDS", 0.2)
    folder = tmp_path / "energy"
    shutil.copytree(SOURCES / "energy-storage", folder)
    app = make_app(paths=[folder])
    app.main_screen.watch_sources = True
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (folder / "flow-batteries-explained.md").unlink()
        for _ in range(100):
            await pilot.pause(0.1)
            if app.main_screen.loading_done and len(view(app).topic.documents) == 3:
                break
        assert len(view(app).topic.documents) == 3
        assert any("1 file changed" in str(n.message) for n in app._notifications)


def test_watching_is_on_for_folders_by_default(cli, monkeypatch, tmp_path):
    from briefing.cli import briefs as cli_module
    from briefing.tui.app import BriefingApp

    watched: list[bool] = []
    monkeypatch.setattr(cli_module, "_in_a_terminal", lambda: True)
    monkeypatch.setattr(BriefingApp, "run", lambda self: watched.append(self.main_screen.watch_sources))
    file = tmp_path / "note.txt"
    file.write_text("A note.\n\nIt says one thing.\n", encoding="utf-8")
    for args, expected in [((str(tmp_path),), True), ((str(file),), False), (("--watch", str(file)), True)]:
        cli("read", *args)
        assert watched.pop() is expected, args
    cli("read", "--no-watch", str(tmp_path))
    assert watched == [False]


async def test_d_in_the_reader_shows_what_was_left_out_and_why():
    from .conftest import DATA

    app = make_app(paths=[DATA / "scraped-teasers.txt"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        dropped = app.screen.query_one("#reader-dropped")
        assert not dropped.display
        await pilot.press("d")
        await pilot.pause()
        shown = str(dropped.render())
        assert dropped.display and "Left out (6):" in shown
        assert "[page noise] Views : 1,204" in shown and "[teasers] A ferry operator" in shown
        assert "Cuts the teasers of other articles" in shown


async def test_a_document_open_in_the_reader_follows_its_file(tmp_path, monkeypatch):
    monkeypatch.setattr(main_screen, "WATCH_SECONDS", 0.2)
    folder = tmp_path / "notes"
    folder.mkdir()
    note = folder / "harbour.txt"
    note.write_text("Harbour notes\n\nThe ferry leaves at seven. The harbour opens at six.", encoding="utf-8")
    (folder / "garden.txt").write_text("Garden notes\n\nThe apple trees flower in May.", encoding="utf-8")
    app = make_app(paths=[folder])
    app.main_screen.watch_sources = True
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        document = next(d for d in view(app).documents() if d.title == "Harbour notes")
        app.push_screen(ReaderScreen(app.main_screen.session, document, []))
        await pilot.pause()
        note.write_text("Harbour notes\n\nThe ferry now leaves at eight. The harbour opens at six.", encoding="utf-8")
        shown = ""
        for _ in range(100):
            await pilot.pause(0.1)
            found = app.screen.query("#paragraph-0")  # empty while the reader builds it anew
            shown = str(found.first(Static).render()) if found else ""
            if "eight" in shown:
                break
        assert isinstance(app.screen, ReaderScreen) and "The ferry now leaves at eight." in shown
        assert any("changed on disk" in str(n.message) for n in app._notifications)


async def test_m_marks_the_topic_read_and_shift_m_every_topic(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path))
    async with running((120, 40)) as (app, pilot):
        session = app.main_screen.session
        first, second = session.topics[0], session.topics[1]
        await pilot.press("m")
        await pilot.pause()
        assert session.unread(first) == 0 and session.unread(second) == len(second.documents)
        assert f"Marked 4 documents read in {first.name}." in [str(n.message) for n in app._notifications]
        await pilot.press("M")
        await pilot.pause()
        assert all(session.unread(t) == 0 for t in session.topics)
        marks = json.loads((tmp_path / "read.json").read_text(encoding="utf-8"))["read"]
        assert len(marks) == sum(len(t.documents) for t in session.topics)  # saved, once for all


async def test_shift_n_in_the_reader_opens_the_next_unread_document(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path))
    async with running((120, 40)) as (app, pilot):
        documents = view(app).documents()
        await pilot.press("enter")  # the reader on the first document: it is read now
        await pilot.pause()
        assert app.screen.document is documents[0]
        app.main_screen.session.mark_read(documents[1])
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.document is documents[2]  # the next unread
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen
