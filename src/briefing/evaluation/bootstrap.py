"""How sure a difference between two methods is: a paired bootstrap over the cases.

Both methods are scored on the same cases, so the cases are resampled together and the mean
difference recomputed each time (Koehn 2004; Berg-Kirkpatrick et al. 2012). The interval is the
middle 95% of those means; when it excludes zero, the difference is unlikely to be the luck of
which cases the set happens to hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SAMPLES = 1000
SEED = 2004  # fixed, so the same scores always give the same interval


@dataclass(frozen=True)
class Difference:
    """The mean of ``a - b`` over the cases and its 95% bootstrap interval."""

    mean: float
    low: float
    high: float

    @property
    def significant(self) -> bool:
        """Whether the interval excludes zero."""
        return self.low > 0 or self.high < 0


def paired_difference(a: Sequence[float], b: Sequence[float], samples: int = SAMPLES) -> Difference:
    """The mean difference between two methods' scores on the same cases, with its interval."""
    if len(a) != len(b) or not a:
        raise ValueError("both methods need scores for the same, non-empty set of cases")
    differences = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    picks = np.random.default_rng(SEED).integers(0, len(differences), size=(samples, len(differences)))
    means = differences[picks].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Difference(float(differences.mean()), float(low), float(high))
