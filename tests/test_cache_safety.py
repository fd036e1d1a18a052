"""The cache holds data, never code: a tampered entry is a miss, and the folder is the user's own."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
import pytest

import briefing
from briefing.answering import Terms
from briefing.cache import Cache, UnsafeCacheFolder
from briefing.cache_format import MAGIC, DamagedEntry, NotStorable, pack, unpack
from briefing.engine import Engine, Settings
from briefing.engine.assemble import Thematic
from briefing.engine.summaries import Outcome
from briefing.models import (
    BriefTheme,
    Development,
    Document,
    Dropped,
    Point,
    Problem,
    ScoredSentence,
    Sentence,
    Summary,
    Theme,
)
from briefing.sources.fetch import Fetcher
from briefing.testing.rating_checks import tagger_checks

from .conftest import SOURCES, timeless


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    return folder


class _Touch:
    """A pickle that, if loaded, creates ``path``: what an attacker would put in the cache."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.path,))


def _crafted_pickle(path: Path) -> bytes:
    import pickle

    return pickle.dumps(_Touch(path))


def _foreign_class_entry(path: Path) -> bytes:
    """A well-formed entry that names a class and a call, as a format that looked classes up by
    name would read them: here it is only a map of strings, which is no result's type."""
    return MAGIC + msgspec.msgpack.encode({"__class__": "pathlib.Path", "__call__": "touch", "args": [str(path)]})


def _tampered(value: Any) -> Any:
    """An entry read as plain data (maps for dataclasses) with its first leaf swapped for a
    value of another type."""
    if isinstance(value, list) and value:
        return [_tampered(value[0]), *value[1:]]
    if isinstance(value, dict) and value:
        key = next(iter(value))
        return {**value, key: _tampered(value[key])}
    return ["not", "what", "was", "stored"] if isinstance(value, (str, bytes)) else "not what was stored"


def _entries(folder: Path) -> dict[str, bytes]:
    with sqlite3.connect(folder / "results.sqlite") as db:
        return dict(db.execute("SELECT key, value FROM results"))


def _rewrite(folder: Path, change) -> None:
    with sqlite3.connect(folder / "results.sqlite") as db:
        for key, value in list(db.execute("SELECT key, value FROM results")):
            db.execute("UPDATE results SET value = ? WHERE key = ?", (change(key, value), key))


def _brief_and_ask(registry, corpus: Path, folder: Path):
    engine = Engine(registry, Settings(), Cache(folder))
    briefing_made = timeless(engine.run([str(corpus)]))
    documents = [e.document for b in briefing_made.briefs for e in b.documents]
    answer = engine.answer_index(documents).ask("What happened to the coral reefs?", 2)
    return briefing_made, [(a.text, a.document.id, a.position, a.score) for a in answer]


def test_every_stored_type_comes_back_equal_with_its_containers():
    sentence = Sentence("Divers counted corals.", 0, 0)
    values = [
        (
            Document,
            Document("d", "T", "Divers.", "o", sentences=(sentence, sentence), dropped=(Dropped("x", "y", "z"),)),
        ),
        (Outcome, (Summary("lead", (ScoredSentence("a", 0, 0, 0.5, 1),)), [Problem("o", "m")])),
        (tuple[Theme, ...], (Theme("Reefs", 0.5, ("a",), "t", "topic", ("b",)),)),
        (
            Thematic,
            (
                (BriefTheme("Reefs", (Point("a", ("d",), 0.3, ("4%",), "Ana", True, "2026-01-02"),), 2),),
                (Development("2026-01-02", "d", ("a",)),),
            ),
        ),
        (list[float | None | bool], [1, 2.5, None, True]),
        (dict[tuple[int, str], set[int]], {(1, "x"): {1, 2}}),
        (dict[str, frozenset[str]], {"e": frozenset({"q"})}),
        (dict[str, bytes], {"\x00": b"\x00"}),
        (Counter[str], Counter("reef")),
        (list[tuple[str, list[str]]], [("str", ["list", "in", "tuple"])]),
        (Terms, Terms(("a", "b"), np.arange(3), np.arange(3, dtype=np.int32), np.ones(3))),
    ]
    for kind, value in values:
        back = unpack(pack(value), kind)
        if isinstance(value, Terms):
            assert back.stems == value.stems and all(
                (getattr(back, f) == getattr(value, f)).all() and getattr(back, f).dtype == getattr(value, f).dtype
                for f in ("rows", "cols", "counts")
            )
            continue
        assert back == value
        assert type(back) is type(value)
    assert type(unpack(pack({"k": [1]}), dict[str, list[int]])["k"]) is list
    assert type(unpack(pack(((1,),)), tuple[tuple[int], ...])[0]) is tuple
    assert unpack(pack(((1,), [2])), Any) == [[1], [2]]  # untyped: plain msgpack data


def test_what_is_not_data_is_refused_when_stored():
    for value in (object(), lambda: None, np.array([object()]), {"k": {1: open}}):
        with pytest.raises(NotStorable):
            pack(value)


