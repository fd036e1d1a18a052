"""Offline language guess from stop-word coverage: enough to route a document to its stemmer."""

from __future__ import annotations

from collections import Counter

from .languages import known_languages
from .words import stop_words, words

_MIN_WORDS = 3
_MIN_COVERAGE = 0.12


def guess_language(text: str) -> str | None:
    """The ISO code of the language whose stop words cover most of ``text``; ``None`` when no
    language's stop words cover enough of it to tell (too short, or a language briefing lacks)."""
    tokens = [w.lower() for w in words(text[:20000])]
    if len(tokens) < _MIN_WORDS:
        return None
    counts = Counter(tokens)
    best, best_hits = None, 0
    for code in known_languages():
        stops = stop_words(code)
        hits = sum(n for word, n in counts.items() if word in stops)
        if hits > best_hits:
            best, best_hits = code, hits
    return best if best_hits / len(tokens) >= _MIN_COVERAGE else None
