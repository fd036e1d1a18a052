"""Grouping by content at scale: what it costs from 1,000 to 20,000 documents, and how closely
the sampled grouping it uses past ``SEED_LIMIT`` documents agrees with exact average linkage.

Printed by ``bench/run.py --grouping-only`` (or ``python bench/grouping.py``):

* **Agreement on public news clusters.** DUC 2003 task 4 (30 topics of about 10 articles) and
  MultiLing 2011 in English (10 WikiNews topics of 10 reports), pooled: 400 articles whose topic
  is known. They are grouped exactly (average linkage over every pair) and by the sampled
  ("buckshot") scheme with a seed sample of 50 to 200 articles, the rest joining their nearest
  group; the adjusted Rand index (ARI) of each against the exact grouping and against the true
  topics. Nothing was tuned on these: ``SEED_LIMIT`` and the threshold are the shipped ones.
  The sets are those of ``bench/summaries.py`` (its docstring rebuilds them outside the repo).
* **Unrelated stories glued together.** DUC 2003's topics pooled with the 250 CNN/DM articles of
  ``cnndm.jsonl`` (mostly unrelated stories, each taken as a topic of its own), and MultiLing
  English pooled with the 250 XSum articles of ``xsum.jsonl``: the ARI with those topics, and
  the share of the unrelated articles that end up in a group of two or more. And MultiLing's
  English and French reports of the same ten topics pooled: the ARI and how many groups hold
  both languages (what concepts, the same in any language, are for).
* **Cost and agreement on generated corpora** (``bench/run.py``'s generator: 20 subjects): the
  first 1,000 to 10,000 documents of the 10,000-document corpus, and 20,000 made of those
  10,000 documents' vectors twice. Per size: the seconds and peak memory (tracemalloc) of the
  grouping briefing runs, of exact average linkage where it fits (up to 5,000), their ARI, and
  the ARI of briefing's grouping with the generated subjects. The documents are briefed once
  into a cache kept in ``/tmp/briefing-bench-cache-grouping`` (``$BRIEFING_BENCH_CACHE``), so
  later runs read them back.
"""

from __future__ import annotations

import json
import os
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from briefing.cache import Cache  # noqa: E402
from briefing.engine import Engine, Settings  # noqa: E402
from briefing.models import Document  # noqa: E402
from briefing.plugins import PluginHost  # noqa: E402
from briefing.settings import THRESHOLD  # noqa: E402
from briefing.topics import clustering  # noqa: E402
from briefing.topics.features import DocumentVectors, document_vectors  # noqa: E402

EVAL_DIR = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval")) / "summaries"
CACHE = Path(os.environ.get("BRIEFING_BENCH_CACHE", "/tmp/briefing-bench-cache-grouping"))


