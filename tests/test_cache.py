"""The on-disk cache and the process pool: same briefings, less work."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pytest

import briefing.engine.loading as loading_module
import briefing.engine.prepare
import briefing.engine.summaries
import briefing.topics.brief
import briefing.topics.coverage
import briefing.topics.features
import briefing.topics.grouping
from briefing.cache import Cache, Packed, code_of
from briefing.cache_format import pack
from briefing.engine import Engine, Settings
from briefing.engine.pool import PARALLEL_FROM
from briefing.models import Document
from briefing.plugins import PluginHost
from briefing.settings import Length
from briefing.text.words import language_kit

from .conftest import SOURCES, timeless


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    return folder


@pytest.fixture
def calls(monkeypatch) -> Counter[str]:
    """How often each expensive step ran: loading a source, summarizing, tagger analyses, a
    document's word features, grouping, topic briefs, pooling a topic's themes and digesting a
    document's sentences."""
    counted: Counter[str] = Counter()

    def spy(name, function):
        def wrapper(*args, **kwargs):
            counted[name] += 1
            return function(*args, **kwargs)

        return wrapper

    for module, name, label in [
        (briefing.engine.prepare, "work_on", "work_on"),
        (briefing.engine.summaries, "summarize", "summarize"),
        (briefing.topics.brief, "topic_brief", "topic_brief"),
        (briefing.topics.coverage, "topic_themes", "topic_themes"),
        (briefing.topics.grouping, "group_by_grouping", "group"),
        (briefing.engine.prepare, "word_features", "words"),
        (briefing.topics.features, "word_features", "words"),
        (briefing.engine.cache_keys, "fingerprint_of", "fingerprint"),
    ]:
        monkeypatch.setattr(module, name, spy(label, getattr(module, name)))
    from briefing.builtins.keyphrase_tagger import KeyPhraseTagger

    monkeypatch.setattr(KeyPhraseTagger, "analyse", spy("analyse", KeyPhraseTagger.analyse))
    return counted


def brief(registry, folder: Path, cache: Cache | None, **settings):
    """The run's briefing, its time of making left out: runs compared may fall in two minutes."""
    return timeless(Engine(registry, Settings(**settings), cache).run([str(folder)]))


def test_an_unchanged_corpus_is_briefed_from_the_cache(registry, corpus, tmp_path, calls):
    cache = Cache(tmp_path / "cache")
    first = brief(registry, corpus, cache)
    assert calls["work_on"] == 12 and calls["summarize"] == 12 and calls["analyse"] == 12
    assert calls["words"] == 12  # beside each document's summary; grouping reads them
    assert calls["fingerprint"] == 12  # once each, where the document is prepared
    calls.clear()
    again = brief(registry, corpus, Cache(tmp_path / "cache"))
    assert calls == Counter()  # nothing loaded, summarized, analysed, grouped, briefed or digested again
    assert again == first == brief(registry, corpus, None)


def test_one_changed_file_recomputes_its_own_document_and_topic(registry, corpus, tmp_path, calls):
    cache = Cache(tmp_path / "cache")
    first = brief(registry, corpus, cache)
    changed = corpus / "coral-reefs" / "bleaching-season.txt"
    head, body = changed.read_text(encoding="utf-8").split("\n\n", 1)  # a new lead: the summary changes too
    lead = "Divers counted fewer pale corals on the northern reef this week."
    changed.write_text(f"{head}\n\n{lead}\n\n{body}", encoding="utf-8")
    calls.clear()
    again = brief(registry, corpus, Cache(tmp_path / "cache"))
    assert (calls["work_on"], calls["summarize"], calls["analyse"], calls["words"]) == (1, 1, 1, 1)
    assert calls["fingerprint"] == 1
    assert calls["group"] == 1  # regrouped, with the other documents' word features from the cache
    assert calls["topic_brief"] == 1  # the changed document's topic; the others come from the cache
    assert again == brief(registry, corpus, None)
    assert again != first


