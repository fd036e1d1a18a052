"""The sentences of a topic that may become key points of its thematic brief, each read once.

A candidate is a sentence that stands alone (:mod:`briefing.text.standalone`), shown without its
dateline and cut to a bound, with its content stems, its noun phrases (the names its theme may
take), its figures, its speaker and the day it is about. Its importance is the topic brief's
relevance (half its similarity with what the whole topic says, half a lead prior), plus a share
for being among its document's summary (so the configured summarizer still chooses) and for
carrying a measure (money, a share, a count) rather than colour. The thematic brief lowers it
as the topic brief lowers a sentence, for its likeness to the ones picked before it
(:func:`by_novelty`).

A sentence that opens by pointing back ("He said...", "Cette décision...") is taken with the
sentence before it, when that one stands alone and both fit a point's bound (the joined pair
then stands for that sentence too); else it is left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module
from ..models import DocumentBrief, Sentence
from ..text.dates import day_meant
from ..text.facts import YEAR, figures, resolved, speech
from ..text.phrases import WordRoles, candidate_phrases
from ..text.standalone import POINT_WORDS, POINTS_BACK, bounded, ends_whole, why_not_alone, without_dateline
from ..text.words import language_kit
from .brief import LEAD_WEIGHT, marginal_relevance

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy_module("numpy")

#: Sentences read from the top of each document (and any its summary picked further down): a
#: document's points are in its first paragraphs, and the bound keeps a huge topic cheap.
PER_DOCUMENT = 30
#: Most candidates a topic keeps, by importance, and reads closely (phrases, figures): a theme's
#: points come from the first few hundred, and reading every sentence of a 1,000-document topic
#: would cost more than briefing it.
MOST_CANDIDATES = 300
#: Extra importance for a sentence the document's summarizer picked (divided by its rank).
SUMMARY_WEIGHT = 0.2
#: Extra importance for a sentence carrying money, a share or a count.
FIGURE_WEIGHT = 0.02
#: A number as a sentence writes it ("15", "236.5", "1,500").
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Candidate:
    """One sentence that may become a point (see the module's docstring)."""

    text: str
    document: str
    position: int
    language: str
    stems: Counter[str]
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    measures: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    speaker: str = ""
    quote: bool = False
    date: str | None = None
    importance: float = 0.0
    vector: dict[str, float] = field(default_factory=dict)  # unit-length TF-IDF over the topic's candidates


def candidates(entries: Sequence[DocumentBrief], default_language: str) -> list[Candidate]:
    """The topic's candidate points, most important first."""
    found: list[Candidate] = []
    picked_rank: dict[tuple[str, int], int] = {}
    texts: set[str] = set()
    for entry in entries:
        if entry.document.text in texts:
            continue  # a copy of a document already read (saved twice, or in two folders) is no second source
        texts.add(entry.document.text)
        if entry.summary is not None:
            picked_rank.update({(entry.document.id, s.position): s.rank for s in entry.summary.sentences})
        found.extend(_of_document(entry, default_language, picked_rank))
    if not found:
        return []
    _weigh(found, picked_rank)
    found.sort(key=lambda c: -c.importance)
    kept = found[:MOST_CANDIDATES]
    _read_closely(kept)
    kept.sort(key=lambda c: -c.importance)
    return kept


def _read_closely(kept: list[Candidate]) -> None:
    """The phrases and figures of the candidates kept, document by document (a document's own
    use of its words tells its nouns from its verbs); a measure adds to a candidate's importance."""
    by_document: dict[str, list[Candidate]] = {}
    for candidate in kept:
        by_document.setdefault(candidate.document, []).append(candidate)
    for group in by_document.values():
        group.sort(key=lambda c: c.position)
        language = group[0].language
        kit = language_kit(language)
        roles = WordRoles()
        read = [(candidate, candidate_phrases(candidate.text, kit, roles=roles)) for candidate in group]
        heads: dict[str, bool] = {}
        for candidate, phrases in read:  # the roles are known once the whole document is read
            for stems, written in phrases:
                if written not in heads:
                    heads[written] = roles.may_head(written.split(), language)
                if heads[written]:
                    candidate.phrases.setdefault((language, *stems), written)
            found = figures(candidate.text)
            candidate.measures, candidate.dates = found.measures, found.dates
            if candidate.measures:
                candidate.importance += FIGURE_WEIGHT


def _of_document(entry: DocumentBrief, default_language: str, picked: dict[tuple[str, int], int]) -> list[Candidate]:
    document = entry.document
    language = document.language or default_language
    kit = language_kit(language)
    people = [t.name for t in entry.themes if t.kind == "person"]
    last_named: dict[str, int] = {}
    found: list[Candidate] = []
    before: Sentence | None = None  # the sentence before, when it stands alone
    for sentence in document.sentences:
        if sentence.position >= PER_DOCUMENT and (document.id, sentence.position) not in picked:
            continue
        for person in people:
            if person in sentence.text or person.split()[-1] in sentence.text:
                last_named[person] = sentence.position
        text = without_dateline(sentence.text)
        why = why_not_alone(text, language)
        if (
            why
            and why.startswith(POINTS_BACK)
            and before is not None
            and before.position == sentence.position - 1
            and ends_whole(before.text)  # not onto a heading: "... zu einem niedrigen Preis Ich glaube, ..."
        ):
            alone = without_dateline(before.text)
            text = f"{alone} {text}"  # with its fuller neighbour
            if len(text.split()) > POINT_WORDS:
                continue
            if found and found[-1].position == before.position and found[-1].text == bounded(alone):
                found.pop()  # the neighbour is in the joined point; alone, it would be a second one
        elif why:
            before = None
            continue
        shown = bounded(text)
        said = speech(shown)
        speaker = ""
        if said is not None:
            recent = sorted(last_named, key=lambda p: -last_named[p])
            speaker = resolved(said.speaker, recent)
        candidate = Candidate(
            text=shown,
            document=document.id,
            position=sentence.position,
            language=language,
            stems=Counter(kit.content_stems(shown)),
            speaker=speaker,
            quote=bool(said and said.quote and speaker),
            date=day_meant(shown, document.date, language) or document.date,
        )
        before = sentence if not why else None
        found.append(candidate)
    return found


def _weigh(found: list[Candidate], picked: dict[tuple[str, int], int]) -> None:
    """Each candidate's importance (see the module's docstring)."""
    frequency: Counter[str] = Counter()
    for candidate in found:
        frequency.update(candidate.stems.keys())
    size = len(found)
    idf = {stem: math.log((1 + size) / (1 + n)) + 1 for stem, n in frequency.items()}
    centroid = {stem: n * idf[stem] for stem, n in frequency.items()}
    centroid_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    for candidate in found:
        weights = {stem: n * idf[stem] for stem, n in candidate.stems.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        similarity = sum(v * centroid[stem] for stem, v in weights.items()) / (norm * centroid_norm)
        rank = picked.get((candidate.document, candidate.position))
        candidate.importance = (
            (1 - LEAD_WEIGHT) * similarity
            + LEAD_WEIGHT / (1.0 + candidate.position)
            + (SUMMARY_WEIGHT / rank if rank else 0.0)
        )
        candidate.vector = {stem: weight / norm for stem, weight in weights.items()}


class SimilarityIndex:
    """Candidates by stem, so that a sentence's similar ones cost the postings of its own stems.

    Two sentences that both give numbers, and share none of them (years aside: a topic's events
    share their year), never say the same thing, however alike their words: "won the 15th stage"
    and "won the 13th stage" are two facts, and taking one for the other would credit a source
    with what it did not say. One that adds a figure to the other ("228 people on board") still
    says the same.
    """

    def __init__(self, found: Sequence[Candidate], threshold: float):
        self.found, self.threshold = found, threshold
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.numbers = [frozenset(n for n in _NUMBER.findall(c.text) if not YEAR.match(n)) for c in found]
        for number, candidate in enumerate(found):
            for stem, weight in candidate.vector.items():
                self.postings[stem].append((number, weight))

    def similar(self, number: int) -> list[int]:
        """Candidates at least ``threshold`` similar to candidate ``number``, itself included."""
        scores: dict[int, float] = defaultdict(float)
        for stem, weight in self.found[number].vector.items():
            for other, other_weight in self.postings[stem]:
                scores[other] += weight * other_weight
        return [
            other
            for other, score in scores.items()
            if other == number or (score >= self.threshold and self._numbers_agree(number, other))
        ]

    def _numbers_agree(self, one: int, other: int) -> bool:
        """Whether two sentences share a number, or one gives none (see the class's docstring)."""
        mine, theirs = self.numbers[one], self.numbers[other]
        return not mine or not theirs or not mine.isdisjoint(theirs)


def by_novelty(kept: Sequence[Candidate]) -> list[Candidate]:
    """Copies of the candidates in the order maximal marginal relevance picks them (the topic
    brief's lambda), each one's importance lowered by its likeness to those picked before it,
    never below zero: a sentence that says again what a more important one said comes after
    sentences that say something else, as a point and as a theme's anchor. (The timeline keeps
    each document's own order: what an earlier document said is its business.)

    The likeness of every pair is one matrix product: a topic's candidates share most of their
    words, so walking each pick's postings cost more than the rest of the thematic brief."""
    if not kept:
        return []
    terms: dict[str, int] = {}
    rows, columns, weights = [], [], []
    for row, candidate in enumerate(kept):
        for stem, weight in candidate.vector.items():
            rows.append(row)
            columns.append(terms.setdefault(stem, len(terms)))
            weights.append(weight)
    vectors = np.zeros((len(kept), len(terms)))
    vectors[rows, columns] = weights
    likeness = vectors @ vectors.T
    importance = np.array([candidate.importance for candidate in kept])
    return [
        replace(kept[best], importance=max(0.0, score))
        for best, score in marginal_relevance(importance, likeness.__getitem__)
    ]
