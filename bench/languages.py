"""Language identification side by side: briefing's identifier, the stop-word vote it replaced,
and other identifiers when installed (``pip install lingua-language-detector``).

The test set is ``tests/data/languages/<code>.txt``, written for briefing: 20 languages, each
with 20 paragraphs of three sentences and 5 one-line headlines. Beside it, one-line texts nobody
here wrote: up to 60 sentences of 4-10 words per language from the Universal Dependencies dev
splits that ``bench/public_segmentation.py rebuild`` lays out, tuned and held-out documents apart
(the ``one-line tune/held`` columns). Printed by ``bench/run.py --languages-only``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "tests" / "data" / "languages"

Identify = Callable[[str], str | None]


@dataclass(frozen=True)
class Sample:
    language: str
    text: str
    headline: bool


def samples(folder: Path = FOLDER) -> list[Sample]:
    """Every paragraph and headline, in file order; ``## headlines`` starts the headlines."""
    found: list[Sample] = []
    for path in sorted(folder.glob("*.txt")):
        headline = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("## headlines"):
                headline = True
            elif line.strip() and not line.startswith("#"):
                found.append(Sample(path.stem, line.strip(), headline))
    return found


def one_liners(part: str) -> list[Sample]:
    """Sentences of 4-10 words from the treebanks' ``part`` ("tune" or "held") documents."""
    sys.path.insert(0, str(REPO / "bench"))
    from public_segmentation import LANGUAGE_TREEBANKS, OUT, TREEBANKS

    found: list[Sample] = []
    for language in {**TREEBANKS, **LANGUAGE_TREEBANKS}:
        path = OUT / f"ud-{language}.jsonl"
        if not path.is_file():
            continue
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [s for r in records if r["split"] == part for s in r["sentences"] if 4 <= len(s.split()) <= 10]
        random.Random(1).shuffle(lines)
        found.extend(Sample(language, line, True) for line in lines[:60])
    return found


def stop_word_vote(text: str) -> str | None:
    """What briefing did before: the language whose sumy stop words cover most of the words."""
    from briefing.text.languages import known_languages
    from briefing.text.words import stop_words, words

    tokens = [w.lower() for w in words(text)]
    if len(tokens) < 3:
        return None
    counts = Counter(tokens)
    best, hits = max(
        ((code, sum(n for w, n in counts.items() if w in stop_words(code))) for code in known_languages()),
        key=lambda pair: pair[1],
    )
    return best if hits / len(tokens) >= 0.12 else None


def candidates() -> dict[str, Callable[[], Identify]]:
    """Each identifier by name, as a function that loads it (so load time is measured apart)."""

    def _briefing() -> Identify:
        from briefing.text.detect import identify

        identify("Loading the model takes a moment.")  # loads the model: load time is its own column
        return lambda text: identify(text).code

    found: dict[str, Callable[[], Identify]] = {
        "stop-word vote (before)": lambda: stop_word_vote,
        "briefing": _briefing,
    }
    try:
        import lingua

        def _lingua() -> Identify:
            detector = lingua.LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

            def identify(text: str) -> str | None:
                found = detector.detect_language_of(text)
                code = found.iso_code_639_1.name.lower() if found else None
                return "no" if code in ("nb", "nn") else code  # Bokmål and Nynorsk are Norwegian here

            return identify

        found["lingua (all languages)"] = _lingua
    except ImportError:
        pass
    return found


def table() -> dict[str, dict[str, float]]:
    """Prints accuracy on paragraphs and headlines, the languages most often wrong, and speed."""
    data = samples()
    paragraphs = [s for s in data if not s.headline]
    headlines = [s for s in data if s.headline]
    languages = sorted({s.language for s in data})
    print(f"{len(languages)} languages, {len(paragraphs)} paragraphs, {len(headlines)} headlines")
    public = {part: one_liners(part) for part in ("tune", "held")}
    print(
        f"one-line texts from {len({s.language for s in public['tune']})} treebanks: {len(public['tune'])} tuned, "
        f"{len(public['held'])} held out (right / unknown)"
    )
    print(
        f"{'identifier':<26}{'paragraphs':>11}{'headlines':>11}{'unknown':>9}{'one-line tune':>15}"
        f"{'one-line held':>15}{'load s':>8}{'texts/s':>9}  worst"
    )
    figures: dict[str, dict[str, float]] = {}
    for name, load in candidates().items():
        start = time.perf_counter()
        identify = load()
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        said = [identify(s.text) for s in data]
        rate = len(data) / (time.perf_counter() - start)
        right = [guess == s.language for guess, s in zip(said, data, strict=True)]
        on_paragraphs = sum(r for r, s in zip(right, data, strict=True) if not s.headline) / len(paragraphs)
        on_headlines = sum(r for r, s in zip(right, data, strict=True) if s.headline) / len(headlines)
        unknown = sum(guess is None for guess in said) / len(data)
        wrong = Counter(s.language for r, s in zip(right, data, strict=True) if not r and not s.headline)
        worst = ", ".join(f"{lang} {n}" for lang, n in wrong.most_common(4)) or "-"
        figures[name] = {"paragraphs": on_paragraphs, "headlines": on_headlines, "unknown": unknown}
        cells = ""
        for part, lines in public.items():
            guesses = [identify(s.text) for s in lines]
            hits = sum(g == s.language for g, s in zip(guesses, lines, strict=True)) / max(len(lines), 1)
            unknowns = sum(g is None for g in guesses) / max(len(lines), 1)
            figures[name][f"one-line {part}"] = hits
            cells += f"{f'{hits:.1%} / {unknowns:.1%}':>15}"
        print(
            f"{name:<26}{on_paragraphs:>11.1%}{on_headlines:>11.1%}{unknown:>9.1%}{cells}{loaded:>8.2f}{rate:>9,.0f}"
            f"  {worst}"
        )
    return figures


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    table()
