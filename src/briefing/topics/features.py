"""Each document as a vector: TF-IDF over its content stems plus its themes (lexicon themes, key
phrases and names from the taggers), as sparse rows (:class:`RowMatrix`). Names and lexicon
themes do not depend on the language, so an English and a German article about the same reef or
the same city end up near each other. :mod:`.clustering` groups the vectors.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module
from ..models import Document, Theme
from ..text.word_table import word_table
from ..text.words import filler_words, language_kit

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy_module("numpy")

#: Most word and concept features kept (the most widespread that still tell documents apart).
WORD_FEATURES = 4500
CONCEPT_FEATURES = 1500
#: The share of similarity that comes from concepts (themes, names) rather than words.
CONCEPT_WEIGHT = 0.5
#: The IDF of a feature found in half the documents: below this, a document's concepts count less.
CONCEPT_FLOOR = math.log(2)


#: Between a word feature and one of its spellings (``en:batteri\x1fbatteries``): words are
#: letters, apostrophes and hyphens, so neither side holds it.
SPELLING = "\x1f"

#: A document's word features: count of each (``en:batteri``), and of each spelling of each
#: (``en:batteri\x1fbatteries``): one flat dictionary, which grouping counts in C rather than
#: pair by pair (a third of regrouping 10,000 documents).
WordFeatures = tuple[dict[str, int], dict[str, int]]


def word_features(document: Document) -> WordFeatures:
    """A document's word features: its content stems, tagged with the language (``en:batteri``),
    counted, and the ways each is written. They depend on the document alone, so workers compute
    them beside its summary and the cache keeps them: regrouping after one file changed reads
    them rather than the text of every document."""
    kit = language_kit(document.language or "en")
    skip = kit.stop_words | filler_words(kit.code)
    counts: dict[str, int] = {}
    written: dict[str, int] = {}
    table = word_table(document, kit)
    stems = [f"{kit.code}:{stem}" for stem in table.stems]
    lowers = table.lowers
    # Counted per written form, not word by word: a document writes each form many times.
    for form, count, lower, stem in zip(
        table.forms,
        np.bincount(table.ids, minlength=len(table.forms)).tolist(),
        table.lower.tolist(),
        table.stem.tolist(),
        strict=True,
    ):
        if not count or len(form) < 3 or lowers[lower] in skip:
            continue
        feature = stems[stem]
        counts[feature] = counts.get(feature, 0) + count
        written[feature + SPELLING + form] = count  # as written: "Japan" names a topic better than "japan"
    return counts, written


def _features(
    document: Document, themes: Sequence[Theme], spellings: _Spellings, found: WordFeatures | None = None
) -> tuple[dict[str, int], dict[str, int]]:
    """A document's word features (``found``, or computed now) and concept features; ``spellings``
    counts how each is written.

    Words are content stems and key phrases; concepts are every other theme (lexicon themes,
    names), which mean the same in any language.
    """
    counts, written = found if found is not None else word_features(document)
    words = dict(counts)
    concepts: dict[str, int] = {}
    spellings.add_words(written)
    code = language_kit(document.language or "en").code
    named: dict[str, dict[str, int]] = {}  # how the themes write each feature
    for theme in themes:
        mentions = max(1, round(theme.score * len(document.sentences)))
        if theme.kind == "key phrase":
            feature = f"{code}:{theme.name.casefold()}"
            words[feature] = words.get(feature, 0) + mentions
        else:
            feature = concept_of(theme)
            concepts[feature] = concepts.get(feature, 0) + mentions
        forms = named.setdefault(feature, {})
        forms[theme.name] = forms.get(theme.name, 0) + mentions
    spellings.add(named)
    return words, concepts


class _Spellings:
    """How the corpus writes each feature, counted: each (feature, spelling) pair numbered once
    and its counts summed in one pass at the end (merging 10,000 documents' dictionaries form by
    form took most of grouping's time)."""

    def __init__(self) -> None:
        #: A number for each (feature, spelling), given in order as pairs are first seen: a word
        #: feature's as one string (see :data:`SPELLING`), a theme's as a pair.
        self.numbers: defaultdict[str | tuple[str, str], int] = defaultdict(itertools.count().__next__)
        #: Each occurrence's pair number and count, as compact arrays: millions at 10,000 documents.
        self.ids = array("q")
        self.counts = array("q")

    def add_words(self, written: Mapping[str, int]) -> None:
        """Count the spellings of word features: ``{feature + SPELLING + spelling: times}``."""
        self.ids.extend(map(self.numbers.__getitem__, written))
        self.counts.extend(written.values())

    def add(self, forms_of: Mapping[str, Mapping[str, int]]) -> None:
        """Count the spellings of each feature: ``{feature: {spelling: times}}``."""
        self.ids.extend(map(self.numbers.__getitem__, [(f, form) for f, forms in forms_of.items() for form in forms]))
        self.counts.extend([times for forms in forms_of.values() for times in forms.values()])

    def labels(self, features: Sequence[str]) -> dict[str, str]:
        """The most written spelling of each of ``features`` (the least in sort order among equals)."""
        ids, counts = np.frombuffer(self.ids, dtype=np.int64), np.frombuffer(self.counts, dtype=np.int64)
        totals = np.bincount(ids, weights=counts, minlength=len(self.numbers))
        wanted = set(features)
        # A word's spelling and a theme's may be the same pair ("en:coral", "coral"): summed.
        summed: dict[tuple[str, str], float] = {}
        for pair, number in self.numbers.items():
            feature, form = pair.split(SPELLING, 1) if isinstance(pair, str) else pair
            if feature in wanted:
                summed[feature, form] = summed.get((feature, form), 0.0) + float(totals[number])
        best: dict[str, tuple[float, str]] = {}
        for (feature, form), total in summed.items():
            held = best.get(feature)
            if held is None or (-total, form) < held:
                best[feature] = (-total, form)
        return {feature: best[feature][1] for feature in features}


def concept_of(theme: Theme) -> str:
    """A concept's feature name (``lexicon:oceans``): the same in any language."""
    return f"{theme.tagger}:{theme.name.casefold()}"


def _language(counts: Mapping[str, int]) -> str:
    """The language code of a document's word features (``en:batteri`` -> ``en``)."""
    return next((f.split(":", 1)[0] for f in counts), "")


def _columns(
    frequencies: Mapping[str, int], languages: Counter[str] | None, size: int, limit: int
) -> tuple[list[str], np.ndarray]:
    """The features that can link documents, and the IDF of each, from how many of the ``size``
    documents have each feature.

    The IDF has no +1, so a feature every document has weighs nothing. With ``languages`` (how
    many documents are in each language), a feature found in most documents of its language is
    dropped as well: it links everything to everything ("Prozent" in German news).
    """

    def ceiling(feature: str) -> float:
        if languages is None:
            return size
        pool = languages[feature.split(":", 1)[0]]
        return pool / 2 if pool >= 4 else pool

    usable = [f for f, df in frequencies.items() if 2 <= df <= ceiling(f)]
    usable.sort(key=lambda f: (-frequencies[f], f))
    features = sorted(usable[:limit])
    idf = np.array([math.log((1 + size) / (1 + frequencies[f])) for f in features], dtype=np.float32)
    return features, idf


class RowMatrix:
    """Document vectors as the rows of a sparse matrix (compressed rows: each row's columns and
    values), made dense only a block of rows at a time: 10,000 documents x 6,000 features take
    about 20 MB so and 240 MB as a dense matrix."""

    def __init__(self, starts: np.ndarray, columns: np.ndarray, values: np.ndarray, width: int):
        self.starts, self.columns, self.values, self.width = starts, columns, values, width

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[np.ndarray, np.ndarray]], width: int) -> RowMatrix:
        """The matrix of these rows, each given as its columns and their values."""
        starts = np.concatenate(([0], np.cumsum([len(columns) for columns, _ in rows], dtype=np.intp)))
        columns = np.concatenate([c for c, _ in rows] or [np.zeros(0)]).astype(np.intp)
        values = np.concatenate([v for _, v in rows] or [np.zeros(0)]).astype(np.float32)
        return cls(starts.astype(np.intp), columns, values, width)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def row_numbers(self) -> np.ndarray:
        """Each stored value's row."""
        return np.repeat(np.arange(len(self)), np.diff(self.starts))

    def scale_rows(self, factors: np.ndarray) -> None:
        """Each row times its factor, in place."""
        self.values *= factors.astype(np.float32)[self.row_numbers()]

    def normalise(self) -> None:
        """Rows scaled to unit length in place (empty rows stay empty)."""
        squares = np.bincount(self.row_numbers(), weights=self.values.astype(np.float64) ** 2, minlength=len(self))
        norms = np.sqrt(squares)
        self.scale_rows(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0))

    def take(self, rows: Sequence[int] | np.ndarray) -> RowMatrix:
        """These rows, in this order, still sparse."""
        rows = np.asarray(rows, dtype=np.intp)
        lengths = self.starts[rows + 1] - self.starts[rows]
        starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.intp)
        picked = np.repeat(self.starts[rows] - starts[:-1], lengths) + np.arange(int(starts[-1]))
        return RowMatrix(starts, self.columns[picked], self.values[picked], self.width)

    def dense(self) -> np.ndarray:
        matrix = np.zeros((len(self), self.width), dtype=np.float32)
        matrix[self.row_numbers(), self.columns] = self.values
        return matrix

    def column_sums(self) -> np.ndarray:
        return np.bincount(self.columns, weights=self.values, minlength=self.width)

    def column_counts(self) -> np.ndarray:
        """How many rows have a value above 0 in each column."""
        return np.bincount(self.columns[self.values > 0], minlength=self.width)

    def empty(self, row: int) -> bool:
        return not (self.values[self.starts[row] : self.starts[row + 1]] != 0).any()