def test_a_topics_pooled_themes_are_kept_only_when_every_tagger_tagged(registry, corpus, tmp_path, calls, monkeypatch):
    """Pooled themes are kept by the corpus tagging they came from; when a tagger failed, that
    tagging is tried again next run, and so are the pooled themes (not the failed run's)."""
    from briefing.builtins.keyphrase_tagger import KeyPhraseTagger

    real_tag = KeyPhraseTagger.tag

    def failing(self, document, kit, corpus):
        if document.origin.endswith("bleaching-season.txt"):
            raise RuntimeError("the phrase table is locked")
        return real_tag(self, document, kit, corpus)

    monkeypatch.setattr(KeyPhraseTagger, "tag", failing)
    first = brief(registry, corpus, Cache(tmp_path / "cache"))
    assert any("the phrase table is locked" in p.message for p in first.errors)
    pooled = calls["topic_themes"]
    assert pooled == len(first.briefs)
    monkeypatch.setattr(KeyPhraseTagger, "tag", real_tag)
    again = brief(registry, corpus, Cache(tmp_path / "cache"))
    assert calls["topic_themes"] == 2 * pooled  # pooled again, from the full tagging
    assert again == brief(registry, corpus, None)


def test_a_change_the_summary_did_not_pick_still_renews_the_topic_brief(registry, corpus, tmp_path, calls):
    """The brief's centroid reads every sentence of its documents, so its key holds them all."""
    first = brief(registry, corpus, Cache(tmp_path / "cache"))
    changed = corpus / "coral-reefs" / "bleaching-season.txt"
    tail = "Tourists asked whether the reef is still worth a visit; guides said that it is."
    changed.write_text(changed.read_text(encoding="utf-8").rstrip() + f"\n\n{tail}\n", encoding="utf-8")
    calls.clear()
    again = brief(registry, corpus, Cache(tmp_path / "cache"))

    def picks(briefing):
        return [[s.text for s in e.summary.sentences] for b in briefing.briefs for e in b.documents if e.summary]

    assert picks(again) == picks(first)  # the new sentence was not picked
    assert calls["topic_brief"] == 1
    assert again == brief(registry, corpus, None)


def test_settings_are_part_of_the_key(registry, corpus, tmp_path, calls):
    cache = Cache(tmp_path / "cache")
    brief(registry, corpus, cache)
    calls.clear()
    other = brief(registry, corpus, cache, summarizer="textrank", length=Length(2))
    assert calls["work_on"] == 0  # documents are the same ...
    assert calls["summarize"] == 12  # ... summaries are not
    assert all(len(d.summary.sentences) <= 2 for b in other.briefs for d in b.documents)
    assert other == brief(registry, corpus, None, summarizer="textrank", length=Length(2))


def test_a_changed_plugin_is_a_different_key(tmp_path):
    plugin = tmp_path / "plugs" / "shortest.py"
    plugin.parent.mkdir()
    code = """
from briefing import Summarizer, hookimpl

class Shortest(Summarizer):
    name = "shortest"
    def rate(self, document, kit):
        return [-len(s.text) for s in document.sentences]

@hookimpl
def register_summarizers(register):
    register(Shortest)
"""
    plugin.write_text(code, encoding="utf-8")
    before = code_of(PluginHost([plugin.parent], load_entry_points=False).registry().get("summarizer", "shortest").cls)
    plugin.write_text(code.replace("-len", "0 - len"), encoding="utf-8")
    after = code_of(PluginHost([plugin.parent], load_entry_points=False).registry().get("summarizer", "shortest").cls)
    assert before != after


