"""The key-phrase tagger: phrases the corpus itself makes prominent, with no lexicon.

Candidates are runs of up to three content words between stop words and punctuation (the RAKE
idea). Each is scored by the TF-IDF weight of its stems over the corpus, so words every document
uses count for little. Near-duplicates merge: inflections share stems, and a phrase whose stems
are a subset or superset of a better one ("battery", "battery storage") is folded into it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..hookspecs import hookimpl
from ..interfaces import Tagger
from ..models import Document, Theme
from ..text.corpus import PerCorpus
from ..text.names import is_acronym
from ..text.words import LanguageKit, filler_words, language_kit, lower_case_words

_BREAK = re.compile(r"[,;:()\[\]{}\"“”„«»!?…–—/|]|\.(?!\w)|\s-\s")
#: Below this many sentences, a phrase said once may still be a key phrase.
_SHORT_DOCUMENT = 8


@dataclass
class Candidates:
    """A document's phrases frequent enough to be chosen (how each was written, which sentences
    have it) and the count of each single stem."""

    written: dict[tuple[str, ...], Counter[str]] = field(default_factory=dict)
    sentences: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    stems: Counter[str] = field(default_factory=Counter)


_GERMAN_ADJECTIVE = re.compile(r"(e|en|er|es|em)$")
#: Words and numbers (with what is glued to them: "4.5", "3D-Druck", "1990er") as a sentence
#: writes them: a number breaks a phrase ("approximately 4.5 trillion yen" is no "approximately
#: trillion yen").
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\w.,'’-]*")
#: English past tenses without ``-ed`` that are seldom a noun or an adjective: like ``-ed``, they
#: may not end a phrase or follow a name ("council spent", "Son said").
_IRREGULAR_PAST = frozenset(
    """said told made took gave went came saw began brought bought thought knew grew drew wrote
    spoke spent sent paid held kept met sold stood won led lost meant built felt heard taught
    caught fought sought chose rode drove flew threw wore tore swore forgot froze woke broke
    became ran sat sang rang shook struck understood""".split()
)


def noun_phrase(phrase: Sequence[str], language: str) -> bool:
    """Whether words look like a noun phrase, with no part-of-speech model: "Son presented" and
    "Dann gilt" are a name or an adverb before a verb, not a theme.

    In German, where nouns are capitalised, the last word must be, and lower-case words before it
    must have an adjective's ending. In English, a phrase may not end in a past tense or an
    adverb (``-ed``, ``-ly``, or a common irregular past such as ``spent``), nor put a past tense
    right after a name.
    """
    return _may_end(phrase[-1], language) and all(
        _may_join(a, b, language) for a, b in zip(phrase, phrase[1:], strict=False)
    )


def _may_end(word: str, language: str) -> bool:
    """Whether ``word`` may end a noun phrase (see :func:`noun_phrase`)."""
    if language == "de":
        return word[:1].isupper()
    if language == "en":
        return not (word.islower() and (word.endswith(("ed", "ly")) or word in _IRREGULAR_PAST))
    return True


def _may_join(word: str, following: str, language: str) -> bool:
    """Whether ``word`` may stand right before ``following`` inside a noun phrase."""
    if language == "de":
        return word[:1].isupper() or bool(_GERMAN_ADJECTIVE.search(word))
    if language == "en":
        past = following.endswith("ed") or following in _IRREGULAR_PAST
        return not (word[:1].isupper() and following.islower() and past)
    return True


#: Where a language's noun phrases put their head: last ("economic growth") unless listed here
#: ("croissance économique").
HEAD_FIRST = frozenset({"fr", "es", "it", "pt"})
#: Words right before a noun phrase (determiners, possessives), and right before a verb or an
#: adjective (subject pronouns, modals, auxiliaries, clitics, copulas, words of degree), in the
#: languages briefing knows them for.
_BEFORE_NOUN = {
    "en": frozenset("the a an this these those my your his its our their every each another".split()),
    "fr": frozenset(
        "le la les l un une des du au aux ce cet cette ces mon ma mes son sa ses leur leurs notre nos votre vos".split()
    ),
}
_BEFORE_VERB = {
    "en": frozenset(
        "i you we they he she to will would can could should must may might shall do does did don "
        "doesn didn won wouldn can't cannot couldn shouldn is are was were be been being am seems seem "
        "become became very so too quite really pretty rather more most less least extremely".split()
    ),
    "fr": frozenset(
        "je j tu il elle nous vous ils elles on ne n se s qui a ont est sont été était étaient avait "
        "avaient sera seront très trop si assez plus moins".split()
    ),
}


#: Endings of adjectives, as a lone word needs a determiner before it somewhere to count as a noun.
_ADJECTIVE_ENDING = {
    "en": re.compile(r"(ous|ful|ive|able|ible|al|ic|less|ish|est)$"),
    "fr": re.compile(r"(eux|euse|if|ive|able|ible|al|ale|aux|ique|el|elle)$"),
}


@dataclass
class WordRoles:
    """How a document uses each word (lower-cased), for telling nouns from verbs and modifiers
    with no part-of-speech model: how often it stands where a noun phrase has its head (the end of
    a run of content words, or the start in head-first languages), how often it follows a word
    that opens a noun phrase, and how often it follows a word that comes before a verb or an
    adjective, or comes right before a determiner (a verb before its object)."""

    heads: Counter[str] = field(default_factory=Counter)
    after_noun_cue: Counter[str] = field(default_factory=Counter)
    after_other_cue: Counter[str] = field(default_factory=Counter)

    def saw(self, run: Sequence[str], ends: Sequence[bool], before: str, after: str, language: str) -> None:
        """Count one run of content words, with the words before and after it. A word that cannot
        end a noun phrase (``ends`` is false: ``-ed``, a past tense) starts a new run: "the crews
        met officials"."""
        for cut in range(1, len(run)):
            if not ends[cut]:
                self.saw(run[:cut], ends[:cut], before, run[cut].lower(), language)
                self.saw(run[cut:], ends[cut:], "", after, language)
                return
        head = run[0] if language in HEAD_FIRST else run[-1]
        self.heads[head.lower()] += 1
        opens = _BEFORE_NOUN.get(language, frozenset())
        if before in opens:
            self.after_noun_cue[head.lower()] += 1  # "the economic outlook": the cue is the head's
        elif before in _BEFORE_VERB.get(language, ()) and run[0].islower():  # "to Paris": a name is no verb
            self.after_other_cue[run[0]] += 1
        if after in opens and run[-1].islower():  # "emphasizing the evolution": a verb and its object
            self.after_other_cue[run[-1]] += 1

    def not_noun(self, word: str) -> bool:
        """Whether the document uses ``word`` as a verb or an adjective: more often after their cues
        than after a noun's."""
        lowered = word.lower()
        return self.after_other_cue[lowered] > self.after_noun_cue[lowered]

    def may_head(self, phrase: Sequence[str], language: str) -> bool:
        """Whether ``phrase`` can be a noun phrase here: its head stands at least once where heads
        stand ("economic" only ever before a noun is a modifier), and no word of it is a verb.
        Languages without cue words are not judged."""
        if language not in _BEFORE_NOUN:
            return True
        head = phrase[0] if language in HEAD_FIRST else phrase[-1]
        if len(phrase) == 1 and head.islower() and not self.after_noun_cue[head]:
            ending = _ADJECTIVE_ENDING.get(language)
            if ending is not None and ending.search(head):
                return False  # "economic", "affordable" alone, never after "the" or "a"
        return self.heads[head.lower()] > 0 and not any(self.not_noun(w) for w in phrase)


