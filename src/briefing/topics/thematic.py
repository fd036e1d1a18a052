"""A topic's thematic brief: named themes, each with a few key points and who said them.

Themes are found from the noun phrases of the topic's candidate points (:mod:`.points`), across
its documents, anchored on the most important sentence no theme has yet: of that sentence's
phrases, the one whose sentences weigh most (their importance, times a share for each further
document that uses it and for each further word of the phrase) names a theme, and its best
sentences become the theme's points. Anchoring keeps the topic's most important sentences in
its brief, where picking the heaviest phrase of all left them out. Importance here is lowered for
a sentence's likeness to more important ones (:func:`.points.by_novelty`), so the brief, like the
flat topic brief, does not spend its places on one statement told twice. A phrase most of the topic's sentences use is
the topic itself, not one of its themes, and is never chosen. A theme needs two points. A name
is shown whole: the run of capitalised words most of its sentences write around it ("New York").

A theme's name is a phrase a person would write as a heading: a name (a capitalised word or an
acronym, a surname taken to the full name the topic uses) or a phrase of several words; never a
lone lower-case word ("plans") or one the topic also writes in lower case ("Police" opening a
sentence), a unit ("trillion yen"), a title ("CEO"), a day or a month, a news agency, one of
the topic's own labels (they name the topic), or a theme already told, however inflected
("Londýně" after "Londýn"): the anchor's next phrase names its theme instead.

A sentence as similar as :data:`PARAPHRASE` to a point already taken (TF-IDF cosine of content
stems) says the same thing: it is not a point again, and its document joins the point's sources,
so a point said by three documents is shown once "said by 3 sources".

Themes come by how many of the topic's documents they draw on, then by weight; points within a
theme by importance, then by date.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import BriefTheme, DocumentBrief, Point
from ..text.dates import TIME_WORDS, TIME_ZONES
from ..text.facts import TITLES, UNIT_WORD
from ..text.names import is_acronym
from ..text.standalone import AGENCIES
from ..text.words import lower_case_words
from .points import Candidate, SimilarityIndex, by_novelty, candidates

#: Most themes a brief shows, and most points under each.
MOST_THEMES = 6
MOST_POINTS = 4
#: Fewest points that make a theme.
FEWEST_POINTS = 2
#: Cosine at which two sentences say the same thing.
PARAPHRASE = 0.5
#: A phrase in more than this share of the topic's candidates names the topic, not a theme of it
#: (when the topic has at least :data:`GENERIC_FROM` candidates).
GENERIC_SHARE = 0.4
GENERIC_FROM = 8
#: Most words a name grows to when shown whole.
LONGEST_NAME = 5
#: An elided article opening a phrase ("L'océan Indien", "l'Airbus"): a heading goes without it.
_ELIDED = re.compile(r"^(?:[LlDd]|[Qq]u)['’](?=\w)")
#: Extra weight of a phrase for each further word and each further document that uses it.
WORD_BONUS = 0.5
DOCUMENT_BONUS = 0.5


@dataclass
class _Phrase:
    sentences: list[int] = field(default_factory=list)
    written: dict[str, int] = field(default_factory=dict)


def thematic_brief(
    entries: Sequence[DocumentBrief],
    default_language: str,
    keywords: Sequence[str] = (),
    found: Sequence[Candidate] | None = None,
) -> tuple[BriefTheme, ...]:
    """The topic's themes, each with its key points (see the module's docstring); ``keywords``
    are the topic's own labels; ``found``, its candidate points when they are read already."""
    found = by_novelty(candidates(entries, default_language) if found is None else found)
    if not found:
        return ()
    lower = set().union(*(lower_case_words(c.text) for c in found))
    phrases = _phrases(found, {k.casefold() for k in keywords}, lower)
    people = {t.name for e in entries for t in e.themes if t.kind == "person" and " " in t.name}
    index = SimilarityIndex(found, PARAPHRASE)
    taken: set[int] = set()  # candidates that are a point, or say what one says
    used: set[tuple[str, ...]] = set()
    themes: list[tuple[BriefTheme, float]] = []
    for anchor, candidate in enumerate(found):  # most important first
        if len(themes) == MOST_THEMES:
            break
        if anchor in taken:
            continue
        named = [_name_words(theme.name) for theme, _ in themes]
        while best := _best_phrase(
            phrases, [k for k in candidate.phrases if k in phrases and k not in used], found, taken
        ):
            used.add(best)
            written = _whole_name(_written(phrases[best]), [found[n].text for n in phrases[best].sentences])
            name = _capitalised(_full_name(written, people))
            if not any(_same_name(_name_words(name), told) for told in named):
                break  # else "Son" after "Masayoshi Son", "Londýně" after "Londýn": a theme already told
        if best is None:
            continue
        points = _points(phrases[best].sentences, found, index, taken)
        if len(points) < FEWEST_POINTS:
            continue
        for point_ids in points:
            taken.update(point_ids)
        made = tuple(_point(found, ids) for ids in points)
        made = tuple(sorted(made, key=lambda p: (-p.score, p.date or "")))
        sources = len({d for p in made for d in p.documents})
        themes.append((BriefTheme(name, made, sources), sum(p.score for p in made)))
    themes.sort(key=lambda pair: (-pair[0].sources, -pair[1]))
    return tuple(theme for theme, _ in themes)


