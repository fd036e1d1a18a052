"""The thematic brief measured: what it holds, how often it says a thing twice, and what it costs.

Printed by ``bench/run.py --thematic-only`` (or ``python bench/thematic.py``):

* **Shape**, on the public multi-document sets of ``bench/summaries.py`` (DUC 2003, MultiLing
  2011 en/fr; rebuild them as that file says): themes per topic, points per theme, themes with at
  least two points, points said by several sources, points with a figure, quotes with a speaker,
  and every theme name (to judge by hand whether a person would write it as a heading).
* **Said twice**: pairs of points in one brief that say the same thing, judged by a measure the
  brief does not use: the Jaccard overlap of their lower-cased content words (no stems, no
  weights) at least :data:`SAME`. Counted for today's flat brief and for the thematic brief's
  points at the same word budget, and over the whole thematic brief.
* **What is new**: on MultiLing 2011 (WikiNews series, each report dated in its first lines),
  each topic's timeline; the share of the points it calls new that are not a paraphrase of any
  sentence of the reports before them, by the same Jaccard measure.
* **Cost**: a 1,000-document generated corpus (``bench/run.py``'s) briefed with and without the
  thematic brief, no cache, one process, best of :data:`REPEAT`.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from briefing.engine.runner import Engine  # noqa: E402
from briefing.evaluation.cases import load_cases  # noqa: E402
from briefing.evaluation.systems import Budget, Systems  # noqa: E402
from briefing.plugins import PluginHost  # noqa: E402
from briefing.text.words import language_kit, words  # noqa: E402
from briefing.topics.brief import topic_brief  # noqa: E402
from briefing.topics.thematic import flattened, thematic_brief  # noqa: E402

#: Content-word overlap at which two points say the same thing.
SAME = 0.5
REPEAT = 3
SETS = {"duc2003.jsonl": 100, "multiling2011-en.jsonl": 250, "multiling2011-fr.jsonl": 250}


def _content(text: str, language: str) -> set[str]:
    stops = language_kit(language).stop_words
    return {w.lower() for w in words(text) if w.lower() not in stops and w[:1].isalpha()}


def said_twice(texts: Sequence[str], language: str) -> int:
    """Pairs of ``texts`` whose content words overlap by at least :data:`SAME` (Jaccard)."""
    bags = [_content(t, language) for t in texts]
    return sum(1 for a, b in combinations(bags, 2) if a and b and len(a & b) / len(a | b) >= SAME)


def _budgeted(texts: Sequence[str], budget: int) -> list[str]:
    taken, left = [], budget
    for text in texts:
        if left <= 0:
            break
        taken.append(text)
        left -= len(text.split())
    return taken


def shape_rows(folder: Path) -> None:
    registry = PluginHost(load_entry_points=False).registry()
    for name, budget in SETS.items():
        if not (folder / name).is_file():
            print(f"{name}: not built (see bench/summaries.py)")
            continue
        engine = Engine(registry)
        cases, _ = load_cases(folder / name, engine)
        systems = Systems(engine, Budget(words=budget))
        counts = {k: 0 for k in ("themes", "points", "two", "several", "figure", "quote", "speaker")}
        twice = {"flat brief": 0, "thematic, same budget": 0, "thematic, whole": 0}
        names: list[str] = []
        for case in cases:
            entries = systems._entries(case, "position")
            if entries is None:
                continue
            language = case.documents[0].language or "en"
            themes = thematic_brief(entries, engine.settings.language)
            points = flattened(themes)
            counts["themes"] += len(themes)
            counts["points"] += len(points)
            counts["two"] += sum(len(t.points) >= 2 for t in themes)
            counts["several"] += sum(len(p.documents) > 1 for p in points)
            counts["figure"] += sum(bool(p.figures) for p in points)
            counts["quote"] += sum(p.quote for p in points)
            counts["speaker"] += sum(bool(p.speaker) for p in points)
            names += [t.name for t in themes]
            flat = [s.text for s in topic_brief(entries, 10**6, engine.settings.language)]
            twice["flat brief"] += said_twice(_budgeted(flat, budget), language)
            twice["thematic, same budget"] += said_twice(_budgeted([p.text for p in points], budget), language)
            twice["thematic, whole"] += said_twice([p.text for p in points], language)
        topics, themes_n, points_n = len(cases), counts["themes"] or 1, counts["points"] or 1
        print(f"\n{name}: {topics} topics")
        print(f"  themes per topic {counts['themes'] / topics:.1f}, points per theme {counts['points'] / themes_n:.1f}")
        print(f"  themes with two points or more {counts['two'] / themes_n:.0%}")
        print(f"  points said by several sources {counts['several'] / points_n:.0%}")
        print(f"  points with a figure {counts['figure'] / points_n:.0%}")
        print(f"  points with a speaker {counts['speaker'] / points_n:.0%} (quotes {counts['quote'] / points_n:.0%})")
        for label, pairs in twice.items():
            print(f"  pairs said twice ({label}): {pairs} in {topics} topics")
        print("  theme names: " + "; ".join(names))


def novelty_rows(folder: Path) -> None:
    """The timeline's "new" points that no earlier report of the topic already made."""
    from briefing.engine.prepare import prepare_document
    from briefing.models import DocumentBrief
    from briefing.topics.novelty import timeline

    registry = PluginHost(load_entry_points=False).registry()
    for name in ("multiling2011-en.jsonl", "multiling2011-fr.jsonl"):
        if not (folder / name).is_file():
            continue
        engine = Engine(registry)
        cases, _ = load_cases(folder / name, engine)
        new = repeated = dated = documents = lead = lead_repeated = 0
        for case in cases:
            prepared = [prepare_document(engine.plugins, d)[0] for d in case.documents]
            dated += sum(bool(d.date) for d in prepared)
            documents += len(prepared)
            language = prepared[0].language or "en"
            order = sorted((d for d in prepared if d.date), key=lambda d: d.date or "")
            for development in timeline([DocumentBrief(d, None) for d in prepared], engine.settings.language):
                earlier = [s.text for d in order if (d.date or "") < development.date for s in d.sentences]
                earlier_bags = [_content(t, language) for t in earlier]
                for point in development.points:
                    bag = _content(point, language)
                    new += 1
                    repeated += any(b and bag and len(bag & b) / len(bag | b) >= SAME for b in earlier_bags)
            for d in order[1:]:  # the baseline: each later report's first two sentences, as they are
                earlier_bags = [
                    _content(s.text, language) for e in order if (e.date or "") < (d.date or "") for s in e.sentences
                ]
                for sentence in d.sentences[:2]:
                    bag = _content(sentence.text, language)
                    lead += 1
                    lead_repeated += any(b and bag and len(bag & b) / len(bag | b) >= SAME for b in earlier_bags)
        print(f"\n{name}: {dated} of {documents} reports dated from their text; {new} points called new,")
        print(f"  {1 - repeated / (new or 1):.0%} of them not a paraphrase of an earlier report's sentence;")
        print(f"  each later report's first two sentences: {1 - lead_repeated / (lead or 1):.0%} of {lead}")


