"""The command line end to end: formats, output files, exit codes, bad input and bad plugins."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.engine import Engine
from briefing.models import Document

from .conftest import REPO, SOURCES

TOPICS = {"coral-reefs", "energy-storage", "urban-cycling"}


def sample_folders(topics: list[dict]) -> list[set[str]]:
    """The sample folders each exported topic's documents come from (one each, when grouped right)."""
    return [{Path(d["origin"]).parent.name for d in t["documents"]} for t in topics]


RAISING_SUMMARIZER = """
from briefing import Summarizer, hookimpl

class Fragile(Summarizer):
    name = "fragile"
    def rate(self, document, kit):
        if "explode" in document.text:
            raise ZeroDivisionError("cannot rate this")
        return [1.0] * len(document.sentences)

@hookimpl
def register_summarizers(register):
    register(Fragile)
"""


def test_text_brief_of_every_sample_topic(cli):
    code, out, err = cli("brief", str(SOURCES), "--format", "text")
    assert code == 0, err
    assert out.count(" (4 documents)\n") == 3
    assert all(len(line) <= 78 for line in out.splitlines())
    assert out.count("Themes and key points\n---------------------") == 3
    assert re.search(r"^1\. \S.* \(\d+ sources?\)$", out, re.M)  # a named theme, then its points
    assert re.search(r"^ +-- (?:only in|said by \d sources:) ", out, re.M)  # each point says who said it


def test_json_follows_the_schema(cli):
    code, out, _ = cli("brief", str(SOURCES), "--format", "json", "--sentences", "2")
    assert code == 0
    data = json.loads(out)
    assert sorted(map(sorted, sample_folders(data["topics"]))) == [[t] for t in sorted(TOPICS)]
    assert data["errors"] == []
    for topic in data["topics"]:
        assert topic["brief"] and all({"text", "document", "score"} <= set(s) for s in topic["brief"])
        ids = {d["id"] for d in topic["documents"]}
        assert all(s["document"] in ids for s in topic["brief"])
        for document in topic["documents"]:
            assert {"id", "title", "origin", "date", "language", "summary", "themes"} <= set(document)
            assert len(document["summary"]) == 2
            for sentence in document["summary"]:
                assert isinstance(sentence["text"], str) and isinstance(sentence["position"], int)
                assert isinstance(sentence["score"], float)
            assert isinstance(document["themes"], list)
    languages = {d["language"] for t in data["topics"] for d in t["documents"]}
    assert languages == {"en", "de"}


def test_markdown_and_topic_filter(cli):
    code, out, _ = cli("brief", str(SOURCES), "--format", "markdown", "--topic", "coral-reefs", "--grouping", "folders")
    assert code == 0
    assert out.startswith("# Briefing\n\n- **Made:** ") and "\n## coral-reefs\n" in out
    assert "- **Summarizer:** position, 3 sentences; grouped by folders" in out
    assert "energy" not in out


def test_unknown_topic_summarizer_format_are_usage_errors(cli):
    assert cli("brief", str(SOURCES), "--topic", "nope")[0] == 2
    code, _, err = cli("brief", str(SOURCES), "--summarizer", "nope")
    assert code == 2 and "no summarizer named 'nope'" in err and "lexrank" in err
    assert cli("brief", str(SOURCES), "--format", "nope")[0] == 2


def test_usage_errors_exit_2():
    result = subprocess.run([sys.executable, "-m", "briefing", "brief", "--ratio", "3"], capture_output=True, text=True)
    assert result.returncode == 2 and "--ratio" in result.stderr


def test_ratio_one_keeps_every_sentence(cli, tmp_path):
    (tmp_path / "a.txt").write_text("One here. Two here. Three here. Four here.", encoding="utf-8")
    code, out, _ = cli("brief", str(tmp_path / "a.txt"), "--ratio", "1", "--format", "json")
    assert [s["text"] for s in json.loads(out)["topics"][0]["documents"][0]["summary"]] == [
        "One here.",
        "Two here.",
        "Three here.",
        "Four here.",
    ]


