"""A topic's name as a person would write it: a short noun phrase from its leading names and
themes ("SoftBank and OpenAI in Japan", "Flow batteries"), in the topic's main language where
briefing knows its words for "and" and "in", else in English.

The labels it is made from (the topic's best words, names and phrases, best first) stay with the
topic as its keywords.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: A language's words for "and" and "in" (a place).
CONNECTORS = {
    "en": ("and", "in"),
    "de": ("und", "in"),
    "fr": ("et", "en"),
    "es": ("y", "en"),
    "it": ("e", "in"),
    "pt": ("e", "em"),
    "nl": ("en", "in"),
    "sv": ("och", "i"),
    "da": ("og", "i"),
    "no": ("og", "i"),
}
NAMED = frozenset({"person", "organisation", "name"})


def topic_phrase(labels: Sequence[str], kinds: Mapping[str, str], language: str) -> str:
    """Up to two names (or else the best phrase or two words) and a place: "A and B in P".

    ``kinds`` gives a label's theme kind by its case-folded text ("place", "person"...); a label
    with none is a plain word or phrase.
    """
    if not labels:
        return ""
    conjunction, preposition = CONNECTORS.get(language, CONNECTORS["en"])

    def kind(label: str) -> str:
        return kinds.get(label.casefold(), "")

    places = [label for label in labels if kind(label) == "place"]
    named = [label for label in labels if kind(label) in NAMED]
    plain = [label for label in labels if not kind(label)]
    if named:
        subject = named[:2]
    elif plain:
        phrases = [label for label in plain if " " in label]
        subject = phrases[:1] or plain[:2]
    else:
        subject, places = places[:2], []
    text = f" {conjunction} ".join(subject)
    if places:
        text += f" {preposition} {places[0]}"
    return text[:1].upper() + text[1:]
