"""Which language a text is in: py3langid's character n-gram model, offline, with a confidence.

py3langid ships its model inside the package (no download), knows over 90 languages and needs only
numpy. On briefing's test set of 20 languages it gets every paragraph right, where the stop-word
vote it replaced took Danish, Norwegian and Dutch for Swedish and could not tell Russian or
Finnish at all (``bench/languages.py``). The model takes about 0.7 s to load, so it is loaded on
first use: a document whose source names its language never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

#: Below this confidence (py3langid's normalised probability) the language is unknown.
MIN_CONFIDENCE = 0.5
#: Texts with fewer letters say too little to tell.
MIN_LETTERS = 12
#: Identification reads this much of a text: enough to be sure, cheap for a book.
SAMPLE = 4000
#: Model labels briefing reads as another code: Nynorsk and Bokmål share words and stemmer;
#: Moroccan and Egyptian Arabic are written with the Arabic script and words.
_SAME_AS = {"nn": "no", "ary": "ar", "arz": "ar"}
#: "No linguistic content": numbers, code, symbols.
_NO_LANGUAGE = "zxx"


@dataclass(frozen=True)
class Detection:
    """``code`` is the ISO 639 code, or ``None`` when the text does not tell; ``best`` and
    ``confidence`` say what the model thought either way."""

    code: str | None
    confidence: float
    best: str | None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> Detection:
    """The language of ``text`` with the model's confidence; unknown when it is too short, has no
    words, or the model is less than :data:`MIN_CONFIDENCE` sure."""
    sample = text[:SAMPLE]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return Detection(None, 0.0, None)
    label, probability = _identifier().classify(sample)
    best = None if label == _NO_LANGUAGE else _SAME_AS.get(label, label)
    confidence = float(probability)
    return Detection(best if confidence >= MIN_CONFIDENCE else None, confidence, best)
