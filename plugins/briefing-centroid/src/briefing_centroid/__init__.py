"""The centroid summarizer: sentences closest to the document's TF-IDF centroid."""

from __future__ import annotations

import math
from collections import Counter

from briefing import PLUGIN_API, Summarizer, hookimpl


class Centroid(Summarizer):
    """Scores each sentence by the cosine between its TF-IDF vector and the document's centroid.

    The IDF is computed over the document's sentences, so words in every sentence weigh little
    and the centroid stands for the document's recurring, specific content.
    """

    name = "centroid"
    description = "Centroid: sentences closest to the document's TF-IDF centroid"
    api_version = PLUGIN_API

    def rate(self, document, kit):
        bags = [Counter(kit.content_stems(sentence.text)) for sentence in document.sentences]
        if not bags:
            return []
        frequency = Counter(stem for bag in bags for stem in bag)
        idf = {stem: math.log((1 + len(bags)) / (1 + count)) + 1 for stem, count in frequency.items()}
        vectors = [{stem: count * idf[stem] for stem, count in bag.items()} for bag in bags]
        centroid: Counter[str] = Counter()
        for vector in vectors:
            centroid.update(vector)
        bonus = float(self.settings.get("position_weight", 0.0))
        return [
            _cosine(vector, centroid) + bonus / (1 + sentence.position)
            for vector, sentence in zip(vectors, document.sentences, strict=True)
        ]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b.get(stem, 0.0) for stem, weight in a.items())
    norms = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norms if norms else 0.0


@hookimpl
def register_summarizers(register):
    register(Centroid)
