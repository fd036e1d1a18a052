"""The entity tagger: people, organisations and places, found offline.

Names are runs of capitalised words (:mod:`briefing.text.names`). A name counts when a document
mentions it twice, when another document of the corpus mentions it too, or when the gazetteer in
``[settings.entities]`` lists it. Its kind comes from the gazetteer, else from cues around each
mention: titles and "said" for people, words like "University" or "GmbH" for organisations, words
like "Reef" or a preceding "in" for places.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from ..hookspecs import hookimpl
from ..interfaces import Tagger
from ..models import Document, Theme
from ..text.corpus import PerCorpus
from ..text.dates import TIME_WORDS
from ..text.names import LEGAL_FORMS, NOUN_CAPITALISING, ROLES, Name, is_acronym, name_spans
from ..text.words import LanguageKit, language_kit, lower_case_words
from .entity_cues import (
    ADJECTIVE_ENDINGS,
    APPOSITIONS,
    COMPASS,
    DETERMINERS,
    HONORIFICS,
    ORGANISATION_WORDS,
    PLACE_BEFORE,
    PLACE_WORDS,
    SPEECH,
    TITLE_WORDS,
)
from .name_parts import affiliation, name_word, person_like

KINDS = {"people": "person", "organisations": "organisation", "places": "place"}
_BEFORE_LOWER = re.compile(r"([A-Z](?<=[a-z,] [A-Z])[a-z]{3,}) ([a-z]{3,})\b")  # capital first: scanned fast


@dataclass
class _Mentions:
    """One name's mentions in a document, and the cues for its kind."""

    text: str
    positions: list[int] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class _Analysis:
    """What one document gives without the corpus: its lower-case words and, where capitals mean
    names (not German), its names with their sentence positions."""

    lower_case_words: frozenset[str]
    plain_names: list[tuple[Name, int]] | None
    #: Capitalised words written as adjectives here, counted (see :func:`_adjectives`): the
    #: corpus sums them, so the main process merges counts rather than reading every text.
    adjectives: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _CorpusNames:
    known: frozenset[str]  # names found where capitals mean names, usable in German documents
    frequencies: Counter[str]  # in how many documents each name occurs
    found: dict[str, list[tuple[Name, int]]]  # document id -> (name, sentence position)
    adjectives: frozenset[str] = frozenset()  # capitalised adjectives ("Iraqi troops"): no names alone
    places: frozenset[str] = frozenset()  # one-word names the corpus puts places' cues before ("in Munich")
    #: document id -> the words of its names it also writes in lower case (lower-cased): all that
    #: tagging asks of its lower-case words, so tagging need not unpack its analysis again.
    lowered: dict[str, frozenset[str]] = field(default_factory=dict)


