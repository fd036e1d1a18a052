"""The plugin kit: scaffold, conformance checks, example plugins, time limits, API versions.

Packages are installed the way a user installs them, with pip, into a folder of their own
(``--target``, no network: ``--no-deps --no-build-isolation``), and run in a separate process
that finds them through their entry points.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing import PLUGIN_API, Summarizer, Tagger
from briefing.engine import Engine, Settings
from briefing.models import Theme
from briefing.plugins import Registered
from briefing.testing import ConformanceError, check_summarizer, check_tagger, summarizer_checks

from .conftest import REPO, SOURCES


def install(package: Path, target: Path) -> Path:
    """pip-install a package folder (copied, so the build leaves the repo clean) into ``target``."""
    copy = target.parent / f"src-{package.name}"
    shutil.copytree(package, copy)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    return copy


def run(args: list[str], site: list[Path], cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, site))}
    env.pop("BRIEFING_LOAD_PLUGINS", None)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_scaffolded_summarizer_installs_briefs_and_passes_its_tests(tmp_path):
    """The issue's 'done when': plugins new foo, pip install, brief with it, its tests pass."""
    made = run(["-m", "briefing", "plugins", "new", "foo", "--kind", "summarizer", "--dir", str(tmp_path)], [])
    assert made.returncode == 0, made.stderr
    package = tmp_path / "briefing-foo"
    assert {p.name for p in package.iterdir()} >= {"pyproject.toml", "README.md", "src", "tests"}
    site = tmp_path / "site"
    install(package, site)
    listed = run(["-m", "briefing", "plugins", "list"], [site])
    assert any(line.split()[:3] == ["foo", "summarizer", "entry"] for line in listed.stdout.splitlines()), listed.stdout
    briefed = run(["-m", "briefing", "brief", str(SOURCES), "--summarizer", "foo", "--format", "json"], [site])
    assert briefed.returncode == 0, briefed.stderr
    summarizers = {d["summarizer"] for t in json.loads(briefed.stdout)["topics"] for d in t["documents"]}
    assert summarizers == {"foo"}
    tests = run(["-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests")], [site], cwd=package)
    assert tests.returncode == 0 and "2 passed" in tests.stdout, tests.stdout + tests.stderr
    checked = run(["-m", "briefing", "plugins", "check", "foo"], [site])
    assert checked.returncode == 0 and "FAIL" not in checked.stdout, checked.stdout + checked.stderr


def test_every_kind_of_scaffold_passes_its_own_tests(tmp_path):
    folders = []
    for kind in ("tagger", "loader", "cleaner", "exporter"):
        made = run(["-m", "briefing", "plugins", "new", f"my-{kind}", "--kind", kind, "--dir", str(tmp_path)], [])
        assert made.returncode == 0, made.stderr
        folders.append(tmp_path / f"briefing-my-{kind}")
    tests = run(
        ["-m", "pytest", "-q", "-p", "no:cacheprovider", *[str(f / "tests") for f in folders]],
        [f / "src" for f in folders],
        cwd=tmp_path,
    )
    assert tests.returncode == 0 and "7 passed" in tests.stdout, tests.stdout + tests.stderr


def test_one_list_of_plugin_kinds():
    """The host, the checks, the scaffold and the command line know the same kinds of plugin."""
    from briefing import hookspecs
    from briefing.cli import cli
    from briefing.interfaces import KINDS, hook_name
    from briefing.scaffold import MODULES, TESTS, USAGE
    from briefing.testing import CHECKS

    assert set(CHECKS) == set(MODULES) == set(TESTS) == set(USAGE) == set(KINDS)
    assert all(hasattr(hookspecs, hook_name(kind)) for kind in KINDS)
    plugins = cli.commands["plugins"]
    for command in ("new", "check"):
        [kind] = [p for p in plugins.commands[command].params if p.name == "kind"]
        assert set(kind.type.choices) == set(KINDS)


def test_scaffold_refuses_bad_names_and_existing_folders(cli, tmp_path):
    assert cli("plugins", "new", "Foo Bar", "--kind", "tagger", "--dir", str(tmp_path))[0] == 2
    assert cli("plugins", "new", "ok", "--kind", "tagger", "--dir", str(tmp_path))[0] == 0
    code, _, err = cli("plugins", "new", "ok", "--kind", "tagger", "--dir", str(tmp_path))
    assert code == 2 and "already exists" in err


