"""The key-phrase tagger: phrases the corpus itself makes prominent, with no lexicon.

Candidates are runs of up to three content words between stop words and punctuation (the RAKE
idea). Each is scored by the TF-IDF weight of its stems over the corpus, so words every document
uses count for little. Near-duplicates merge: inflections share stems, and a phrase whose stems
are a subset or superset of a better one ("battery", "battery storage") is folded into it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..hookspecs import hookimpl
from ..interfaces import Tagger
from ..lazy_import import lazy_module
from ..models import Document, Theme
from ..text.corpus import PerCorpus
from ..text.words import LanguageKit, language_kit, lower_case_words

if TYPE_CHECKING:
    from ..text import phrases, standalone
else:
    # Every built-in is imported to register it; a run answered from the cache tags nothing.
    phrases = lazy_module("briefing.text.phrases")
    standalone = lazy_module("briefing.text.standalone")

#: Below this many sentences, a phrase said once may still be a key phrase.
_SHORT_DOCUMENT = 8


@dataclass
class Candidates:
    """A document's phrases frequent enough to be chosen (how each was written, which sentences
    have it) and the count of each single stem."""

    written: dict[tuple[str, ...], dict[str, int]] = field(default_factory=dict)
    sentences: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict)
    #: A plain dictionary, not a Counter: the cache checks a Counter's counts one by one in
    #: Python, a dictionary's in C, and 10,000 documents' analyses are read on every re-brief.
    stems: dict[str, int] = field(default_factory=dict)


def _story(sentence: str) -> str:
    """``sentence`` without a wire dateline ("WUHAN (Xinhua) --"): where a story was filed is no
    key phrase of it."""
    return sentence[standalone.dateline_length(sentence) :]


def _candidates(document: Document) -> Candidates:
    kit = language_kit(document.language or "en")
    result = Candidates()
    counts: Counter[tuple[str, ...]] = Counter()
    sentences: dict[tuple[str, ...], list[int]] = {}
    single: Counter[str] = Counter()
    spellings: Counter[tuple[tuple[str, ...], str]] = Counter()
    # German capitalises nouns, and any word that opens a sentence: one the text also writes in
    # lower case ("Dann ... dann") is no noun.
    lower = lower_case_words(document.text) if kit.code == "de" else set()
    roles = phrases.WordRoles()
    read = [(s.position, phrases.candidate_phrases(_story(s.text), kit, roles=roles)) for s in document.sentences]
    judged: dict[str, bool] = {}  # a phrase written again is judged as before: the roles are all read

    def noun_phrase(text: str) -> bool:
        found = judged.get(text)
        if found is None:
            words = text.split()
            found = judged[text] = words[-1].lower() not in lower and roles.may_head(words, kit.code)
        return found

    for position, every in read:
        # Each single word counts for the weights, though only noun phrases may be chosen.
        single.update(stems[0] for stems, _ in every if len(stems) == 1)
        found = [(stems, text) for stems, text in every if noun_phrase(text)]
        keys = [stems for stems, _ in found]
        counts.update(keys)
        spellings.update(found)
        for stems in dict.fromkeys(keys):
            sentences.setdefault(stems, []).append(position)
    # Spellings only of phrases that can be chosen: most candidates occur once.
    least = 1 if len(document.sentences) < _SHORT_DOCUMENT else 2
    for (stems, text), count in spellings.items():
        if counts[stems] >= least:
            forms = result.written.setdefault(stems, {})
            forms[text] = forms.get(text, 0) + count
    # Kept per document (and cached): small, and plain tuples and dicts, which read back fastest.
    result.stems = dict(single)
    result.sentences = {stems: tuple(sentences[stems]) for stems in result.written}
    return result


@dataclass
class _CorpusCounts:
    """In how many documents each (language, stem) occurs, and how each phrase is written corpus-wide;
    then, once per corpus, what tagging each document asks of them."""

    #: By language, in how many documents each stem occurs.
    frequencies: dict[str, Counter[str]] = field(default_factory=dict)
    written: dict[tuple[str, tuple[str, ...]], Counter[str]] = field(default_factory=dict)
    #: By language, each stem's inverse document frequency; and the IDF of a stem no document has.
    idf: dict[str, dict[str, float]] = field(default_factory=dict)
    unseen: float = 1.0
    #: By language, the stems most documents use: they say nothing about one of them.
    common: dict[str, set[str]] = field(default_factory=dict)
    #: Each phrase's spelling, chosen from :attr:`written` when first asked for.
    names: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)

    def name(self, language: str, stems: tuple[str, ...]) -> str | None:
        """How the corpus writes the phrase ``stems`` (see :func:`_spelling`); ``None`` if it has not."""
        key = (language, stems)
        found = self.names.get(key)
        if found is None and key in self.written:
            found = self.names[key] = _spelling(self.written[key])
        return found

    def weigh(self, size: int) -> None:
        """Fill :attr:`idf`, :attr:`unseen` and :attr:`common` for a corpus of ``size`` documents."""
        self.idf = {
            language: {stem: math.log((1 + size) / (1 + count)) + 1 for stem, count in counted.items()}
            for language, counted in self.frequencies.items()
        }
        self.unseen = math.log(1 + size) + 1
        if size >= 4:
            self.common = {
                language: {stem for stem, count in counted.items() if count > size / 2}
                for language, counted in self.frequencies.items()
            }


def _spelling(written: Mapping[str, int]) -> str:
    """The most written of a phrase's spellings, preferring a lower-case one: a capital may only
    mean the phrase opened a sentence."""
    pool = [w for w in written if w == w.lower()] or list(written)
    return min(pool, key=lambda w: (-written[w], w))


class KeyPhraseTagger(Tagger):
    name = "keyphrases"
    description = "Key phrases the corpus makes prominent (TF-IDF over stems, near-duplicates merged)"
    analysis_type = Candidates

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        self.count = int(self.settings.get("count", 5))
        self.evidence = int(self.settings.get("evidence", 3))
        self._frequencies = PerCorpus(self._document_frequencies)

    def analyse(self, document: Document, kit: LanguageKit) -> Candidates:
        return _candidates(document)

    def _document_frequencies(self, corpus: Sequence[Document]) -> _CorpusCounts:
        # Merged with dictionaries' own methods, not Counter.update per document and phrase
        # (which made a Counter for every phrase of every document): 3 s -> 2 s for 10,000 documents.
        counts = _CorpusCounts()
        stems_of: dict[str, list[Iterable[str]]] = {}
        for document in corpus:
            language = document.language or "en"
            found = self.analysis(document)
            stems_of.setdefault(language, []).append(found.stems.keys())
            for stems, written in found.written.items():
                key = (language, stems)
                held = counts.written.get(key)
                if held is None:
                    counts.written[key] = Counter(written)
                else:
                    for text, count in written.items():
                        held[text] = held.get(text, 0) + count
        counts.frequencies = {language: Counter(chain.from_iterable(each)) for language, each in stems_of.items()}
        counts.weigh(max(len(corpus), 1))
        return counts

    def tag(self, document: Document, kit: LanguageKit, corpus: Sequence[Document]) -> list[Theme]:
        if not document.sentences:
            return []
        found = self.analysis(document)
        counts = self._frequencies(corpus)
        language = document.language or kit.code
        idf, unseen = counts.idf.get(language, {}), counts.unseen
        common = counts.common.get(language, set())

        ranked = []
        for stems in found.written:  # the phrases frequent enough to be chosen
            if common and any(s in common for s in stems):
                continue  # words most documents use say nothing about this one (its parts stay candidates)
            weight = sum(found.stems.get(s, 0) * idf.get(s, unseen) for s in stems)
            ranked.append((weight, stems))
        ranked.sort(key=lambda item: (-item[0], item[1]))

        chosen: list[tuple[str, ...]] = []
        for _, stems in ranked:
            if len(chosen) == self.count:
                break
            if any(set(stems) <= set(other) or set(stems) >= set(other) for other in chosen):
                continue  # a near-duplicate of a better phrase
            chosen.append(stems)

        themes = []
        total = len(document.sentences)
        for stems in chosen:
            # One spelling per phrase across the corpus, so that topics pool "coral" and "corals".
            name = counts.name(language, stems) or _spelling(found.written[stems])
            positions = found.sentences[stems]
            evidence = tuple(document.sentences[p].text for p in positions[: self.evidence])
            themes.append(Theme(name, round(len(positions) / total, 4), evidence, self.name, "key phrase"))
        return themes


@hookimpl
def register_taggers(register: Callable[[type[Tagger]], None]) -> None:
    register(KeyPhraseTagger)
