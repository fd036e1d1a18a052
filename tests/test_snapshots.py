"""Pictures of every screen at the three sizes people use (80x24, 120x40, 200x60).

Sources are named relative to the checkout, and the read marks start empty (see conftest), so
the pictures do not depend on where the repository is or who ran it before.
"""

from __future__ import annotations

import pytest

from .conftest import REPO
from .test_tui import FRAGILE, make_app, settle

SIZES = [(80, 24), (120, 40), (200, 60)]


def keys_then_settle(*keys: str):
    async def run(pilot) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run


SCREENS = {
    "main": (),
    "compare": ("c",),
    "reader": ("enter",),
    "coverage": ("v",),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_snapshot(snap_compare, monkeypatch, screen, size):
    monkeypatch.chdir(REPO)
    assert snap_compare(make_app(paths=["sources"]), terminal_size=size, run_before=keys_then_settle(*SCREENS[screen]))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_snapshot_problems(snap_compare, monkeypatch, tmp_path, size):
    """A summarizer that raises on one document and a missing source. (A plugin that cannot
    load is named with its file's full path, which differs per run: the pilot tests check it.)"""
    monkeypatch.chdir(REPO)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "fragile.py").write_text(FRAGILE, encoding="utf-8")
    app = make_app(paths=["sources/energy-storage", "sources/missing.txt"], plugins=[plugins], summarizer="fragile")
    assert snap_compare(app, terminal_size=size, run_before=keys_then_settle("exclamation_mark"))
