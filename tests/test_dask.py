"""Briefing on a Dask cluster: a LocalCluster of two worker processes, the same briefs as a local
run, a killed worker survived, and clear errors for a missing extra or a bad scheduler."""

from __future__ import annotations

import json
import logging
import shutil
import sys
import threading
from pathlib import Path

import pytest

import briefing.engine.prepare
from briefing.cache import Cache
from briefing.engine import Engine, Settings
from briefing.engine.executors import ExecutorError, Executors
from briefing.plugins import PluginHost

from .conftest import SOURCES, timeless

distributed = pytest.importorskip("distributed")

SUBJECTS = {
    "reef": "coral reef bleaching divers lagoon algae survey warm water fish",
    "grid": "battery storage grid solar evening peak price cable inverter",
    "bikes": "cycling lane city council traffic helmets commuters bridge",
}

KILLING_LOADER = """
import os
from pathlib import Path

from briefing import Document, Loader, hookimpl


class Notes(Loader):
    name = "notes"
    suffixes = (".notes",)

    def load(self, source):
        marker = Path(str(source.path) + ".killed")
        if source.path.name == "doomed.notes" and not marker.exists():
            marker.write_text("the first worker to load this died", encoding="utf-8")
            os._exit(1)  # the worker process dies mid-task, as a killed machine would
        text = source.data.decode("utf-8")
        title, _, body = text.partition("\\n")
        yield Document(id=source.origin, title=title, text=body.strip(), origin=source.origin)


@hookimpl
def register_loaders(register):
    register(Notes)
"""

MAIN_PROCESS_ONLY = """
import multiprocessing

from briefing import Summarizer, hookimpl

if "Dask" in multiprocessing.current_process().name:
    raise ImportError("this plugin is not installed on the workers")


class Shortest(Summarizer):
    name = "shortest"

    def rate(self, document, kit):
        return [-len(s.text) for s in document.sentences]


@hookimpl
def register_summarizers(register):
    register(Shortest)
"""


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as running:
        yield running


def on_cluster(cluster, **settings) -> Settings:
    return Settings(executor="dask", scheduler=cluster.scheduler_address, **settings)


