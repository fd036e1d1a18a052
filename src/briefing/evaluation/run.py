"""An evaluation run: every method on every case, mean ROUGE, and differences with a baseline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..models import Problem
from .bootstrap import Difference, paired_difference
from .cases import Case
from .rouge import Rouge
from .systems import Systems, methods_for


@dataclass
class MethodScores:
    """One method's ROUGE F-measures, case by case (by case name)."""

    method: str
    cases: dict[str, dict[str, float]] = field(default_factory=dict)

    def mean(self, metric: str) -> float:
        values = [scores[metric] for scores in self.cases.values()]
        return sum(values) / len(values) if values else 0.0


@dataclass
class Evaluation:
    """Scores by method (in the order first met) and the problems met on the way."""

    methods: dict[str, MethodScores] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def difference(self, method: str, baseline: str, metric: str) -> Difference | None:
        """``method`` minus ``baseline`` on ``metric`` over the cases both scored, or ``None``
        when they share none (or are the same method)."""
        if method == baseline or baseline not in self.methods or method not in self.methods:
            return None
        ours, theirs = self.methods[method].cases, self.methods[baseline].cases
        shared = [name for name in ours if name in theirs]
        if not shared:
            return None
        return paired_difference([ours[n][metric] for n in shared], [theirs[n][metric] for n in shared])


def evaluate(
    cases: Sequence[Case],
    summarizers: Sequence[str],
    systems: Systems,
    rouge: Rouge,
    progress: Callable[[int, int], object] | None = None,
) -> Evaluation:
    """Every case scored with every method that applies to it (see :func:`methods_for`)."""
    result = Evaluation()
    for done, case in enumerate(cases, start=1):
        language = case.documents[0].language or "en"
        for method in methods_for(case, summarizers):
            sentences = systems.text(case, method)
            scores = result.methods.setdefault(method, MethodScores(method))
            if sentences is not None:
                scores.cases[case.name] = rouge.score(sentences, case.references, language)
        if progress:
            progress(done, len(cases))
    result.problems.extend(systems.problems)
    return result
