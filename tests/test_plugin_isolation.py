"""A plugin that ends its process in the corpus-wide steps or in a summary asked for one at a
time is named, and the run (or the reading room) goes on (issue 32). Per-document work is
isolated by the worker pool (tests/test_cache.py); these are the calls that ran in briefing's
own process."""

from __future__ import annotations

import os

from briefing.engine.runner import Engine
from briefing.plugins import PluginHost
from briefing.settings import Settings

from .conftest import SOURCES

EXITING_TAGGER = """
import os
from briefing import Tagger, hookimpl
from briefing.models import Theme


class Doomed(Tagger):
    name = "doomed"

    def tag(self, document, kit, corpus):
        os._exit(7)  # as a crash in C would: no exception, the process is gone


class Harbours(Tagger):
    name = "harbours"

    def tag(self, document, kit, corpus):
        found = [s.text for s in document.sentences if "coral" in s.text.lower()]
        return [Theme("Reef watch", 0.9, tuple(found[:1]))] if found else []


@hookimpl
def register_taggers(register):
    register(Doomed)
    register(Harbours)
"""

EXITING_SUMMARIZER = """
import os
from briefing import Summarizer, hookimpl


class Brittle(Summarizer):
    name = "brittle"

    def rate(self, document, kit):
        if any("coral" in s.text.lower() for s in document.sentences):
            os._exit(9)
        return [1.0 / (s.position + 1) for s in document.sentences]


@hookimpl
def register_summarizers(register):
    register(Brittle)
"""


def engine_with(tmp_path, plugin: str, **settings) -> Engine:
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "local.py").write_text(plugin, encoding="utf-8")
    return Engine(PluginHost([folder], load_entry_points=False).registry(), Settings(**settings))


def test_a_tagger_that_ends_its_process_while_tagging_the_corpus_is_named_and_the_rest_stands(tmp_path):
    with engine_with(tmp_path, EXITING_TAGGER) as engine:
        result = engine.run([str(SOURCES)])
        pid = os.getpid()
    assert pid == os.getpid() and result.briefs  # briefing's own process lived on
    said = [p.message for p in [*result.errors, *result.warnings]]
    assert sum("tagger 'doomed' ended the process it ran in" in m for m in said) == 1
    themes = {t.name for b in result.briefs for d in b.documents for t in d.themes}
    assert "Reef watch" in themes  # the other local tagger's themes stand
    assert len(themes) > 1  # and the built-in taggers' too


def test_a_summarizer_that_ends_its_process_on_demand_is_a_problem_and_the_next_summary_works(tmp_path):
    """The reading room asks for another summarizer's summary one document at a time."""
    with engine_with(tmp_path, EXITING_SUMMARIZER) as engine:
        documents, _ = engine.load([str(SOURCES)])
        brittle = engine.plugins.create("summarizer", "brittle")
        coral = next(d for d in documents if any("coral" in s.text.lower() for s in d.sentences))
        other = next(d for d in documents if not any("coral" in s.text.lower() for s in d.sentences))
        summary, problems = engine.summaries.one(coral, brittle)
        assert summary is None
        [problem] = problems
        assert problem.source == coral.origin and "summarizer 'brittle' ended the process it ran in" in problem.message
        again, problems = engine.summaries.one(other, brittle)  # a new worker for the next call
        assert problems == [] and again is not None and again.sentences


def test_built_in_plugins_and_workers_1_run_in_process(tmp_path, registry):
    assert Engine(registry).isolation is None  # briefing's own plugins only
    assert engine_with(tmp_path, EXITING_TAGGER, workers=1).isolation is None  # asked for one process


async def test_the_reading_room_lives_on_when_a_summarizer_it_switched_to_ends_its_process(tmp_path):
    from .test_tui import column_text, columns, running, settle

    (tmp_path / "brittle.py").write_text(EXITING_SUMMARIZER, encoding="utf-8")
    async with running((160, 48), paths=[SOURCES / "coral-reefs"], plugins=[tmp_path]) as (app, pilot):
        screen = app.main_screen
        screen.view.summarizer_name = "brittle"  # as the summarizer chooser (s) sets it
        screen._changed()
        await settle(pilot)
        texts = [column_text(c) for c in columns(app)]
        assert any("summarizer 'brittle' ended the process it ran in" in t for t in texts)
        assert app.is_running


def test_one_document_tagged_on_demand_is_isolated_too(tmp_path):
    """The reading room tags a document the corpus-wide tagging did not cover on its own."""
    with engine_with(tmp_path, EXITING_TAGGER) as engine:
        documents, _ = engine.load([str(SOURCES)])
        themes, problems = engine.themes.document(documents[0], documents)
    assert [p.source for p in problems] == [documents[0].origin]
    assert "tagger 'doomed' ended the process it ran in" in problems[0].message
    assert themes  # the built-in taggers' themes stand
