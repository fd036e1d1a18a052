"""Themes of a whole topic, and which document covers which theme: the coverage matrix.

A topic's themes are its documents' themes pooled: a theme's topic score is its mean score over
all the topic's documents (0 where a document lacks it), so a theme every source carries ranks
above one a single source dwells on. Exporters and the TUI draw the same matrix from here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..models import Brief, DocumentBrief, Theme
from ..text.names import LEGAL_FORMS, POSSESSIVE

#: How many themes a topic keeps, so that the matrix stays readable.
TOPIC_THEMES = 12


_INNER_POSSESSIVE = re.compile(r"['’]s\b")  # "NVIDIA's GPUs" is "NVIDIA GPUs"


def theme_key(theme: Theme) -> str:
    """What makes two themes one: the name, in any case and without possessives. Taggers may
    find the same one ("energy" as a lexicon theme and as a key phrase, "SoftBank's" and
    ``SoftBank``); readers see it once."""
    return _name_key(theme.name)


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    # Memoised: a corpus repeats its theme names, and pooling 10,000 documents' themes asks
    # for each over and over.
    return _INNER_POSSESSIVE.sub("", POSSESSIVE.sub("", name)).casefold()


def _is_part(short: str, full: str) -> bool:
    """``altman`` is the end of ``sam altman``: a surname, or a name's last word, alone."""
    return " " not in short and full.endswith(" " + short)


def _full_names(themes: dict[str, Theme]) -> dict[str, list[str]]:
    """For each theme (by key) that is a person's surname alone, the keys of the people it may
    name: ``Altman`` for ``Sam Altman``, but not ``Leipzig``, a place of its own, for ``Sparkasse
    Leipzig``. Indexed by last word, so a topic of thousands of names costs one pass."""
    people: dict[str, list[str]] = {}
    for key, theme in themes.items():
        if theme.kind == "person" and " " in key:
            people.setdefault(key.rsplit(" ", 1)[1], []).append(key)
    return {
        key: people[key]
        for key, theme in themes.items()
        if key in people and theme.kind not in ("place", "organisation") and theme.name[:1].isupper()
    }