def cost_row(count: int = 1000) -> None:
    from run import corpus_folder

    import briefing.engine.assemble as assemble

    folder = corpus_folder(count)
    registry = PluginHost(load_entry_points=False).registry()
    real = assemble.BriefStage.thematic
    times: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(REPEAT):
        for label in ("without", "with"):
            if label == "without":
                assemble.BriefStage.thematic = lambda self, entries, keywords=(): ((), ())  # type: ignore[method-assign]
            else:
                assemble.BriefStage.thematic = real  # type: ignore[method-assign]
            with Engine(registry) as engine:
                start = time.perf_counter()
                engine.run([str(folder)])
                times[label].append(time.perf_counter() - start)
    assemble.BriefStage.thematic = real  # type: ignore[method-assign]
    best = {label: min(values) for label, values in times.items()}
    print(f"\n{count} generated documents, no cache, best of {REPEAT}:")
    print(f"  without the thematic brief {best['without']:.2f} s, with it {best['with']:.2f} s")
    print(f"  added: {best['with'] / best['without'] - 1:+.1%} (median {statistics.median(times['with']):.2f} s)")


def main() -> None:
    from summaries import EVAL_DIR

    shape_rows(EVAL_DIR)
    novelty_rows(EVAL_DIR)
    cost_row()


if __name__ == "__main__":
    main()