class EntityTagger(Tagger):
    name = "entities"
    description = "People, organisations and places: capitalised names, counted across the corpus"
    analysis_type = _Analysis

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        unknown = set(self.settings) - {*KINDS, "count", "evidence"}
        if unknown:
            raise ValueError(f"unknown setting {sorted(unknown)[0]!r} (known: {', '.join(KINDS)}, count, evidence)")
        self.gazetteer: dict[str, str] = {}
        for key, kind in KINDS.items():
            names = self.settings.get(key, [])
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ValueError(f"{key} must be a list of names")
            self.gazetteer.update((" ".join(n.split()), kind) for n in names)
        self.count = int(self.settings.get("count", 8))
        self.evidence = int(self.settings.get("evidence", 3))
        self._corpus = PerCorpus(self._corpus_names)

    def analyse(self, document: Document, kit: LanguageKit) -> _Analysis:
        # The lower-case words are asked for by name finding, by learning names from the corpus
        # and by tagging. Names in a language where capitals mean names depend on nothing else;
        # in German they depend on names the corpus teaches, so they are found per corpus.
        lower = lower_case_words(document.text)
        plain = None
        if (document.language or "en") not in NOUN_CAPITALISING:
            plain = self._names(document, frozenset(self.gazetteer), lower)
        return _Analysis(frozenset(lower), plain, _adjectives(document, kit))

    def _names(self, document: Document, known: frozenset[str], common: Set[str]) -> list[tuple[Name, int]]:
        kit = language_kit(document.language or "en")

        def find(text: str, known: frozenset[str]) -> list[Name]:
            found = name_spans(text, kit.code, kit.stop_words, known, common)
            if kit.code in NOUN_CAPITALISING:  # capitals alone prove nothing: ask for a sign of a name
                found = [n for n in found if _signals_name(n, known)]
            return found

        each = [(sentence, find(sentence.text, known)) for sentence in document.sentences]
        # A surname alone ("..., sagt Weiß") is a name once the document gave it in full. Known
        # words change only the names of a sentence that writes one: only those are read again.
        surnames = {
            part.words[-1] for _, found in each for n in found for part in affiliation(n) if len(part.words) > 1
        }
        surnames -= known
        if surnames:
            wider = known | surnames
            each = [
                (sentence, find(sentence.text, wider) if any(s in sentence.text for s in surnames) else found)
                for sentence, found in each
            ]
        return [(name, sentence.position) for sentence, found in each for name in found]

    def _corpus_names(self, corpus: Sequence[Document]) -> _CorpusNames:
        gazetteer = frozenset(self.gazetteer)
        found: dict[str, list[tuple[Name, int]]] = {}
        lowered: dict[str, frozenset[str]] = {}
        learned: set[str] = set()
        seen: Counter[str] = Counter()  # capitalised adjectives, as each document counted them
        for document in corpus:
            analysis = self.analysis(document)
            seen.update(analysis.adjectives)
            if analysis.plain_names is not None:
                found[document.id] = analysis.plain_names
                lowered[document.id] = _lowered(analysis.plain_names, analysis.lower_case_words)
                singles = (n.text for n, _ in analysis.plain_names if len(n.words) == 1)
                learned.update(text for text in singles if text.lower() not in analysis.lower_case_words)
        known = gazetteer | learned
        frequencies: Counter[str] = Counter()
        before_place: Counter[str] = Counter()
        for document in corpus:
            if document.id not in found:
                analysis = self.analysis(document)
                found[document.id] = self._names(document, known, analysis.lower_case_words)
                lowered[document.id] = _lowered(found[document.id], analysis.lower_case_words)
            frequencies.update({_key(n.text) for n, _ in found[document.id]})
            before_place.update(
                n.text
                for n, _ in found[document.id]
                if len(n.words) == 1 and n.before.lower() in PLACE_BEFORE and not n.possessive
            )
        places = frozenset(before_place)
        adjectives = frozenset(word for word, count in seen.items() if count >= 2)
        return _CorpusNames(frozenset(known), frequencies, found, adjectives, places, lowered)

    def tag(self, document: Document, kit: LanguageKit, corpus: Sequence[Document]) -> list[Theme]:
        if not document.sentences:
            return []
        names = self._corpus(corpus)
        # Taken out, not read: a document is tagged once against its corpus, and the names held
        # for tagging took 130 MB for 10,000 documents until the run ended. A document tagged
        # again, or outside the corpus, has them found as the corpus would have.
        found = names.found.pop(document.id, None)
        lower: Set[str]
        if found is None:
            analysis = self.analysis(document)
            lower = analysis.lower_case_words
            found = analysis.plain_names
            if found is None:  # where capitals do not mean names, those the corpus taught count
                found = self._names(document, names.known, lower)
        else:
            lower = names.lowered.pop(document.id)
        # A word named with an article ("the Thames", "der Bodensee") is a thing, not a first name.
        determined = {n.words[0] for n, _ in found if n.before.lower() in DETERMINERS}
        mentions: dict[str, _Mentions] = {}
        for name, position in [(part, p) for whole, p in found for part in affiliation(whole)]:
            parts = list(name.words)
            votes: dict[str, int] = {}  # a plain dictionary: a Counter per mention was a fifth of tagging
            while len(parts) > 1 and parts[0].lower() in TIME_WORDS:
                parts.pop(0)  # "Wednesday Norman": a day before a name, in a list of results
            while len(parts) > 2 and (parts[0] in ROLES or parts[0].split("-")[0] in TITLE_WORDS | ROLES):
                parts.pop(0)  # "General Anatoly Shkirko", "Undersecretary-General Yasushi Akashi"
                _vote(votes, "person")
            while len(parts) > 1 and (parts[0].split("-")[0] in HONORIFICS or parts[0] in APPOSITIONS):
                _vote(votes, APPOSITIONS.get(parts.pop(0), "person"))
            # "Teenager Yuuichi Takeda", "Centre Frank Bunce": a common word before a name (not
            # "Doctors" of "Doctors Without Borders": no name opens on a function word).
            while len(parts) > 2 and parts[0].lower() in lower and parts[1].lower() not in kit.stop_words:
                if not person_like(parts[1:]):
                    break
                parts.pop(0)
            text = " ".join(parts)
            if text not in names.known and len(parts) == 1 and text.lower() in lower:
                continue  # also written in lower case here: a common word, not a name
            if len(parts) == 1 and (text.lower() in kit.stop_words or text.lower() in TIME_WORDS):
                continue  # "It", "There", "July": a pronoun, a function word or a date is no name
            if len(parts) == 1 and text in names.adjectives:
                continue  # "Iraqi", "French": an adjective, though capitalised
            if name.after in ROLES and parts[-1] in TITLE_WORDS:
                continue  # "Japanese Prime" of "Japanese Prime Minister": part of a title
            _cues(name, parts, votes, kit.stop_words)
            if parts[0] in determined:
                votes.pop("person", None)
            entry = mentions.get(text)
            if entry is None:
                entry = mentions[text] = _Mentions(text)
            entry.positions.append(position)
            for kind, count in votes.items():
                entry.votes[kind] += count
        _merge_surnames(mentions, determined)
        _merge_legal_forms(mentions)

        themes = []
        total = len(document.sentences)
        for entry in mentions.values():
            mentioned = len(entry.positions)
            if mentioned < 2 and entry.text not in self.gazetteer and names.frequencies[_key(entry.text)] < 2:
                continue
            positions = sorted(set(entry.positions))
            evidence = tuple(document.sentences[p].text for p in positions[: self.evidence])
            kind = self.gazetteer.get(entry.text) or _kind(_vetted(entry, names))
            themes.append((mentioned, Theme(entry.text, round(len(positions) / total, 4), evidence, self.name, kind)))
        themes.sort(key=lambda item: (-item[0], item[1].name))
        return [theme for _, theme in themes[: self.count]]


