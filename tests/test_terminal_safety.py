"""Nothing from outside acts on the terminal: escapes through every origin, into every writer.

Origins: a folder's and a file's name, an HTTP reason phrase, a Content-Type, a redirect's
Location, a plugin's error message, a config key. Writers: stderr, the text export (standard
output), the markdown export (a file), ``inspect`` and the reading room.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from briefing.engine import Engine, Settings
from briefing.plugins import PluginHost
from briefing.printable import one_line, printable
from briefing.session import Session
from briefing.tui.app import BriefingApp

from .conftest import SOURCES
from .test_tui import settle
from .test_web import Server, body

OSC_TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b31m"
REORDER = "\u202e"
#: What none of the outputs may hold: each payload's active part.
ACTIVE = ("\x1b", "\x07", "\x9b", REORDER, "]0;pwned", "]52;c;", "[2J")

FAILING_TAGGER = f"""
from briefing import Tagger, hookimpl


class Failing(Tagger):
    name = "failing"

    def tag(self, document, kit, corpus):
        raise RuntimeError({CLIPBOARD + "boom" + REORDER + "evil"!r})


@hookimpl
def register_taggers(register):
    register(Failing)
"""


def active_parts(text: str) -> list[str]:
    return [part for part in ACTIVE if part in text]


def test_printable_keeps_text_and_lines_and_drops_what_acts():
    assert printable("Zürich, 12 °C\n\tnext line") == "Zürich, 12 °C\n\tnext line"
    for payload in (OSC_TITLE, CLIPBOARD, CLEAR, C1_CSI, REORDER, "\r", "\x1b[?1049h", "\x1bP1;2|x\x1b\\"):
        assert active_parts(printable(f"a{payload}b")) == [], repr(payload)
    assert one_line("a\nb\x1b[2J  c") == "a b c"
    assert one_line("x" * 5000) == "x" * 199 + "…"


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, Path]:
    """A folder whose name and whose files' names carry escapes, and a plugin folder whose
    tagger fails with an escape in its message."""
    folder = tmp_path / f"reefs{OSC_TITLE}"
    folder.mkdir()
    shutil.copy(SOURCES / "coral-reefs" / "bleaching-season.txt", folder / f"bleaching{CLEAR}.txt")
    (folder / f"notes{C1_CSI}.zzz").write_text("a kind of file no loader reads", encoding="utf-8")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "failing.py").write_text(FAILING_TAGGER, encoding="utf-8")
    return folder, plugins


@pytest.fixture
def hostile_server():
    """Routes whose reason phrase, Content-Type and redirect carry escapes."""
    server = Server()

    def busy(handler) -> None:
        handler.send_response(503, f"Busy{OSC_TITLE}")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def away(handler) -> None:
        handler.send_response(302)
        handler.send_header("Location", f"ftp://{CLIPBOARD}host/x")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.routes["/busy"] = busy
    server.routes["/weird"] = body(b"\x00\x01binary", f"application/x-{CLEAR}weird")
    server.routes["/away"] = away
    yield server
    server.stop()


def test_no_origin_reaches_the_command_lines_writers(cli, hostile, hostile_server, tmp_path, monkeypatch):
    folder, plugins = hostile
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    config = tmp_path / "briefing.toml"
    config.write_text(
        f'plugins = ["{plugins}"]\ntaggers = ["failing", "lexicon"]\nfetch_retries = 0\n', encoding="utf-8"
    )
    urls = [hostile_server.url(path) for path in ("/busy", "/weird", "/away")]
    odd = next(folder.glob("notes*"))  # named on the command line: a problem, with its name
    code, out, err = cli("--config", str(config), "brief", "--format", "text", str(folder), str(odd), *urls)
    assert "Bleaching" in out and code == 1
    assert "boom" in err and "Busy" in err and "weird" in err and "notes" in err  # said, made harmless
    assert active_parts(out) == [] and active_parts(err) == []
    exported = tmp_path / "brief.md"
    code, out, err = cli(
        "--config", str(config), "brief", "--format", "markdown", "--output", str(exported), str(folder)
    )
    assert "Bleaching" in exported.read_text(encoding="utf-8")
    assert active_parts(exported.read_text(encoding="utf-8")) == [] and active_parts(err) == []
    code, out, err = cli("--config", str(config), "inspect", str(next(folder.glob("bleaching*"))))
    assert "bleaching" in out and active_parts(out) == [] and active_parts(err) == []


def test_a_config_key_is_said_harmlessly(cli, tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text('"\\u001b]0;pwned\\u0007summarizer" = "lead"\n', encoding="utf-8")
    code, out, err = cli("--config", str(config), "brief", str(SOURCES))
    assert code == 2 and "summarizer" in err and active_parts(err) == []


def screen_as_a_terminal_gets_it(app) -> str:
    """What the terminal would be sent for the whole screen now."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=200, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True))
    return buffer.getvalue()


async def test_no_origin_reaches_the_reading_room(hostile, hostile_server):
    folder, plugins = hostile
    registry = PluginHost([plugins], load_entry_points=False).registry()
    engine = Engine(registry, Settings(taggers=("failing", "lexicon"), grouping="folders"))
    app = BriefingApp(Session(engine, [str(folder), hostile_server.url("/busy")]))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        sent = screen_as_a_terminal_gets_it(app)
        assert "Bleaching" in sent and "bleaching" in sent
        # Textual's own escapes are there; none of the payloads' are.
        assert [p for p in ACTIVE[1:] if p in sent] == []
        await pilot.press("exclamation_mark")
        await pilot.pause()
        sent = screen_as_a_terminal_gets_it(app)
        assert "Busy" in sent and [p for p in ACTIVE[1:] if p in sent] == []
        app.notify(f"Wrote the brief to {folder}")  # notices name files the reader typed
        await pilot.pause()
        [notice] = [n.message for n in app._notifications]
        assert "Wrote the brief" in notice and active_parts(notice) == []


def test_a_text_holding_escapes_is_text_and_briefed_without_them(cli, tmp_path):
    """A short note with an OSC title in it (its BEL once made it "binary data, not text")."""
    note = tmp_path / "note.txt"
    note.write_bytes(f"Divers counted {OSC_TITLE}corals near the reef. The survey ended in May.\n".encode())
    code, out, err = cli("brief", "--no-cache", str(note))
    assert code == 0 and "Divers counted corals near the reef." in out
    assert active_parts(out) == [] and active_parts(err) == []
