"""Input meant to exhaust or hang the run, and faults of the machine: each is a problem with its
cause, and the rest of the run goes on."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import briefing.sources.collect as collect_module
from briefing.cache import Cache
from briefing.engine import Engine, Settings
from briefing.engine.pool import MOST_PER_CORE, most_workers

from .conftest import SOURCES, timeless

ALIAS_BOMB = """---
title: Laughs
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
---
The body of a note that is never read.
"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES / "coral-reefs", folder)
    return folder


def run_cli(*arguments: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """briefing in a process of its own, given a minute: a hang fails the test, not the suite."""
    environment = {**os.environ, "BRIEFING_CACHE_DIR": str((cwd or Path.cwd()) / ".cache-for-test")}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *arguments],
        input=stdin.decode("latin-1"),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=environment,
    )


def test_front_matter_aliases_are_refused_not_expanded(cli, corpus):
    (corpus / "laughs.md").write_text(ALIAS_BOMB, encoding="utf-8")
    code, out, err = cli("brief", "--no-cache", str(corpus))
    assert code == 1 and "Bleaching" in out
    assert "laughs.md" in err and "aliases (*name) are not read in front matter" in err


@pytest.mark.skipif(not Path("/dev/zero").exists() or not hasattr(os, "mkfifo"), reason="a POSIX system")
def test_devices_and_fifos_are_refused_and_nothing_waits(corpus, tmp_path):
    fifo = tmp_path / "no-writer.txt"
    os.mkfifo(fifo)
    os.mkfifo(corpus / "in-the-folder.txt")  # found by walking the folder: said too, not skipped
    done = run_cli("brief", "--no-cache", "/dev/zero", "/dev/urandom", str(fifo), str(corpus), cwd=tmp_path)
    assert done.returncode == 1 and "Bleaching" in done.stdout
    assert "/dev/zero: not a regular file but a device, so it is not read" in done.stderr
    assert "/dev/urandom: not a regular file but a device" in done.stderr
    assert f"{fifo}: not a regular file but a FIFO" in done.stderr
    assert f"{corpus / 'in-the-folder.txt'}: not a regular file but a FIFO" in done.stderr


def test_files_and_standard_input_past_the_size_limit_are_refused(corpus, tmp_path):
    (tmp_path / "briefing.toml").write_text("max_source_mb = 0.01\n", encoding="utf-8")  # about 10 KB
    (corpus / "huge.txt").write_text("A sentence that repeats itself. " * 2000, encoding="utf-8")
    endless = b"More words arrive on standard input. " * 1000
    done = run_cli("brief", "--no-cache", str(corpus), "-", stdin=endless, cwd=tmp_path)
    assert done.returncode == 1 and "Bleaching" in done.stdout
    assert "huge.txt: larger than max_source_mb (0.01 MiB); not read" in done.stderr
    assert "-: standard input is larger than max_source_mb (0.01 MiB); not read" in done.stderr


def test_a_folder_thousands_deep_is_walked(cli, tmp_path):
    deep = bottom = tmp_path / "deep"
    deep.mkdir()
    levels = []
    try:
        for _ in range(1500):  # one level at a time: pathlib's own mkdir(parents=True) recurses
            bottom = bottom / "d"
            bottom.mkdir()
            levels.append(bottom)
        shutil.copy(SOURCES / "coral-reefs" / "bleaching-season.txt", bottom / "bleaching.txt")
        code, out, err = cli("brief", "--no-cache", str(deep))
        assert code == 0 and "Bleaching" in out and "Traceback" not in err
    finally:  # removed here, bottom up: shutil.rmtree (and pytest's clean-up of old runs) recurses
        (bottom / "bleaching.txt").unlink(missing_ok=True)
        for level in reversed(levels):
            level.rmdir()


def test_a_folder_that_cannot_be_listed_is_a_problem_with_its_cause(cli, corpus, monkeypatch):
    locked = corpus / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(collect_module.os, "scandir", scandir)
    code, out, err = cli("brief", "--no-cache", str(corpus))
    assert code == 1 and "Bleaching" in out
    assert f"{locked}: cannot read this folder: Permission denied" in err


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("fetch_max_mb = nan", "fetch_max_mb: must be a finite number, not nan"),
        ("fetch_max_mb = 1e308", "fetch_max_mb: must be at most"),
        ("fetch_timeout = inf", "fetch_timeout: must be a finite number, not inf"),
        ("max_source_mb = -1", "max_source_mb: must be more than 0"),
        ("workers = 100000000", "workers: must be at most 4096"),
    ],
)
def test_numbers_in_the_config_are_checked_for_finiteness_and_range(cli, tmp_path, setting, said):
    config = tmp_path / "briefing.toml"
    config.write_text(setting + "\n", encoding="utf-8")
    code, out, err = cli("--config", str(config), "brief", str(SOURCES))
    assert code == 2 and said in err and "Traceback" not in err


def test_too_many_workers_are_capped_with_a_warning(cli, corpus):
    asked = most_workers() + 1000
    code, out, err = cli("brief", "--no-cache", "--workers", str(asked), str(corpus))
    assert code == 0 and "Bleaching" in out
    assert (
        f"{asked} workers is more than {most_workers()} ({MOST_PER_CORE} per core here); using {most_workers()}" in err
    )


