"""A topic's multi-document brief: maximal marginal relevance over its documents' summaries.

Candidates are the sentences each document's summary chose. Relevance is the TF-IDF cosine of a
sentence with the topic's centroid; each pick is penalised by its similarity to sentences already
picked, so the brief does not say the same thing twice.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from .models import BriefSentence, DocumentBrief
from .text.words import language_kit

#: Weight of relevance against novelty (Carbonell & Goldstein's lambda).
MMR_LAMBDA = 0.7
#: A candidate at least this similar to a picked sentence is a near-duplicate and never picked.
DUPLICATE_SIMILARITY = 0.8

Vector = dict[str, float]


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def _normalised(counts: Counter[str], idf: dict[str, float]) -> Vector:
    vector = {term: n * idf[term] for term, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def topic_brief(documents: Sequence[DocumentBrief], count: int, default_language: str) -> tuple[BriefSentence, ...]:
    """Up to ``count`` sentences across the topic, best first, each attributed to its document."""
    candidates: list[tuple[str, str]] = []
    bags: list[Counter[str]] = []
    for entry in documents:
        if entry.summary is None:
            continue
        kit = language_kit(entry.document.language or default_language)
        for sentence in entry.summary.sentences:
            candidates.append((sentence.text, entry.document.id))
            bags.append(Counter(kit.content_stems(sentence.text)))
    if not candidates or count < 1:
        return ()
    frequency = Counter(term for bag in bags for term in bag)
    idf = {term: math.log((1 + len(bags)) / (1 + n)) + 1 for term, n in frequency.items()}
    vectors = [_normalised(bag, idf) for bag in bags]
    centroid_counts: Counter[str] = Counter()
    for bag in bags:
        centroid_counts.update(bag)
    centroid = _normalised(centroid_counts, idf)
    relevance = [_cosine(v, centroid) for v in vectors]

    picked: list[int] = []
    closest = [0.0] * len(candidates)  # each candidate's highest similarity to a picked sentence
    remaining = set(range(len(candidates)))
    while remaining and len(picked) < count:
        best = max(
            remaining,
            key=lambda i: (MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * closest[i], -i),
        )
        remaining.discard(best)
        picked.append(best)
        for i in list(remaining):
            similarity = _cosine(vectors[i], vectors[best])
            if similarity >= DUPLICATE_SIMILARITY or candidates[i][0] == candidates[best][0]:
                remaining.discard(i)
            closest[i] = max(closest[i], similarity)
    return tuple(BriefSentence(candidates[i][0], candidates[i][1], round(relevance[i], 6)) for i in picked)