def test_scaffold_will_not_shadow_a_built_in_unasked(cli, tmp_path):
    code, _, err = cli("plugins", "new", "lexrank", "--kind", "summarizer", "--dir", str(tmp_path))
    assert code == 2 and "'lexrank' is a built-in summarizer" in err and not (tmp_path / "briefing-lexrank").exists()
    assert cli("plugins", "new", "lexrank", "--kind", "summarizer", "--dir", str(tmp_path), "--replace")[0] == 0
    assert cli("plugins", "new", "lexrank", "--kind", "tagger", "--dir", str(tmp_path / "t"))[0] == 0  # no such tagger
    pyproject = (tmp_path / "briefing-lexrank" / "pyproject.toml").read_text(encoding="utf-8")
    assert "dependencies = []" in pyproject  # never "briefing" from an index
    assert "example.invalid" not in (tmp_path / "briefing-lexrank" / "README.md").read_text(encoding="utf-8")


def test_plugins_check_skips_the_built_in_of_a_shared_name(cli, tmp_path):
    """A local exporter called "html" shares its name with the built-in html loader: checking
    "html" checks the plugin, and says how to check the built-in."""
    plugins = tmp_path / "plugs"
    plugins.mkdir()
    (plugins / "page.py").write_text(
        "from briefing import Exporter, hookimpl\n\n"
        "class Page(Exporter):\n    name = 'html'\n    suffix = '.html'\n"
        "    def render(self, briefing):\n        return '<p>' + str(len(briefing.briefs)) + '</p>\\n'\n\n"
        "@hookimpl\ndef register_exporters(register):\n    register(Page)\n",
        encoding="utf-8",
    )
    (tmp_path / "briefing.toml").write_text('plugins = ["plugs"]\n', encoding="utf-8")
    code, out, _ = cli("--config", "briefing.toml", "plugins", "check", "html", cwd=tmp_path)
    assert "exporter 'html' (local" in out and "loader 'html' (built-in" not in out
    assert "not checked: the built-in loader 'html'; --kind loader checks it" in out


@pytest.mark.parametrize("name, kind", [("centroid", "summarizer"), ("figures", "tagger")])
def test_example_plugins_pass_their_tests_and_the_checks(tmp_path, name, kind):
    site = tmp_path / "site"
    copy = install(REPO / "plugins" / f"briefing-{name}", site)
    tests = run(["-m", "pytest", "-q", "-p", "no:cacheprovider", str(copy / "tests")], [site], cwd=copy)
    assert tests.returncode == 0 and "3 passed" in tests.stdout, tests.stdout + tests.stderr
    checked = run(["-m", "briefing", "plugins", "check", name], [site])
    assert checked.returncode == 0 and f"{kind} '{name}' (entry point, 0.1.0)" in checked.stdout, checked.stdout
    assert "FAIL" not in checked.stdout
    option = ["--summarizer", name] if kind == "summarizer" else []
    briefed = run(["-m", "briefing", "brief", str(SOURCES), "--format", "json", *option], [site])
    assert briefed.returncode == 0, briefed.stderr
    documents = [d for t in json.loads(briefed.stdout)["topics"] for d in t["documents"]]
    if kind == "summarizer":
        assert {d["summarizer"] for d in documents} == {name}
    else:
        assert any(t["tagger"] == name for d in documents for t in d["themes"])


def test_conformance_kit_names_what_a_broken_summarizer_does_wrong():
    class Sloppy(Summarizer):
        name = "sloppy"

        def rate(self, document, kit):
            return [1.0] * (len(document.sentences) + 1)  # one score too many

    with pytest.raises(ConformanceError, match="one finite score per sentence"):
        check_summarizer(Sloppy)
    results = {r.check: r.status for r in summarizer_checks(Sloppy)}
    assert results["declares the plugin API version"] == "warn"


def test_conformance_kit_catches_evidence_that_is_not_in_the_document():
    from briefing import Tagger, Theme

    class Inventive(Tagger):
        name = "inventive"
        api_version = PLUGIN_API

        def tag(self, document, kit, corpus):
            return [Theme("made up", 0.5, ("A sentence nobody wrote.",))] if document.sentences else []

    with pytest.raises(ConformanceError, match="not a sentence of english"):
        check_tagger(Inventive)


def test_conformance_kit_warns_of_a_theme_name_a_built_in_tagger_uses():
    from briefing import Tagger, Theme
    from briefing.testing import tagger_checks

    class Money(Tagger):
        name = "money-words"
        api_version = PLUGIN_API

        def tag(self, document, kit, corpus):
            return [Theme("Money", 0.2)] if document.sentences else []

    [clash] = [r for r in tagger_checks(Money) if r.check.startswith("theme names differ")]
    assert clash.status == "warn" and "'Money' (also lexicon)" in clash.detail
    check_tagger(Money)  # a warning, not a failure


