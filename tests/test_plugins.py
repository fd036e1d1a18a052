"""Plugin loading: built-ins through the same hooks, entry points, local files, failures listed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from importlib import metadata

import pytest

from briefing.entry_points import entry_points
from briefing.plugins import PluginHost

SUMMARIZER_PLUGIN = """
from briefing import Summarizer, hookimpl

class Longest(Summarizer):
    name = "longest"
    def rate(self, document, kit):
        return [len(s.text) for s in document.sentences]

@hookimpl
def register_summarizers(register):
    register(Longest)
"""


def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def entry_point_dist(tmp_path, monkeypatch):
    """An installed distribution with two 'briefing' entry points: one good, one that fails to import."""
    site = tmp_path / "site"
    (site / "fake_dist-1.2.3.dist-info").mkdir(parents=True)
    write(site / "fake_dist-1.2.3.dist-info" / "METADATA", "Metadata-Version: 2.1\nName: fake-dist\nVersion: 1.2.3\n")
    write(
        site / "fake_dist-1.2.3.dist-info" / "entry_points.txt",
        "[briefing]\nlongest = fake_longest\nbroken = fake_broken\n",
    )
    write(site / "fake_longest.py", SUMMARIZER_PLUGIN)
    write(site / "fake_broken.py", "raise RuntimeError('this plugin is broken')\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr("briefing.plugins.entry_points", entry_points)
    yield
    for module in ("fake_longest", "fake_broken"):
        sys.modules.pop(module, None)


def dist(site, name, entry_points_text):
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    write(info / "METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    write(info / "entry_points.txt", entry_points_text)


def test_entry_points_are_read_by_the_library_whenever_a_distribution_may_declare_the_group(tmp_path, monkeypatch):
    """The look that spares importing importlib.metadata says "none" only where the library does."""
    site = tmp_path / "site"
    dist(site, "other_tool", "[console_scripts]\nother = other:main\n\n[pytest11]\nbriefing = nope\n")
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "not-there")])
    assert entry_points("briefing") == [] and list(metadata.entry_points(group="briefing")) == []

    declared = tmp_path / "declared"  # a folder of its own: the library keeps each folder's listing
    dist(declared, "spaced", "[ briefing ]\nspaced = spaced_plugin\n")  # another group to the library
    dist(declared, "declared", "[console_scripts]\ntool = tool:main\n[briefing]\ndeclared = declared_plugin\n")
    monkeypatch.setattr(sys, "path", [str(site), str(declared)])
    assert [e.name for e in entry_points("briefing")] == ["declared"]
    assert [e.name for e in metadata.entry_points(group="briefing")] == ["declared"]

    archive = tmp_path / "plugins.zip"  # a zip on the path: only the library reads it
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\nVersion: 1.0\n")
        zipped.writestr("zipped-1.0.dist-info/entry_points.txt", "[briefing]\nzipped = zipped_plugin\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert [e.name for e in entry_points("briefing")] == ["zipped"]


def test_built_ins_register_through_hooks(registry):
    entries = list(registry.all())
    assert {e.kind for e in entries} == {"summarizer", "tagger", "loader", "cleaner", "exporter"}
    assert all(e.origin == "built-in" and e.plugin.startswith("briefing.builtins.") for e in entries)
    assert {"text", "markdown", "html", "feed"} <= set(registry.names("loader"))
    assert {"text", "markdown", "json"} <= set(registry.names("exporter"))
    assert set(registry.names("cleaner")) == {"aggregators", "banners", "furniture", "rules", "teasers"}


def test_entry_points_load_and_a_broken_one_is_listed(entry_point_dist):
    registry = PluginHost().registry()
    longest = registry.get("summarizer", "longest")
    assert (longest.origin, longest.version, longest.plugin) == ("entry point", "1.2.3", "longest")
    [failure] = registry.failures
    assert failure.plugin == "broken" and "RuntimeError: this plugin is broken" in failure.error
    assert "fake_broken.py, line 1" in failure.error
    assert "lexrank" in registry.names("summarizer")


def test_load_plugins_variable_limits_entry_points(entry_point_dist, monkeypatch):
    monkeypatch.setenv("BRIEFING_LOAD_PLUGINS", "longest")
    registry = PluginHost().registry()
    assert "longest" in registry.names("summarizer") and registry.failures == []
    monkeypatch.setenv("BRIEFING_LOAD_PLUGINS", "")
    registry = PluginHost().registry()
    assert "longest" not in registry.names("summarizer") and registry.failures == []


def test_local_plugin_files_and_folders(tmp_path):
    (tmp_path / "plugs").mkdir()
    write(tmp_path / "plugs" / "longest.py", SUMMARIZER_PLUGIN)
    write(tmp_path / "plugs" / "_private.py", "raise SystemError('never imported')\n")
    registry = PluginHost([tmp_path / "plugs"], load_entry_points=False).registry()
    assert registry.get("summarizer", "longest").origin.startswith("local (")
    assert registry.failures == []


def test_load_plugins_variable_limits_local_plugins(tmp_path, monkeypatch):
    write(tmp_path / "longest.py", SUMMARIZER_PLUGIN)
    monkeypatch.setenv("BRIEFING_LOAD_PLUGINS", "")
    assert "longest" not in PluginHost([tmp_path], load_entry_points=False).registry().names("summarizer")


def test_failing_registration_and_misspelled_hooks_are_listed(tmp_path):
    write(
        tmp_path / "raises.py",
        """
        from briefing import hookimpl
        @hookimpl
        def register_summarizers(register):
            raise ValueError("cannot register")
    """,
    )
    write(
        tmp_path / "typo.py",
        """
        from briefing import hookimpl
        @hookimpl
        def register_summarisers(register):
            pass
    """,
    )
    write(
        tmp_path / "notaclass.py",
        """
        from briefing import hookimpl
        @hookimpl
        def register_exporters(register):
            register(object)
    """,
    )
    registry = PluginHost([tmp_path], load_entry_points=False).registry()
    errors = {f.plugin: f.error for f in registry.failures}
    assert "ValueError: cannot register" in errors["raises"]
    assert "register_summarisers" in errors["typo"]
    assert "not a subclass of briefing.Exporter" in errors["notaclass"]
    assert "lexrank" in registry.names("summarizer")


def test_plugins_list_command(cli, tmp_path):
    write(tmp_path / "longest.py", SUMMARIZER_PLUGIN)
    write(tmp_path / "briefing.toml", 'plugins = ["."]\n')
    code, out, _ = cli("--config", "briefing.toml", "plugins", "list", cwd=tmp_path)
    assert code == 0
    lines = {line.split()[0] + "/" + line.split()[1]: line for line in out.splitlines()[1:]}
    assert "local" in lines["longest/summarizer"]
    assert "built-in" in lines["lexrank/summarizer"]
    assert "built-in" in lines["json/exporter"] and "built-in" in lines["html/loader"]


def test_plugin_summarizer_used_by_brief(cli, tmp_path):
    write(tmp_path / "longest.py", SUMMARIZER_PLUGIN)
    write(tmp_path / "briefing.toml", 'plugins = ["longest.py"]\nsummarizer = "longest"\nsentences = 1\n')
    (tmp_path / "t").mkdir()
    write(tmp_path / "t" / "a.txt", "Short one. This is by far the longest sentence in the file. Tiny.")
    code, out, err = cli("--config", "briefing.toml", "brief", "t", cwd=tmp_path)
    assert code == 0, err
    assert "- This is by far the longest sentence in the file." in out
    assert "Tiny." not in out


def test_shipped_local_plugin_example(cli, tmp_path):
    from .conftest import REPO, SOURCES

    (tmp_path / "briefing.toml").write_text(
        f'plugins = ["{REPO / "plugins" / "local"}"]\nsummarizer = "title-words"\nsentences = 1\n', encoding="utf-8"
    )
    code, out, err = cli(
        "--config",
        "briefing.toml",
        "brief",
        str(SOURCES / "coral-reefs" / "coral-gardening.md"),
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert code == 0, err
    import json

    [document] = json.loads(out)["topics"][0]["documents"]
    assert document["summarizer"] == "title-words"
    assert document["summary"][0]["text"] == "The method, known as coral gardening, is simple and cheap."


def test_no_distribution_declaring_the_group_spares_importing_the_library(tmp_path):
    """Importing importlib.metadata is a twelfth of a start answered from the cache (issue 30)."""
    site = tmp_path / "site"
    dist(site, "other_tool", "[console_scripts]\nother = other:main\n")
    probe = (
        "import sys\nfrom briefing.entry_points import entry_points\n"
        f"sys.path[:] = [{str(site)!r}, *(p for p in sys.path if p and 'site-packages' not in p)]\n"
        "print(entry_points('briefing'), 'importlib.metadata' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "False"]
    dist(site, "declared", "[briefing]\ndeclared = declared_plugin\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "name='declared'" in done.stdout and done.stdout.split()[-1] == "True"
