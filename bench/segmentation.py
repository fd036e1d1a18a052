"""Sentence segmenters side by side: briefing's and the established ones, on accuracy and speed.

Three measures, printed by ``bench/run.py --segmentation-only``:

* **Gold set** (``tests/data/sentences_gold.txt``, written for briefing): share of cases split
  exactly right, per language.
* **Treebank running text**: Universal Dependencies *dev* splits (never the test splits) turned
  into paragraphs of consecutive sentences. Every ``.``, ``!`` or ``?`` followed by a space is a
  decision (end a sentence or not); the figure is the share decided as the treebank does. This
  is ordinary news and web prose, so a rule that helps the gold set must not cost here.
  Rebuild the data outside the repo, once::

      for tb in UD_English-EWT UD_German-GSD UD_French-GSD UD_Spanish-GSD; do
          git clone --depth 1 https://github.com/UniversalDependencies/$tb ~/briefing-eval/ud/$tb
      done
      python bench/segmentation.py rebuild ~/briefing-eval/ud

  which writes ``~/briefing-eval/ud/<lang>.jsonl``; ``BRIEFING_EVAL_DIR`` points elsewhere.
* **Speed**: sentences per second over generated 40-sentence documents (best of three rounds of
  300 documents, CPU time).

The segmenters compared are optional imports (``pip install pysbd sentencex syntok blingfire``);
a missing one is left out of the table.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "data" / "sentences_gold.txt"
EVAL_DIR = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval"))
UD_LANGUAGES = {"en": "UD_English-EWT", "de": "UD_German-GSD", "fr": "UD_French-GSD", "es": "UD_Spanish-GSD"}
#: Sentences per treebank "paragraph" when the treebank marks none (GSD has no ``# newpar``).
UD_PARAGRAPH = 5

Split = Callable[[str], list[str]]


@dataclass(frozen=True)
class GoldCase:
    language: str
    text: str
    expected: list[str]
    line: int


def gold_cases(path: Path = GOLD) -> list[GoldCase]:
    """The gold set: ``[xx]`` starts a language; a case is its sentences joined by `` <> ``,
    and its input is them joined by one space unless written first, before `` ⇒ ``, where
    ``\\n`` is a line break."""
    cases, language = [], "en"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            language = line.strip("[]")
            continue
        given, arrow, rest = line.partition(" ⇒ ")
        expected = (rest if arrow else given).split(" <> ")
        text = given.replace("\\n", "\n") if arrow else " ".join(expected)
        cases.append(GoldCase(language, text, expected, number))
    return cases


def ud_paragraphs(conllu: Path) -> Iterator[list[str]]:
    """Consecutive sentences of a treebank file: its own paragraphs, else runs of five."""
    sentences: list[str] = []
    marked = False
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if line.startswith(("# newpar", "# newdoc")):
            marked = True
            if sentences:
                yield sentences
            sentences = []
        elif line.startswith("# text = "):
            sentences.append(line[len("# text = ") :].strip())
            if not marked and len(sentences) == UD_PARAGRAPH:
                yield sentences
                sentences = []
    if sentences:
        yield sentences


def rebuild(folder: Path) -> None:
    """``<lang>.jsonl`` beside the cloned treebanks, from their dev splits."""
    for language, treebank in UD_LANGUAGES.items():
        dev = next((folder / treebank).glob("*-ud-dev.conllu"), None)
        if dev is None:
            print(f"{treebank}: no dev split under {folder / treebank}; skipped", file=sys.stderr)
            continue
        with (folder / f"{language}.jsonl").open("w", encoding="utf-8") as out:
            for sentences in ud_paragraphs(dev):
                out.write(json.dumps({"sentences": sentences}, ensure_ascii=False) + "\n")
        print(f"wrote {folder / f'{language}.jsonl'}")


def ud_set(language: str) -> list[list[str]] | None:
    path = EVAL_DIR / "ud" / f"{language}.jsonl"
    if not path.is_file():
        return None
    return [json.loads(line)["sentences"] for line in path.read_text(encoding="utf-8").splitlines() if line]


_CANDIDATE = re.compile(r"[.!?]['\"”’»)\]]*(?=\s)")


def _ends(sentences: list[str]) -> tuple[str, set[int]]:
    """The paragraph (sentences joined by one space) and the offsets where sentences end."""
    text, ends = "", set()
    for sentence in sentences:
        text = f"{text} {sentence}" if text else sentence
        ends.add(len(text))
    return text, ends


def decisions(split: Split, paragraphs: list[list[str]]) -> tuple[int, int]:
    """Right decisions and all decisions at ``.``/``!``/``?`` followed by a space."""
    right = total = 0
    for sentences in paragraphs:
        text, gold = _ends(sentences)
        predicted, position = set(), 0
        for sentence in split(text):
            start = text.find(sentence[:20], position)
            if start < 0:  # a segmenter that rewrote the text: locate by length instead
                start = position
            position = start + len(sentence)
            predicted.add(position)
        for match in _CANDIDATE.finditer(text):
            total += 1
            right += (match.end() in gold) == (match.end() in predicted)
    return right, total


def generated_documents(count: int, sentences: int = 40) -> list[str]:
    """Documents of ordinary sentences with abbreviations, numbers and quotes, fixed seed."""
    import random

    rng = random.Random(20261125)
    pieces = [
        "The council met on Tuesday",
        "Dr. Weber presented the plan",
        "costs rose by 3.5 percent",
        'she said "we will see"',
        "the U.S. delegation arrived late",
        "nobody expected it",
        "at 5 p.m. the vote began",
        "prices fell in March",
    ]
    documents = []
    for _ in range(count):
        body = []
        for _ in range(sentences):
            first, second = rng.sample(pieces, 2)
            end = rng.choice(".....?!")
            body.append(f"{first[0].upper()}{first[1:]} and {second}{end}")
        documents.append(" ".join(body))
    return documents


def sentences_per_second(split: Split, documents: list[str], rounds: int = 3, size: int = 300) -> float:
    """The best of a few rounds over different documents, in CPU time: a busy machine slows a
    round down, never speeds it up."""
    best = 0.0
    for round_ in range(rounds):
        batch = documents[round_ * size : (round_ + 1) * size]
        start = time.process_time()
        done = sum(len(split(document)) for document in batch)
        best = max(best, done / max(time.process_time() - start, 1e-9))
    return best


def corpus_cost(count: int = 10_000) -> None:
    """The whole generated corpus through briefing's segmenter and through Punkt alone, in CPU
    seconds: the cost the layout and joining rules add, at the size the issue set."""
    from briefing.text.words import language_kit

    segmenter = language_kit("en").segmenter
    documents = generated_documents(count)
    timings, counts = {}, {}
    for name, split in (("briefing", segmenter.split), ("Punkt alone", segmenter._punkt.tokenize)):
        start = time.process_time()
        counts[name] = sum(len(split(document)) for document in documents)
        timings[name] = time.process_time() - start
    ratio = timings["briefing"] / timings["Punkt alone"]
    print(
        f"{count:,} documents x 40 sentences ({counts['briefing']:,} sentences): briefing {timings['briefing']:.1f} s, "
        f"Punkt alone {timings['Punkt alone']:.1f} s, {ratio:.2f}x (target <= 1.5x)"
    )


def candidates() -> dict[str, Callable[[str], Split | None]]:
    """Each segmenter by name: a function from language code to a splitter (``None``: lacks it)."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from briefing.text.words import language_kit

    found: dict[str, Callable[[str], Split | None]] = {
        "briefing": lambda lang: language_kit(lang).segmenter.split,
        # Punkt alone with briefing's parameters: the bulk of what segmentation cost before the
        # layout rules, so the speed column shows what the rules add.
        "Punkt, our params": lambda lang: language_kit(lang).segmenter._punkt.tokenize,
        "Punkt, untrained": lambda lang: PunktSentenceTokenizer().tokenize,
    }
    try:
        import pysbd

        def _pysbd(lang: str) -> Split | None:
            try:
                seg = pysbd.Segmenter(language=lang, clean=False)
            except ValueError:
                return None
            return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]

        found["pysbd"] = _pysbd
    except ImportError:
        pass
    try:
        import sentencex

        found["sentencex"] = lambda lang: lambda text: [s.strip() for s in sentencex.segment(lang, text) if s.strip()]
    except ImportError:
        pass
    try:
        from syntok import segmenter as syntok_segmenter

        def _syntok(text: str) -> list[str]:
            return [
                "".join(token.spacing + token.value for token in sentence).strip()
                for paragraph in syntok_segmenter.analyze(text)
                for sentence in paragraph
            ]

        found["syntok"] = lambda lang: _syntok if lang in {"en", "de", "es"} else None
    except ImportError:
        pass
    try:
        import blingfire

        found["blingfire"] = lambda lang: lambda text: [s for s in blingfire.text_to_sentences(text).split("\n") if s]
    except ImportError:
        pass
    return found


