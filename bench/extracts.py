"""Extractive references built from abstractive ones, for summaries scored at a fixed length.

Issue 28 asks how the default summarizer fares when the reference is long and made of the
article's own sentences. No public set of that kind is reachable here, so this builds one the
way extractive summarization papers do (Nallapati et al. 2017; Liu and Lapata 2019): for each
article of an abstractive set, the *oracle extract* is the set of its sentences, as briefing
splits them, picked greedily to maximise ROUGE-1 + ROUGE-2 F1 against the journalist's
summary, until it holds a fixed share of the article's sentences (``Length.count``'s rounding, as
``--ratio`` asks of a brief). The extract is written in the article's order.

Such references were picked by an algorithm, so they favour methods like it: the bench reports
these cells beside the human ones and nothing is tuned on them alone. ``python bench/summaries.py
rebuild`` writes them (``*-extract-20.jsonl``, ``*-extract-40.jsonl``) after the sets they come
from.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

#: Abstractive sets an extract is made from, and the shares of the article the extract holds.
SOURCES = ("cnndm.jsonl", "orangesum-fr.jsonl")
RATIOS = (0.2, 0.4)


def extract_name(name: str, ratio: float) -> str:
    return f"{name.removesuffix('.jsonl')}-extract-{round(ratio * 100)}.jsonl"


def _grams(tokens: list[str]) -> tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]:
    return Counter((t,) for t in tokens), Counter(zip(tokens, tokens[1:], strict=False))


def _f1(picked: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> float:
    overlap = sum((picked & reference).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(picked.values()), overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle(sentences: list[str], reference: str, count: int) -> list[int]:
    """Positions of ``count`` sentences picked greedily for ROUGE-1 + ROUGE-2 F1 against
    ``reference`` (rouge-score's words and Porter stemmer), in the article's order."""
    from nltk.stem import porter
    from rouge_score.tokenize import tokenize

    stemmer = porter.PorterStemmer()

    def words(text: str) -> list[str]:
        return list(tokenize(text, stemmer))

    ref1, ref2 = _grams(words(reference))
    grams = [_grams(words(s)) for s in sentences]
    picked: list[int] = []
    one: Counter[tuple[str, ...]] = Counter()
    two: Counter[tuple[str, ...]] = Counter()
    while len(picked) < count:
        best, best_score = -1, -1.0
        for i, (g1, g2) in enumerate(grams):
            if i in picked:
                continue
            score = _f1(one + g1, ref1) + _f1(two + g2, ref2)
            if score > best_score:
                best, best_score = i, score
        picked.append(best)
        one, two = one + grams[best][0], two + grams[best][1]
    return sorted(picked)


def extracts(path: Path, ratio: float) -> Iterator[dict[str, object]]:
    """Each case of the abstractive set at ``path`` with its oracle extract as the reference."""
    from briefing.engine.runner import Engine
    from briefing.evaluation.cases import load_cases
    from briefing.plugins import PluginHost
    from briefing.settings import Length

    engine = Engine(PluginHost(load_entry_points=False).registry())
    cases, _ = load_cases(path, engine)
    rows = {row["id"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    for case in cases:
        (document,) = case.documents
        texts = [s.text for s in document.sentences]
        count = Length(sentences=None, ratio=ratio).count(len(texts))
        positions = oracle(texts, case.references[0], count)
        row = dict(rows[case.name])
        row.pop("summaries", None)
        row["summary"] = "\n".join(texts[i] for i in positions)
        yield row
