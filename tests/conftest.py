"""Shared fixtures. Tests need nothing outside the repo: every input is shipped or made here."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.engine import Engine
from briefing.models import Document
from briefing.plugins import PluginHost, Registry

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "sources"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path_factory):
    """No installed third-party plugins, no user config, an empty result cache, no read marks: each test sees
    only what it sets up."""
    monkeypatch.delenv("BRIEFING_LOAD_PLUGINS", raising=False)
    monkeypatch.setattr("briefing.plugins.entry_points", lambda group: [])
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config-home")))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path_factory.mktemp("data")))  # read marks


@pytest.fixture
def registry() -> Registry:
    return PluginHost(load_entry_points=False).registry()


@pytest.fixture
def engine(registry) -> Engine:
    return Engine(registry)


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run the CLI in-process from a folder: returns (exit code, stdout, stderr)."""

    def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def timeless(briefing):
    """A briefing without its time of making, to compare runs that may fall in two minutes."""
    from dataclasses import replace

    return replace(briefing, facts=replace(briefing.facts, made="")) if briefing.facts else briefing


def document_of(*sentences: str, headings: tuple[str, ...] = ()) -> Document:
    """An English document of these sentences, one paragraph, as if already prepared."""
    from briefing.models import Sentence

    return Document(
        id="d",
        title="d",
        text=" ".join(sentences),
        origin="d",
        language="en",
        headings=headings,
        sentences=tuple(Sentence(text, 0, i) for i, text in enumerate(sentences)),
    )