def test_plugins_check_reports_failures_and_unknown_names(cli, tmp_path):
    (tmp_path / "sloppy.py").write_text(
        "from briefing import Summarizer, hookimpl\n"
        "class Sloppy(Summarizer):\n    name = 'sloppy'\n"
        "    def rate(self, document, kit):\n        return [float('nan')] * len(document.sentences)\n"
        "@hookimpl\ndef register_summarizers(register):\n    register(Sloppy)\n",
        encoding="utf-8",
    )
    (tmp_path / "briefing.toml").write_text('plugins = ["sloppy.py"]\n', encoding="utf-8")
    code, out, _ = cli("--config", "briefing.toml", "plugins", "check", "sloppy", cwd=tmp_path)
    assert code == 1 and "FAIL  one finite score per sentence" in out and "warn  declares the plugin API" in out
    assert cli("--config", "briefing.toml", "plugins", "check", "nope", cwd=tmp_path)[0] == 2
    code, out, _ = cli("plugins", "check", "lexrank")
    assert code == 0 and "FAIL" not in out


def test_plugin_written_for_another_api_version_is_refused_with_a_clear_message(cli, tmp_path):
    (tmp_path / "future.py").write_text(
        "from briefing import Summarizer, hookimpl\n"
        f"class Future(Summarizer):\n    name = 'future'\n    api_version = {PLUGIN_API + 1}\n"
        "    def rate(self, document, kit):\n        return [1.0] * len(document.sentences)\n"
        "@hookimpl\ndef register_summarizers(register):\n    register(Future)\n",
        encoding="utf-8",
    )
    (tmp_path / "briefing.toml").write_text('plugins = ["future.py"]\n', encoding="utf-8")
    code, out, err = cli("--config", "briefing.toml", "plugins", "list", cwd=tmp_path)
    assert code == 1 and "future" not in out.split("\n", 1)[1]
    assert f"written for briefing plugin API {PLUGIN_API + 1}" in err and f"speaks plugin API {PLUGIN_API}" in err
    assert "lexrank" in out  # the others still load


def test_a_summarizer_past_the_time_limit_is_named_and_the_run_goes_on(registry, tmp_path):
    release = threading.Event()

    class Stuck(Summarizer):
        name = "stuck"

        def rate(self, document, kit):
            if "vanadium" in document.text:
                release.wait(30)  # runs until the test lets it go
            return [1.0] * len(document.sentences)

    registry.entries["summarizer"]["stuck"] = Registered("stuck", "summarizer", Stuck, "test", "test")
    engine = Engine(registry, Settings(summarizer="stuck", plugin_timeout=0.3, grouping="folders"))
    try:
        briefing = engine.run([str(SOURCES / "energy-storage")])
    finally:
        release.set()
    [problem] = briefing.errors
    assert problem.source.endswith("flow-batteries-explained.md")
    assert "summarizer 'stuck' took longer than 0.3 s" in problem.message and "plugin_timeout" in problem.message
    summarized = [e for e in briefing.briefs[0].documents if e.summary is not None]
    assert len(summarized) == 3


def test_plugin_timeout_in_config(cli, tmp_path):
    (tmp_path / "briefing.toml").write_text("plugin_timeout = -1\n", encoding="utf-8")
    code, _, err = cli("brief", str(SOURCES), cwd=tmp_path)
    assert code == 2 and "plugin_timeout: must be 0" in err


def test_a_runaway_plugin_is_stopped_and_then_skipped(registry, tmp_path):
    """A busy loop past the limit stops (its core is free again), and after two time-outs the
    plugin is not called again: four stuck documents cost two limits, not four (or eight)."""
    for number in range(4):
        (tmp_path / f"doc{number}.txt").write_text(
            f"Note {number}\n\nThe spinning wheel turns. It turns all day long. Nobody stops it.\n", encoding="utf-8"
        )
    calls: list[str] = []
    finished = threading.Event()

    class Spinning(Summarizer):
        name = "spinning"

        def rate(self, document, kit):
            calls.append(document.origin)
            try:
                while True:  # a runaway plugin: pure Python, never returns by itself
                    pass
            finally:
                finished.set()

    registry.entries["summarizer"]["spinning"] = Registered("spinning", "summarizer", Spinning, "test", "test")
    engine = Engine(registry, Settings(summarizer="spinning", plugin_timeout=0.3, grouping="folders", workers=1))
    briefing = engine.run([str(tmp_path)])
    assert finished.wait(5), "the runaway call was not stopped"
    assert len(calls) == 2
    messages = sorted(p.message for p in briefing.errors)
    assert len(messages) == 4
    assert sum("took longer than 0.3 s on this document and was stopped" in m for m in messages) == 2
    assert sum("was skipped: it took longer than 0.3 s on 2 documents already" in m for m in messages) == 2


