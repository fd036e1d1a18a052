"""The lexicon tagger: themes defined as terms per language in TOML, matched on word stems.

The default themes ship in ``briefing/data/themes.toml``. ``[settings.lexicon]`` in briefing.toml
adds themes (``[settings.lexicon.themes.<name>]``, same layout), replaces a default theme of the
same name, or drops all defaults (``replace = true``).
"""

from __future__ import annotations

import pkgutil
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any

from ..hookspecs import hookimpl
from ..interfaces import Tagger
from ..models import Document, Theme
from ..text.languages import UnknownLanguage, language_code
from ..text.words import LanguageKit, language_kit, words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def default_themes() -> dict[str, dict[str, list[str]]]:
    """The shipped themes: name -> language code -> terms."""
    data = pkgutil.get_data("briefing", "data/themes.toml")  # importlib.resources would import zipfile
    if data is None:
        raise FileNotFoundError("briefing's data/themes.toml cannot be read from its package")
    themes: dict[str, dict[str, list[str]]] = tomllib.loads(data.decode("utf-8"))["themes"]
    return themes


class _Lexicon:
    """All themes' terms in one language, indexed so that a sentence is matched in one pass."""

    def __init__(self, themes: Mapping[str, Sequence[str]], kit: LanguageKit):
        self.kit = kit
        self.phrases: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # first stem -> (theme, stems)
        self.prefixes: list[tuple[str, str]] = []  # "klima*": (theme, the word's start)
        self.suffixes: list[tuple[str, str]] = []  # "*speicher": (theme, the stem's end, for compounds)
        self._wildcards: dict[str, tuple[str, ...]] = {}  # word -> themes its wildcards match
        for theme, terms in themes.items():
            for term in (t.strip() for t in terms):
                if term.endswith("*") and len(term) > 2:
                    self.prefixes.append((theme, term[:-1].lower()))
                elif term.startswith("*") and len(term) > 2:
                    self.suffixes.append((theme, kit.stem(term[1:])))
                elif stems := tuple(kit.stem(w) for w in words(term)):
                    self.phrases.setdefault(stems[0], []).append((theme, stems))

    def __bool__(self) -> bool:
        return bool(self.phrases or self.prefixes or self.suffixes)

    def _wildcard_themes(self, word: str, stem: str) -> tuple[str, ...]:
        if word not in self._wildcards:
            lowered = word.lower()
            found = [theme for theme, start in self.prefixes if lowered.startswith(start)]
            found += [theme for theme, end in self.suffixes if stem.endswith(end)]
            self._wildcards[word] = tuple(found)
        return self._wildcards[word]

    def count(self, sentence: str) -> Counter[str]:
        """How often each theme's terms occur in one sentence."""
        tokens = words(sentence)
        stems = [self.kit.stem(w) for w in tokens]
        counts: Counter[str] = Counter()
        for i, stem in enumerate(stems):
            for theme, phrase in self.phrases.get(stem, ()):
                if len(phrase) == 1 or tuple(stems[i : i + len(phrase)]) == phrase:
                    counts[theme] += 1
            if self.prefixes or self.suffixes:
                counts.update(self._wildcard_themes(tokens[i], stem))
        return counts


def _validated(themes: Any, where: str) -> dict[str, dict[str, list[str]]]:
    if not isinstance(themes, Mapping):
        raise ValueError(f"{where} must be a table of themes")
    for name, languages in themes.items():
        if not isinstance(languages, Mapping):
            raise ValueError(f"{where}.{name} must be a table: language = [terms]")
        for language, terms in languages.items():
            try:
                language_code(language)
            except UnknownLanguage as exc:
                raise ValueError(f"{where}.{name}: {exc}") from None
            if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                raise ValueError(f"{where}.{name}.{language} must be a list of strings")
    return {name: dict(languages) for name, languages in themes.items()}


class LexiconTagger(Tagger):
    name = "lexicon"
    description = "Themes from a lexicon of terms per language (briefing.toml can add or replace themes)"
    analysis_type = tuple[Theme, ...]

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        unknown = set(self.settings) - {"themes", "replace", "min_share", "evidence"}
        if unknown:
            raise ValueError(f"unknown setting {sorted(unknown)[0]!r} (known: themes, replace, min_share, evidence)")
        self._added = _validated(self.settings.get("themes", {}), "themes")
        self.min_share = float(self.settings.get("min_share", 0.05))
        self.evidence = int(self.settings.get("evidence", 3))
        self._lexicons: dict[str, _Lexicon] = {}

    @cached_property
    def themes(self) -> dict[str, dict[str, list[str]]]:
        """Every theme: name -> language code -> terms. Read when first tagging (a run answered
        from the cache tags nothing, and the shipped file is a fiftieth of its start)."""
        themes = {} if self.settings.get("replace", False) else default_themes()
        themes.update(self._added)
        return themes

    def _lexicon(self, code: str) -> _Lexicon:
        if code not in self._lexicons:
            terms = {
                theme: [t for lang, ts in languages.items() if language_code(lang) == code for t in ts]
                for theme, languages in self.themes.items()
            }
            self._lexicons[code] = _Lexicon(terms, language_kit(code))
        return self._lexicons[code]

    def tag(self, document: Document, kit: LanguageKit, corpus: Sequence[Document]) -> list[Theme]:
        return list(self.analysis(document))

    def analyse(self, document: Document, kit: LanguageKit) -> tuple[Theme, ...]:
        """All of the work: a lexicon theme depends on its document alone."""
        lexicon = self._lexicon(kit.code)
        if not lexicon or not document.sentences:
            return ()
        hits: dict[str, list[tuple[int, int]]] = {}  # theme -> (count, position) of each sentence with hits
        for sentence in document.sentences:
            for theme, count in lexicon.count(sentence.text).items():
                hits.setdefault(theme, []).append((count, sentence.position))
        themes = []
        total = len(document.sentences)
        for theme, found in hits.items():
            share = len(found) / total
            if share < self.min_share:
                continue
            best = sorted(found, key=lambda hit: (-hit[0], hit[1]))[: self.evidence]
            evidence = tuple(document.sentences[position].text for _, position in best)
            themes.append(Theme(theme, round(share, 4), evidence, self.name, "theme"))
        return tuple(sorted(themes, key=lambda t: (-t.score, t.name)))


@hookimpl
def register_taggers(register: Callable[[type[Tagger]], None]) -> None:
    register(LexiconTagger)