def test_a_cache_that_cannot_be_written_is_a_warning_and_the_run_goes_on(registry, corpus, tmp_path):
    cache = Cache(tmp_path / "cache")
    cache._connection().execute("PRAGMA max_page_count = 3")  # as a full disk: SQLITE_FULL on writing
    briefed = Engine(registry, Settings(), cache).run([str(corpus)])
    assert timeless(briefed).briefs == timeless(Engine(registry, Settings()).run([str(corpus)])).briefs
    [warning] = [w for w in briefed.warnings if w.source == str(cache.path)]
    assert "results could not be kept (database or disk is full)" in warning.message
    with sqlite3.connect(cache.path) as db:
        assert db.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 0


def test_a_title_of_a_million_characters_is_cut_to_a_bound(cli, tmp_path):
    note = tmp_path / "long-title.md"
    note.write_text(f"---\ntitle: {'Reef ' * 200_000}\n---\nDivers counted corals on the reef.\n", encoding="utf-8")
    code, out, err = cli("brief", "--no-cache", "--format", "json", str(note))
    import json

    [brief] = json.loads(out)["topics"]
    title = brief["documents"][0]["title"]
    assert len(title) <= 200 and title.endswith("…")


# -- nothing runs unasked ------------------------------------------------------------------------

MARKING_PLUGIN = """
from pathlib import Path

Path(__file__).with_name("imported").touch()  # proof that this code ran
"""


def test_a_config_in_the_current_folder_runs_no_plugin_or_rule_unless_named(cli, corpus, tmp_path):
    (tmp_path / "marking.py").write_text(MARKING_PLUGIN, encoding="utf-8")
    (tmp_path / "briefing.toml").write_text(
        'plugins = ["marking.py"]\nsummarizer = "lead"\n[settings.rules]\ndrop = ["Bleaching"]\n', encoding="utf-8"
    )
    code, out, err = cli("brief", "--no-cache", str(corpus), cwd=tmp_path)
    assert code == 0 and not (tmp_path / "imported").exists()
    assert "names plugins and [settings.rules]: not used" in err and "briefing --config" in err
    assert "Bleaching" in out  # the rule did not drop it; the rest of the file applies
    code, out, err = cli("--config", "briefing.toml", "brief", "--no-cache", str(corpus), cwd=tmp_path)
    assert (tmp_path / "imported").exists() and "not used" not in err


def test_help_and_version_import_no_plugin(cli, tmp_path):
    (tmp_path / "marking.py").write_text(MARKING_PLUGIN, encoding="utf-8")
    config = tmp_path / "mine.toml"
    config.write_text(f'plugins = ["{tmp_path / "marking.py"}"]\n', encoding="utf-8")
    for asking in ("--version", "--help"):
        code, out, _ = cli(asking, "--config", str(config))
        assert code == 0 and out
    assert not (tmp_path / "imported").exists()


def test_a_plugin_that_hangs_at_import_is_left_out_after_a_time(cli, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("briefing.plugins.IMPORT_SECONDS", 0.5)
    (tmp_path / "stuck.py").write_text("import time\nwhile True:\n    time.sleep(0.1)\n", encoding="utf-8")
    (tmp_path / "quits.py").write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    config = tmp_path / "mine.toml"
    config.write_text(f'plugins = ["{tmp_path / "stuck.py"}", "{tmp_path / "quits.py"}"]\n', encoding="utf-8")
    code, out, err = cli("--config", str(config), "brief", "--no-cache", str(corpus))
    assert code == 1 and "Bleaching" in out
    assert "plugin 'stuck'" in err and "still importing after 0.5 s; left out" in err
    assert "plugin 'quits'" in err and "SystemExit(3) while importing" in err


def test_a_rule_that_backtracks_for_ever_is_stopped(cli, corpus, tmp_path):
    (corpus / "aaa.txt").write_text("a" * 40 + "! That was a long scream. It ended.", encoding="utf-8")
    config = tmp_path / "mine.toml"
    config.write_text('[settings.rules]\ndrop = ["^(a|aa)+$"]\n', encoding="utf-8")
    code, out, err = cli("--config", str(config), "brief", "--no-cache", str(corpus))
    assert "Bleaching" in out
    assert "the rule '^(a|aa)+$' took more than 1 s on one paragraph" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a POSIX system")
async def test_the_reading_room_holds_when_a_folder_topic_loses_every_source(registry, corpus, tmp_path):
    """Files beside the folders that all fail (a FIFO, an alias bomb, binary data): their
    interim folder topic ends with no document, and the reading room goes on (it raised
    IndexError while briefing what was on screen)."""
    from briefing.session import Session
    from briefing.tui.app import BriefingApp

    from .test_tui import settle

    root = tmp_path / "root"
    root.mkdir()
    shutil.copytree(corpus, root / "coral-reefs")
    os.mkfifo(root / "fifo.txt")
    (root / "laughs.md").write_text(ALIAS_BOMB, encoding="utf-8")
    (root / "notes.txt").write_bytes(b"Divers counted \x1b]0;x\x07 corals.\x00\x01\x02")
    app = BriefingApp(Session(Engine(registry, Settings()), [str(root)]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main_screen.view.topic is not None and app.main_screen.view.topic.documents


def test_a_folder_walk_keeps_path_order(tmp_path):
    from briefing.sources.collect import _walk

    for name in ("a.txt", "b/x.txt", "b/c/y.txt", "c.txt", ".hidden/z.txt", "d/.e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    walked = [str(p.relative_to(tmp_path)) for p in _walk(tmp_path)]
    assert walked == ["a.txt", "b/c/y.txt", "b/x.txt", "c.txt"]
