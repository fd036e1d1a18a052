"""Abbreviations learnt from treebank text: a word with a period inside a sentence of the gold
segmentation is an abbreviation of that language (``ул.``, ``pgt.``, ``sig.``, ``bl.a.``).

Reads the *tuning* documents of the Universal Dependencies dev treebanks that
``bench/public_segmentation.py rebuild`` lays out (never the held-out ones, which the bench
reports on) and writes the words seen so at least twice, that are short (two to
:data:`LONGEST` letters: single letters are initials, which the segmenter handles already) and
never end a gold sentence, into
``src/briefing/text/punkt/<language>/abbrev_types.txt`` for the languages briefing ships no
Punkt parameters for. Run it again after rebuilding the data::

    python bench/learn_abbreviations.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PUNKT = REPO / "src" / "briefing" / "text" / "punkt"
#: Learnt for these; English, German, French and Spanish ship hand-checked lists already.
LANGUAGES = {
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "pl": "polish",
    "ru": "russian",
    "sv": "swedish",
    "da": "danish",
}
LONGEST = 5
SEEN = 2
#: A word with a period: letters, with inner periods allowed ("bl.a", "т.е").
_WORD_STOP = re.compile(r"(?<![\w.])((?:[^\W\d_]+\.)*[^\W\d_]+)\.(?=\s)")


def learn(sentences: list[str]) -> list[str]:
    inside: Counter[str] = Counter()
    ending: set[str] = set()
    for sentence in sentences:
        for match in _WORD_STOP.finditer(sentence + " "):
            word = match.group(1).lower()
            if match.end() >= len(sentence):
                ending.add(word)
            else:
                inside[word] += 1
    return sorted(
        word
        for word, count in inside.items()
        if count >= SEEN and word not in ending and 1 < len(word.replace(".", "")) <= LONGEST
    )


def main() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from public_segmentation import OUT

    for code, name in LANGUAGES.items():
        path = OUT / f"ud-{code}.jsonl"
        if not path.is_file():
            print(f"{code}: no treebank data; skipped")
            continue
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        words = learn([s for r in records if r["split"] == "tune" for s in r["sentences"]])
        if not words:
            print(f"{code}: none seen twice in the tuning documents")
            continue
        folder = PUNKT / name
        folder.mkdir(exist_ok=True)
        (folder / "abbrev_types.txt").write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
        print(f"{code}: {len(words)} abbreviations -> {folder / 'abbrev_types.txt'}: {', '.join(words[:12])}")


if __name__ == "__main__":
    main()
