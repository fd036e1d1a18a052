"""Which language a text is in: py3langid's character n-gram model, offline, with a confidence.

py3langid ships its model inside the package (no download), knows over 90 languages and needs only
numpy. On briefing's test set of 20 languages it gets every paragraph right, where the stop-word
vote it replaced took Danish, Norwegian and Dutch for Swedish and could not tell Russian or
Finnish at all (``bench/languages.py``). The model takes about 0.6 s to load, so it is loaded on
first use (:mod:`.langid_model`): a run whose sources all name their language never pays for it.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass

#: Below this confidence (py3langid's normalised probability) the language is unknown.
MIN_CONFIDENCE = 0.5
#: Texts with fewer letters say too little to tell.
MIN_LETTERS = 12
#: Identification reads this much of a text (about 130 words): a paragraph of three sentences
#: is already told right, and the model's cost grows with every byte it reads.
SAMPLE = 800
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


def warm_up() -> None:
    """Load the model on a thread, now, so the first document that needs it waits less (the
    import lock makes :func:`identify` wait for this load rather than start another)."""
    if "briefing.text.langid_model" not in sys.modules:
        threading.Thread(target=_load, name="langid-model", daemon=True).start()


def _load() -> None:
    from . import langid_model  # noqa: F401  (imported for its side effect: the loaded model)


def identify(text: str) -> Detection:
    """The language of ``text`` with the model's confidence; unknown when it is too short, has no
    words, or the model is less than :data:`MIN_CONFIDENCE` sure."""
    sample = text[:SAMPLE]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return Detection(None, 0.0, None)
    from .langid_model import IDENTIFIER

    label, probability = IDENTIFIER.classify(sample)
    best = None if label == _NO_LANGUAGE else _SAME_AS.get(label, label)
    confidence = float(probability)
    return Detection(best if confidence >= MIN_CONFIDENCE else None, confidence, best)