def candidate_phrases(
    text: str, kit: LanguageKit, longest: int = 3, roles: WordRoles | None = None
) -> list[tuple[tuple[str, ...], str]]:
    """(stems, words as written) of every run of 1..``longest`` content words in ``text`` that is
    a noun phrase (:func:`noun_phrase`, judged word by word once per run); ``roles`` counts how
    the text uses its words."""
    found: list[tuple[tuple[str, ...], str]] = []
    weak = filler_words(kit.code)
    stops = kit.stop_words
    language = kit.code
    for chunk in _BREAK.split(text):
        run: list[str] = []
        before = ""
        for word in [*_TOKEN.findall(chunk), ""]:
            lowered = word.lower()
            content = word[:1].isalpha() and lowered not in stops and lowered not in weak
            if content and (len(word) > 2 or is_acronym(word)):
                run.append(word)
                continue
            if not run:
                before = lowered
                continue
            ends = [_may_end(w, language) for w in run]
            if roles is not None:
                roles.saw(run, ends, before, lowered, language)
            before = lowered
            stems = [kit.stem(w) for w in run]
            joins = [_may_join(a, b, language) for a, b in zip(run, run[1:], strict=False)]
            for size in range(1, min(longest, len(run)) + 1):
                for start in range(len(run) - size + 1):
                    if ends[start + size - 1] and all(joins[start : start + size - 1]):
                        found.append((tuple(stems[start : start + size]), " ".join(run[start : start + size])))
            run = []
    return found


