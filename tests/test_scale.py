"""Long documents: quadratic summarizers rate them in windows, so memory stays bounded."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from briefing import Summarizer
from briefing.engine import Engine, Length, Settings
from briefing.models import Document
from briefing.picking import summarize, windows
from briefing.text.words import language_kit

WORDS = "harbour crane ferry tide storm council budget quay diesel cargo island pier".split()


def long_text(sentences: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return " ".join(" ".join(rng.choices(WORDS, k=rng.randint(8, 16))).capitalize() + "." for _ in range(sentences))


class Windowed(Summarizer):
    name = "windowed"
    max_sentences = 10
    seen: list[list[int]] = []

    def rate(self, document, kit):
        Windowed.seen.append([s.position for s in document.sentences])
        return [float(len(s.text)) for s in document.sentences]


def test_a_summarizer_with_a_limit_rates_a_long_document_window_by_window(registry):
    document = Engine(registry).prepare(Document(id="d", title="d", text=long_text(25), origin="d", language="en"))
    assert [len(w.sentences) for w in windows(Windowed(), document)] == [10, 10, 5]
    Windowed.seen.clear()
    summary = summarize(Windowed(), document, language_kit("en"), Length(3))
    assert Windowed.seen == [list(range(0, 10)), list(range(10, 20)), list(range(20, 25))]
    longest = sorted(document.sentences, key=lambda s: (-len(s.text), s.position))[:3]
    assert [s.position for s in summary.sentences] == sorted(s.position for s in longest)


def test_the_time_limit_applies_to_each_window_of_a_long_document(registry, tmp_path):
    """Five windows of 0.25 s each: the document takes longer than the 1 s limit, no window comes
    near it (a margin of 0.75 s, so a busy machine cannot fail the test)."""
    import time

    class Slow(Windowed):
        name = "slow"

        def rate(self, document, kit):
            time.sleep(0.25)
            return [0.0] * len(document.sentences)

    from briefing.plugins import Registered

    registry.entries["summarizer"]["slow"] = Registered("slow", "summarizer", Slow, "test", "test")
    (tmp_path / "long.txt").write_text(long_text(50), encoding="utf-8")
    settings = Settings(language="en", summarizer="slow", plugin_timeout=1.0, workers=1, grouping="folders")
    briefing = Engine(registry, settings).run([str(tmp_path)])
    assert briefing.errors == ()
    [entry] = briefing.briefs[0].documents
    assert len(entry.summary.sentences) == 3


def test_the_run_warns_when_the_default_summarizer_windows_a_document(registry, monkeypatch, tmp_path):
    from briefing.builtins import position_summarizer

    monkeypatch.setattr(position_summarizer.Position, "max_sentences", 10)
    (tmp_path / "long.txt").write_text(long_text(25), encoding="utf-8")
    loaded = Engine(registry, Settings(language="en")).load([str(tmp_path)])
    [warning] = [w for w in loaded.warnings if "windows" in w.message]
    assert warning.source.endswith("long.txt")
    assert "25 sentences: summarizer 'position' rates them in windows of 10" in warning.message


def brief_under_2_gb(path, *options):
    """``briefing brief --no-cache --workers 1 [OPTIONS] PATH`` in a process limited to 2 GB of
    address space."""
    code = (
        "import resource, sys\n"
        "limit = 2 * 1024 ** 3\n"
        "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
        "from briefing.cli import main\n"
        "sys.exit(main(['brief', '--no-cache', '--workers', '1', *sys.argv[1:]]))\n"
    )
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-c", code, *options, str(path)], env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_a_long_file_is_rated_whole_by_a_sparse_graph_under_a_memory_limit(tmp_path):
    """12,000 sentences at once would need LexRank matrices of over 1 GB each; with each
    sentence's strongest links only, LexRank rates the whole file at once under 2 GB of address
    space (and so does the default, which needs no matrix)."""
    path = tmp_path / "long.txt"
    path.write_text(long_text(12_000), encoding="utf-8")
    for options in (("--summarizer", "lexrank"), ()):
        result = brief_under_2_gb(path, *options)
        assert result.returncode == 0, result.stderr[-2000:]
        assert "windows" not in result.stderr
        summary = [line for line in result.stdout.splitlines() if line.startswith("- ")]
        assert len(summary) >= 3, result.stdout


def test_each_method_rates_longer_documents_in_windows_of_its_limit(registry):
    from briefing.builtins.graph_summarizers import DENSE_SENTENCES, MAX_SENTENCES

    for name, limit in (("lexrank", MAX_SENTENCES), ("textrank", MAX_SENTENCES), ("reduction", DENSE_SENTENCES)):
        assert registry.create("summarizer", name).max_sentences == limit
    assert registry.create("summarizer", "position").max_sentences is None


@pytest.mark.slow
def test_a_generated_50_mb_file_is_briefed_under_a_2_gb_memory_limit(tmp_path):
    """About 650,000 sentences in one file: the default summarizer rates them all at once (its
    cost grows with the words) and the taggers read the first 20,000, so the whole run stays under
    2 GB of address space (about two minutes)."""
    path = tmp_path / "50mb.txt"
    with path.open("w", encoding="utf-8") as out:
        seed = 0
        while out.tell() < 50_000_000:
            out.write(long_text(500, seed=seed) + "\n\n")
            seed += 1
    result = brief_under_2_gb(path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "its themes come from the first 20,000" in result.stderr
    assert "windows" not in result.stderr
    summary = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert len(summary) >= 3, result.stdout[-2000:]


def test_briefing_a_small_file_imports_only_what_it_uses(tmp_path):
    """Start-up: the reading room, the web and PDF loaders, ROUGE and sumy's classes (which import
    ``requests``) stay unimported when a plain text file is briefed."""
    path = tmp_path / "small.txt"
    path.write_text("The ferry will run on Sundays from May. The council approved it on Tuesday.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        "code = main(['brief', '--no-cache', '--workers', '1', sys.argv[1]])\n"
        "heavy = ['textual', 'trafilatura', 'feedparser', 'pypdf', 'rouge_score', 'requests', 'sumy.summarizers']\n"
        "print(' '.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stderr.strip().splitlines()[-1:] in ([], [""]), result.stderr
    assert "ferry" in result.stdout


def test_taggers_read_the_first_sentences_of_a_very_long_document(registry, monkeypatch, tmp_path):
    """Past MAX_TAGGED_SENTENCES, a document's themes come from its first sentences, with a
    warning; its summary still reads all of it."""
    import briefing.engine.prepare
    import briefing.engine.themes
    from briefing.builtins.keyphrase_tagger import KeyPhraseTagger

    monkeypatch.setattr(briefing.engine.themes, "MAX_TAGGED_SENTENCES", 10)
    monkeypatch.setattr(briefing.engine.prepare, "MAX_TAGGED_SENTENCES", 10)
    read: list[int] = []
    real_analyse = KeyPhraseTagger.analyse
    monkeypatch.setattr(
        KeyPhraseTagger, "analyse", lambda self, d, kit: read.append(len(d.sentences)) or real_analyse(self, d, kit)
    )
    (tmp_path / "long.txt").write_text(long_text(25), encoding="utf-8")
    (tmp_path / "short.txt").write_text(long_text(4, seed=8), encoding="utf-8")
    briefing = Engine(registry, Settings(language="en", workers=1)).run([str(tmp_path)])
    [warning] = [w for w in briefing.warnings if "themes come from" in w.message]
    assert warning.source.endswith("long.txt")
    assert "25 sentences: its themes come from the first 10" in warning.message
    assert sorted(read) == [4, 10]
    [entry] = [e for b in briefing.briefs for e in b.documents if e.document.origin.endswith("long.txt")]
    assert len(entry.document.sentences) == 25
    first = {s.text for s in entry.document.sentences[:10]}
    assert entry.themes and all(text in first for t in entry.themes for text in t.evidence)


def test_the_part_taggers_read_is_the_same_each_time():
    from briefing.engine.themes import MAX_TAGGED_SENTENCES, tagged_part, tagged_parts
    from briefing.models import Sentence

    short = Document(id="s", title="s", text="A b.", origin="s", sentences=(Sentence("A b.", 0, 0),))
    assert tagged_part(short) is short
    documents = [short]
    assert tagged_parts(documents) is documents
    count = MAX_TAGGED_SENTENCES + 3
    sentences = tuple(Sentence(f"Sentence {i}.", i // 2, i) for i in range(count))
    long = Document(id="l", title="l", text="...", origin="l", sentences=sentences)
    part = tagged_part(long)
    assert part == tagged_part(long) and len(part.sentences) == MAX_TAGGED_SENTENCES
    assert part.text.split("\n\n")[:2] == ["Sentence 0. Sentence 1.", "Sentence 2. Sentence 3."]
    assert tagged_parts([short, long]) == [short, part]