def test_output_file_is_written_atomically(cli, tmp_path):
    target = tmp_path / "brief.txt"
    target.write_text("old contents", encoding="utf-8")
    target.chmod(0o640)
    code, out, err = cli("brief", str(SOURCES), "-o", str(target), "--grouping", "folders")
    assert code == 0 and out == ""
    assert f"wrote text to {target}" in err
    assert target.read_text(encoding="utf-8").startswith("Briefing\n========\nMade:")
    assert "\nTopic: coral-reefs (4 documents)\n" in target.read_text(encoding="utf-8")
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_failed_write_leaves_the_old_file(cli, tmp_path, monkeypatch):
    target = tmp_path / "brief.txt"
    target.write_text("old contents", encoding="utf-8")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _, err = cli("brief", str(SOURCES), "-o", str(target))
    assert code == 1 and "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_output_to_a_pipe_is_written_directly(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = cli("brief", str(SOURCES), "--format", "json", "-o", str(fifo))
    reader.join(timeout=10)
    assert code == 0 and json.loads(received[0])["topics"]
    assert fifo.is_fifo()


def test_output_dash_is_stdout(cli):
    code, out, _ = cli("brief", str(SOURCES), "-o", "-", "--format", "json")
    assert code == 0 and json.loads(out)


def test_failing_sources_give_exit_1_and_the_rest_is_briefed(cli, tmp_path):
    (tmp_path / "good.txt").write_text("A good file. It has text.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = cli("brief", str(tmp_path), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [d["origin"] for d in data["topics"][0]["documents"]] == [str(tmp_path / "good.txt")]
    assert {e["source"] for e in data["errors"]} == {str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt")}
    assert f"briefing: error: {tmp_path / 'binary.txt'}: binary data, not text" in err


def test_raising_summarizer_is_named_and_other_documents_are_briefed(cli, tmp_path):
    (tmp_path / "fragile.py").write_text(RAISING_SUMMARIZER, encoding="utf-8")
    (tmp_path / "briefing.toml").write_text('plugins = ["fragile.py"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("This one will explode. Sadly.", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("This one is fine. Really.", encoding="utf-8")
    code, out, err = cli(
        "--config",
        "briefing.toml",
        "brief",
        "docs",
        "--summarizer",
        "fragile",
        "--format",
        "json",
        "--grouping",
        "folders",
        cwd=tmp_path,
    )
    assert code == 1
    data = json.loads(out)
    [error] = data["errors"]
    assert error["source"] == "docs/a.txt"
    assert error["message"] == "summarizer 'fragile' failed: ZeroDivisionError: cannot rate this"
    summaries = {d["origin"]: d["summary"] for d in data["topics"][0]["documents"]}
    assert summaries["docs/a.txt"] == [] and summaries["docs/b.txt"]
    assert "summarizer 'fragile' failed" in err


def test_untrusted_text_reaches_exports_inert(cli, tmp_path):
    (tmp_path / "meta.md").write_text(
        '---\ntitle: "Title \\e[31mred\\a"\nauthor: "A\\e]0;pwned\\aB"\n---\nBody text here. More text.\n',
        encoding="utf-8",
    )
    (tmp_path / "evil.txt").write_text(
        "Plain [bold]markup[/bold] and [link=http://x.example]a link[/link]. "
        "An escape \x1b[2J\x1b[31mhere\x1b[0m and a bell\x07. Then *stars* and <b>tags</b>.",
        encoding="utf-8",
    )
    code, out, _ = cli("brief", str(tmp_path), "--ratio", "1")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "Title red" in out and "AB" in out
    assert "[bold]markup[/bold]" in out and "[link=http://x.example]" in out
    code, out, _ = cli("brief", str(tmp_path), "--ratio", "1", "--format", "markdown")
    assert r"\*stars\*" in out and r"\<b\>tags\</b\>" in out and r"\[bold\]" in out


def test_stdin_source():
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "brief", "-", "--format", "json", "--grouping", "folders"],
        input="Piped text arrives here. It is briefed too.",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["topics"][0]["name"] == "stdin"


def test_offline_with_empty_nltk_data(tmp_path):
    """The 'done when' run: NLTK_DATA pointing at an empty folder, the bundled samples briefed."""
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "BRIEFING_LOAD_PLUGINS": ""}
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "brief", "sources/", "--format", "json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(map(sorted, sample_folders(json.loads(result.stdout)["topics"]))) == [[t] for t in sorted(TOPICS)]


@pytest.mark.parametrize(
    "config, where, message",
    [
        ('summarizer = "lexrank"\nsentences = \n', ":2", "not valid TOML"),
        ('summarizer = "lexrank"\n\nsentense = 3\n', ":3: sentense", "unknown key"),
        ('sentences = "three"\n', ":1: sentences", "must be a whole number"),
        ("ratio = 1.5\n", ":1: ratio", "at most 1"),
        ('summarizer = "lexrank"\nlanguage = "klingon"\n', ":2: language", "unknown language"),
        (
            '[[topics]]\nname = "x"\nsources = ["a"]\n[[topics]]\nname = "y"\nglobs = ["b"]\n',
            ":6: topics.globs",
            "unknown key",
        ),
        ('summarizer = "nope"\n', ":1: summarizer", "no summarizer named 'nope'"),
        ("[settings]\nlexrank = 3\n", ":2: settings.lexrank", "must be a table"),
    ],
)
def test_bad_config_names_file_line_and_key(cli, tmp_path, config, where, message):
    (tmp_path / "briefing.toml").write_text(config, encoding="utf-8")
    code, out, err = cli("brief", str(SOURCES), cwd=tmp_path)
    assert code == 2 and out == ""
    assert f"briefing: config error: {tmp_path / 'briefing.toml'}{where}" in err
    assert message in err


def test_config_sets_sources_topics_and_length(cli, tmp_path):
    (tmp_path / "briefing.toml").write_text(
        f'sources = ["{SOURCES}"]\nsentences = 1\ntopic_sentences = 2\n'
        '[[topics]]\nname = "Batteries"\nsources = ["' + str(SOURCES) + '/energy-storage/*"]\n',
        encoding="utf-8",
    )
    code, out, _ = cli("brief", "--format", "json", cwd=tmp_path)
    assert code == 0
    data = json.loads(out)
    topics = {t["name"]: t for t in data["topics"]}
    assert list(topics)[0] == "Batteries"  # pinned topics come first; the rest are grouped by content
    assert sorted(map(sorted, sample_folders(data["topics"]))) == [[t] for t in sorted(TOPICS)]
    assert len(topics["Batteries"]["documents"]) == 4 and len(topics["Batteries"]["brief"]) == 2
    assert all(len(d["summary"]) == 1 for d in topics["Batteries"]["documents"])


def test_config_from_user_config_folder(cli, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "briefing").mkdir(parents=True)
    (home / "briefing" / "briefing.toml").write_text('summarizer = "lead"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    (tmp_path / "work").mkdir()
    code, out, _ = cli("brief", str(SOURCES), "--format", "json", cwd=tmp_path / "work")
    assert code == 0
    assert {d["summarizer"] for t in json.loads(out)["topics"] for d in t["documents"]} == {"lead"}


def toml_blocks(path):
    text = path.read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```toml")[1:]]


def test_readme_config_example_is_valid(tmp_path):
    [example] = toml_blocks(REPO / "README.md")
    path = tmp_path / "briefing.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert config.settings.summarizer == "position" and config.keys == {"next-topic": "j"}


def test_docs_config_example_is_valid(tmp_path, registry):
    """The configuration page's annotated briefing.toml loads, and its lexicon and gazetteer settings work."""
    [example] = toml_blocks(REPO / "docs" / "configuration.md")
    path = tmp_path / "briefing.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert config.settings.grouping == "content" and config.settings.taggers == ("lexicon", "keyphrases", "entities")
    engine = Engine(registry, config.settings)
    assert engine.problems == [] and {t.name for t in engine.plugins.taggers} == {"lexicon", "keyphrases", "entities"}
    document = engine.prepare(
        Document(id="h", title="Heat", text="The boilers went. A heat pump came to Oulu.", origin="h.txt")
    )
    themes, _ = engine.themes.document(document, [document])
    assert ("heating", "theme") in {(t.name, t.kind) for t in themes}
    assert ("Oulu", "place") in {(t.name, t.kind) for t in themes}


# -- the command line itself: click, a default command, plugin commands -----------------------------


def test_help_shows_defaults_commands_and_exit_codes(cli):
    code, out, _ = cli("--help")
    assert code == 0
    for command in ("brief", "read", "evaluate", "plugins", "cache"):
        assert command in out
    assert "Exit codes: 0 success; 1 some sources or plugins failed" in out
    code, out, _ = cli("brief", "--help")
    out = " ".join(out.split())
    assert code == 0
    assert "--format NAME" in out and "[default: text]" in out and "[default: 3]" in out
    assert "--grouping [content|folders]" in out and "[default: content]" in out
    assert "Exit codes:" in out


def test_options_of_the_default_command_come_before_the_paths(cli, monkeypatch):
    """'briefing --grouping folders PATH' is 'briefing read --grouping folders PATH'."""
    from briefing.tui.app import BriefingApp

    opened = []
    monkeypatch.setattr(BriefingApp, "run", lambda app: opened.append(app.session))
    monkeypatch.setattr("briefing.cli.briefs._in_a_terminal", lambda: True)
    assert cli("--grouping", "folders", "--summarizer", "lead", str(SOURCES))[0] == 0
    [session] = opened
    assert session.engine.settings.grouping == "folders" and session.summarizer_name == "lead"
    assert session.origins == [str(SOURCES)]
    assert cli(str(SOURCES))[0] == 0 and opened[1].origins == [str(SOURCES)]


def test_an_unknown_command_is_a_usage_error(cli, tmp_path):
    code, out, err = cli("inspct", cwd=tmp_path)
    assert code == 2 and out == ""
    assert "no command 'inspct'" in err and "brief, cache, evaluate, inspect, plugins, read" in err
    assert "did you mean 'inspect'?" in err
    assert cli("brief", "--nonsense", str(SOURCES))[0] == 2


WORDS_COMMAND = '''
import click
from briefing import hookimpl

@hookimpl
def register_commands(cli):
    @cli.command()
    @click.argument("paths", nargs=-1)
    def words(paths):
        """Count the words of PATHS."""
        total = sum(len(open(p, encoding="utf-8").read().split()) for p in paths)
        click.echo(f"{total} words")
        return 0 if total else 1
'''

BROKEN_COMMANDS = """
from briefing import hookimpl

@hookimpl
def register_commands(cli):
    raise RuntimeError("no commands today")
"""


def test_a_plugin_adds_a_command_and_a_broken_one_is_reported(cli, tmp_path):
    (tmp_path / "plugs").mkdir()
    (tmp_path / "plugs" / "words.py").write_text(WORDS_COMMAND, encoding="utf-8")
    (tmp_path / "briefing.toml").write_text('plugins = ["plugs"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Three short words.", encoding="utf-8")
    code, _, err = cli("words", "a.txt", cwd=tmp_path)  # this folder's config: not trusted yet
    assert code == 2 and "names plugins: not used" in err and "no command 'words'" in err
    code, _, err = cli("trust", cwd=tmp_path)
    assert code == 0 and "it names plugins" in err and "not used" not in err
    code, out, _ = cli("words", "a.txt", cwd=tmp_path)
    assert code == 0 and out == "3 words\n"
    code, out, _ = cli("words", "--help", cwd=tmp_path)
    assert "Count the words of PATHS." in out
    assert "words" not in cli("--help", cwd=tmp_path)[1]  # --help imports no plugin
    (tmp_path / "plugs" / "broken.py").write_text(BROKEN_COMMANDS, encoding="utf-8")
    assert "not used" in cli("words", "a.txt", cwd=tmp_path)[2]  # a new plugin file: trust again
    assert cli("trust", cwd=tmp_path)[0] == 0
    code, out, err = cli("words", "a.txt", cwd=tmp_path)
    assert code == 0 and out == "3 words\n"
    code, out, err = cli("plugins", "list", cwd=tmp_path)
    assert code == 1 and "plugin 'broken' (local" in err and "RuntimeError: no commands today" in err


def test_the_guides_command_example_runs(cli, tmp_path):
    guide = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = guide[guide.index("### `register_commands(cli)`") :]
    example = section[
        section.index("```python") + len("```python") : section.index("```", section.index("```python") + 9)
    ]
    (tmp_path / "words.py").write_text(example, encoding="utf-8")
    (tmp_path / "briefing.toml").write_text('plugins = ["words.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Four words in here.", encoding="utf-8")
    assert cli("--config", "briefing.toml", "words", "a.txt", cwd=tmp_path)[:2] == (0, "4 words\n")


def test_the_reading_room_needs_a_terminal_and_says_what_it_opens(cli, monkeypatch, tmp_path):
    code, out, err = cli(str(SOURCES))  # captured output: no terminal
    assert code == 2 and out == ""
    assert "the reading room needs a terminal; to write a brief to a file or a pipe, use 'briefing brief'" in err
    from briefing.tui.app import BriefingApp

    monkeypatch.setattr(BriefingApp, "run", lambda app: None)
    monkeypatch.setattr("briefing.cli.briefs._in_a_terminal", lambda: True)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("One note. It is short.", encoding="utf-8")
    code, _, err = cli(cwd=tmp_path)
    assert code == 0 and "briefing: reading sources" in err  # no paths given: it says which it opened


def test_a_crash_in_the_reading_room_exits_non_zero(cli, monkeypatch):
    from briefing.tui.app import BriefingApp

    def crash(app):
        app._return_code = 1  # what Textual sets when the app dies of an exception

    monkeypatch.setattr(BriefingApp, "run", crash)
    monkeypatch.setattr("briefing.cli.briefs._in_a_terminal", lambda: True)
    assert cli(str(SOURCES))[0] == 1


@pytest.mark.parametrize(
    "keys, where, message",
    [
        ('[keys]\nnext-topic = "j"\nnext-topc = "k"\n', ":3: keys.next-topc", "no key binding has this id"),
        ('[keys]\n\nnext-topic = "p"\n', ":3: keys.next-topic", "p is already the key of 'previous-topic'"),
    ],
)
def test_a_key_map_with_an_unknown_id_or_a_clash_is_a_config_error(cli, tmp_path, keys, where, message):
    (tmp_path / "briefing.toml").write_text(keys, encoding="utf-8")
    code, out, err = cli(str(SOURCES), cwd=tmp_path)
    assert code == 2 and out == ""
    assert f"briefing: config error: {tmp_path / 'briefing.toml'}{where}: {message}" in err


def test_a_key_map_that_moves_both_bindings_is_fine(cli, tmp_path, monkeypatch):
    from briefing.tui.app import BriefingApp

    monkeypatch.setattr(BriefingApp, "run", lambda app: None)
    monkeypatch.setattr("briefing.cli.briefs._in_a_terminal", lambda: True)
    (tmp_path / "briefing.toml").write_text('[keys]\nnext-topic = "p"\nprevious-topic = "k"\n', encoding="utf-8")
    assert cli(str(SOURCES), cwd=tmp_path)[0] == 0


def test_a_run_with_nothing_briefed_leaves_an_existing_output_as_it_was(cli, tmp_path):
    good = tmp_path / "brief.txt"
    good.write_text("yesterday's good brief\n", encoding="utf-8")
    code, out, err = cli("brief", str(tmp_path / "typo"), "-o", str(good))
    assert code == 1 and good.read_text(encoding="utf-8") == "yesterday's good brief\n"
    assert "no such file or folder" in err and f"nothing was briefed, so {good} was left as it was" in err
    fresh = tmp_path / "new.txt"
    assert cli("brief", str(tmp_path / "typo"), "-o", str(fresh))[0] == 1 and "typo" in fresh.read_text(
        encoding="utf-8"
    )


def test_inspect_shows_a_document_as_briefing_reads_it(cli, tmp_path):
    from .conftest import DATA

    code, out, err = cli("inspect", str(DATA / "scraped-teasers.txt"))
    assert code == 0, err
    assert out.startswith("Port of Kestrel Bay orders six electric cranes")
    assert re.search(r"language:  en, detected \(\d+% sure\)", out)
    assert "sentences: briefing rules + Punkt (shipped english parameters" in out
    assert "      1. The Port of Kestrel Bay has ordered six electric ship-to-shore cranes" in out
    assert "[page noise] Views : 1,204" in out and "[teasers] A ferry operator on the island route" in out
    code, out, err = cli(
        "inspect", "--format", "json", str(DATA / "scraped-teasers.txt"), str(tmp_path / "missing.txt")
    )
    assert code == 1 and "missing.txt: no such file or folder" in err
    [document] = json.loads(out)
    assert document["language_source"] == "detected" and document["language_confidence"] > 0.9
    assert document["segmenter"].startswith("briefing rules + Punkt")
    assert document["sentences"][0]["paragraph"] == 1 and document["sentences"][0]["number"] == 1
    assert {d["by"] for d in document["dropped"]} == {"page noise", "teasers"}
    assert all(d["why"] for d in document["dropped"])


def test_exports_say_how_they_were_made_sort_themes_and_print_a_lone_document_once(cli, tmp_path):
    from briefing import __version__

    code, out, _ = cli("brief", str(SOURCES / "coral-reefs" / "bleaching-season.txt"))
    assert code == 0
    header, body = out.split("\nTopic: ", 1)
    assert f"by briefing {__version__}" in header and "Summarizer: position, 3 sentences" in header
    assert f"Sources:    {SOURCES / 'coral-reefs' / 'bleaching-season.txt'}" in header
    assert "Grouping:   content (1 topic, 1 document)" in header
    assert "Taggers:    entities, keyphrases, lexicon" in header and "Briefs:     up to 5 sentences per topic" in header
    assert "\nBrief\n" not in body  # one document: its summary is the brief, printed once
    summary = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(summary) == len(set(summary))
    themes = body.split("Themes: ", 1)[1].split("\n\n", 1)[0]  # wrapped over lines
    scores = [float(score) for score in re.findall(r"\((\d+\.\d+)\)", themes)]
    assert len(scores) > 2 and scores == sorted(scores, reverse=True)
    code, out, _ = cli("brief", "--format", "json", str(SOURCES / "coral-reefs"))
    about = json.loads(out)["about"]
    assert about["summarizer"] == "position" and about["sources"] == [str(SOURCES / "coral-reefs")]
    assert about["taggers"] == ["entities", "keyphrases", "lexicon"] and about["topic_sentences"] == 5


def test_cache_info_names_the_results_and_the_language_models_copy(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache" / "models" / "py3langid-1-2").mkdir(parents=True)
    (tmp_path / "cache" / "models" / "py3langid-1-2" / "weights.npy").write_bytes(b"\0" * 2**20)
    code, out, _ = cli("cache", "info")
    assert code == 0 and "results.sqlite" in out
    assert str(tmp_path / "cache" / "models") in out and "the language model, unpacked: 1.0 MiB" in out


def test_usage_errors_are_said_in_one_style(cli):
    """click's own usage errors read like every other error: "briefing: error: ..." on one line,
    with where to look, not click's "Usage: ... Try ... Error: ..." block."""
    code, out, err = cli("inspect", "--no-such-option")
    assert code == 2 and out == ""
    assert err.startswith("briefing: error: No such option '--no-such-option'") and "Usage:" not in err
    assert "(see 'briefing inspect --help')" in err