def test_a_time_limits_helper_thread_ends_when_the_limit_is_gone_and_holds_no_call():
    """Each run's time limit had a helper thread per calling thread that never ended and kept its
    last call's document and plugin alive: 194 such threads after the test suite, and a reading
    room that reloads gains one per reload."""
    import gc
    import time
    import weakref

    from briefing.time_limit import TimeLimit

    class Document:
        pass

    document = Document()
    seen = weakref.ref(document)
    limit = TimeLimit(5)
    assert limit("p", len, [document]) == 1
    [helper] = [t for t in threading.enumerate() if t.name == "briefing-plugin-call" and t.is_alive()][-1:]
    del document, limit
    gc.collect()
    assert seen() is None  # the helper let go of its last call's arguments
    deadline = time.monotonic() + 5
    while helper.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not helper.is_alive()


def test_plugins_install_uses_briefings_own_environment(cli, tmp_path):
    """``briefing plugins install`` runs this interpreter's pip (the environment briefing looks
    for plugins in, also under pipx or uv tool); pip's own options pass through."""
    site = tmp_path / "site"
    copy = tmp_path / "src-figures"
    shutil.copytree(REPO / "plugins" / "briefing-figures", copy)
    code, _, err = cli("plugins", "install", str(copy), "--no-deps", "--no-build-isolation", "--target", str(site))
    assert code == 0 and "briefing plugins list" in err
    listed = run(["-m", "briefing", "plugins", "list"], [site])
    assert "figures" in listed.stdout and "entry point" in listed.stdout
    assert cli("plugins", "install")[0] == 2  # nothing named


def test_a_tagger_stuck_on_one_document_of_the_corpus_is_stopped_there_and_tags_the_rest(registry, tmp_path):
    """Corpus tagging hands each tagger every document at once (one hand-off, not one per
    document), yet the limit still holds per document: the one it spins on is named, the
    documents before and after it get their themes."""
    for number in range(5):
        (tmp_path / f"doc{number}.txt").write_text(
            f"Note {number}\n\nThe {'spinning ' if number == 2 else ''}wheel of Vanadia turns. Vanadia waits.\n",
            encoding="utf-8",
        )
    finished = threading.Event()

    class Spinning(Tagger):
        name = "spinning"

        def tag(self, document, kit, corpus):
            if "spinning" in document.text:
                try:
                    while True:  # pure Python, never returns by itself
                        pass
                finally:
                    finished.set()
            return [Theme("Vanadia", 0.5, (), self.name, "place")]

    registry.entries["tagger"] = {"spinning": Registered("spinning", "tagger", Spinning, "test", "test")}
    engine = Engine(registry, Settings(language="en", taggers=["spinning"], plugin_timeout=0.3, workers=1))
    briefing = engine.run([str(tmp_path)])
    assert finished.wait(5), "the runaway call was not stopped"
    [problem] = briefing.errors
    assert problem.source.endswith("doc2.txt")
    assert "tagger 'spinning' took longer than 0.3 s on this document and was stopped" in problem.message
    tagged = {Path(e.document.origin).name: [t.name for t in e.themes] for b in briefing.briefs for e in b.documents}
    assert tagged == {f"doc{n}.txt": ([] if n == 2 else ["Vanadia"]) for n in range(5)}


def test_a_pass_under_the_time_limit_gives_each_outcome_in_order():
    """TimeLimit.each: each item's result or exception in order; one stopped past the limit is a
    PluginTimeout and the pass goes on after it on a fresh helper; after SKIP_AFTER time-outs the
    rest are skipped; without a limit the calls run here; SystemExit is raised, not returned."""
    from briefing.time_limit import SKIP_AFTER, PluginTimeout, TimeLimit

    def work(item):
        if item == "boom":
            raise ValueError("boom")
        if item == "spin":
            while True:
                pass
        if item == "exit":
            raise SystemExit(3)
        return item.upper()

    for limit in (TimeLimit(0.2), TimeLimit(0)):
        outcomes = list(limit.each("p", work, ["a", "boom", "b"]))
        assert [r for r, _ in outcomes] == ["A", None, "B"]
        assert isinstance(outcomes[1][1], ValueError)
        with pytest.raises(SystemExit):
            list(limit.each("p", work, ["a", "exit"]))

    limit = TimeLimit(0.2)
    outcomes = list(limit.each("p", work, ["a", "spin", "b", "spin", "c", "d"]))
    assert [r for r, _ in outcomes] == ["A", None, "B", None, None, None]
    assert SKIP_AFTER == 2
    assert all(isinstance(e, PluginTimeout) for _, e in outcomes[3:])
    assert "was stopped" in str(outcomes[1][1]) and "was skipped" in str(outcomes[4][1])
    assert list(limit.each("other", work, ["x"])) == [("X", None)]  # another plugin is not skipped