def _written(phrase: _Phrase) -> str:
    """How a phrase is written most often (the shorter of equals)."""
    return max(phrase.written.items(), key=lambda item: (item[1], -len(item[0])))[0]


#: Words of time: a day or a month is when a thing happened, not what it is about.
_TIME_WORDS = TIME_WORDS | TIME_ZONES


def _nameable(written: str, keywords: set[str], lower: set[str]) -> bool:
    """Whether a phrase may name a theme (see the module's docstring). ``lower`` holds the words
    the topic also writes in lower case: a capital that only opens a sentence makes no name."""
    words = written.split()
    if written.casefold() in keywords or UNIT_WORD.match(words[0]) or written in TITLES or written in AGENCIES:
        return False
    if any(word.lower().rstrip(".") in _TIME_WORDS for word in words):
        return False
    if len(words) > 1:
        return True
    word = words[0]
    return is_acronym(word) or (word[:1].isupper() and word.lower() not in lower)


def _whole_name(name: str, texts: Sequence[str]) -> str:
    """A name as the longest run of capitalised words around it that most of ``texts`` write
    ("York" -> "New York", "Gorges" -> "Three Gorges"), when its words are all capitalised."""
    if not all(word[:1].isupper() for word in name.split()):
        return name
    pattern = re.compile(rf"(?:(?<=\s)|(?<=^))((?:[A-Z][\w'’.-]*\s+)*){re.escape(name)}((?:\s+[A-Z][\w'’-]*)*)")
    runs: dict[str, int] = {}
    for text in texts:
        match = pattern.search(text)
        if match:
            before = match.group(1) if match.start() > 0 else ""  # a sentence's first word is capitalised anyway
            whole = f"{before}{name}{match.group(2)}".strip()
            runs[whole] = runs.get(whole, 0) + 1
    if not runs:
        return name
    best, count = max(runs.items(), key=lambda item: (item[1], -len(item[0])))
    return best if count * 2 > sum(runs.values()) and len(best.split()) <= LONGEST_NAME else name


def _full_name(written: str, people: set[str]) -> str:
    """A lone surname as the one person of the topic it names ("Son" -> "Masayoshi Son")."""
    if " " in written:
        return written
    named = [person for person in people if person.split()[-1] == written]
    return named[0] if len(named) == 1 else written