def _candidates(document: Document) -> Candidates:
    kit = language_kit(document.language or "en")
    result = Candidates()
    counts: Counter[tuple[str, ...]] = Counter()
    sentences: dict[tuple[str, ...], list[int]] = {}
    single = result.stems
    spellings: Counter[tuple[tuple[str, ...], str]] = Counter()
    # German capitalises nouns, and any word that opens a sentence: one the text also writes in
    # lower case ("Dann ... dann") is no noun.
    lower = lower_case_words(document.text) if kit.code == "de" else set()
    roles = WordRoles()
    read = [(sentence.position, candidate_phrases(sentence.text, kit, roles=roles)) for sentence in document.sentences]
    for position, every in read:
        # Each single word counts for the weights, though only noun phrases may be chosen.
        single.update(stems[0] for stems, _ in every if len(stems) == 1)
        found = [
            (stems, text)
            for stems, text in every
            if text.split()[-1].lower() not in lower and roles.may_head(text.split(), kit.code)
        ]
        keys = [stems for stems, _ in found]
        counts.update(keys)
        spellings.update(found)
        for stems in dict.fromkeys(keys):
            sentences.setdefault(stems, []).append(position)
    # Spellings only of phrases that can be chosen: most candidates occur once.
    least = 1 if len(document.sentences) < _SHORT_DOCUMENT else 2
    for (stems, text), count in spellings.items():
        if counts[stems] >= least:
            result.written.setdefault(stems, Counter())[text] += count
    result.sentences = {stems: sentences[stems] for stems in result.written}  # kept per document: keep it small
    return result


@dataclass
class _CorpusCounts:
    """In how many documents each (language, stem) occurs, and how each phrase is written corpus-wide;
    then, once per corpus, what tagging each document asks of them."""

    frequencies: Counter[tuple[str, str]] = field(default_factory=Counter)
    written: dict[tuple[str, tuple[str, ...]], Counter[str]] = field(default_factory=dict)
    #: Each (language, stem)'s inverse document frequency, and the IDF of a stem no document has.
    idf: dict[tuple[str, str], float] = field(default_factory=dict)
    unseen: float = 1.0
    #: The (language, stem)s most documents use: they say nothing about one of them.
    common: set[tuple[str, str]] = field(default_factory=set)

    def weigh(self, size: int) -> None:
        """Fill :attr:`idf`, :attr:`unseen` and :attr:`common` for a corpus of ``size`` documents."""
        self.idf = {key: math.log((1 + size) / (1 + count)) + 1 for key, count in self.frequencies.items()}
        self.unseen = math.log(1 + size) + 1
        if size >= 4:
            self.common = {key for key, count in self.frequencies.items() if count > size / 2}


class KeyPhraseTagger(Tagger):
    name = "keyphrases"
    description = "Key phrases the corpus makes prominent (TF-IDF over stems, near-duplicates merged)"

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        self.count = int(self.settings.get("count", 5))
        self.evidence = int(self.settings.get("evidence", 3))
        self._frequencies = PerCorpus(self._document_frequencies)

    def analyse(self, document: Document, kit: LanguageKit) -> Candidates:
        return _candidates(document)

    def _document_frequencies(self, corpus: Sequence[Document]) -> _CorpusCounts:
        counts = _CorpusCounts()
        for document in corpus:
            language = document.language or "en"
            found = self.analysis(document)
            counts.frequencies.update((language, s) for s in found.stems)
            for stems, written in found.written.items():
                counts.written.setdefault((language, stems), Counter()).update(written)
        counts.weigh(max(len(corpus), 1))
        return counts

    def tag(self, document: Document, kit: LanguageKit, corpus: Sequence[Document]) -> list[Theme]:
        if not document.sentences:
            return []
        found = self.analysis(document)
        counts = self._frequencies(corpus)
        language = document.language or kit.code
        idf, unseen, common = counts.idf, counts.unseen, counts.common

        ranked = []
        for stems in found.written:  # the phrases frequent enough to be chosen
            if common and any((language, s) in common for s in stems):
                continue  # words most documents use say nothing about this one (its parts stay candidates)
            weight = sum(found.stems[s] * idf.get((language, s), unseen) for s in stems)
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
            written = counts.written.get((language, stems)) or found.written[stems]
            # Prefer a lower-case spelling: a capital may only mean the phrase opened a sentence.
            pool = [w for w in written if w == w.lower()] or list(written)
            name = min(pool, key=lambda w: (-written[w], w))
            positions = found.sentences[stems]
            evidence = tuple(document.sentences[p].text for p in positions[: self.evidence])
            themes.append(Theme(name, round(len(positions) / total, 4), evidence, self.name, "key phrase"))
        return themes


@hookimpl
def register_taggers(register: Callable[[type[Tagger]], None]) -> None:
    register(KeyPhraseTagger)