def _joined(first: tuple[str, ...], then: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(sentence for sentence in then if sentence not in first)


def merged(stronger: Theme, weaker: Theme) -> Theme:
    """One theme from two taggers' themes of one name: the stronger's name, score and kind, its
    evidence then the weaker's, and the weaker's tagger in ``also`` (a tagger plugin's "money"
    and the lexicon's "money" were silently one, the plugin's lost)."""
    others = tuple(t for t in (weaker.tagger, *weaker.also, *stronger.also) if t and t != stronger.tagger)
    return replace(stronger, evidence=_joined(stronger.evidence, weaker.evidence), also=tuple(dict.fromkeys(others)))


def one_per_name(themes: Sequence[Theme]) -> tuple[Theme, ...]:
    """``themes`` with each name once (see :func:`theme_key`): the strongest, its name without
    a possessive. A person's surname alone (``Altman`` as a key phrase) joins the full name
    (``Sam Altman``), which keeps the higher score; so does a name with a legal form (``SoftBank
    Corp``) when the name is there without it. Themes of one name from different taggers are
    merged (:func:`merged`), so no tagger's theme is lost to another's. Strongest first; equal
    scores keep their order."""
    best: dict[str, Theme] = {}
    for theme in themes:
        key = theme_key(theme)
        held = best.get(key)
        if held is None:
            best[key] = theme
        elif theme.tagger != held.tagger and theme.tagger not in held.also:
            best[key] = merged(held, theme) if held.score >= theme.score else merged(theme, held)
        elif theme.score > held.score:  # the same tagger's stronger theme of the name
            best[key] = (
                replace(theme, also=held.also, evidence=_joined(theme.evidence, held.evidence)) if held.also else theme
            )
    for key, theme in list(best.items()):
        base, _, form = key.rpartition(" ")
        if form in LEGAL_FORMS and base in best:  # "SoftBank Corp" as a key phrase beside "SoftBank"
            best[base] = replace(best[base], score=max(best[base].score, theme.score))
            del best[key]
    for key, fuller in _full_names(best).items():
        target = max(fuller, key=lambda k: (best[k].score, k))
        best[target] = replace(best[target], score=max(best[target].score, best.pop(key).score))
    kept = [best[key] for key in dict.fromkeys(theme_key(t) for t in themes) if key in best]
    kept.sort(key=lambda t: -t.score)  # a merge may have raised a score
    return tuple(replace(t, name=POSSESSIVE.sub("", t.name)) if POSSESSIVE.search(t.name) else t for t in kept)


def topic_themes(entries: Sequence[DocumentBrief], limit: int = TOPIC_THEMES) -> tuple[Theme, ...]:
    """The topic's top themes, most widely covered first, each with one evidence sentence per
    document. A name's last word alone (``Altman``) joins the full name (``Sam Altman``).

    Each entry's themes are taken as tagging gives them, each name once (:func:`one_per_name`);
    doing that again here took a fifth of re-briefing 10,000 unchanged documents."""
    pooled: dict[str, list[tuple[int, Theme]]] = {}  # by name: (document number, theme)
    for number, entry in enumerate(entries):
        for theme in entry.themes:
            pooled.setdefault(theme_key(theme), []).append((number, theme))
    if not entries:
        return ()
    for short, fuller in _full_names({k: found[0][1] for k, found in pooled.items()}).items():
        target = max(fuller, key=lambda k: (len(pooled[k]), k))
        pooled[target].extend(pooled.pop(short))
    # Rank by how many documents cover a theme and its score first; only the leaders (ties at
    # the cut included) need their full name, evidence and kind.
    covered = []
    for found in pooled.values():
        if len(found) == 1:
            covered.append((1, round(max(0.0, found[0][1].score) / len(entries), 4), found))
            continue
        found.sort(key=lambda item: -item[1].score)  # strongest first (the sum's order, too)
        per_document: dict[int, float] = {}
        for number, theme in found:
            per_document[number] = max(per_document.get(number, 0.0), theme.score)
        covered.append((len(per_document), round(sum(per_document.values()) / len(entries), 4), found))
    covered.sort(key=lambda item: (-item[0], -item[1]))
    end = min(limit, len(covered))
    while 0 < end < len(covered) and covered[end][:2] == covered[end - 1][:2]:
        end += 1
    ranked = []
    for documents, score, found in covered[:end]:
        strongest = found[0][1]
        full = max((t for _, t in found), key=lambda t: len(t.name))  # the full name, where a part joined it
        evidence = tuple(dict.fromkeys(t.evidence[0] for _, t in found if t.evidence))
        kind = strongest.kind or full.kind
        also = tuple(dict.fromkeys(a for _, t in found for a in (t.tagger, *t.also) if a and a != strongest.tagger))
        ranked.append((documents, Theme(full.name, score, evidence, strongest.tagger, kind, also)))
    ranked.sort(key=lambda item: (-item[0], -item[1].score, item[1].name, item[1].tagger))
    return tuple(theme for _, theme in ranked[:limit])


@dataclass(frozen=True)
class Coverage:
    """A sources x themes matrix: ``scores[i][j]`` is document ``i``'s score for theme ``j`` (0: absent)."""

    themes: tuple[Theme, ...]
    documents: tuple[DocumentBrief, ...]
    scores: tuple[tuple[float, ...], ...]


def coverage(brief: Brief) -> Coverage:
    themes = brief.themes or topic_themes(brief.documents)
    keys = [theme_key(t) for t in themes]
    rows = []
    for entry in brief.documents:
        own = {theme_key(t): t.score for t in one_per_name(entry.themes)}
        rows.append(
            tuple(max((v for k, v in own.items() if k == key or _is_part(k, key)), default=0.0) for key in keys)
        )
    return Coverage(themes, brief.documents, tuple(rows))


def shade(score: float) -> str:
    """A score as one character for text matrices: blank, ░, ▒, ▓ or █."""
    if score <= 0:
        return "·"
    return "░▒▓█"[min(3, int(score * 4))]
