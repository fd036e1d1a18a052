"""Automatic topics: documents grouped by what they say, each group named by its top key terms.

Each document is a vector of words and concepts (:mod:`.features`); :func:`similarity` weighs
the two parts. Groups form by average-linkage agglomerative clustering, merging while the closest
pair of groups is at least ``threshold`` alike. Past :data:`SEED_LIMIT` documents, a spread-out
sample is clustered and the rest join their nearest group (the "buckshot" scheme), which keeps
memory and time in bounds for large corpora.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module
from ..models import Document, Theme, Topic
from ..settings import THRESHOLD
from ..text.dates import TIME_WORDS, TIME_ZONES
from ..text.facts import UNIT_WORD
from ..text.phrases import may_end
from ..text.standalone import AGENCIES
from ..text.words import language_kit
from .features import DocumentVectors, RowMatrix, WordFeatures, concept_of, document_vectors
from .names import topic_phrase

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy_module("numpy")

#: Most documents clustered pairwise; the rest join the nearest group.
SEED_LIMIT = 1200
#: Word similarity (of the word part: see :func:`similarity`) at which shared concepts count
#: fully between two documents in one language. Chosen on DUC 2003's topics pooled with 250
#: CNN/DM articles (bench/grouping.py); MultiLing with XSum was held out.
WORD_EVIDENCE = 0.1


def similarity(left: DocumentVectors, right: DocumentVectors) -> np.ndarray:
    """How alike each row of ``left`` is to each row of ``right``: their words' similarity, plus
    their concepts' (names, lexicon themes). Between two documents in one language, concepts count
    only as far as the words agree (fully from :data:`WORD_EVIDENCE`): sharing a first name, a
    club or a kind of news ("crime") is no shared story when the words say otherwise; that glued
    unrelated articles into topics. Across languages, where words cannot agree, concepts count
    fully: they are what links an English and a German report of one event.
    """
    width = left.word_width
    a = left.dense()
    b = a if right is left else right.dense()
    words = a[:, :width] @ b[:, :width].T
    concepts = a[:, width:] @ b[:, width:].T
    same = left.languages[:, None] == right.languages[None, :]
    alike: np.ndarray = words + concepts * _concepts_count(words, same)
    return alike


def _concepts_count(words: np.ndarray, same: np.ndarray) -> np.ndarray:
    """How much of shared concepts counts, given how alike the words are (on average, for a
    group's members) and whether the two sides are in one language (see :func:`similarity`)."""
    counted: np.ndarray = np.where(same, np.minimum(1.0, words / WORD_EVIDENCE), 1.0)
    return counted


def _agglomerate(alike: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage clusters from the square matrix of similarities ``alike``, as lists of row
    numbers.

    ``dot[a, b]`` is the sum of similarities between the members of groups a and b, so merging
    two groups adds their rows; each row's best partner is kept up to date instead of searching
    the whole matrix after every merge.
    """
    count = len(alike)
    dot = alike.astype(np.float64)
    sizes = np.ones(count)
    members: list[list[int]] = [[i] for i in range(count)]
    linkage = dot.copy()
    np.fill_diagonal(linkage, -np.inf)
    partner = linkage.argmax(axis=1) if count > 1 else np.zeros(count, dtype=int)
    best = linkage[np.arange(count), partner] if count > 1 else np.full(count, -np.inf)
    while count > 1:
        a = int(np.argmax(best))
        b = int(partner[a])
        if best[a] < threshold:
            break
        a, b = min(a, b), max(a, b)
        dot[a, :] += dot[b, :]
        dot[:, a] += dot[:, b]
        sizes[a] += sizes[b]
        members[a] += members[b]
        members[b] = []
        linkage[b, :] = linkage[:, b] = -np.inf
        best[b] = -np.inf
        row = dot[a, :] / (sizes[a] * sizes)
        row[[a, b]] = -np.inf
        row[best == -np.inf] = -np.inf  # groups merged away
        linkage[a, :] = linkage[:, a] = row
        partner[a], best[a] = int(row.argmax()), row.max()
        stale = np.flatnonzero((partner == a) | (partner == b))
        for i in stale:
            if i != a and best[i] != -np.inf:
                partner[i] = int(linkage[i].argmax())
                best[i] = linkage[i, partner[i]]
        better = row > best
        better[a] = False
        partner[better], best[better] = a, row[better]
    return [sorted(m) for m in members if m]


def cluster(vectors: DocumentVectors, threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups of row numbers; buckshot past :data:`SEED_LIMIT` rows. Deterministic."""
    count = len(vectors)
    if count <= SEED_LIMIT:
        return _agglomerate(similarity(vectors, vectors), threshold)
    seeds = np.linspace(0, count - 1, SEED_LIMIT).round().astype(int)
    seeded = vectors.take(seeds)
    groups = _agglomerate(similarity(seeded, seeded), threshold)
    nearest_group = _Nearest(seeded, groups)
    groups = [[int(seeds[i]) for i in group] for group in groups]
    taken = set(int(s) for s in seeds)
    rest = [i for i in range(count) if i not in taken]
    leftovers = []
    for start in range(0, len(rest), 2048):
        chunk = rest[start : start + 2048]
        alike = nearest_group(vectors.take(chunk))
        nearest = alike.argmax(axis=1)
        for offset, (row, group) in enumerate(zip(chunk, nearest, strict=True)):
            if alike[offset, group] >= threshold:
                groups[group].append(row)
            else:
                leftovers.append(row)
    if leftovers:
        groups += [[leftovers[i] for i in group] for group in cluster(vectors.take(leftovers), threshold)]
    return [sorted(group) for group in groups]


class _Nearest:
    """A row's average :func:`similarity` to the members of each group, from sums of the members'
    rows per group and language (not row by row, which cost 10 times as much at 10,000
    documents). Concepts shared with members in the row's language count as far as the words
    shared with those members agree on average."""

    def __init__(self, members: DocumentVectors, groups: list[list[int]]):
        dense = members.dense()
        pairs: dict[tuple[int, int], list[int]] = {}
        for number, group in enumerate(groups):
            for row in group:
                pairs.setdefault((number, int(members.languages[row])), []).append(row)
        keys = list(pairs)
        self.width = members.word_width
        self.sums = np.stack([dense[pairs[key]].sum(axis=0) for key in keys])
        self.counts = np.array([len(pairs[key]) for key in keys], dtype=np.float32)
        self.group_of = np.array([group for group, _ in keys], dtype=np.intp)
        self.language_of = np.array([language for _, language in keys], dtype=np.intp)
        self.sizes = np.array([len(group) for group in groups], dtype=np.float32)
        self.groups = len(groups)

    def __call__(self, rows: DocumentVectors) -> np.ndarray:
        dense, width = rows.dense(), self.width
        words = dense[:, :width] @ self.sums[:, :width].T  # summed over each pair's members
        concepts = dense[:, width:] @ self.sums[:, width:].T
        same = rows.languages[:, None] == self.language_of[None, :]
        by_pair = words + concepts * _concepts_count(words / self.counts, same)
        summed = np.zeros((len(dense), self.groups), dtype=np.float64)
        np.add.at(summed.T, self.group_of, by_pair.T)
        return summed / self.sizes


#: Theme kinds that name something: the entity tagger's, and any tagger's capitalised names.
NAMING_KINDS = frozenset({"person", "organisation", "place", "name"})


def _shared_names(rows: list[int], documents: Sequence[Document], themes: Mapping[str, Sequence[Theme]]) -> list[str]:
    """Names (people, organisations, places) and phrases of several words that at least half of
    the group's documents carry, most widely carried first: what its documents have in common,
    even where every document of the corpus has it (and so no weight in the vectors)."""
    carried: Counter[str] = Counter()
    written: dict[str, str] = {}
    for row in rows:
        for theme in themes.get(documents[row].id, ()):
            if theme.kind in NAMING_KINDS or (theme.kind == "key phrase" and " " in theme.name):
                key = theme.name.casefold()
                if key not in written:
                    written[key] = theme.name
                carried[key] += 1
    needed = max(2, (len(rows) + 1) // 2)
    return [written[k] for k, n in sorted(carried.items(), key=lambda kv: (-kv[1], kv[0])) if n >= needed]


def _labels(
    rows: list[int],
    documents: Sequence[Document],
    matrix: RowMatrix,
    features: list[str],
    labels: Mapping[str, str],
    shared: Sequence[str] = (),
) -> list[str]:
    """The group's three best labels, in its main language ("coral, reef, bleached").

    A label is better the more of the group's documents carry it and the heavier it weighs
    there; a name (a capitalised concept from a tagger) or a phrase of several words says more
    than a single common word, so it counts double ("Masayoshi Son, Nvidia, Japan" rather than "chip, economic, japan").
    """
    languages = Counter(documents[r].language or "en" for r in rows)
    main = languages.most_common(1)[0][0] + ":"
    block = matrix.take(rows)
    spread = block.column_counts() / len(rows)
    codes = {d.language or "en" for d in documents}  # words are "en:stem"; concepts "tagger:name"
    richer = np.array(
        [
            2.0 if " " in labels[f] or (f.split(":", 1)[0] not in codes and labels[f][:1].isupper()) else 1.0
            for f in features
        ]
    )
    weights = block.column_sums() * spread * richer
    order = [int(i) for i in np.argsort(-weights, kind="stable") if weights[i] > 0]
    preferred = sorted(order, key=lambda i: not features[i].startswith(main))  # stable: weight order kept
    language = main[:-1]
    stops = language_kit(language).stop_words | language_kit("en").stop_words
    candidates = [(label, "") for label in shared[:2]] + [(labels[features[c]], features[c]) for c in preferred]
    names: list[str] = []
    for label, feature in candidates:
        if not label or not _may_name(label, feature, language, codes, stops):
            continue
        if not any(label.lower() in n.lower() or n.lower() in label.lower() for n in names):
            names.append(label)
        if len(names) == 3:
            break
    return names


#: Endings of adjectives of nationality: alone, "Japanese" or "Italian" names no topic.
_NATIONALITY = ("ese", "ian", "ean", "ish")


def _may_name(label: str, feature: str, language: str, codes: set[str], stops: frozenset[str]) -> bool:
    """Whether a label may name a topic: not a pronoun or function word ("It", "I've"), not a lone
    adjective of nationality, not a day, a month or a time zone ("Monday", "UTC": when, not what),
    not a news agency ("Xinhua", "AP": a dateline names the story's source, not its subject), and,
    in a topic not in English, no English theme word from a tagger's lexicon ("money" in a German topic), no
    scale or currency ("thousand": part of a figure), and no word of the topic's own language that
    cannot end a noun phrase there (:func:`~briefing.text.phrases.may_end`: in German, whose nouns
    are all written with a capital, a word written in lower case, "teilte"; in English a past
    tense or an adverb, "reopened", "wanted")."""
    if label in AGENCIES:
        return False
    if " " not in label:
        word = re.split(r"['’]", label)[0].lower()
        if word in stops or (label[:1].isupper() and word.endswith(_NATIONALITY)) or UNIT_WORD.match(word):
            return False
        if (word in TIME_WORDS and len(word) > 3) or word in TIME_ZONES:  # not "mar" (the sea, in Spanish)
            return False
        if feature.startswith(f"{language}:") and not may_end(label, language):
            return False
    concept = bool(feature) and feature.split(":", 1)[0] not in codes
    return not (concept and language != "en" and label.islower())


def _kinds(rows: list[int], documents: Sequence[Document], themes: Mapping[str, Sequence[Theme]]) -> dict[str, str]:
    """The theme kind of each name the group's taggers found (by case-folded name), the most
    common where taggers differ; words and key phrases have none."""
    votes: dict[str, Counter[str]] = {}
    for row in rows:
        for theme in themes.get(documents[row].id, ()):
            if theme.kind in NAMING_KINDS:
                votes.setdefault(theme.name.casefold(), Counter())[theme.kind] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in votes.items()}


def _concepts(themes: Sequence[Theme]) -> set[str]:
    """A document's concepts: its themes other than key phrases, as features."""
    return {concept_of(t) for t in themes if t.kind != "key phrase"}


def _place_featureless(
    groups: list[list[int]], matrix: RowMatrix, documents: Sequence[Document], themes: Mapping[str, Sequence[Theme]]
) -> list[list[int]]:
    """A document with no feature that can link it (the only German article among English ones,
    whose concepts every document shares and so weigh nothing) joins the group whose every member
    shares the most of its concepts, rather than standing alone."""
    concepts = [_concepts(themes.get(d.id, ())) for d in documents]
    alone = {g[0] for g in groups if len(g) == 1 and matrix.empty(g[0]) and concepts[g[0]]}
    if not alone:
        return groups
    placed = [list(g) for g in groups if not (len(g) == 1 and g[0] in alone)]
    shared = [set.intersection(*(concepts[m] for m in g)) for g in placed]  # what every member has
    kept = len(placed)
    for row in sorted(alone):
        common = [len(concepts[row] & shared[i]) for i in range(kept)]
        best = max(range(kept), key=lambda i: (common[i], len(placed[i])), default=None)
        if best is not None and common[best] > 0:
            placed[best] = sorted(placed[best] + [row])
        else:
            placed.append([row])
    return placed


def _distinct(documents: Sequence[Document]) -> list[list[int]]:
    """Each distinct document, in order of first appearance: its index, then the indices of its
    copies (the same text from another file: saved twice, a folder copied into another). A copy
    says nothing its original does not: counted again, it doubled its words' document
    frequencies, made words only it and its original use into features and pulled the pair apart
    from the rest of its story. A document without sentences is no one's copy."""
    members: list[list[int]] = []
    first: dict[str, int] = {}
    for index, document in enumerate(documents):
        seen = first.setdefault(document.text, len(members)) if document.sentences else len(members)
        if seen == len(members):
            members.append([index])
        else:
            members[seen].append(index)
    return members


def group_by_content(
    documents: Sequence[Document],
    themes: Mapping[str, Sequence[Theme]],
    threshold: float = THRESHOLD,
    words: Mapping[str, WordFeatures] | None = None,
) -> list[Topic]:
    """Topics found in the documents' content, largest first, named by their top terms;
    ``words`` has the documents' :func:`word_features` where they were computed already. Copies
    of a document are grouped once, as their original, and join its topic."""
    if not documents:
        return []
    members = _distinct(documents)
    unique = [documents[indices[0]] for indices in members]
    matrix, features, labels = document_vectors(unique, themes, words)
    groups = cluster(matrix, threshold) if features else [[i] for i in range(len(unique))]
    groups = _place_featureless(groups, matrix, unique, themes)
    placed = [(rows, sorted(i for r in rows for i in members[r])) for rows in groups]
    placed.sort(key=lambda pair: (-len(pair[1]), pair[0][0]))
    topics: list[Topic] = []
    taken: Counter[str] = Counter()
    for rows, everyone in placed:
        shared = _shared_names(rows, unique, themes)
        keywords = (
            _labels(rows, unique, matrix, features, labels, shared) if features and len(rows) > 1 else []
        ) or shared[:3]
        language = Counter(unique[r].language or "en" for r in rows).most_common(1)[0][0]
        name = (
            (topic_phrase(keywords, _kinds(rows, unique, themes), language) if len(rows) > 1 else "")
            or unique[rows[0]].title  # one document: its title says best what it is about
            or "untitled"
        )
        taken[name] += 1
        if taken[name] > 1:
            name = f"{name} ({taken[name]})"
        topics.append(Topic(name, tuple(documents[i] for i in everyone), tuple(keywords)))
    return topics