def _phrases(found: Sequence[Candidate], keywords: set[str], lower: set[str]) -> dict[tuple[str, ...], _Phrase]:
    """Every phrase that may name a theme, with its candidates and how it is written."""
    phrases: dict[tuple[str, ...], _Phrase] = defaultdict(_Phrase)
    for number, candidate in enumerate(found):
        for key, written in candidate.phrases.items():
            phrase = phrases[key]
            phrase.sentences.append(number)
            phrase.written[written] = phrase.written.get(written, 0) + 1
    generic = GENERIC_SHARE * len(found) if len(found) >= GENERIC_FROM else len(found)
    return {k: v for k, v in phrases.items() if len(v.sentences) <= generic and _nameable(_written(v), keywords, lower)}


def _best_phrase(
    phrases: dict[tuple[str, ...], _Phrase],
    keys: Sequence[tuple[str, ...]],
    found: Sequence[Candidate],
    taken: set[int],
) -> tuple[str, ...] | None:
    """Of ``keys``, the phrase whose sentences not yet taken weigh most, if any has enough."""
    best, best_weight = None, 0.0
    for key in keys:
        phrase = phrases[key]
        free = [n for n in phrase.sentences if n not in taken]
        if len(free) < FEWEST_POINTS:
            continue
        documents = len({found[n].document for n in free})
        weight = sum(found[n].importance for n in free)
        words = len(key) - 1  # the key is (language, *stems)
        weight *= (1 + WORD_BONUS * (words - 1)) * (1 + DOCUMENT_BONUS * (documents - 1))
        if weight > best_weight:
            best, best_weight = key, weight
    return best


def _points(
    pool: Sequence[int], found: Sequence[Candidate], index: SimilarityIndex, taken: set[int]
) -> list[list[int]]:
    """Up to :data:`MOST_POINTS` points from ``pool`` (candidate numbers, best first), each as the
    candidate that says it and then the others that say the same."""
    points: list[list[int]] = []
    seen = set(taken)
    for number in pool:
        if number in seen:
            continue
        same = [n for n in index.similar(number) if n not in seen]
        seen.update(same)
        points.append([number] + [n for n in same if n != number])
        if len(points) == MOST_POINTS:
            break
    return points


def _point(found: Sequence[Candidate], numbers: Sequence[int]) -> Point:
    first = found[numbers[0]]
    documents = tuple(dict.fromkeys(found[n].document for n in numbers))
    return Point(
        text=first.text,
        documents=documents,
        score=round(first.importance, 6),
        figures=first.measures + first.dates,
        speaker=first.speaker,
        quote=first.quote,
        date=first.date,
    )


def _capitalised(name: str) -> str:
    """A theme's name as a heading: no elided article before it, its first letter upper-case,
    unless the name is written in mixed case on purpose ("eBay", "iPhone")."""
    name = _ELIDED.sub("", name)
    if name[:1].islower() and not any(c.isupper() for c in name.split()[0][1:]):
        return name[:1].upper() + name[1:]
    return name


def flattened(themes: Sequence[BriefTheme]) -> list[Point]:
    """Every point of a thematic brief, most important first (for comparing with a flat brief)."""
    return sorted((p for theme in themes for p in theme.points), key=lambda p: -p.score)


def _name_words(name: str) -> tuple[str, ...]:
    """A name's words, case and accents set aside."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return tuple("".join(c for c in plain if not unicodedata.combining(c)).split())


def _same_word(one: str, other: str) -> bool:
    """Whether two words are one word inflected ("londyn", "londyne"): they share their first four
    letters or more, and differ at most in their last three (a case or number ending; "iran" and
    "iraq" share three)."""
    if one == other:
        return True
    common = len(os.path.commonprefix([one, other]))
    return common >= 4 and common >= max(len(one), len(other)) - 3


def _same_name(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names are one, word for word inflected ("Londýn", "Londýně")."""
    return len(one) == len(other) and all(_same_word(a, b) for a, b in zip(one, other, strict=True))
