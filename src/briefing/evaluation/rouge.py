"""ROUGE as the literature reports it, with Google's ``rouge-score``.

By default words are rouge-score's own: lower-cased ASCII letters and digits, Porter-stemmed,
which is what published English figures use. ``tokens="language"`` uses briefing's words instead,
lower-cased and Snowball-stemmed in the document's language, so that German or French keep their
letters (rouge-score's tokenizer drops every non-ASCII letter). ROUGE-Lsum reads one sentence per
line, so summaries and references are split into sentences first.

A case with several references scores its best match (``references="best"``, as rouge-score's
``score_multi`` and most papers do) or their mean (``references="mean"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rouge_score.rouge_scorer import RougeScorer

from ..text.words import language_kit, words

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")
Tokens = Literal["rouge", "language"]
Policy = Literal["best", "mean"]


class _LanguageTokenizer:
    """rouge-score's tokenizer interface: briefing's words, lower-cased and stemmed."""

    def __init__(self, language: str):
        self.kit = language_kit(language)

    def tokenize(self, text: str) -> list[str]:
        return [self.kit.stem(w) for w in words(text)]


class Rouge:
    """F-measures of ROUGE-1, -2, -L and -Lsum for a summary against its references."""

    def __init__(self, tokens: Tokens = "rouge", references: Policy = "best"):
        self.tokens, self.policy = tokens, references
        self._scorers: dict[str, RougeScorer] = {}

    def _scorer(self, language: str) -> RougeScorer:
        key = language if self.tokens == "language" else ""
        if key not in self._scorers:
            if self.tokens == "language":
                self._scorers[key] = RougeScorer(list(METRICS), tokenizer=_LanguageTokenizer(language))
            else:
                self._scorers[key] = RougeScorer(list(METRICS), use_stemmer=True)
        return self._scorers[key]

    def score(self, summary: Sequence[str], references: Sequence[str], language: str) -> dict[str, float]:
        """``summary`` is its sentences; each reference is a text (split into sentences here)."""
        scorer = self._scorer(language)
        split = language_kit(language).segmenter.split
        prediction = "\n".join(summary)
        per_reference = [
            scorer.score("\n".join(split(reference.replace("\n", " "))), prediction) for reference in references
        ]
        result: dict[str, float] = {}
        for metric in METRICS:
            values = [score[metric].fmeasure for score in per_reference]
            result[metric] = max(values) if self.policy == "best" else sum(values) / len(values)
        return result