def _signals_name(name: Name, known: frozenset[str]) -> bool:
    """A title, a known name, an acronym or a word like "Institut" in or before the name."""
    if name.text in known or name.before in HONORIFICS:
        return True
    return any(
        w in known or w in HONORIFICS or w in ORGANISATION_WORDS or w in PLACE_WORDS or is_acronym(w)
        for w in name.words
    )


def _key(text: str) -> str:
    return text.casefold()


def _vote(votes: dict[str, int], kind: str) -> None:
    votes[kind] = votes.get(kind, 0) + 1


def _cues(name: Name, parts: list[str], votes: dict[str, int], stop_words: Set[str]) -> None:
    """Add to ``votes`` what the words around a mention say of its kind."""
    if name.before in HONORIFICS or ((name.before in ROLES or name.after in SPEECH) and person_like(parts)):
        _vote(votes, "person")
    elif name.after in SPEECH and any(is_acronym(p) or not name_word(p) for p in parts):
        _vote(votes, "organisation")  # "SoftBank said", "OpenAI said": companies speak too
    if any(p in ORGANISATION_WORDS for p in parts) or name.after in ROLES:  # "NVIDIA CEO ..."
        _vote(votes, "organisation")
    if name.scored:
        _vote(votes, "scored")  # a competitor: a team or a player (see _vetted)
    # "in" before an acronym is mostly a field ("investment in AI"), rarely a country.
    # "in Netanyahu's office", "in the Dutroux affair": the place is what the name owns or qualifies.
    qualifies = name.after.isalpha() and name.after.islower() and name.after not in stop_words
    in_place = name.before in PLACE_BEFORE and not name.possessive and not qualifies
    if parts[-1] in PLACE_WORDS or (in_place and not (len(parts) == 1 and is_acronym(parts[0]))):
        _vote(votes, "place")