def generated(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        subject, words = list(SUBJECTS.items())[number % len(SUBJECTS)]
        vocabulary = words.split()
        sentences = [
            " ".join(vocabulary[(number + i + k) % len(vocabulary)] for k in range(7)).capitalize() + "."
            for i in range(6)
        ]
        (folder / f"{subject}-{number:03d}.txt").write_text(
            f"Note {number} on {subject}\n\n" + " ".join(sentences), encoding="utf-8"
        )
    return folder


def test_a_cluster_briefs_the_samples_as_a_local_run_does(registry, cluster):
    with Engine(registry, on_cluster(cluster)) as engine:
        on_dask = engine.run([str(SOURCES)])
    local = Engine(registry, Settings(workers=1)).run([str(SOURCES)])
    assert timeless(on_dask) == timeless(local) and len(on_dask.briefs) == 3


def test_a_generated_corpus_and_the_cache_move_between_cluster_and_local(registry, cluster, tmp_path, monkeypatch):
    folder = generated(tmp_path / "corpus", 90)
    progress: list[tuple[int, int]] = []
    with Engine(registry, on_cluster(cluster), Cache(tmp_path / "cache")) as engine:
        on_dask = engine.run([str(folder)], progress=lambda done, total: progress.append((done, total)))
    assert timeless(on_dask) == timeless(Engine(registry, Settings(workers=1)).run([str(folder)]))
    assert progress[-1] == (90, 90) and len(progress) > 1  # heard as the cluster's tasks completed
    assert sum(len(b.documents) for b in on_dask.briefs) == 90
    # The cluster's results went into the cache: a local run reuses them and loads nothing.
    worked = []
    real_work_on = briefing.engine.prepare.work_on
    monkeypatch.setattr(
        briefing.engine.prepare,
        "work_on",
        lambda plugins, keys, source, analyse=True: (
            worked.append(source) or real_work_on(plugins, keys, source, analyse)
        ),
    )
    assert timeless(Engine(registry, Settings(workers=1), Cache(tmp_path / "cache")).run([str(folder)])) == timeless(
        on_dask
    )
    assert worked == []


def test_a_worker_killed_mid_run_is_survived(cluster, tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "notes.py").write_text(KILLING_LOADER, encoding="utf-8")
    registry = PluginHost([plugins], load_entry_points=False).registry()
    folder = generated(tmp_path / "corpus", 12)
    for number in range(6):
        (folder / f"{'doomed' if number == 0 else f'plain-{number}'}.notes").write_text(
            f"Harbour note {number}\nThe ferry leaves at {number + 6} o'clock. The pier is open.", encoding="utf-8"
        )
    with Engine(registry, on_cluster(cluster)) as engine:
        on_dask = engine.run([str(folder)])
    assert (folder / "doomed.notes.killed").exists()  # a worker did die on it
    assert not on_dask.errors and not any("worker" in w.message for w in on_dask.warnings)
    assert timeless(on_dask) == timeless(Engine(registry, Settings(workers=1)).run([str(folder)]))


def test_workers_without_the_runs_plugins_are_refused(cluster, tmp_path):
    (tmp_path / "shortest.py").write_text(MAIN_PROCESS_ONLY, encoding="utf-8")
    registry = PluginHost([tmp_path / "shortest.py"], load_entry_points=False).registry()
    executors = Executors(on_cluster(cluster), registry.recipe)
    with pytest.raises(ExecutorError, match=r"lacks plugins this run uses \(summarizer shortest\)"):
        executors.open()
    executors.close()


def test_workers_of_another_briefing_version_are_refused(registry, cluster, monkeypatch):
    monkeypatch.setattr("briefing.engine.executors.__version__", "0.0.1")  # this side only
    executors = Executors(on_cluster(cluster), registry.recipe)
    with pytest.raises(ExecutorError, match=r"runs briefing 0\.1\.0, this machine 0\.0\.1"):
        executors.open()
    executors.close()


def test_dask_local_from_the_command_line(cli, tmp_path):
    corpus = tmp_path / "sources"
    shutil.copytree(SOURCES, corpus)
    code, out, err = cli("brief", str(corpus), "--executor", "dask-local", "--workers", "2", "--format", "json")
    assert code == 0, err
    local = cli("brief", str(corpus), "--workers", "1", "--format", "json", "--no-cache")
    on_dask, by_one = json.loads(out), json.loads(local[1])
    for export in (on_dask, by_one):  # the two runs may fall in two minutes
        assert export["about"].pop("made")
    assert on_dask == by_one


def test_a_missing_extra_is_a_usage_error(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask[distributed] were not installed
    code, out, err = cli("brief", str(SOURCES), "--executor", "dask-local")
    assert code == 2 and out == ""
    assert "executor 'dask' needs Dask, which is not installed: pip install -e '.[dask]'" in err


def test_a_bad_scheduler_address_is_a_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("briefing.engine.executors.CONNECT_TIMEOUT", 1)  # nothing listens: no need to wait 10 s
    code, out, err = cli("brief", str(SOURCES), "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and out == ""
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
    (tmp_path / "briefing.toml").write_text('executor = "dask"\n', encoding="utf-8")
    code, _, err = cli("brief", str(SOURCES), cwd=tmp_path)
    assert code == 2 and "needs scheduler" in err


def test_an_address_where_no_scheduler_answers_is_given_up_on(cli, monkeypatch):
    """A server that takes the connection and says nothing (not a Dask scheduler): Dask's own
    timeout never fires; briefing gives up and says so."""
    import socket

    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen(5)
    accepted = []
    threading.Thread(target=lambda: accepted.append(listening.accept()), daemon=True).start()
    monkeypatch.setattr("briefing.engine.executors.CONNECT_TIMEOUT", 1)
    monkeypatch.setattr("briefing.engine.executors.GIVE_UP_AFTER", 1)
    port = listening.getsockname()[1]
    code, out, err = cli("brief", str(SOURCES), "--scheduler", f"tcp://127.0.0.1:{port}")
    assert code == 2 and out == ""
    assert f"no answer from a Dask scheduler at tcp://127.0.0.1:{port} in 2 s" in err
    listening.close()
