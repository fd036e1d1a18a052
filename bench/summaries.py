"""Summaries and topic briefs scored on public data with human-written references.

Printed by ``bench/run.py --summaries-only`` (or ``python bench/summaries.py``): for every set
found, each method's ROUGE F1 (rouge-score's words and stemmer, best of the references) and its
ROUGE-2 difference with the set's baseline, with a 95% paired bootstrap interval.

The sets are rebuilt outside the repo (``~/briefing-eval/summaries``, or under
``$BRIEFING_EVAL_DIR``) from public repositories, once::

    git clone https://github.com/artidoro/frank ~/briefing-eval/src/frank
    git -C ~/briefing-eval/src/frank checkout 5860706   # the commit that still has the articles
    git clone https://github.com/Tixierae/OrangeSum ~/briefing-eval/src/OrangeSum
    git clone https://github.com/ayushoriginal/Multi-Document-Summarization ~/briefing-eval/src/mds
    python bench/summaries.py rebuild ~/briefing-eval/src

which writes, as JSON Lines that ``briefing evaluate`` reads:

* ``cnndm.jsonl``: the 250 CNN/Daily Mail test articles FRANK annotated (cased text), each with
  its highlights as the reference. Single documents, English; scored at 3 sentences (lead-3).
* ``orangesum-fr.jsonl``: the first 500 articles of OrangeSum's *validation* split, each with
  the abstract its journalist wrote. Single documents, French; scored at 2 sentences.
  ``orangesum-fr-heldout.jsonl`` holds the other 1,000: they were not looked at while the
  default summarizer's weights were chosen, so they check that choice.
* ``xsum.jsonl``: the 250 XSum (BBC) test articles FRANK annotated, each with its one-sentence
  summary (the article's own first sentence, which XSum removed from the text). Single documents,
  English; scored at 1 sentence. XSum is not the reserved BBC News Summary set.
* ``cnndm-extract-20.jsonl`` ... ``orangesum-fr-extract-40.jsonl``: the same articles with an
  *oracle extract* as the reference: a fifth or two fifths of their own sentences, picked for
  ROUGE against the journalist's summary (``bench/extracts.py``).
* ``duc2003.jsonl``: DUC 2003 task 4 (clusters ``d100a``..``d129j``, 30 English news topics of
  about 10 documents, 4 human 100-word summaries each); scored at 100 words. The ``d3...``
  clusters of the same folder are left out: their ids are also DUC 2004's, which is kept for
  independent checks.
* ``multiling2011-en.jsonl`` and ``multiling2011-fr.jsonl``: the MultiLing 2011 pilot (10
  WikiNews topics of 10 documents, 3 human 250-word summaries each, in English and in French);
  scored at 250 words. ``multiling2011-{cs,el,ar,he,hi}.jsonl``: the same topics in Czech,
  Greek, Arabic, Hebrew and Hindi, scored on briefing's own words (rouge-score's are ASCII only);
  no weight was chosen on them.

Never used here: the BBC News Summary set and DUC 2004 (kept for independent checks).
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from extracts import RATIOS, SOURCES, extract_name, extracts  # noqa: E402  (bench/ is the script's folder)

EVAL_DIR = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval")) / "summaries"
ORANGESUM_CASES = 500

#: Set file -> (length option, baseline); the length is the one the literature reports for it.
SETS: dict[str, tuple[dict[str, int], str]] = {
    "cnndm.jsonl": ({"sentences": 3}, "lead"),
    "orangesum-fr.jsonl": ({"sentences": 2}, "lead"),
    "orangesum-fr-heldout.jsonl": ({"sentences": 2}, "lead"),
    "xsum.jsonl": ({"sentences": 1}, "lead"),
    "duc2003.jsonl": ({"words": 100}, "first-sentences"),
    "multiling2011-en.jsonl": ({"words": 250}, "first-sentences"),
    "multiling2011-fr.jsonl": ({"words": 250}, "first-sentences"),
}
#: MultiLing's other languages (the same topics), added after every weight was chosen: held out.
HELD_OUT_MULTILING = {"czech": "cs", "greek": "el", "arabic": "ar", "hebrew": "he", "hindi": "hi"}
for _code in HELD_OUT_MULTILING.values():
    SETS[f"multiling2011-{_code}.jsonl"] = ({"words": 250}, "first-sentences")
#: Sets scored on briefing's own words and stems (``--tokens language``): rouge-score's words are
#: ASCII letters and digits, which would drop Greek, Arabic, Hebrew and Hindi text whole and cut
#: Czech words at every accent.
LANGUAGE_TOKENS = {f"multiling2011-{code}.jsonl" for code in HELD_OUT_MULTILING.values()}


def _write(path: Path, rows: Iterator[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    print(f"{path}: {count} cases")


def cnndm(frank: Path) -> Iterator[dict[str, object]]:
    for path in sorted((frank / "data" / "articles-wbertscore-json").glob("*.json")):
        if not re.fullmatch(r"[0-9a-f]{40}", path.stem):
            continue  # numeric names are XSum (BBC) articles
        row = json.loads(path.read_text(encoding="utf-8"))
        yield {"id": path.stem, "text": row["article"], "summary": row["bart_reference"], "language": "en"}


def xsum(frank: Path) -> Iterator[dict[str, object]]:
    for path in sorted((frank / "data" / "articles-wbertscore-json").glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        if re.fullmatch(r"\d+", path.stem) and row.get("Gold"):
            # The article's lines are cut at a width, sometimes inside a sentence: spaces join them.
            text = " ".join(line.strip() for line in row["article_lines"])
            yield {"id": path.stem, "text": text, "summary": row["Gold"], "language": "en"}


def orangesum(root: Path, held_out: bool = False) -> Iterator[dict[str, object]]:
    names = (root / "splits_heading_as_summary" / "valid.txt").read_text(encoding="utf-8").split()
    for name in names[ORANGESUM_CASES:] if held_out else names[:ORANGESUM_CASES]:
        row = json.loads((root / "data" / "docs" / "parsed" / name).read_text(encoding="utf-8"))
        yield {
            "id": Path(name).stem,
            "documents": [{"text": row["article"], "title": row["title"], "date": row["date"]}],
            "summary": row["heading"],
            "language": "fr",
        }


def _duc_text(raw: str) -> str:
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    paragraphs = re.split(r"</?P>", body.group(1) if body else raw)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def duc2003(root: Path) -> Iterator[dict[str, object]]:
    base = root / "duc2003"
    models = base / "detagged.duc2003.abstracts" / "models"
    for cluster in sorted((base / "docs.without.headlines").iterdir()):
        if not re.fullmatch(r"d1\d\d[a-z]", cluster.name):
            continue
        documents = [{"text": _duc_text(p.read_text(encoding="latin-1"))} for p in sorted(cluster.iterdir())]
        prefix = cluster.name[:-1].upper() + ".M.100."
        summaries = [html.unescape(p.read_text(encoding="latin-1")) for p in sorted(models.glob(prefix + "*"))]
        yield {"id": cluster.name, "documents": documents, "summaries": summaries, "language": "en"}


#: The code page a MultiLing file not in UTF-8 is in (one Czech source text, M0069, is).
LEGACY_ENCODINGS = {"czech": "cp1250", "greek": "cp1253"}


def _multiling_text(path: Path, language: str) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(LEGACY_ENCODINGS.get(language, "cp1252"))


def _source_text(base: Path, name: str, language: str) -> Path:
    """A MultiLing source text, whose language is written in lower case or capitalised (``M0010.Hebrew``)."""
    path = base / "SourceTexts" / f"{name}.{language}"
    return path if path.is_file() else path.with_suffix(f".{language.capitalize()}")


def multiling(root: Path, language: str, code: str) -> Iterator[dict[str, object]]:
    base = root / "TAC 2011 MultiLing Pilot Dataset"
    for topic in range(10):
        paths = [_source_text(base, f"M00{topic}{n}", language) for n in range(10)]
        documents = [{"text": _multiling_text(path, language)} for path in paths]
        folder = base / "Model Summaries" / language.capitalize()
        summaries = [p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"M00{topic}.*.250"))]
        yield {"id": f"M00{topic}", "documents": documents, "summaries": summaries, "language": code}


def rebuild(sources: Path, out: Path = EVAL_DIR) -> None:
    """The evaluation sets from clones of their repositories under ``sources``."""
    _write(out / "cnndm.jsonl", cnndm(sources / "frank"))
    _write(out / "orangesum-fr.jsonl", orangesum(sources / "OrangeSum"))
    _write(out / "orangesum-fr-heldout.jsonl", orangesum(sources / "OrangeSum", held_out=True))
    _write(out / "xsum.jsonl", xsum(sources / "frank"))
    for name in SOURCES:
        for ratio in RATIOS:
            _write(out / extract_name(name, ratio), extracts(out / name, ratio))
    _write(out / "duc2003.jsonl", duc2003(sources / "mds"))
    _write(out / "multiling2011-en.jsonl", multiling(sources / "mds", "english", "en"))
    _write(out / "multiling2011-fr.jsonl", multiling(sources / "mds", "french", "fr"))
    for language, code in HELD_OUT_MULTILING.items():
        _write(out / f"multiling2011-{code}.jsonl", multiling(sources / "mds", language, code))


def summary_rows(folder: Path = EVAL_DIR, summarizers: list[str] | None = None) -> None:
    """One table per set found: every method, its ROUGE and its difference with the baseline."""
    from briefing.engine.runner import Engine
    from briefing.evaluation.cases import load_cases
    from briefing.evaluation.report import table
    from briefing.evaluation.rouge import Rouge
    from briefing.evaluation.run import evaluate
    from briefing.evaluation.systems import Budget, Systems
    from briefing.plugins import PluginHost

    registry = PluginHost(load_entry_points=False).registry()
    names = summarizers or registry.names("summarizer")
    found = [name for name in SETS if (folder / name).is_file()]
    if not found:
        print(f"no evaluation sets in {folder}: see bench/summaries.py for how to rebuild them")
    for name in found:
        length, baseline = SETS[name]
        engine = Engine(registry)
        start = time.perf_counter()
        cases, problems = load_cases(folder / name, engine)
        budget = Budget(**length)
        rouge = Rouge(tokens="language") if name in LANGUAGE_TOKENS else Rouge()
        result = evaluate(cases, names, Systems(engine, budget), rouge)
        seconds = time.perf_counter() - start
        print(f"\n{name}: {len(cases)} cases, {budget.describe()}, {len(problems)} problems, {seconds:.0f} s")
        rows = table(result, baseline, "rouge2")
        print("| " + " | ".join(rows[0]) + " |")
        print("|" + "---|" * len(rows[0]))
        for row in rows[1:]:
            print("| " + " | ".join(row) + " |")
        _thematic_against_brief(result, names)


#: Single-document sets with the lengths they are scored at: the abstractive ones at their own, a
#: fifth and two fifths of the article; an oracle extract at the share it was built at.
LENGTH_SETS: dict[str, tuple[dict[str, Any], ...]] = {
    **{
        name: (SETS[name][0], {"ratio": 0.2}, {"ratio": 0.4})
        for name in ("cnndm.jsonl", "orangesum-fr.jsonl", "orangesum-fr-heldout.jsonl", "xsum.jsonl")
    },
    **{extract_name(name, ratio): ({"ratio": ratio},) for name in SOURCES for ratio in RATIOS},
}
#: The methods the length table compares: the default, lead, and the sumy twins that do best
#: when summaries are long (issue 28 names Reduction and TextRank).
LENGTH_METHODS = ["position", "lead", "reduction", "textrank", "lexrank", "sumbasic"]


def length_rows(folder: Path = EVAL_DIR) -> None:
    """The default summarizer at every length a reader can ask for: each single-document set at
    its own length, at 20% and at 40% of each article's sentences; ROUGE-2 F1 of the default,
    its difference with lead and with the best other method, paired 95% intervals."""
    from briefing.engine.runner import Engine
    from briefing.evaluation.cases import load_cases
    from briefing.evaluation.report import records
    from briefing.evaluation.rouge import Rouge
    from briefing.evaluation.run import evaluate
    from briefing.evaluation.systems import Budget, Systems
    from briefing.plugins import PluginHost

    registry = PluginHost(load_entry_points=False).registry()
    found = [name for name in LENGTH_SETS if (folder / name).is_file()]
    if not found:
        print(f"no single-document sets in {folder}: see bench/summaries.py for how to rebuild them")
        return
    print("\nThe default (position) at every length: ROUGE-2 F1 x 100, differences paired, 95% intervals")
    print("| set | length | position | lead | position - lead | best other | position - best other |")
    print("|---|---|---|---|---|---|---|")

    def cell(found: dict[str, Any]) -> str:
        low, mean, high = (100 * found["difference"][k] for k in ("low", "mean", "high"))
        return f"{mean:+.1f} [{low:+.1f}, {high:+.1f}]"

    for name in found:
        engine = Engine(registry)
        cases, _ = load_cases(folder / name, engine)
        for budget in (Budget(**length) for length in LENGTH_SETS[name]):
            result = evaluate(cases, LENGTH_METHODS, Systems(engine, budget), Rouge())
            scores = {r["method"]: r for r in records(result, "lead", "rouge2")}
            others = [m for m in LENGTH_METHODS if m not in ("position", "lead")]
            best = max(others, key=lambda m: scores[m]["rouge2"])
            against = {r["method"]: r for r in records(result, best, "rouge2")}
            print(
                f"| {name.removesuffix('.jsonl')} | {budget.describe()} | {100 * scores['position']['rouge2']:.1f} "
                f"| {100 * scores['lead']['rouge2']:.1f} | {cell(scores['position'])} | {best} "
                f"{100 * scores[best]['rouge2']:.1f} | {cell(against['position'])} |"
            )


def _unreadable(text: str, previous_kept: bool, language: str) -> bool:
    """A picked sentence a reader stumbles on: it opens by pointing back to a sentence the summary
    left out ("He", "This", "But"...), its quotes do not balance, or it has no final stop."""
    from briefing.text.standalone import POINTING_BACK

    first = re.search(r"[^\W_]+", text)
    points_back = first is not None and first.group().casefold() in POINTING_BACK.get(language, POINTING_BACK["en"])
    quotes = text.count('"') % 2 == 1 or text.count("“") != text.count("”") or text.count("«") != text.count("»")
    stopped = text.rstrip(" \"”’'»)").endswith((".", "!", "?", "…"))
    return (points_back and not previous_kept) or quotes or not stopped


def readability_rows(folder: Path = EVAL_DIR) -> None:
    """Per method and length, the share of picked sentences a reader stumbles on (see
    :func:`_unreadable`), on the single-document sets."""
    from briefing.engine.runner import Engine
    from briefing.evaluation.cases import load_cases
    from briefing.plugins import PluginHost
    from briefing.settings import Length

    registry = PluginHost(load_entry_points=False).registry()
    found = [name for name in ("cnndm.jsonl", "orangesum-fr.jsonl") if (folder / name).is_file()]
    if not found:
        return
    lengths = {"3 sentences": Length(3), "20%": Length(None, 0.2), "40%": Length(None, 0.4)}
    print("\nPicked sentences that open by pointing back to one left out, with unbalanced quotes or no final stop")
    print("| set | method | " + " | ".join(lengths) + " |")
    print("|---|---|" + "---|" * len(lengths))
    for name in found:
        engine = Engine(registry)
        cases, _ = load_cases(folder / name, engine)
        documents = [case.documents[0] for case in cases]
        for method in LENGTH_METHODS:
            summarizer = engine.plugins.create("summarizer", method)
            cells = []
            for length in lengths.values():
                picked = stumbles = 0
                for document in documents:
                    summary, _ = engine.summaries.one(document, summarizer, length)
                    kept = {s.position for s in summary.sentences} if summary else set()
                    for sentence in summary.sentences if summary else ():
                        picked += 1
                        language = document.language or "en"
                        stumbles += _unreadable(sentence.text, sentence.position - 1 in kept, language)
                cells.append(f"{stumbles / picked:.1%}" if picked else "-")
            print(f"| {name.removesuffix('.jsonl')} | {method} | " + " | ".join(cells) + " |")


def _thematic_against_brief(result: Any, names: list[str]) -> None:
    """For a topic set: each thematic brief's ROUGE-2 against the flat brief from the same
    summarizer, paired, with its 95% interval (the thematic brief must not score less)."""
    from briefing.evaluation.report import records

    for name in names:
        found = [r for r in records(result, f"brief:{name}", "rouge2") if r["method"] == f"thematic:{name}"]
        if found and found[0].get("difference"):
            low, mean, high = (100 * found[0]["difference"][k] for k in ("low", "mean", "high"))
            print(f"thematic:{name} - brief:{name}: ROUGE-2 {mean:+.1f} [{low:+.1f}, {high:+.1f}]")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "rebuild":
        rebuild(Path(sys.argv[2]).expanduser())
    elif sys.argv[1:] == ["lengths"]:
        length_rows()
        readability_rows()
    else:
        summary_rows(summarizers=sys.argv[1:] or None)


if __name__ == "__main__":
    main()