def table(languages: tuple[str, ...] = ("en", "de", "fr", "es")) -> dict[str, dict[str, float]]:
    """Prints the segmenter table and returns its figures by segmenter and column."""
    cases = gold_cases()
    treebanks = {lang: ud_set(lang) for lang in languages}
    documents = generated_documents(1_000)
    columns = [f"gold {lang}" for lang in languages] + [f"UD {lang}" for lang in languages if treebanks[lang]]
    print(f"{'segmenter':<18}" + "".join(f"{c:>9}" for c in columns) + f"{'sent/s':>11}")
    figures: dict[str, dict[str, float]] = {}
    for name, make in candidates().items():
        row: dict[str, float] = {}
        for lang in languages:
            split = make(lang)
            if split is None:
                continue
            mine = [c for c in cases if c.language == lang]
            if mine:
                row[f"gold {lang}"] = sum(split(c.text) == c.expected for c in mine) / len(mine)
            if treebanks[lang]:
                right, total = decisions(split, treebanks[lang] or [])
                row[f"UD {lang}"] = right / total
        english = make("en")
        if english is not None:
            row["sent/s"] = sentences_per_second(english, documents)
        figures[name] = row
        cells = "".join(f"{row[c]:>9.1%}" if c in row else f"{'-':>9}" for c in columns)
        print(f"{name:<18}{cells}{row.get('sent/s', 0):>11,.0f}")
    ours, punkt = figures["briefing"], figures["Punkt, our params"]
    cost = punkt["sent/s"] / ours["sent/s"]
    print(f"targets: gold en/de >= 97%, fr/es >= 95%; briefing's cost vs Punkt alone: {cost:.2f}x (target <= 1.5x)")
    corpus_cost()
    return figures


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "rebuild":
        rebuild(Path(sys.argv[2]).expanduser())
        return
    sys.path.insert(0, str(REPO / "src"))
    table()


if __name__ == "__main__":
    main()
