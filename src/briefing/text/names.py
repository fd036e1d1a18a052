"""Proper-name candidates: runs of capitalised words, found offline with no model.

English capitalises names and little else, so a capitalised word inside a sentence is a good
candidate. German capitalises every noun, so there a lone capitalised word only counts when it is
known to be a name some other way (an acronym, a gazetteer entry, or the same word capitalised in
a document in another language); runs of two or more capitalised words ("Deutsche Bahn") count.
Both the entity tagger and automatic topic grouping build on these candidates.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lazy_import import lazy_module

if TYPE_CHECKING:
    from . import standalone
else:
    standalone = lazy_module("briefing.text.standalone")  # the exporters read names; a cached run, no datelines

# Words with letters, inner apostrophes, hyphens and ampersands ("O'Neill", "Rhein-Main", "AT&T").
_TOKEN = re.compile(r"[^\W\d_][\w'’&-]*")
#: A score after a name, and a line's start or another score before it: "Stoke 2 Manchester City 1",
#: "Gold Coast 21 5 1 15 351": a result or a table row, where the name is a team's.
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}(?:[ \t]|$)")
_SCORE_BEFORE = re.compile(r"(?:^|\d[ \t]+)[\"'“„«‚‘(\[]*$")
#: Lower-case words that may join capitalised ones inside a name ("Bank of England", "Ludwig van Beethoven").
CONNECTORS = frozenset({"of", "for", "de", "des", "del", "la", "le", "von", "van", "du", "di", "da"})
#: Languages that capitalise every noun, so a lone capitalised word says little.
#: Legal forms after a company's name, lower-case: "SoftBank Corp" is "SoftBank" where the text
#: says both.
LEGAL_FORMS = frozenset("corp corporation inc ltd co plc llc gmbh ag se sa sas nv bv".split())
NOUN_CAPITALISING = frozenset({"de", "lb"})
#: Roles that stand before or inside a name without being part of it ("NVIDIA CEO Jensen Huang").
ROLES = frozenset(
    """CEO CFO CTO COO Chairman Chairwoman President Minister Chancellor Mayor Director Chief Executive
    Founder Secretary Senator Governor Spokesperson Spokesman Spokeswoman Bürgermeister Bürgermeisterin
    Ministerin Kanzler Kanzlerin Präsident Präsidentin Chef Chefin Vorstandschef Vorstandschefin Sprecher
    Sprecherin""".split()
)
#: A possessive ending a word ("Netanyahu's", "the Reds'").
POSSESSIVE = re.compile(r"['’]s?$")
#: Abbreviated titles whose full stop does not end a name ("Dr. Anna Weiß").
TITLES = frozenset({"Dr", "Prof", "Mr", "Mrs", "Ms", "St", "Sr", "Sra", "Mme"})
_CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december montag dienstag mittwoch donnerstag freitag samstag sonntag
    januar februar märz mai juni juli oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche
    janvier février mars avril juin juillet août septembre octobre novembre décembre lunes martes miércoles
    jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre
    noviembre diciembre yesterday today tomorrow tonight gestern heute morgen hier demain ayer hoy mañana
    """.split()
)


@dataclass(frozen=True)
class Name:
    """A candidate name in a sentence: its words as written, and the words just before and after it
    (a role such as "CEO" counts as the word before the name it introduces)."""

    text: str
    words: tuple[str, ...]
    before: str
    after: str
    #: Written with a possessive ("Netanyahu's office"): the name is an owner, not where things are.
    possessive: bool = False
    #: Beside a score, as results and tables write teams ("Stoke 2 Manchester City 1").
    scored: bool = False