def test_editing_a_plugins_helper_module_is_a_different_key(tmp_path, monkeypatch):
    """An installed plugin is a package: its class's file may not change when a module it
    imports does, and the results must still be computed again."""
    package = tmp_path / "helped_plugin"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from briefing import Summarizer\nfrom .weights import WEIGHT\n\n"
        "class Weighted(Summarizer):\n    name = 'weighted'\n"
        "    def rate(self, document, kit):\n        return [WEIGHT * len(s.text) for s in document.sentences]\n",
        encoding="utf-8",
    )
    (package / "weights.py").write_text("WEIGHT = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import helped_plugin

    before = code_of(helped_plugin.Weighted)
    (package / "weights.py").write_text("WEIGHT = -1\n", encoding="utf-8")
    assert code_of(helped_plugin.Weighted) != before
    monkeypatch.delitem(sys.modules, "helped_plugin")
    monkeypatch.delitem(sys.modules, "helped_plugin.weights")


def test_a_damaged_entry_is_computed_again(registry, corpus, tmp_path):
    first = brief(registry, corpus, Cache(tmp_path / "cache"))
    with sqlite3.connect(tmp_path / "cache" / "results.sqlite") as db:
        db.execute("UPDATE results SET value = ?", (b"not an entry",))
    assert brief(registry, corpus, Cache(tmp_path / "cache")) == first


def test_analyses_from_the_cache_stay_packed_until_a_tagger_reads_them(registry, corpus, tmp_path):
    """After one file changes, the other documents' analyses come from the cache as bytes: the
    taggers keep them so (10,000 documents' analyses take 800 MB as objects) and the themes are
    those of a run without a cache; a damaged entry is analysed again."""
    brief(registry, corpus, Cache(tmp_path / "cache"))
    changed = corpus / "coral-reefs" / "bleaching-season.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nDivers returned in May.", encoding="utf-8")
    engine = Engine(registry, Settings(), Cache(tmp_path / "cache"))
    again = timeless(engine.run([str(corpus)]))
    assert again == brief(registry, corpus, None)
    for tagger in engine.plugins.taggers:
        packed = [v for v in tagger._analyses().values() if isinstance(v, Packed)]
        assert len(packed) == 11, tagger.name  # all but the changed document's
    tagger = engine.plugins.taggers[0]
    document = engine.prepare(Document(id="x", title="x", text="Reef divers counted corals.", origin="x"))
    tagger.remember_packed(document, b"not an entry")
    assert tagger.analysis(document) == tagger.analyse(document, language_kit("en"))


def test_a_tagger_that_keeps_its_own_analyses_gets_them_unpacked(registry):
    from briefing.interfaces import Tagger

    class Keeping(Tagger):
        name = "keeping"
        kept: list[object] = []

        def tag(self, document, kit, corpus):
            return []

        def remember(self, document, analysis):
            self.kept.append(analysis)

    document = Document(id="x", title="x", text="Reef divers counted corals.", origin="x")
    Keeping().remember_packed(document, pack({"corals": 1}))
    assert Keeping.kept == [{"corals": 1}]


