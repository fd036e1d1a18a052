"""Documents -> themes: every tagger over every document, against the whole corpus, memoised.

Tagging has a per-document part (:meth:`briefing.Tagger.analyse`, cached by document) and a
corpus-wide part (key phrases weigh words by how many documents use them). An unchanged corpus
takes its themes from the cache; after one file changes only that file is analysed again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..cache import Packed
from ..interfaces import Tagger
from ..models import Document, Problem, Theme
from ..text.words import language_kit
from ..topics.coverage import one_per_name
from .cache_keys import Keys
from .failures import failure
from .memory import give_back
from .started import StartedPlugins, is_own
from .store import Store

if TYPE_CHECKING:
    from .isolation import Isolation

#: A document's themes, strongest first, and the taggers' failures on it.
Tagged = tuple[tuple[Theme, ...], list[Problem]]
#: Sentences of one document the taggers read: a longer document's themes come from its first
#: 20,000 (a 50 MB file has over 600,000, and the taggers' time grows with the text).
MAX_TAGGED_SENTENCES = 20_000


def tagged_part(document: Document) -> Document:
    """What the taggers read of ``document``: all of it, or its first :data:`MAX_TAGGED_SENTENCES`
    sentences and the paragraphs they make (the same each time, so analyses cache alike)."""
    if len(document.sentences) <= MAX_TAGGED_SENTENCES:
        return document
    kept = document.sentences[:MAX_TAGGED_SENTENCES]
    paragraphs: dict[int, list[str]] = {}
    for sentence in kept:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence.text)
    return replace(document, text="\n\n".join(" ".join(p) for p in paragraphs.values()), sentences=kept)


def tagged_parts(documents: Sequence[Document]) -> Sequence[Document]:
    """:func:`tagged_part` of each document (the same list when none is too long)."""
    if all(len(d.sentences) <= MAX_TAGGED_SENTENCES for d in documents):
        return documents
    return [tagged_part(d) for d in documents]


def analyse(plugins: StartedPlugins, keys: Keys, document: Document) -> dict[str, Any]:
    """Each tagger's analysis of ``document`` by cache key; failures are left out (tagging reports them)."""
    document = tagged_part(document)
    analyses = {}
    for tagger in plugins.taggers:
        try:
            analyses[keys.analysis(document, tagger)] = plugins.limit(tagger.name, tagger.analysis, document)
        except Exception:
            continue
    return analyses