def is_acronym(word: str) -> bool:
    """``NASA``, ``KfW``, ``GPUs``: mostly capitals (not ``SoftBank`` or ``US-Dollar``)."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(letters) >= 2 and capitals >= 2 and capitals * 2 >= len(letters)


def is_camel_case(word: str) -> bool:
    """``SoftBank``, ``OpenAI``, ``YouTube``: a capital after a lower-case letter, as brand names
    are written and ordinary words never are."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def name_spans(
    sentence: str,
    language: str,
    stop_words: Collection[str],
    known: Collection[str] = (),
    common: Collection[str] = (),
) -> list[Name]:
    """Candidate names in one sentence.

    ``known`` holds words already known to be names (gazetteer entries, names seen elsewhere);
    those count even where a lone capitalised word would not: at the start of a sentence, or in
    a German sentence. ``common`` holds words the document also writes in lower case; one of
    them opening a sentence is not part of a name ("Recognize AI ...").
    """
    # A wire dateline ("BEIJING, Dec. 5 (Xinhua) --") says where the story was filed and who sent
    # it: the page's, not the story's. Its words name nothing, and the sentence starts after it.
    dateline = standalone.dateline_length(sentence)
    tokens = [token for token in _TOKEN.finditer(sentence) if token.start() >= dateline]
    # German joins nouns with "von" all the time ("Aktienkurs von Nvidia"); names rarely.
    connectors = CONNECTORS if language not in NOUN_CAPITALISING else frozenset()
    names: list[Name] = []
    index = 0
    while index < len(tokens):
        if not _capitalised(tokens[index].group()):
            index += 1
            continue
        end = index + 1  # the span is tokens[index:end]
        while end < len(tokens) and _joined(sentence, tokens[end - 1], tokens[end]):
            word = tokens[end].group()
            if _capitalised(word):
                end += 1
            elif word in connectors and end + 1 < len(tokens) and _capitalised(tokens[end + 1].group()):
                end += 2
            else:
                break
        # A possessive ends a name ("Netanyahu's office"); inside one it is part of it ("Moody's
        # Investors Service", "McDonald's Corp").
        span = [t.group() for t in tokens[index : end - 1]] + [POSSESSIVE.sub("", tokens[end - 1].group())]
        start_of_sentence = sentence[dateline : tokens[index].start()].strip(" \"'“„«‚‘([") == ""
        # Stop words that open a sentence ("The", "In", "Die") are not part of a name; within a
        # sentence a capitalised one is ("in New York", "The Hague").
        opening = ""
        while start_of_sentence and span and span[0].lower() in stop_words and span[0] not in known:
            opening = span.pop(0)
            start_of_sentence = bool(span) and span[0].lower() in stop_words
        first = span[0].lower() if span else ""
        # "Hätte SoftBank", "Build AI": a verb opening the sentence before a known company's name
        # (written SoftBank or AI, unlike a surname, which a first name may well precede).
        rest_known = " ".join(span[1:]) in known and any(is_camel_case(w) for w in span[1:])
        if start_of_sentence and len(span) > 1 and (first in common or first in _CALENDAR or rest_known):
            if span[0] not in known:
                span.pop(0)
        before = opening or (tokens[index - 1].group() if index else "")
        after = tokens[end].group() if end < len(tokens) else ""
        possessive = bool(POSSESSIVE.search(tokens[end - 1].group()))
        scored = bool(_SCORE_AFTER.match(sentence, tokens[end - 1].end())) and bool(
            _SCORE_BEFORE.search(sentence, 0, tokens[index].start())
        )
        for part, part_before, part_after in _split_at_roles(span, before, after):
            while part and part[-1] in CONNECTORS:
                part.pop()
            while part and part[0] in CONNECTORS:  # "CEO of NVIDIA" -> "NVIDIA", after "of"
                part_before = part.pop(0)
            if part and _is_name(part, start_of_sentence and part_before == before, language, known):
                owner = possessive and part_after == after
                names.append(Name(" ".join(part), tuple(part), part_before, part_after, owner, scored))
        index = end
    return names


def _split_at_roles(span: list[str], before: str, after: str) -> list[tuple[list[str], str, str]]:
    """``NVIDIA CEO Jensen Huang`` -> ``NVIDIA`` and ``Jensen Huang`` (after the role "CEO")."""
    parts: list[tuple[list[str], str, str]] = []
    current: list[str] = []
    current_before = before
    for word in span:
        if word in ROLES:
            if current:
                parts.append((current, current_before, word))
            current, current_before = [], word
        else:
            current.append(word)
    if current:
        parts.append((current, current_before, after))
    return parts


def _joined(sentence: str, previous: re.Match[str], following: re.Match[str]) -> bool:
    """Whether only spaces (or a title's full stop) stand between two words."""
    gap = sentence[previous.end() : following.start()]
    return gap.strip() == "" or (gap.strip() == "." and previous.group() in TITLES)


def _is_name(span: list[str], start_of_sentence: bool, language: str, known: Collection[str]) -> bool:
    text = " ".join(span)
    if text in known:
        return True
    if len(span) == 1:
        word = span[0]
        if word.lower() in _CALENDAR or len(word) < 2 or word in TITLES:
            return False
        if is_acronym(word) or is_camel_case(word):
            return True  # a name even where it opens a sentence
        return not start_of_sentence and language not in NOUN_CAPITALISING
    return not all(w.lower() in _CALENDAR for w in span)