class _Coded:
    """Each document's features as numbers (one dictionary of names for the corpus) and counts:
    10,000 documents' features as counters took over 200 MB."""

    def __init__(self) -> None:
        #: A number for each feature, given in order as features are first seen.
        self.numbers: defaultdict[str, int] = defaultdict(itertools.count().__next__)
        self.rows: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, counts: Mapping[str, int]) -> None:
        self.rows.append(
            (
                np.fromiter(map(self.numbers.__getitem__, counts), dtype=np.intp, count=len(counts)),
                np.fromiter(counts.values(), dtype=np.float64, count=len(counts)),
            )
        )

    def frequencies(self) -> dict[str, int]:
        """In how many documents each feature occurs."""
        found = np.bincount(
            np.concatenate([n for n, _ in self.rows] or [np.zeros(0, np.intp)]), minlength=len(self.numbers)
        )
        return {feature: int(found[number]) for feature, number in self.numbers.items()}

    def weighted(self, features: list[str], idf: np.ndarray) -> RowMatrix:
        """TF-IDF weights (1 + log tf) over ``features``, rows of unit length."""
        column = np.full(len(self.numbers), -1, dtype=np.intp)
        column[[self.numbers[f] for f in features]] = np.arange(len(features))
        rows = []
        for numbers, counts in self.rows:
            columns = column[numbers]
            kept = (columns >= 0) & (counts > 0)
            rows.append((columns[kept], (1 + np.log(counts[kept])).astype(np.float32)))
        matrix = RowMatrix.from_rows(rows, len(features))
        matrix.values *= idf[matrix.columns]
        matrix.normalise()
        return matrix

    def strongest(self, features: list[str], idf: np.ndarray) -> np.ndarray:
        """Each document's highest IDF among ``features`` (0 when it has none)."""
        weight = np.zeros(len(self.numbers), dtype=np.float32)
        weight[[self.numbers[f] for f in features]] = idf
        return np.array([weight[numbers].max(initial=0.0) for numbers, _ in self.rows], dtype=np.float32)


