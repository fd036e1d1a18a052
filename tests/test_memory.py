"""A large run's memory (issue 30): freed memory goes back to the system after each corpus-wide
step, the language model is loaded only in the processes that read documents, and themes share
their documents' sentence strings. How much memory a run takes is the bench's to say
(``bench/run.py --corpora-only``), not a test's."""

from __future__ import annotations

import platform

import pytest

from briefing.cache import Cache
from briefing.engine import Engine, Settings, loading, memory
from briefing.engine.pool import PARALLEL_FROM

from .test_parallel_briefs import corpus


def test_freed_memory_is_handed_back_only_after_a_step_over_many_documents(monkeypatch):
    trimmed: list[int] = []
    monkeypatch.setattr(memory, "_malloc_trim", lambda: trimmed.append)
    memory.give_back(memory.MIN_DOCUMENTS - 1)
    assert trimmed == []
    memory.give_back(memory.MIN_DOCUMENTS)
    assert trimmed == [0]


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_glibc_trims_its_heap():
    trim = memory._malloc_trim()
    assert trim is not None and trim(0) in (0, 1)


def test_a_run_hands_memory_back_after_loading_each_tagger_and_grouping(registry, tmp_path, monkeypatch):
    trimmed: list[int] = []
    monkeypatch.setattr(memory, "_malloc_trim", lambda: trimmed.append)
    monkeypatch.setattr(memory, "MIN_DOCUMENTS", 1)
    with Engine(registry, Settings(workers=1)) as engine:
        engine.run([str(corpus(tmp_path / "notes", 6))])
        assert len(trimmed) == 1 + len(engine.plugins.taggers) + 1


def test_the_language_model_loads_only_where_documents_are_read(registry, tmp_path, monkeypatch):
    warmed: list[bool] = []
    monkeypatch.setattr(loading, "warm_up", lambda: warmed.append(True))
    folder = corpus(tmp_path / "notes", PARALLEL_FROM + 6)
    with Engine(registry, Settings(workers=2)) as engine:
        engine.load([str(folder)])  # read in the worker processes
    assert warmed == []
    with Engine(registry, Settings(workers=1)) as engine:
        engine.load([str(folder)])  # read here
    assert warmed == [True]


def test_themes_hold_their_documents_sentence_strings_not_copies(registry, tmp_path):
    folder = corpus(tmp_path / "notes", 8)
    with Engine(registry, Settings(workers=1), Cache(tmp_path / "cache")) as engine:
        engine.run([str(folder)])  # the taggers' analyses go to the cache
    (folder / "extra.txt").write_text("The ferry berths opened on Monday.\n", encoding="utf-8")
    with Engine(registry, Settings(workers=1), Cache(tmp_path / "cache")) as engine:
        documents = engine.load([str(folder)]).documents  # a new corpus: tagged again, analyses from the cache
        tagged = engine.themes.corpus(documents)
    evidence = [(e, {id(s.text) for s in d.sentences}) for d in documents for t in tagged[d.id][0] for e in t.evidence]
    assert evidence and all(id(e) in own for e, own in evidence)
