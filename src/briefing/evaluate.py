"""Scoring summarizers against reference summaries with ROUGE-1, ROUGE-2 and ROUGE-L.

An evaluation folder holds documents (any file a loader takes) and, beside each, its reference
summary: ``harbour.txt`` (or ``harbour.md``...) and ``harbour.ref.txt``. A reference file may hold
several references, separated by a line with only ``---``; a summary scores its best match.
ROUGE comes from Google's ``rouge-score`` package; words are those of briefing's tokenizer,
lower-cased and Snowball-stemmed in the document's language, so German scores as fairly as English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rouge_score.rouge_scorer import RougeScorer

from .engine.runner import Engine
from .engine.settings import Length
from .models import Document, Problem, Source
from .text.words import language_kit, words

REFERENCE_SUFFIX = ".ref.txt"
METRICS = ("rouge1", "rouge2", "rougeL")
_SEPARATOR = re.compile(r"^\s*---\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Case:
    """One document to summarize and the reference summaries it is scored against."""

    document: Document
    references: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    """A summarizer's mean ROUGE F-measures over the cases it summarized."""

    summarizer: str
    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 (ROUGE-L is its name)
    documents: int


class _Tokenizer:
    """rouge-score's tokenizer interface: briefing's words, lower-cased and stemmed."""

    def __init__(self, language: str):
        self.kit = language_kit(language)

    def tokenize(self, text: str) -> list[str]:
        return [self.kit.stem(w) for w in words(text)]


def load_cases(folder: Path, engine: Engine) -> tuple[list[Case], list[Problem]]:
    """Every document in ``folder`` that has a reference, and what is wrong with the others."""
    cases: list[Case] = []
    problems: list[Problem] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if path.name.endswith(REFERENCE_SUFFIX):
            continue
        reference = path.with_name(path.name.split(".")[0] + REFERENCE_SUFFIX)
        if not reference.is_file():
            problems.append(Problem(str(path), f"no reference summary ({reference.name})"))
            continue
        source = Source(str(path), path.read_bytes(), path)
        prepared = engine.sources.prepare([source])
        documents = prepared.documents
        problems.extend(prepared.errors)
        texts = tuple(t.strip() for t in _SEPARATOR.split(reference.read_text(encoding="utf-8")) if t.strip())
        if not texts:
            problems.append(Problem(str(reference), "the reference file is empty"))
            continue
        cases.extend(Case(document, texts) for document in documents)
    return cases, problems


def reference_length(case: Case) -> Length:
    """As many sentences as the first reference has, so that summary and reference compare."""
    segmenter = language_kit(case.document.language or "en").segmenter
    return Length(max(1, len(segmenter.split(case.references[0]))))


def evaluate(
    engine: Engine, cases: Sequence[Case], summarizers: Sequence[str], length: Length | None = None
) -> tuple[list[Scores], list[Problem]]:
    """Each summarizer's mean ROUGE-1/2/L F-measures over ``cases``."""
    scorers: dict[str, RougeScorer] = {}
    results: list[Scores] = []
    problems: list[Problem] = []
    for name in summarizers:
        summarizer = engine.plugins.create("summarizer", name)
        totals = dict.fromkeys(METRICS, 0.0)
        scored = 0
        for case in cases:
            language = case.document.language or "en"
            scorer = scorers.setdefault(language, RougeScorer(list(METRICS), tokenizer=_Tokenizer(language)))
            summary, failed = engine.summaries.one(case.document, summarizer, length or reference_length(case))
            problems.extend(failed)
            if summary is None:
                continue
            text = " ".join(s.text for s in summary.sentences)
            best = [scorer.score(reference, text) for reference in case.references]
            for metric in METRICS:
                totals[metric] += max(score[metric].fmeasure for score in best)
            scored += 1
        means = {metric: totals[metric] / scored if scored else 0.0 for metric in METRICS}
        results.append(Scores(name, means["rouge1"], means["rouge2"], means["rougeL"], scored))
    return results, problems