def test_an_entry_cannot_choose_what_is_built(tmp_path):
    marker = tmp_path / "ran"

    @dataclasses.dataclass(frozen=True)
    class Noisy:
        value: int

        def __post_init__(self) -> None:
            marker.touch()

    # The reader names the type; the bytes only fill in fields (the class's own code is the
    # program's, as when briefing makes one itself).
    assert unpack(pack(Noisy(3)), Noisy) == Noisy(3)
    marker.unlink()
    with pytest.raises(DamagedEntry):  # a field of another type: refused before anything is made
        unpack(pack({"value": "three"}), Noisy)
    assert not marker.exists()


def test_bytes_that_are_not_an_entry_are_refused(tmp_path):
    marker = tmp_path / "ran"
    good = pack((Sentence("a", 0, 0),))
    kind = tuple[Sentence, ...]
    for data in (
        _crafted_pickle(marker),
        _foreign_class_entry(marker),
        b"",
        MAGIC,
        good[:-3],
        good[:-1] + b"\xc1",
        good.replace(b"text", b"txet"),  # a field this version does not have, one it needs missing
        pack((Sentence(5, 0, 0),)),  # type: ignore[arg-type]
        pack((Document("d", "t", "x", "o", sentences=("a",)),)),  # type: ignore[arg-type]
    ):
        with pytest.raises(DamagedEntry):
            unpack(data, kind)
    for counts in ({"a": "b"}, {1: 2}, ["a"]):
        with pytest.raises(DamagedEntry):
            unpack(pack(counts), Counter[str])
    with pytest.raises(DamagedEntry):
        unpack(pack(("O", [1], b"\x00" * 8)), np.ndarray)  # an array of objects: never read
    assert not marker.exists()


def test_a_crafted_pickle_in_every_entry_runs_nothing_and_is_briefed_again(registry, corpus, tmp_path):
    folder, marker = tmp_path / "cache", tmp_path / "the-cache-ran-code"
    first = _brief_and_ask(registry, corpus, folder)
    kinds = {key.split(":")[0] for key in _entries(folder)}
    assert {
        "source",
        "summary",
        "analysis",
        "words",
        "corpus",
        "topics",
        "brief",
        "thematic+timeline",
        "terms",
    } <= kinds
    for crafted in (_crafted_pickle(marker), _foreign_class_entry(marker)):
        _rewrite(folder, lambda key, value, crafted=crafted: crafted)
        assert _brief_and_ask(registry, corpus, folder) == first
        assert not marker.exists()
        assert all(value.startswith(MAGIC) for value in _entries(folder).values())  # briefed again, stored again
    assert Cache(folder).damaged() >= 2 * len(kinds)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda value: pack(_tampered(unpack(value))),  # a field of a type it may not hold
        lambda value: pack((Sentence("Entries of another kind.", 0, 0),)),  # data of another type
    ],
    ids=["field", "whole"],
)
def test_a_tampered_entry_of_each_stored_type_is_briefed_again(registry, corpus, tmp_path, tamper):
    folder = tmp_path / "cache"
    first = _brief_and_ask(registry, corpus, folder)
    for kind in sorted({key.split(":")[0] for key in _entries(folder)}):
        before = Cache(folder).damaged()
        _rewrite(folder, lambda key, value, kind=kind: tamper(value) if key.split(":")[0] == kind else value)
        if kind in ("analysis", "words"):  # read only when the corpus-wide steps are redone
            with sqlite3.connect(folder / "results.sqlite") as db:
                db.execute("DELETE FROM results WHERE key LIKE 'corpus:%' OR key LIKE 'topics:%'")
        assert _brief_and_ask(registry, corpus, folder) == first, kind
        # Each was found out, computed again and counted (an analysis, by the tagger that reads it).
        assert Cache(folder).damaged() > before, kind
        if kind in ("analysis", "words"):  # and stored again: read once more, none is damaged
            found = Cache(folder).damaged()
            with sqlite3.connect(folder / "results.sqlite") as db:
                db.execute("DELETE FROM results WHERE key LIKE 'corpus:%' OR key LIKE 'topics:%'")
            assert _brief_and_ask(registry, corpus, folder) == first
            assert Cache(folder).damaged() == found, kind


def test_a_tampered_fetched_page_is_fetched_again(tmp_path):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            body = b"<html><body><p>Divers counted corals on the reef.</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/reef"
        folder = tmp_path / "cache"
        first = Fetcher(cache=Cache(folder)).fetch(url)
        [(key, value)] = _entries(folder).items()
        assert key.startswith("http:")
        _rewrite(folder, lambda key, value: pack(_tampered(unpack(value))))
        assert Fetcher(cache=Cache(folder)).fetch(url) == first
        assert Cache(folder).damaged() == 1
    finally:
        server.shutdown()


def test_no_pickle_is_loaded_from_disk_anywhere_in_the_package():
    package = Path(briefing.__file__).parent
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bpickle\.loads?\b|\bcPickle\b|\bdill\b|\bshelve\b|\bmarshal\.loads?\b|allow_pickle=True", line)
    ]
    assert found == []