def _vetted(entry: _Mentions, names: _CorpusNames) -> Counter[str]:
    """A name's votes without "person" where its words say it is none: it opens with a point of
    the compass or a place's first word ("South Africa", "New Zealand"), an adjective of
    nationality ("French Open", "Bosnian Serb"), holds a place the corpus knows ("Baltimore
    Orioles", "Bayern Munich") or an organisation's word; such an opening also takes the
    organisation's vote from "West Bank". No votes at all for an adjective ("South African")."""
    words = entry.text.split()
    votes = Counter(entry.votes)
    placed = words[0] in COMPASS or words[-1] in PLACE_WORDS
    # Written beside a score ("Stoke 2 Manchester City 1"), a name is a competitor: one named like
    # a place is a team, an organisation; a player has no place cue and keeps what else was said.
    if scored := votes.pop("scored", 0):
        if placed or votes["place"] or any(w in names.places for w in words):
            votes["organisation"] += scored
            votes["place"] = max(0, votes["place"] - scored)
            placed = False
        votes = +votes
    if len(words) < 2:
        return votes
    if words[-1] in names.adjectives:
        return Counter()  # "South African", "West African": an adjective, though capitalised
    if placed and votes["organisation"] and not any(w in ORGANISATION_WORDS for w in words[1:-1]):
        del votes["organisation"]  # "West Bank": a bank of a river
    if votes["person"] and (
        placed
        or words[0] in names.adjectives
        or any(w in names.places for w in words)
        or any(w in ORGANISATION_WORDS for w in words)
    ):
        del votes["person"]
    return votes


def _adjectives(document: Document, kit: LanguageKit) -> dict[str, int]:
    """Capitalised words ``document`` writes as adjectives, counted: mid-sentence, before a
    lower-case word that is neither a stop word nor a verb of saying ("Iraqi troops", "French
    officials"), with an adjective's ending. Those the corpus writes so at least twice name no
    one alone, and open no person's name."""
    seen: dict[str, int] = {}
    if (document.language or "en") in NOUN_CAPITALISING:
        return seen
    stops = kit.stop_words
    for word, following in _BEFORE_LOWER.findall(document.text):
        if word.endswith(ADJECTIVE_ENDINGS) and following not in stops and following not in SPEECH:
            seen[word] = seen.get(word, 0) + 1
    return seen


def _lowered(found: Sequence[tuple[Name, int]], lower_case_words: frozenset[str]) -> frozenset[str]:
    """The words of ``found``'s names, lower-cased, that the document also writes in lower case."""
    return frozenset(w for w in {w.lower() for name, _ in found for w in name.words} if w in lower_case_words)


def _kind(votes: Counter[str]) -> str:
    if not votes:
        return "name"
    return min(votes, key=lambda kind: (-votes[kind], ("organisation", "place", "person").index(kind)))


def _merge_surnames(mentions: dict[str, _Mentions], determined: Set[str]) -> None:
    """Fold "Müller" into "Anna Müller", "Reef" into "Great Barrier Reef", when both occur; not
    "Leipzig" into "Sparkasse Leipzig", which names something else. A short form the text also
    writes after an article ("the Marlins" of "Florida Marlins") is no surname: people are not
    named with one, teams and companies are."""
    for text in [t for t in mentions if " " not in t]:
        head = text in PLACE_WORDS or text in ORGANISATION_WORDS
        # A word with signs of a place or a company of its own ("in Leipzig") is no surname.
        surname = not (mentions[text].votes["place"] or mentions[text].votes["organisation"])
        fuller = [
            m
            for m in mentions.values()
            if m.text.endswith(" " + text) and (head or (surname and person_like(m.text.split())))
        ]
        if fuller:
            target = max(fuller, key=lambda m: (len(m.positions), m.text))
            target.positions.extend(mentions[text].positions)
            target.votes.update(mentions.pop(text).votes)
            if person_like(target.text.split()) and text not in determined:
                target.votes["person"] += 1  # "Maria Lindqvist ... Lindqvist": how news names people


def _merge_legal_forms(mentions: dict[str, _Mentions]) -> None:
    """Fold "SoftBank Corp" into "SoftBank" when the text also names it without the legal form."""
    for text in [t for t in mentions if " " in t]:
        base, _, form = text.rpartition(" ")
        if form.casefold() in LEGAL_FORMS and base in mentions:
            mentions[base].positions.extend(mentions[text].positions)
            mentions[base].votes.update(mentions.pop(text).votes)
            mentions[base].votes["organisation"] += 1


@hookimpl
def register_taggers(register: Callable[[type[Tagger]], None]) -> None:
    register(EntityTagger)
