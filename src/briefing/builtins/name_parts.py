"""How one run of capitalised words parts into the names it holds, and whether words are shaped
like a person's name: "Matthias Huss of ETH Zurich" is a person and a place, "Britain's Chris
Boardman" a place and a person, "Moody's Investors Service" one company. Used by the entity tagger.
"""

from __future__ import annotations

from ..text.dates import TIME_WORDS
from ..text.names import POSSESSIVE, Name
from .entity_cues import ORGANISATION_WORDS, PARTICLES, PLACE_WORDS


def owned(name: Name) -> list[Name]:
    """``Britain's Chris Boardman`` is a place and a person, ``Friday's Brussels`` a day and a
    place; ``Moody's Investors Service`` stays whole (what follows the possessive is no person)."""
    if len(name.words) < 2 or not any("'" in w or "’" in w for w in name.words[:-1]):
        return [name]  # most names: no possessive inside
    for cut, word in enumerate(name.words[:-1]):
        if not POSSESSIVE.search(word):
            continue
        rest = list(name.words[cut + 1 :])
        head = [*name.words[:cut], POSSESSIVE.sub("", word)]
        if " ".join(head).lower() in TIME_WORDS:
            return [Name(" ".join(rest), tuple(rest), word, name.after, name.possessive)]
        if person_like(rest) and not any(w in ORGANISATION_WORDS for w in rest):
            return [
                Name(" ".join(head), tuple(head), name.before, rest[0], True),
                Name(" ".join(rest), tuple(rest), word, name.after, name.possessive),
            ]
        break
    return [name]


def affiliation(name: Name) -> list[Name]:
    """``Matthias Huss of ETH Zurich`` is a person and where they work, not one name; ``Bank of
    England`` or ``Serum Institute of India`` stay whole (the words before "of" name an
    organisation or a single thing). A possessive inside a name parts it too (:func:`owned`)."""
    if "of" not in name.words:
        return owned(name)
    cut = name.words.index("of")
    person, place = list(name.words[:cut]), list(name.words[cut + 1 :])
    if not place or not person_like(person) or any(w in ORGANISATION_WORDS or w in PLACE_WORDS for w in person):
        return [name]
    return [
        Name(" ".join(person), tuple(person), name.before, "of"),
        Name(" ".join(place), tuple(place), "of", name.after, name.possessive),
    ]


def person_like(parts: list[str]) -> bool:
    """``Sam Altman``, ``Laurence des Cars``: two or more plain capitalised words (particles
    aside). ``SoftBank``, ``Perplexity AI`` or a lone ``Amtrak`` "say" things too, but are not people."""
    named = [p for p in parts if p not in PARTICLES]
    return len(named) > 1 and parts[0] not in PARTICLES and all(name_word(p) for p in named)


def name_word(word: str) -> bool:
    """A capitalised word in lower case after its capital, as names are written, also after an
    Irish or Scottish prefix or inside a double name (``O'Leary``, ``McCarthy``, ``Lloyd-Jones``)."""
    for part in word.split("-"):
        for prefix in ("O'", "O’", "D'", "D’", "Mc", "Mac"):
            if part.startswith(prefix) and part[len(prefix) : len(prefix) + 1].isupper():
                part = part[len(prefix) :]
                break
        if not (part.isalpha() and part[:1].isupper() and part[1:].islower()):
            return False
    return True
