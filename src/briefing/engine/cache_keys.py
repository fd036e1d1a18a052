"""Cache keys: what each result depends on, as a digest. Pure derivation, nothing is read or stored.

A key names everything its result is computed from: the source bytes or the prepared document,
the settings that matter to the stage, and the code (briefing's own files, or the plugin's
module). A changed file, setting or plugin gives another key, so nothing is invalidated by hand.
The memos here only spare recomputing digests of the same objects.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from ..cache import briefing_code, code_of, digest
from ..interfaces import Loader, Plugin, Summarizer, Tagger
from ..models import Document, Source, Theme
from ..settings import Length, Settings


def fingerprint_of(document: Document) -> str:
    """A prepared document: its sentences (what cleaning and splitting made of its text), its
    language and metadata, and the code."""
    return digest(
        briefing_code(),
        document.id,
        document.title,
        document.text,
        document.language,
        document.headings,
        [(s.paragraph, s.text) for s in document.sentences],
    )


class Keys:
    """Cache keys for one run's settings. Safe to share between threads (memos only grow)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._identities: dict[int, tuple[Plugin, tuple[str, str, str]]] = {}  # by id() of the plugin
        self._fingerprints: dict[int, tuple[Document, str]] = {}  # by id() of the document

    def identity(self, plugin: Plugin) -> tuple[str, str, str]:
        """What a plugin's results depend on besides its input: name, code and settings."""
        held = self._identities.get(id(plugin))
        if held is None or held[0] is not plugin:  # a plugin's settings do not change once it has started
            held = self._identities[id(plugin)] = (
                plugin,
                (plugin.name, code_of(type(plugin)), repr(sorted(plugin.settings.items()))),
            )
        return held[1]

    def fingerprint(self, document: Document) -> str:
        """A prepared document (see :func:`fingerprint_of`), computed once per document."""
        held = self._fingerprints.get(id(document))
        if held is not None and held[0] is document:
            return held[1]
        value = fingerprint_of(document)
        self._fingerprints[id(document)] = (document, value)
        return value

    def know(self, documents: Sequence[Document], fingerprints: Sequence[str]) -> None:
        """Take the fingerprints of ``documents`` as computed where they were prepared (a worker,
        or the run that cached them: the source's key holds the code, so they are still right)."""
        for document, value in zip(documents, fingerprints, strict=True):
            self._fingerprints[id(document)] = (document, value)

    def source(self, source: Source, loader: Loader, cleaners: Sequence[Plugin]) -> str:
        """A source's prepared documents: its bytes, the loader, the cleaners and the language settings."""
        content = hashlib.blake2b(source.data, digest_size=20).hexdigest()
        return "source:" + digest(
            briefing_code(),
            source.origin,
            source.media_type,
            content,
            self.identity(loader),
            [self.identity(c) for c in cleaners],
            self.settings.language,
            self.settings.detect_language,
        )

    def summary(self, document: Document, length: Length, summarizer: Summarizer) -> str:
        return "summary:" + digest(
            self.fingerprint(document), self.identity(summarizer), length, self.settings.language
        )

    def analysis(self, document: Document, tagger: Tagger) -> str:
        return "analysis:" + digest(self.fingerprint(document), self.identity(tagger))

    def words(self, document: Document) -> str:
        """A document's word features for grouping by content (they depend on it alone)."""
        return "words:" + self.fingerprint(document)

    def corpus(self, documents: Sequence[Document], taggers: Sequence[Tagger]) -> str:
        """The themes of a corpus: every document and every tagger."""
        return "corpus:" + digest([self.fingerprint(d) for d in documents], [self.identity(t) for t in taggers])

    def topics(self, documents: Sequence[Document], themes: Mapping[str, Sequence[Theme]]) -> str:
        """A corpus's grouping: its documents, their themes and the grouping settings."""
        settings = self.settings
        return "topics:" + digest(
            [self.fingerprint(d) for d in documents],
            [(d.id, [(t.name, t.score) for t in themes.get(d.id, ())]) for d in documents],
            settings.topics,
            settings.grouping,
            settings.topic_threshold,
        )

    def brief(self, chosen: Any) -> str:
        """A topic brief: its documents, the sentences their summaries chose, and the brief's settings."""
        return "brief:" + digest(briefing_code(), chosen, self.settings.topic_sentences, self.settings.language)