def test_the_cache_folder_is_the_users_own(tmp_path, monkeypatch):
    folder = tmp_path / "fresh" / "cache"
    Cache(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    older = tmp_path / "older"
    older.mkdir()
    older.chmod(0o755)  # as an earlier briefing made it: others could read documents' text
    Cache(older)
    assert older.stat().st_mode & 0o777 == 0o700
    open_to_all = tmp_path / "shared"
    open_to_all.mkdir()
    open_to_all.chmod(0o777)
    with pytest.raises(UnsafeCacheFolder, match="others may write"):
        Cache(open_to_all)
    assert Cache(open_to_all, shared=True).get("x") is None  # on purpose: allowed, still data only
    someone_else = os.getuid() + 1
    monkeypatch.setattr(os, "getuid", lambda: someone_else)
    with pytest.raises(UnsafeCacheFolder, match="another user"):
        Cache(folder)


def test_a_cache_folder_others_may_write_is_a_warning_and_the_run_goes_on(cli, corpus, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o777)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    code, out, err = cli("brief", str(corpus))
    assert code == 0 and "Coral" in out
    assert "others may write to the cache folder" in err and "cache_shared = true" in err
    assert not (folder / "results.sqlite").exists()
    config = tmp_path / "briefing.toml"
    config.write_text("cache_shared = true\n", encoding="utf-8")
    code, out, err = cli("--config", str(config), "brief", str(corpus))
    assert code == 0 and "cache" not in err and (folder / "results.sqlite").exists()


def test_cache_info_counts_the_entries_found_damaged(cli, corpus, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    assert cli("brief", str(corpus))[0] == 0
    code, out, _ = cli("cache", "info")
    assert "damaged" not in out
    _rewrite(folder, lambda key, value: b"junk")
    assert cli("brief", str(corpus))[0] == 0
    code, out, _ = cli("cache", "info")
    count = len(_entries(folder))
    assert re.search(rf"\b{count} entries were found damaged", out) or re.search(
        r"\b\d+ entries were found damaged", out
    )
    cli("cache", "clear")
    assert "damaged" not in cli("cache", "info")[1]


OPAQUE_TAGGER = """
from briefing import Tagger, Theme, hookimpl


class Opaque:
    \"\"\"What a careless plugin might return from analyse(): an object of its own.\"\"\"

    def __init__(self, words):
        self.words = words


class OpaqueTagger(Tagger):
    name = "opaque"

    def analyse(self, document, kit):
        return Opaque([w.strip(".,").lower() for w in document.text.split()])

    def tag(self, document, kit, corpus):
        words = self.analysis(document).words
        return [Theme("Corals", 0.5, tagger=self.name)] if "corals" in words else []


@hookimpl
def register_taggers(register):
    register(OpaqueTagger)
"""


@pytest.fixture
def opaque_registry(tmp_path):
    from briefing.plugins import PluginHost

    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "opaque_tagger.py").write_text(OPAQUE_TAGGER, encoding="utf-8")
    return PluginHost([plugins], load_entry_points=False).registry()


def test_an_analysis_that_is_not_data_is_not_cached_and_the_check_says_why(opaque_registry, corpus, tmp_path):
    failed = [r for r in tagger_checks(opaque_registry.get("tagger", "opaque").cls) if r.status == "fail"]
    assert any("cannot keep" in r.detail and "Opaque" in r.detail for r in failed)
    settings = Settings(taggers=("opaque",))
    folder = tmp_path / "cache"
    runs = [timeless(Engine(opaque_registry, settings, Cache(folder)).run([str(corpus)])) for _ in range(2)]
    assert runs[0] == runs[1] and not runs[0].errors
    assert any(t.name == "Corals" for b in runs[0].briefs for e in b.documents for t in e.themes)
    assert not any(key.startswith("analysis:") for key in _entries(folder))


@pytest.mark.parametrize("part", ["nextmove", "row", "out", "classes"])
def test_a_tampered_copy_of_the_language_model_is_made_again(tmp_path, monkeypatch, part):
    """The model's unpacked copy lives in the cache folder too: arrays that do not fit together
    (a state or feature out of range) cost the copy, not the run."""
    from briefing.text import langid_model

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    langid_model._load()
    [copy] = (tmp_path / "models").glob("py3langid-*")
    values = np.load(copy / f"{part}.npy")
    if part == "classes":
        wrong = np.array(["en"])  # fewer languages than the weights have columns
    else:
        wrong = values.copy()
        wrong[len(wrong) // 2] = np.iinfo(values.dtype).max  # a state or feature out of range
    np.save(copy / f"{part}.npy", wrong)
    with pytest.raises(ValueError, match="does not fit together"):
        langid_model._read(copy)
    identifier = langid_model._load()
    assert identifier.classify("Das ist ein deutscher Satz über das Wetter in der Stadt.")[0] == "de"
    assert langid_model._read(copy)  # made again, whole
