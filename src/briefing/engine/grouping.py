"""Documents -> topics, and sources -> topics before anything is parsed: the one place grouping lives.

Configured ``[[topics]]`` come first. The rest are grouped by content (what the documents say,
:mod:`briefing.topics.clustering`) or by the folder a source sits in, which needs only its path: the
reading room uses that to show topics before their documents are parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..cache import Packed
from ..cache_format import unpack
from ..models import Document, Source, Theme, Topic
from ..settings import Settings, TopicRule
from .cache_keys import Keys
from .memory import give_back
from .store import Store

#: A corpus's topics as the cache keeps them: each one's name, document ids and keywords.
Grouped = list[tuple[str, list[str], list[str]]]

# Grouping's computing modules (features, clustering) are imported where they are called: a run
# answered from the cache groups nothing, and they cost a sixth of its start-up.
if TYPE_CHECKING:
    from ..topics.features import WordFeatures


def sources_by_folder(sources: Sequence[Source], rules: Sequence[TopicRule]) -> dict[str, list[Source]]:
    """Sources by topic name from their paths alone: configured topics first, then folders."""
    from ..topics.grouping import topic_name

    by_name: dict[str, list[Source]] = {rule.name: [] for rule in rules}
    for source in sources:
        by_name.setdefault(topic_name(source.origin, rules), []).append(source)
    return {name: found for name, found in by_name.items() if found}


class GroupStage:
    """Topics of a corpus, by the run's grouping settings, cached by the documents and their themes."""

    def __init__(self, settings: Settings, keys: Keys, store: Store):
        self.settings, self.keys, self.store = settings, keys, store

    def topics(self, documents: Sequence[Document], themes: Mapping[str, Sequence[Theme]]) -> list[Topic]:
        settings = self.settings

        def compute(missing: list[int]) -> Iterator[tuple[int, Grouped]]:
            from ..topics.grouping import group_by_grouping

            words = self.words(documents) if settings.grouping == "content" else None
            found = group_by_grouping(
                documents, themes, settings.topics, settings.grouping, settings.topic_threshold, words
            )
            give_back(len(documents))  # the features read and the vectors made of them
            yield 0, [(t.name, [d.id for d in t.documents], list(t.keywords)) for t in found]

        key = self.keys.topics(documents, themes)
        grouped = self.store.memoised({0: key}, compute, remember=False, kind=Grouped)[0]
        by_id = {d.id: d for d in documents}
        return [Topic(name, tuple(by_id[i] for i in ids), tuple(keywords)) for name, ids, keywords in grouped]

    def words(self, documents: Sequence[Document]) -> Mapping[str, WordFeatures]:
        """Each document's word features: as this run holds them, from the cache, or computed
        here. Those in the cache are read as grouping asks for them, one document at a time:
        10,000 documents' features would take hundreds of megabytes at once."""
        from ..topics import features

        keys = {d.id: self.keys.words(d) for d in documents}
        held = {i: v for i, key in keys.items() if (v := self.store.peek(key)) is not None}
        cached = self.store.cache.keys_in([k for i, k in keys.items() if i not in held]) if self.store.cache else set()
        by_id = {d.id: d for d in documents}

        def compute(missing: list[str]) -> Iterator[tuple[str, WordFeatures]]:
            for document_id in missing:
                yield document_id, features.word_features(by_id[document_id])

        missing = {i: k for i, k in keys.items() if i not in held and k not in cached}
        held.update(self.store.memoised(missing, compute, remember=False, kind=features.WordFeatures))
        return _Read(keys, held, self.store, compute, features.WordFeatures)


class _Read(Mapping[str, "WordFeatures"]):
    """Word features by document id, unpacked (or read from the cache) when asked for; one the
    cache cannot give back after all (damaged) is computed, and stored again."""

    def __init__(
        self,
        keys: Mapping[str, str],
        held: Mapping[str, Any],
        store: Store,
        compute: Callable[[list[str]], Iterable[tuple[str, WordFeatures]]],
        kind: Any,  # the type the cache unpacks them as (WordFeatures)
    ):
        self._keys, self._held, self._store, self._compute = keys, held, store, compute
        self._kind = kind

    def __getitem__(self, document_id: str) -> WordFeatures:
        value = self._held.get(document_id)
        if value is None:
            if document_id not in self._keys:
                raise KeyError(document_id)
            key = {document_id: self._keys[document_id]}
            value = self._store.memoised(key, self._compute, remember=False, kind=self._kind)[document_id]
        return unpack(value.data, self._kind) if isinstance(value, Packed) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