def test_cache_commands_and_no_cache(cli, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    code, out, _ = cli("brief", "--no-cache", str(corpus))
    assert code == 0 and "coral" in out.lower()
    assert not (tmp_path / "cache" / "results.sqlite").exists() or Cache(tmp_path / "cache").size()[0] == 0
    assert cli("brief", str(corpus))[0] == 0
    code, out, _ = cli("cache", "info")
    entries = int(out.splitlines()[1].split()[0])
    assert code == 0 and str(tmp_path / "cache") in out and entries > 12
    code, _, err = cli("cache", "clear")
    assert code == 0 and f"forgot {entries} cached results" in err
    assert Cache(tmp_path / "cache").size()[0] == 0


def test_an_unusable_cache_folder_is_a_warning(cli, corpus, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    (tmp_path / "briefing.toml").write_text(f'cache_dir = "{blocker}"\n', encoding="utf-8")
    code, out, err = cli("brief", str(corpus), cwd=tmp_path)
    assert code == 0 and "coral" in out.lower()
    assert f"cache {blocker} cannot be used" in err


# -- the process pool ----------------------------------------------------------------------------

SUBJECTS = [
    "The storage battery in the valley kept the grid steady through the cold evening peak.",
    "Divers measured how much of the coral reef had bleached after the warm summer.",
    "Cargo bikes now carry parcels through the old town faster than vans ever did.",
]

CRASHING_LOADER = """
from briefing import Loader, Document, hookimpl

class Notes(Loader):
    name = "notes"
    suffixes = (".notes",)
    def load(self, source):
        if b"crash" in source.data:
            raise RuntimeError("the notes parser gave up")
        text = source.data.decode()
        yield Document(id=source.origin, title=source.origin, text=text, origin=source.origin)

@hookimpl
def register_loaders(register):
    register(Notes)
"""


def many_sources(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        subject = SUBJECTS[number % 3]
        lines = [f"Note {number}.", subject, f"Entry {number} adds its own detail, number {number * 7}.", subject]
        (folder / f"note{number:03d}.notes").write_text(" ".join(lines), encoding="utf-8")
    (folder / "broken.notes").write_text("crash here", encoding="utf-8")


@pytest.fixture
def notes_registry(tmp_path):
    """The built-ins and a local loader for ``.notes`` files that crashes on "crash"."""
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "notes.py").write_text(CRASHING_LOADER, encoding="utf-8")
    return PluginHost([plugins], load_entry_points=False).registry()


def test_the_process_pool_gives_the_same_briefing_and_reports_failures(notes_registry, tmp_path, monkeypatch):
    registry = notes_registry
    folder = tmp_path / "many"
    many_sources(folder, PARALLEL_FROM + 6)
    pools = []
    sent: list[list[str]] = []
    real_pool = loading_module.work_in_executor

    def counted_pool(*args, **kwargs):
        pools.append(args[0]._max_workers)  # the number of local workers
        sent.append([Path(source.origin).name for source in args[2]])
        yield from real_pool(*args, **kwargs)

    monkeypatch.setattr(loading_module, "work_in_executor", counted_pool)
    grouped_here = []
    real_features = briefing.topics.features.word_features
    monkeypatch.setattr(
        briefing.topics.features, "word_features", lambda d: grouped_here.append(d.id) or real_features(d)
    )
    parallel = brief(registry, folder, Cache(tmp_path / "cache"), workers=2)
    assert pools == [2]
    assert grouped_here == []  # the workers computed every document's word features for grouping
    serial = brief(registry, folder, None, workers=1)
    assert pools == [2]
    assert parallel == serial
    assert sum(len(b.documents) for b in parallel.briefs) == PARALLEL_FROM + 6
    [problem] = parallel.errors
    assert problem.source.endswith("broken.notes")
    assert "loader 'notes' failed: RuntimeError: the notes parser gave up" in problem.message
    # What the workers computed was cached: a second run works only on the source that failed
    # (in a worker process: the notes loader is not briefing's own, see StartedPlugins.isolated).
    assert brief(registry, folder, Cache(tmp_path / "cache"), workers=2).briefs == parallel.briefs
    assert sent[-1] == ["broken.notes"]


def test_pool_workers_run_one_blas_thread_and_this_process_keeps_its_own(registry):
    """numpy's BLAS threads in every worker fought over the cores: the pool was slower than one
    process. Workers get one thread (a number the user set wins); this process is left alone."""
    import os

    from briefing.engine.executors import Executors
    from briefing.engine.pool import BLAS_THREADS

    before = {name: os.environ.get(name) for name in BLAS_THREADS}
    executors = Executors(Settings(workers=2), registry.recipe)
    try:
        executor, _ = executors.open(PARALLEL_FROM)
        seen = {name: executor.submit(os.getenv, name).result() for name in BLAS_THREADS}
    finally:
        executors.close()
    assert seen == {name: value or "1" for name, value in before.items()}
    assert {name: os.environ.get(name) for name in BLAS_THREADS} == before


def test_a_broken_pool_falls_back_to_one_process(notes_registry, tmp_path, monkeypatch):
    registry = notes_registry
    folder = tmp_path / "many"
    many_sources(folder, PARALLEL_FROM)

    def broken(*args, **kwargs):
        raise OSError("the fork server could not start")  # the pool itself, not a plugin in it
        yield

    monkeypatch.setattr(loading_module, "work_in_executor", broken)
    result = brief(registry, folder, None, workers=2)
    assert sum(len(b.documents) for b in result.briefs) == PARALLEL_FROM
    assert any("worker processes failed (the fork server could not start)" in w.message for w in result.warnings)


async def test_the_reading_room_groups_a_large_folder_in_the_pool(notes_registry, tmp_path, monkeypatch):
    """Textual replaces the standard streams, which a fork server cannot be started from: the
    session starts it before the app runs."""
    from briefing.session import INTERIM_TOPIC, Session
    from briefing.tui.app import BriefingApp

    folder = tmp_path / "many"
    many_sources(folder, INTERIM_TOPIC + PARALLEL_FROM + 6)  # the first interim topic loads alone
    pools = []
    real_pool = loading_module.work_in_executor

    def counted_pool(*args, **kwargs):
        pools.append(args[0]._max_workers)
        yield from real_pool(*args, **kwargs)

    monkeypatch.setattr(loading_module, "work_in_executor", counted_pool)
    session = Session(Engine(notes_registry, Settings(grouping="content", workers=2)), [str(folder)])
    app = BriefingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if app.main_screen.loading_done:
                break
        assert app.main_screen.loading_done
    # The first interim topic, loaded alone, goes to one worker: its loader is not briefing's own.
    assert pools == [1, 2]
    assert not any("worker processes failed" in w.message for w in session.warnings)
    assert sum(len(t.documents) for t in app.session.topics) == INTERIM_TOPIC + PARALLEL_FROM + 6


@pytest.mark.parametrize(
    "variant",
    [
        {"length": Length(1)},
        {"length": Length(sentences=None, ratio=0.5)},
        {"topic_sentences": 2},
        {"language": "de", "detect_language": False},
        {"cleaners": ("rules", "teasers")},
        {"taggers": ("lexicon",)},
        {"grouping": "folders"},
        {"topic_threshold": 0.9},
        {"summarizer": "lead"},
    ],
    ids=lambda v: ",".join(v),
)
def test_each_setting_a_result_depends_on_is_in_its_key(registry, corpus, tmp_path, variant):
    """Brief with the defaults, then with one setting changed, on the same cache: the second
    run must give what an uncached run with that setting gives, not the first run's results."""
    (corpus / "energy-storage" / "with-banner.txt").write_text(
        "Batteries in the basement\n\nA family in Kassel stores its solar power in a cellar battery. "
        "It covers the evening peak.\n\nWe use cookies to improve your experience. Accept all cookies "
        "or manage your cookie settings.",
        encoding="utf-8",
    )
    first = brief(registry, corpus, Cache(tmp_path / "cache"))
    again = brief(registry, corpus, Cache(tmp_path / "cache"), **variant)
    expected = brief(registry, corpus, None, **variant)
    assert expected != first  # the setting changes the briefing, so a stale result would show
    assert again == expected


def test_a_corrupt_cache_file_warns_and_cache_info_and_clear_still_work(cli, corpus, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    (folder / "results.sqlite").write_bytes(b"this is not a database, it is garbage" * 100)
    code, out, err = cli("brief", str(corpus))
    assert code == 0 and "coral" in out.lower() and "cannot be used" in err  # the run goes on without it
    code, out, err = cli("cache", "info")
    assert code == 1 and str(folder / "results.sqlite") in out and "cache clear' moves it aside" in err
    code, _, err = cli("cache", "clear")
    assert code == 0 and "moved it to" in err
    assert (folder / "results.sqlite.broken-1").read_bytes().startswith(b"this is not a database")  # nothing deleted
    assert cli("brief", str(corpus))[0] == 0
    code, out, _ = cli("cache", "info")
    assert code == 0 and int(out.splitlines()[1].split()[0]) > 0  # a fresh cache in use again


EXITING_LOADER = CRASHING_LOADER.replace(
    'raise RuntimeError("the notes parser gave up")', "import os; os._exit(3)  # as a crash in C would"
)


def test_a_plugin_that_ends_its_worker_process_is_reported_and_the_rest_stands(tmp_path):
    """A loader that kills the worker process on one source: the pool breaks; the sources not
    yet done are worked on one at a time in processes of their own, so the one that kills its
    process is named and every other source is briefed (in this process, it would end briefing)."""
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "notes.py").write_text(EXITING_LOADER, encoding="utf-8")
    registry = PluginHost([plugins], load_entry_points=False).registry()
    folder = tmp_path / "many"
    many_sources(folder, PARALLEL_FROM + 6)
    result = brief(registry, folder, None, workers=2)
    assert sum(len(b.documents) for b in result.briefs) == PARALLEL_FROM + 6
    [error] = result.errors
    assert error.source == str(folder / "broken.notes")
    assert "its worker process ended abruptly while working on it" in error.message
    assert any("a worker process ended abruptly" in w.message for w in result.warnings)


def test_a_small_run_with_a_plugin_that_ends_its_process_is_isolated_too(tmp_path):
    """Below the pool's threshold, work that runs a plugin not briefing's own still goes to a
    worker process: the source whose plugin ends it is named, the others are briefed."""
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "notes.py").write_text(EXITING_LOADER, encoding="utf-8")
    registry = PluginHost([plugins], load_entry_points=False).registry()
    folder = tmp_path / "few"
    many_sources(folder, 4)
    result = brief(registry, folder, None)
    assert sum(len(b.documents) for b in result.briefs) == 4
    [error] = result.errors
    assert error.source == str(folder / "broken.notes") and "ended abruptly" in error.message


def test_past_its_limit_the_cache_forgets_the_results_used_least_recently(tmp_path, monkeypatch):
    """Entries carry the day they were last used (read or written); past the limit, the least
    recently used go first (the oldest written among equals) until the cache holds 80% of it."""
    import os

    import briefing.cache as cache_module

    monkeypatch.setattr(cache_module, "today", lambda: 10)
    cache = Cache(tmp_path / "cache", limit_mb=1)
    size = 200 * 1024
    cache.put_packed({key: os.urandom(size) for key in "abcdefgh"})  # 1.6 MB: past the limit
    monkeypatch.setattr(cache_module, "today", lambda: 11)
    assert set(cache.get_packed_many(["a", "b"])) == {"a", "b"}  # read: used today
    cache.put_packed({key: os.urandom(size) for key in "ij"})
    forgotten = cache.prune()
    least_recent_first = "cdefgh" + "abij"  # used on day 10, then on day 11, each in the order written
    assert 6 <= forgotten < 10
    assert set(cache.get_packed_many("abcdefghij")) == set(least_recent_first[forgotten:])
    assert cache.in_use() <= 2**20 * 0.8
    assert cache.prune() == 0  # under the limit: nothing more goes
    assert Cache(tmp_path / "cache").prune() == 0  # no limit


def test_a_cache_written_before_entries_had_a_day_is_read_and_pruned(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    with sqlite3.connect(folder / "results.sqlite") as db:
        db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        db.execute("INSERT INTO results VALUES ('old', ?)", (b"x" * 300_000,))
    cache = Cache(folder, limit_mb=0.1)
    assert cache.get_packed_many(["old"]) == {"old": b"x" * 300_000}
    cache.put_packed({"new": b"y"})
    assert cache.prune() >= 1 and set(cache.get_packed_many(["old", "new"])) <= {"new"}


def test_a_run_keeps_the_cache_under_its_configured_limit(cli, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "briefing.toml").write_text("cache_max_mb = 0.05\n", encoding="utf-8")
    code, out, _ = cli("--config", str(tmp_path / "briefing.toml"), "brief", str(corpus))
    assert code == 0 and "coral" in out.lower()
    assert Cache(tmp_path / "cache").in_use() <= 0.05 * 2**20
    code, out, _ = cli("--config", str(tmp_path / "briefing.toml"), "cache", "info")
    assert code == 0 and "(at most 0.05 MiB of results)" in out
    (tmp_path / "briefing.toml").write_text("cache_max_mb = -1\n", encoding="utf-8")
    code, _, err = cli("--config", str(tmp_path / "briefing.toml"), "brief", str(corpus))
    assert code == 2 and "cache_max_mb" in err and "must be 0 (no limit) or more" in err