def tag_corpus(
    plugins: StartedPlugins,
    documents: Sequence[Document],
    corpus: Sequence[Document],
    taggers: Sequence[Tagger],
    elsewhere: Sequence[Mapping[str, Tagged]] = (),
    progress: Callable[[int, int], object] | None = None,
) -> dict[str, Tagged]:
    """Each of ``documents``' themes from ``taggers`` against the ``corpus`` (every document
    briefed; both as :func:`tagged_parts` gives them), with what other taggers found for it
    ``elsewhere``, strongest first, and the taggers' failures on it; by document id.

    Each tagger runs over every document in one hand-off to its time limit's thread rather than
    one per document; ``progress(done, total)`` hears every 50 documents of each tagger's pass,
    as documents."""
    themes: dict[str, list[Theme]] = {d.id: [] for d in documents}
    problems: dict[str, list[Problem]] = {d.id: [] for d in documents}
    for by_id in elsewhere:
        for document_id, (given, failed) in by_id.items():
            if document_id in themes:
                themes[document_id].extend(given)
                problems[document_id].extend(failed)
    language = plugins.services.settings.language
    for number, tagger in enumerate(taggers):

        def tag(document: Document, tagger: Tagger = tagger) -> Sequence[Theme]:
            return tagger.tag(document, language_kit(document.language or language), corpus)

        outcomes = plugins.limit.each(tagger.name, tag, documents)
        for position, (document, (found, error)) in enumerate(zip(documents, outcomes, strict=True)):
            if progress and position % 50 == 0:
                progress((number * len(documents) + position) // len(taggers), len(documents))
            if error is not None:
                problems[document.id].append(Problem(document.origin, failure("tagger", tagger.name, error)))
            else:
                assert found is not None
                themes[document.id].extend(t if t.tagger else replace(t, tagger=tagger.name) for t in found)
        give_back(len(documents))  # the analyses this pass unpacked
    tagged = {}
    for document in documents:
        each = themes[document.id]
        each.sort(key=lambda t: (-t.score, t.name))
        tagged[document.id] = (_sharing_text(one_per_name(each), document), problems[document.id])
    return tagged


def _sharing_text(themes: tuple[Theme, ...], document: Document) -> tuple[Theme, ...]:
    """``themes`` with their evidence as ``document``'s own sentence strings rather than equal
    copies: an analysis made in a worker or read from the cache comes back with fresh strings,
    and the lexicon's evidence alone took about 50 MB for 10,000 documents."""
    if not any(t.evidence for t in themes):
        return themes
    own = {s.text: s.text for s in document.sentences}
    return tuple(
        Theme(t.name, t.score, tuple(own.get(e, e) for e in t.evidence), t.tagger, t.kind, t.also) if t.evidence else t
        for t in themes
    )


class TagStage:
    """Themes for the batch run and the reading room alike."""

    def __init__(self, plugins: StartedPlugins, keys: Keys, store: Store, isolation: Isolation | None = None):
        self.plugins, self.keys, self.store = plugins, keys, store
        #: Where taggers not briefing's own tag the corpus, if anywhere but here (see :mod:`.isolation`).
        self.isolation = isolation
        self._held: set[str] = set()  # analysis keys the taggers already hold

    def remember(self, documents: Sequence[Document], analyses: Mapping[str, Any]) -> None:
        """Hand the taggers analyses computed elsewhere (a worker, say) for ``documents``; a
        :class:`Packed` one stays packed until the tagger reads it."""
        if not analyses:
            return
        for document in tagged_parts(documents):
            for tagger in self.plugins.taggers:
                if self._outside(tagger):
                    continue  # it tags in its worker, which makes its own analyses
                key = self.keys.analysis(document, tagger)
                if key in analyses:
                    found = analyses[key]
                    if isinstance(found, Packed):
                        tagger.remember_packed(document, found.data)
                    else:
                        tagger.remember(document, found)
                    self._held.add(key)

    def _outside(self, tagger: Tagger) -> bool:
        """Whether ``tagger`` tags in the isolation's worker process rather than here."""
        return self.isolation is not None and not is_own(tagger)

    def document(self, document: Document, corpus: Sequence[Document]) -> Tagged:
        """One document tagged against the corpus (the reading room's fallback for a document
        the corpus-wide tagging did not cover), taggers not briefing's own in their worker."""
        part, parts = tagged_part(document), tagged_parts(corpus)
        inside = [t for t in self.plugins.taggers if not self._outside(t)]
        elsewhere = [self._tag_outside(t, parts, [part]) for t in self.plugins.taggers if self._outside(t)]
        return tag_corpus(self.plugins, [part], parts, inside, elsewhere)[part.id]

    def corpus(
        self, documents: Sequence[Document], progress: Callable[[int, int], object] | None = None
    ) -> dict[str, Tagged]:
        """Every document tagged against all of them, by id; ``progress(done, total)`` hears every 50."""

        def compute(missing: list[int]) -> Iterator[tuple[int, dict[str, Tagged]]]:
            parts = tagged_parts(documents)
            inside = [t for t in self.plugins.taggers if not self._outside(t)]
            packed = self._analyses(parts, inside)
            elsewhere = [self._tag_outside(t, parts, parts) for t in self.plugins.taggers if self._outside(t)]
            tagged = tag_corpus(self.plugins, parts, parts, inside, elsewhere, progress)
            self._store_remade(packed)
            yield 0, tagged

        def worth_keeping(key: str, tagged: dict[str, Tagged]) -> dict[str, Any]:
            return {} if any(failed for _, failed in tagged.values()) else {key: tagged}

        return self.store.memoised(
            {0: self.key(documents)}, compute, entries=worth_keeping, remember=False, kind=dict[str, Tagged]
        )[0]

    def key(self, documents: Sequence[Document]) -> str:
        """The key of :meth:`corpus`'s result for ``documents``: it fixes every theme it gives."""
        return self.keys.corpus(documents, self.plugins.taggers)

    def _tag_outside(
        self, tagger: Tagger, corpus: Sequence[Document], documents: Sequence[Document]
    ) -> dict[str, Tagged]:
        """One tagger's themes for ``documents`` against the ``corpus``, tagged in the isolation's
        worker process; a crash there is one problem, on the first document, and the other
        taggers' themes stand."""
        assert self.isolation is not None
        try:
            return self.isolation.tag(tagger.name, corpus, documents)
        except Exception as exc:
            said = f"{failure('tagger', tagger.name, exc)}; its themes are left out of every document"
            return {documents[0].id: ((), [Problem(documents[0].origin, said)])} if documents else {}

    def _analyses(self, documents: Sequence[Document], taggers: Sequence[Tagger]) -> list[tuple[Tagger, Document, str]]:
        """Each of ``taggers`` holds its analysis of every document: from a worker, the cache, or
        fresh. Returns those the cache gave that the tagger keeps packed, with their keys."""
        handed: list[tuple[Tagger, Document, str]] = []
        pairs = {
            (index, number): self.keys.analysis(document, tagger)
            for index, document in enumerate(documents)
            for number, tagger in enumerate(self.plugins.taggers)
            if tagger in taggers
        }
        pairs = {pair: key for pair, key in pairs.items() if key not in self._held}
        if self.store.cache is not None:  # what the cache has goes to the taggers packed
            cached = self.store.cache.get_packed_many(pairs.values())
            for (index, number), key in list(pairs.items()):
                if key in cached:
                    tagger = self.plugins.taggers[number]
                    tagger.remember_packed(documents[index], cached[key])
                    if isinstance(tagger._kept_analysis(documents[index]), Packed):
                        handed.append((tagger, documents[index], key))
                    self._held.add(key)
                    del pairs[index, number]

        def compute(missing: list[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], Any]]:
            for index, number in missing:
                try:
                    yield (
                        (index, number),
                        self.plugins.limit(
                            self.plugins.taggers[number].name, self.plugins.taggers[number].analysis, documents[index]
                        ),
                    )
                except Exception:
                    continue  # the tagger's failure on this document is among the problems

        found = self.store.memoised(pairs, compute, remember=False)
        for (index, number), analysis in found.items():
            self.plugins.taggers[number].remember(documents[index], analysis)
            self._held.add(pairs[index, number])
        return handed

    def _store_remade(self, handed: list[tuple[Tagger, Document, str]]) -> None:
        """Store again the analyses the cache gave that turned out damaged: the tagger made each
        anew when it read it (it holds an analysis where it held the packed bytes)."""
        remade = {}
        for tagger, document, key in handed:
            kept = tagger._kept_analysis(document)
            if kept is not None and not isinstance(kept, Packed):
                remade[key] = kept
        self.store.put(remade)
