"""An evaluation as a table or as JSON: each method's means, and its difference with the baseline."""

from __future__ import annotations

from typing import Any

from .rouge import METRICS
from .run import Evaluation

HEADERS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L", "rougeLsum": "ROUGE-Lsum"}


def ordered(evaluation: Evaluation, metric: str) -> list[str]:
    """Methods best first on ``metric`` (then by name, so ties print the same way every time)."""
    return sorted(evaluation.methods, key=lambda m: (-evaluation.methods[m].mean(metric), m))


def records(evaluation: Evaluation, baseline: str, metric: str) -> list[dict[str, Any]]:
    """One JSON-ready record per method; scores are F-measures from 0 to 1."""
    out: list[dict[str, Any]] = []
    for method in ordered(evaluation, metric):
        scores = evaluation.methods[method]
        record: dict[str, Any] = {"method": method, **{m: round(scores.mean(m), 6) for m in METRICS}}
        record["cases"] = len(scores.cases)
        difference = evaluation.difference(method, baseline, metric)
        if difference is not None:
            record["difference"] = {
                "baseline": baseline,
                "metric": metric,
                "mean": round(difference.mean, 6),
                "low": round(difference.low, 6),
                "high": round(difference.high, 6),
            }
        out.append(record)
    return out


def table(evaluation: Evaluation, baseline: str, metric: str) -> list[tuple[str, ...]]:
    """Rows of a table in points (F-measure x 100), with the difference's 95% interval; a ``*``
    marks an interval that excludes zero."""
    rows: list[tuple[str, ...]] = [
        ("METHOD", *(HEADERS[m] for m in METRICS), "CASES", f"{HEADERS[metric]} - {baseline} [95% CI]")
    ]
    for record in records(evaluation, baseline, metric):
        difference = record.get("difference")
        if difference:
            mark = "*" if difference["low"] > 0 or difference["high"] < 0 else ""
            low, mean, high = (100 * difference[k] for k in ("low", "mean", "high"))
            change = f"{mean:+.1f} [{low:+.1f}, {high:+.1f}]{mark}"
        else:
            change = "baseline" if record["method"] == baseline else ""
        rows.append((record["method"], *(f"{100 * record[m]:.1f}" for m in METRICS), str(record["cases"]), change))
    return rows
