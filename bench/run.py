"""Benchmark: summarizer speed on generated documents, whole-corpus briefing, the shared corpus.

Run with ``.venv/bin/python bench/run.py``; it prints one table. The generator is deterministic
(a fixed seed), with Zipf-distributed vocabulary and sentence lengths around 20 words.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import time
from pathlib import Path

from briefing.clustering import group_by_content
from briefing.models import Document
from briefing.pipeline import Pipeline, Settings
from briefing.plugins import PluginHost
from briefing.summarize import Length, summarize
from briefing.text.words import language_kit

SUMMARIZERS = ["lexrank", "lsa", "luhn", "textrank", "kl", "sumbasic", "reduction", "edmundson", "lead"]
SHARED_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    letters = "etaoinshrdlucmfwypvbgk"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)]


FUNCTION_WORDS = "the of and to in a is that for on with as was by at from it are be this has".split()
THEME_WORDS = "energy battery grid climate emissions traffic bicycle study research cost price risk safety".split()


def generated_text(rng: random.Random, words: list[str], sentences: int, topic: int = 0) -> str:
    """Sentences of about 20 words: function words, Zipf-distributed content words (each topic
    favouring its own), now and then a theme word or a capitalised two-word name."""
    weights = [1 / (rank + 1) for rank in range(len(words))]
    shift = (topic * 397) % len(words)
    content = words[shift:] + words[:shift]
    names = [f"{content[i].title()} {content[i + 1].title()}" for i in range(0, 12, 2)]
    out = []
    for _ in range(sentences):
        length = max(5, int(rng.gauss(20, 6)))
        tokens = []
        for _ in range(length):
            roll = rng.random()
            if roll < 0.4:
                tokens.append(rng.choice(FUNCTION_WORDS))
            elif roll < 0.43:
                tokens.append(rng.choice(THEME_WORDS))
            elif roll < 0.45:
                tokens.append(rng.choice(names))
            else:
                tokens.append(rng.choices(content, weights)[0])
        sentence = " ".join(tokens)
        out.append(sentence[0].upper() + sentence[1:] + ".")
    paragraphs = [" ".join(out[i : i + 5]) for i in range(0, len(out), 5)]
    return "\n\n".join(paragraphs)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


async def time_to_first_topic(registry, rng: random.Random, words: list[str], grouping: str) -> tuple[float, float]:
    """Headless: seconds until the first topic's visible columns are summarized, and until all are."""
    from briefing.session import Session
    from briefing.tui.app import BriefingApp

    folder = Path("/tmp/briefing-bench-tui-v2")
    for topic in range(10):
        (folder / f"topic{topic:02d}").mkdir(parents=True, exist_ok=True)
        for i in range(100):
            path = folder / f"topic{topic:02d}" / f"doc{i:03d}.txt"
            if not path.exists():
                path.write_text(generated_text(rng, words, 40, topic), encoding="utf-8")
    settings = Settings(language="en", grouping=grouping)
    app = BriefingApp(Session(Pipeline(registry, settings), [str(folder)]), registry)
    start = time.perf_counter()
    first = None
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            await pilot.pause(0.01)
            visible = app.visible()
            session = app.session
            if (
                first is None
                and visible
                and all(session.cached_brief(d, app.summarizer_name, app.length) for d in visible)
            ):
                first = time.perf_counter() - start
            done, total = app.progress
            if app.loading_done and total and done == total and total == 1000:
                return first or 0.0, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200, help="documents for the corpus briefing row")
    args = parser.parse_args()

    rng = random.Random(20261125)
    words = vocabulary(rng)
    registry = PluginHost(load_entry_points=False).registry()
    pipeline = Pipeline(registry, Settings(language="en"))
    kit = language_kit("en")

    print(f"{'measure':<44}{'value':>16}")
    print("-" * 60)
    for size in (20, 200):
        document = pipeline.prepare(
            Document(id="g", title="g", text=generated_text(rng, words, size), origin="g", language="en")
        )
        for name in SUMMARIZERS:
            summarizer = registry.create("summarizer", name)
            run = lambda s=summarizer, d=document: summarize(s, d, kit, Length(5))  # noqa: E731
            seconds = timed(run, 3 if size == 200 else 10)
            print(f"{name + f' docs/s ({size} sentences)':<44}{1 / seconds:>16.1f}")

    folder = Path("/tmp/briefing-bench")
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    for i in range(args.documents):
        (folder / f"doc{i:05d}.txt").write_text(generated_text(rng, words, 40), encoding="utf-8")
    start = time.perf_counter()
    briefing = Pipeline(registry, Settings(language="en")).run([str(folder)])
    elapsed = time.perf_counter() - start
    count = sum(len(b.documents) for b in briefing.briefs)
    print(f"{f'brief {count} docs x 40 sentences (s)':<44}{elapsed:>16.2f}")
    print(f"{'  peak resident memory of the process (MiB)':<44}{peak_rss_mib():>16.1f}")

    documents = [
        pipeline.prepare(
            Document(
                id=f"t{i}", title=f"t{i}", text=generated_text(rng, words, 40, i % 10), origin=f"t{i}", language="en"
            )
        )
        for i in range(1000)
    ]
    start = time.perf_counter()
    themes = {d.id: pipeline.tag_document(d, documents)[0] for d in documents}
    print(f"{'tag 1000 docs x 40 sentences, 3 taggers (s)':<44}{time.perf_counter() - start:>16.2f}")
    start = time.perf_counter()
    topics = group_by_content(documents, themes)
    print(f"{'group those 1000 docs by content (s)':<44}{time.perf_counter() - start:>16.2f}")
    print(f"{'  topics found (10 generated)':<44}{len(topics):>16}")

    for grouping in ("folders", "content"):
        first_topic, all_done = asyncio.run(time_to_first_topic(registry, rng, words, grouping))
        print(f"{f'TUI, 1000 docs by {grouping}: first topic (s)':<44}{first_topic:>16.2f}")
        print(f"{'  ... every document briefed (s)':<44}{all_done:>16.2f}")

    if SHARED_CORPUS.is_dir():
        start = time.perf_counter()
        briefing = Pipeline(registry, Settings()).run([str(SHARED_CORPUS)])
        sentences = sum(len(d.document.sentences) for b in briefing.briefs for d in b.documents)
        print(f"{f'shared corpus, {sentences} sentences (s)':<44}{time.perf_counter() - start:>16.2f}")


if __name__ == "__main__":
    main()
