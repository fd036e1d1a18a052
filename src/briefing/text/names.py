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

# Words with letters, inner apostrophes, hyphens and ampersands ("O'Neill", "Rhein-Main", "AT&T").
_TOKEN = re.compile(r"[^\W\d_][\w'’&-]*")
#: Lower-case words that may join capitalised ones inside a name ("Bank of England", "Ludwig van Beethoven").
CONNECTORS = frozenset({"of", "for", "de", "del", "la", "le", "von", "van", "du", "di", "da"})
#: Languages that capitalise every noun, so a lone capitalised word says little.
NOUN_CAPITALISING = frozenset({"de", "lb"})
#: Abbreviated titles whose full stop does not end a name ("Dr. Anna Weiß").
TITLES = frozenset({"Dr", "Prof", "Mr", "Mrs", "Ms", "St", "Sr", "Sra", "Mme"})
_CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december montag dienstag mittwoch donnerstag freitag samstag sonntag
    januar februar märz mai juni juli oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche
    janvier février mars avril juin juillet août septembre octobre novembre décembre lunes martes miércoles
    jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre
    noviembre diciembre
    """.split()
)


@dataclass(frozen=True)
class Name:
    """A candidate name in a sentence: its words as written, and the word just before it (or "")."""

    text: str
    words: tuple[str, ...]
    before: str
    after: str


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and not word.istitle()


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def name_spans(sentence: str, language: str, stop_words: Collection[str], known: Collection[str] = ()) -> list[Name]:
    """Candidate names in one sentence.

    ``known`` holds words already known to be names (gazetteer entries, names seen elsewhere);
    those count even where a lone capitalised word would not: at the start of a sentence, or in
    a German sentence.
    """
    tokens = list(_TOKEN.finditer(sentence))
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
            elif word in CONNECTORS and end + 1 < len(tokens) and _capitalised(tokens[end + 1].group()):
                end += 2
            else:
                break
        span = [t.group() for t in tokens[index:end]]
        start_of_sentence = sentence[: tokens[index].start()].strip(" \"'“„«‚‘([") == ""
        # Stop words that open a sentence or a name ("The", "In", "Die") are not part of it.
        while span and span[0].lower() in stop_words and span[0] not in known:
            span.pop(0)
            start_of_sentence = False
        while span and span[-1] in CONNECTORS:
            span.pop()
        if span and _is_name(span, start_of_sentence, language, known):
            before = tokens[index - 1].group() if index else ""
            after = tokens[end].group() if end < len(tokens) else ""
            names.append(Name(" ".join(span), tuple(span), before, after))
        index = end
    return names


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
        if is_acronym(word):
            return True
        return not start_of_sentence and language not in NOUN_CAPITALISING
    return not all(w.lower() in _CALENDAR for w in span)