class DocumentVectors(RowMatrix):
    """Rows made by :func:`document_vectors`: the first ``word_width`` columns are word features,
    the rest concepts; ``languages`` holds each row's language, as a number."""

    def __init__(
        self,
        starts: np.ndarray,
        columns: np.ndarray,
        values: np.ndarray,
        width: int,
        word_width: int,
        languages: np.ndarray,
    ):
        super().__init__(starts, columns, values, width)
        self.word_width, self.languages = word_width, languages

    def take(self, rows: Sequence[int] | np.ndarray) -> DocumentVectors:
        part = super().take(rows)
        picked = self.languages[np.asarray(rows, dtype=np.intp)]
        return DocumentVectors(part.starts, part.columns, part.values, part.width, self.word_width, picked)


def _side_by_side(left: RowMatrix, right: RowMatrix, languages: np.ndarray) -> DocumentVectors:
    """Each row of ``left`` followed by the same row of ``right`` (whose columns come after)."""
    rows = np.concatenate((left.row_numbers(), right.row_numbers()))
    order = np.argsort(rows, kind="stable")
    columns = np.concatenate((left.columns, right.columns + left.width))[order]
    values = np.concatenate((left.values, right.values))[order]
    starts = left.starts + right.starts
    return DocumentVectors(starts, columns, values, left.width + right.width, left.width, languages)


def document_vectors(
    documents: Sequence[Document],
    themes: Mapping[str, Sequence[Theme]],
    words: Mapping[str, WordFeatures] | None = None,
) -> tuple[DocumentVectors, list[str], dict[str, str]]:
    """Unit vectors whose word and concept parts blend word similarity and concept similarity
    (:func:`briefing.topics.clustering.similarity` weighs them).

    A document's concepts count fully only when one of them is as telling as a feature found in
    half the documents (IDF :data:`CONCEPT_FLOOR`), less in proportion otherwise: themes nearly
    every document has, such as "energy" in a folder about energy, cannot make everything alike.
    """
    spellings = _Spellings()
    found = words or {}
    word_counts, concept_counts = _Coded(), _Coded()
    languages: Counter[str] = Counter()
    language_numbers: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    row_languages = []
    for document in documents:
        each_word, each_concept = _features(document, themes.get(document.id, ()), spellings, found.get(document.id))
        word_counts.add(each_word)
        concept_counts.add(each_concept)
        language = _language(each_word)
        languages[language] += 1
        row_languages.append(language_numbers[language or document.language or ""])
    size = len(documents)
    word_columns, word_idf = _columns(word_counts.frequencies(), languages, size, limit=WORD_FEATURES)
    concept_features, concept_idf = _columns(concept_counts.frequencies(), None, size, limit=CONCEPT_FEATURES)
    word_part = word_counts.weighted(word_columns, word_idf)
    concept_part = concept_counts.weighted(concept_features, concept_idf)
    telling = concept_counts.strongest(concept_features, concept_idf)
    del word_counts, concept_counts
    word_part.values *= np.float32(math.sqrt(1 - CONCEPT_WEIGHT))
    concept_part.scale_rows(np.clip(telling / CONCEPT_FLOOR, 0, 1) * math.sqrt(CONCEPT_WEIGHT))
    matrix = _side_by_side(word_part, concept_part, np.array(row_languages, dtype=np.intp))
    matrix.normalise()
    features = word_columns + concept_features
    return matrix, features, spellings.labels(features)
