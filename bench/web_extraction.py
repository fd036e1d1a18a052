"""Web pages: how much of each article briefing reads, and how much page furniture with it.

Printed by ``bench/run.py --web-only``. The gold set is Zyte's public article-extraction
benchmark (181 news and blog pages with the article body a person marked), scored as that
benchmark scores: shingles of four words, precision and recall per page, averaged, and F1 of the
averages. Pages fall by a hash of their id into a tuning split (two in three) and a held-out
split (one in three). Rows: trafilatura's own extraction (briefing's HTML loader is built on
it), and briefing's reading of the page as a source (headings and sentences, after its
cleaners), without and with headings.

Rebuild the data outside the repo, once::

    cd ~/briefing-eval/repos
    git clone --depth 1 https://github.com/scrapinghub/article-extraction-benchmark
    python bench/web_extraction.py rebuild ~/briefing-eval/repos/article-extraction-benchmark
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval")) / "web"
_TOKEN = re.compile(r"\w+")


def rebuild(benchmark: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from public_segmentation import split_of

    OUT.mkdir(parents=True, exist_ok=True)
    truth = json.loads((benchmark / "ground-truth.json").read_text(encoding="utf-8"))
    with (OUT / "pages.jsonl").open("w", encoding="utf-8") as out:
        for key, record in sorted(truth.items()):
            html = gzip.decompress((benchmark / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
            page = {"id": key, "url": record.get("url", ""), "body": record.get("articleBody", ""), "html": html}
            out.write(json.dumps({**page, "split": split_of(key)}) + "\n")
    print(f"wrote {len(truth)} pages to {OUT / 'pages.jsonl'}")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``(gold, predicted)`` texts, as the benchmark computes them."""
    precisions, recalls = [], []
    for gold, predicted in pairs:
        true, pred = _shingles(gold), _shingles(predicted)
        tp = sum((true & pred).values())
        fp, fn = sum(pred.values()) - tp, sum(true.values()) - tp
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    precision, recall = statistics.mean(precisions), statistics.mean(recalls)
    return precision, recall, 2 * precision * recall / (precision + recall)


def briefing_reads(html: str, with_headings: bool) -> str:
    """The sentences (and headings) of what briefing makes of a page."""
    global _READ
    if _READ is None:
        sys.path.insert(0, str(REPO / "bench"))
        from public_segmentation import reader

        _READ = reader(None, "page.html")
    parts: list[str] = []
    for document in _READ(html):
        if with_headings:
            parts.extend(document.headings)
        parts.extend(s.text for s in document.sentences)
    return "\n".join(parts)


_READ: Callable[[str], list[Any]] | None = None


def table() -> dict[str, dict[str, float]]:
    path = OUT / "pages.jsonl"
    if not path.is_file():
        print(f"no web extraction data under {OUT}: see bench/web_extraction.py's docstring")
        return {}
    import trafilatura

    pages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    systems = {
        "trafilatura": lambda html: trafilatura.extract(html) or "",
        "briefing, sentences": lambda html: briefing_reads(html, False),
        "briefing, with headings": lambda html: briefing_reads(html, True),
    }
    counts = Counter(p["split"] for p in pages)
    print(f"Web extraction, article-extraction-benchmark ({counts['tune']} tuned / {counts['held']} held-out pages)")
    print(f"{'system':<26}{'precision':>18}{'recall':>18}{'F1':>18}")
    figures: dict[str, dict[str, float]] = {}
    for name, extract in systems.items():
        outputs = {p["id"]: extract(p["html"]) for p in pages}
        row = {}
        for part in ("tune", "held"):
            row[part] = score([(p["body"], outputs[p["id"]]) for p in pages if p["split"] == part])
        figures[name] = {
            f"{m} {part}": v for part, values in row.items() for m, v in zip(("P", "R", "F1"), values, strict=True)
        }
        tuned, held = row["tune"], row["held"]
        cells = "".join(f"{f'{tuned[i]:.3f} / {held[i]:.3f}':>18}" for i in range(3))
        print(f"{name:<26}{cells}")
    return figures


def main() -> None:
    sys.path.insert(0, str(REPO / "src"))
    if len(sys.argv) == 3 and sys.argv[1] == "rebuild":
        rebuild(Path(sys.argv[2]).expanduser())
    else:
        table()


if __name__ == "__main__":
    main()