def adjusted_rand(left: Sequence[int], right: Sequence[int]) -> float:
    """The adjusted Rand index of two labelings of the same items (1: the same partition)."""
    _, a = np.unique(np.asarray(left), return_inverse=True)
    _, b = np.unique(np.asarray(right), return_inverse=True)
    table = np.zeros((a.max() + 1, b.max() + 1), dtype=np.int64)
    np.add.at(table, (a, b), 1)

    def pairs(counts: np.ndarray) -> float:
        return float((counts * (counts - 1) // 2).sum())

    together, rows, columns = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    expected = rows * columns / pairs(np.array([len(a)]))
    most = (rows + columns) / 2
    return 1.0 if most == expected else (together - expected) / (most - expected)


def labels_of(groups: list[list[int]], count: int) -> list[int]:
    """Each row's group number."""
    labels = [0] * count
    for number, group in enumerate(groups):
        for row in group:
            labels[row] = number
    return labels


def measured(work: Callable[..., Any], *arguments: Any) -> tuple[Any, float, float]:
    """``work(*arguments)``'s result, seconds and peak traced memory (MiB)."""
    tracemalloc.start()
    start = time.perf_counter()
    result = work(*arguments)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def sampled(vectors: DocumentVectors, seeds: int) -> list[list[int]]:
    """Briefing's grouping with a seed sample of ``seeds`` documents."""
    shipped = clustering.SEED_LIMIT
    clustering.SEED_LIMIT = seeds
    try:
        return clustering.cluster(vectors, THRESHOLD)
    finally:
        clustering.SEED_LIMIT = shipped


def vectors_of(engine: Engine, documents: Sequence[Document]) -> DocumentVectors:
    """The documents' vectors as grouping makes them (themes tagged against these documents)."""
    themes = {i: found for i, (found, _) in engine.themes.corpus(documents).items()}
    matrix, _, _ = document_vectors(documents, themes, engine.grouping.words(documents))
    return matrix


def exactly(vectors: DocumentVectors) -> list[list[int]]:
    """Exact average linkage over every pair of rows."""
    return clustering._agglomerate(clustering.similarity(vectors, vectors), THRESHOLD)


def briefed(engine: Engine, folder: Path) -> list[Document]:
    """The documents of the ``.txt`` files in ``folder``, in the order of their names."""
    documents = engine.load([str(folder)]).documents
    return sorted(documents, key=lambda d: Path(d.origin).name)


def public_rows(folder: Path = EVAL_DIR) -> None:
    cases = [folder / "duc2003.jsonl", folder / "multiling2011-en.jsonl"]
    if not all(path.is_file() for path in cases):
        print(f"no DUC 2003 / MultiLing sets in {folder}: see bench/summaries.py for how to rebuild them")
        return
    texts = CACHE / "public-texts"
    texts.mkdir(parents=True, exist_ok=True)
    topic_of: dict[str, int] = {}
    for path in cases:
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            topic = len({*topic_of.values()})
            for document in case["documents"]:
                name = f"{len(topic_of):04d}.txt"
                if not (texts / name).is_file():
                    (texts / name).write_text(document["text"], encoding="utf-8")
                topic_of[name] = topic
    registry = PluginHost(load_entry_points=False).registry()
    with Engine(registry, Settings(language="en"), Cache(CACHE)) as engine:
        documents = briefed(engine, texts)
        vectors = vectors_of(engine, documents)
    gold = [topic_of[Path(d.origin).name] for d in documents]
    exact = labels_of(exactly(vectors), len(documents))
    print(f"\nGrouping {len(documents)} public news articles of {len(set(gold))} known topics (DUC 2003, MultiLing en)")
    print(f"{'grouping':<28}{'groups':>8}{'ARI with exact':>16}{'ARI with topics':>17}")
    print(f"{'exact average linkage':<28}{len(set(exact)):>8}{1.0:>16.3f}{adjusted_rand(exact, gold):>17.3f}")
    for seeds in (200, 100, 50):
        found = labels_of(sampled(vectors, seeds), len(documents))
        name = f"sampled, {seeds} seeds"
        print(f"{name:<28}{len(set(found)):>8}{adjusted_rand(found, exact):>16.3f}{adjusted_rand(found, gold):>17.3f}")


def _folder_of(name: str, texts: Sequence[str]) -> Path:
    """``texts`` written as numbered ``.txt`` files in a folder of the bench cache, once."""
    folder = CACHE / name
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        path = folder / f"{number:04d}.txt"
        if not path.is_file():
            path.write_text(text, encoding="utf-8")
    return folder


def _cases(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (EVAL_DIR / name).read_text(encoding="utf-8").splitlines()]


def unrelated_rows() -> None:
    """Topics pooled with unrelated articles; English and French reports of the same topics pooled."""
    names = ("duc2003.jsonl", "multiling2011-en.jsonl", "multiling2011-fr.jsonl", "cnndm.jsonl", "xsum.jsonl")
    if not all((EVAL_DIR / name).is_file() for name in names):
        print(f"no public sets in {EVAL_DIR}: see bench/summaries.py for how to rebuild them")
        return
    registry = PluginHost(load_entry_points=False).registry()
    print("\nTopics pooled with unrelated articles (each its own topic)")
    print(f"{'pool':<34}{'groups':>8}{'ARI':>8}{'unrelated glued':>17}")
    with Engine(registry, Settings(language="en"), Cache(CACHE)) as engine:
        for topical, unrelated in (("duc2003.jsonl", "cnndm.jsonl"), ("multiling2011-en.jsonl", "xsum.jsonl")):
            cases = _cases(topical)
            texts = [d["text"] for case in cases for d in case["documents"]]
            gold = [t for t, case in enumerate(cases) for _ in case["documents"]]
            others = [row["text"] for row in _cases(unrelated)]
            gold += [len(cases) + i for i in range(len(others))]
            folder = _folder_of(f"pool-{topical}-{unrelated}", texts + others)
            documents = briefed(engine, folder)
            found = labels_of(clustering.cluster(vectors_of(engine, documents)), len(documents))
            glued = sum(found.count(found[i]) > 1 for i in range(len(texts), len(documents))) / len(others)
            name = f"{topical.split('.')[0]} + {unrelated.split('.')[0]}"
            print(f"{name:<34}{len(set(found)):>8}{adjusted_rand(found, gold):>8.3f}{glued:>17.0%}")
        cases = {lang: _cases(f"multiling2011-{lang}.jsonl") for lang in ("en", "fr")}
        texts = [d["text"] for lang in cases for case in cases[lang] for d in case["documents"]]
        gold = [t for lang in cases for t, case in enumerate(cases[lang]) for _ in case["documents"]]
        documents = briefed(engine, _folder_of("multiling-en-fr", texts))
        found = labels_of(clustering.cluster(vectors_of(engine, documents)), len(documents))
        half = len(texts) // 2
        both = sum(1 for g in set(found) if g in found[:half] and g in found[half:])
        print(
            f"{'MultiLing en + fr (same topics)':<34}{len(set(found)):>8}{adjusted_rand(found, gold):>8.3f}"
            f"   groups with both languages: {both}"
        )


def twice(vectors: DocumentVectors) -> DocumentVectors:
    """The rows of ``vectors`` followed by the same rows again."""
    starts = np.concatenate((vectors.starts, vectors.starts[1:] + vectors.starts[-1]))
    columns = np.concatenate((vectors.columns, vectors.columns))
    values = np.concatenate((vectors.values, vectors.values))
    languages = np.concatenate((vectors.languages, vectors.languages))
    return DocumentVectors(starts, columns, values, vectors.width, vectors.word_width, languages)


def curve_rows(sizes: Sequence[int] = (1000, 2000, 5000, 10000, 20000), exact_up_to: int = 5000) -> None:
    from run import corpus_folder

    registry = PluginHost(load_entry_points=False).registry()
    with Engine(registry, Settings(language="en"), Cache(CACHE)) as engine:
        everything = briefed(engine, corpus_folder(10_000))
        subject = [int(Path(d.origin).stem.removeprefix("doc")) % 20 for d in everything]
        print(f"\nGrouping generated documents (20 subjects); seed sample {clustering.SEED_LIMIT}")
        header = f"{'documents':>10}{'briefing s':>12}{'MiB':>8}{'exact s':>10}{'MiB':>8}{'ARI with exact':>16}"
        print(header + f"{'ARI with subjects':>19}")
        for size in sizes:
            documents = everything[: min(size, len(everything))]
            vectors = vectors_of(engine, documents)
            truth = subject[: len(documents)]
            if size > len(everything):
                vectors, truth = twice(vectors), truth * 2
            groups, seconds, peak = measured(clustering.cluster, vectors, THRESHOLD)
            found = labels_of(groups, len(vectors))
            row = f"{size:>10,}{seconds:>12.2f}{peak:>8.0f}"
            if size <= exact_up_to:
                exact, exact_seconds, exact_peak = measured(exactly, vectors)
                agreement = adjusted_rand(found, labels_of(exact, len(vectors)))
                row += f"{exact_seconds:>10.2f}{exact_peak:>8.0f}{agreement:>16.3f}"
            else:
                row += f"{'-':>10}{'-':>8}{'-':>16}"
            print(row + f"{adjusted_rand(found, truth):>19.3f}")


def main() -> None:
    public_rows()
    unrelated_rows()
    curve_rows()


if __name__ == "__main__":
    main()
