"""Sentences on text nobody here wrote: public segmentation suites and treebanks, tuned and held out.

Printed by ``bench/run.py --public-segmentation-only`` (and by ``python bench/public_segmentation.py``):

* **Public suites, exact cases**: the test cases of other segmenters, not written for briefing:
  sentencex's ``tests/<lang>.txt`` and ``tests/lists.txt`` (one case: input, ``---``, the
  expected sentences, ``===``) and syntok's one-sentence-per-line text (``OSPL`` in
  ``syntok/segmenter_test.py``), cut into cases of two consecutive sentences. A case is right when
  its sentences come out exactly (white space folded). briefing's row reads each case as a
  ``.txt`` file through the whole path a user's file takes (loader, headings, cleaners,
  segmenter): a line taken for a heading or a title is text lost, so the case is wrong.
* **Treebank boundaries**: Universal Dependencies *dev* splits in eleven languages (never the
  test splits; the snapshots here lack most train splits), each document's sentences joined by
  one space into paragraphs; boundary F1 over the sentence ends inside a paragraph.

Every case and treebank document falls, by a hash of its text (of its id, for treebanks), into
``tune`` (two in three) or ``held`` (one in three). Rules were changed looking at ``tune`` only;
``held`` is reported beside it and never read otherwise. sentencex's row on its own suite is the
suite's author grading itself: it is printed for reference, not as a rival.

Rebuild the data outside the repo, once (``BRIEFING_EVAL_DIR``, default ``~/briefing-eval``)::

    mkdir -p ~/briefing-eval/repos && cd ~/briefing-eval/repos
    git clone --depth 1 https://github.com/wikimedia/sentencex
    git clone --depth 1 https://github.com/fnl/syntok
    for tb in English-EWT German-GSD French-GSD Spanish-GSD Italian-ISDT Portuguese-Bosque \\
              Dutch-Alpino Polish-LFG Russian-GSD Swedish-Talbanken Danish-DDT \\
              Arabic-PADT Czech-FicTree Greek-GDT Finnish-TDT Hungarian-Szeged \\
              Norwegian-Bokmaal Romanian-RRT Slovak-SNK Ukrainian-IU Bulgarian-BTB Turkish-IMST; do
        git clone --depth 1 https://github.com/UniversalDependencies/UD_$tb
    done
    rm */*-ud-test.conllu        # reserved for independent checks: never read
    python bench/public_segmentation.py rebuild ~/briefing-eval/repos
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval"))
OUT = EVAL_DIR / "public-segmentation"
#: The languages briefing is judged on in the suites (the issue's four), and the treebanks.
SUITE_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru", "da")
TREEBANKS = {
    "en": "UD_English-EWT",
    "de": "UD_German-GSD",
    "fr": "UD_French-GSD",
    "es": "UD_Spanish-GSD",
    "it": "UD_Italian-ISDT",
    "pt": "UD_Portuguese-Bosque",
    "nl": "UD_Dutch-Alpino",
    "pl": "UD_Polish-LFG",
    "ru": "UD_Russian-GSD",
    "sv": "UD_Swedish-Talbanken",
    "da": "UD_Danish-DDT",
}
#: Dev treebanks for the other languages briefing has words for, and two it has none for
#: (Bulgarian, Turkish: a reader may paste any language), read only for identifying the language
#: of one-line texts (``bench/languages.py``): no rule was tuned on any of them. (Arabic's dev split
#: is missing from the snapshot here; it is skipped when absent.)
LANGUAGE_TREEBANKS = {
    "ar": "UD_Arabic-PADT",
    "cs": "UD_Czech-FicTree",
    "el": "UD_Greek-GDT",
    "fi": "UD_Finnish-TDT",
    "hu": "UD_Hungarian-Szeged",
    "no": "UD_Norwegian-Bokmaal",
    "ro": "UD_Romanian-RRT",
    "sk": "UD_Slovak-SNK",
    "uk": "UD_Ukrainian-IU",
    "bg": "UD_Bulgarian-BTB",
    "tr": "UD_Turkish-IMST",
}

Split = Callable[[str], list[str]]


def split_of(key: str) -> str:
    """``held`` for one key in three, by its hash; else ``tune``."""
    return "held" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def sentencex_cases(path: Path, language: str) -> Iterator[dict[str, object]]:
    """The cases of one sentencex test file: input, ``---``, expected lines, ``===``."""
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    for block in "\n".join(lines).split("\n===")[:-1] if "\n===" in text else []:
        given, sep, expected = block.strip("\n").partition("\n---\n")
        if not sep or not given.strip():
            continue
        sentences = [line.replace("\\n", "\n") for line in expected.splitlines() if line.strip()]
        yield {"suite": f"sentencex/{path.stem}", "language": language, "text": given, "expected": sentences}


def syntok_cases(path: Path) -> Iterator[dict[str, object]]:
    """syntok's one-sentence-per-line text, as cases of two consecutive sentences."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "OSPL" for t in node.targets):
            sentences = [line for line in ast.literal_eval(node.value).splitlines() if line.strip()]
            for first, second in zip(sentences, sentences[1:], strict=False):
                yield {
                    "suite": "syntok/OSPL",
                    "language": "en",
                    "text": f"{first} {second}",
                    "expected": [first, second],
                }


def ud_documents(conllu: Path) -> Iterator[tuple[str, list[str]]]:
    """``(document id, its sentences)`` of a treebank file; a treebank without documents gives
    runs of ten sentences."""
    doc, sentences, count = "", [], 0
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            if sentences:
                yield doc, sentences
            doc, sentences = line.partition("=")[2].strip() or f"doc{count}", []
        elif line.startswith("# text = "):
            sentences.append(line[len("# text = ") :].strip())
            count += 1
            if not doc and len(sentences) == 10:
                yield f"run{count}", sentences
                sentences = []
    if sentences:
        yield doc or f"run{count}", sentences


def rebuild(repos: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    cases: list[dict[str, object]] = []
    for path in sorted((repos / "sentencex" / "tests").glob("*.txt")):
        language = "en" if path.stem == "lists" else path.stem
        if language in SUITE_LANGUAGES:
            cases.extend(sentencex_cases(path, language))
    cases.extend(syntok_cases(repos / "syntok" / "syntok" / "segmenter_test.py"))
    with (OUT / "cases.jsonl").open("w", encoding="utf-8") as out:
        for case in cases:
            case["split"] = split_of(f"{case['suite']}\n{case['text']}")
            out.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {OUT / 'cases.jsonl'}")
    for language, treebank in {**TREEBANKS, **LANGUAGE_TREEBANKS}.items():
        dev = next((repos / treebank).glob("*-ud-dev.conllu"), None)
        if dev is None:
            print(f"{treebank}: no dev split; skipped", file=sys.stderr)
            continue
        with (OUT / f"ud-{language}.jsonl").open("w", encoding="utf-8") as out:
            for doc, sentences in ud_documents(dev):
                out.write(json.dumps({"doc": doc, "sentences": sentences, "split": split_of(doc)}) + "\n")
        print(f"wrote {OUT / f'ud-{language}.jsonl'}")


def _fold(text: str) -> str:
    return " ".join(text.split())


def reader(language: str | None, name: str = "case.txt") -> Callable[[str], list[Any]]:
    """What briefing makes of a source called ``name`` holding a text: its documents, loaded and
    prepared as a run prepares them (``language`` for all of them, else identified)."""
    from briefing.engine.prepare import load_source, prepare_document
    from briefing.engine.runner import Engine
    from briefing.models import Source
    from briefing.plugins import PluginHost
    from briefing.settings import Settings

    settings = Settings(language=language, detect_language=False) if language else Settings()
    engine = Engine(PluginHost(load_entry_points=False).registry(), settings)

    def read(text: str) -> list[Any]:
        loaded, _, _ = load_source(engine.plugins, Source(name, text.encode("utf-8")))
        return [prepare_document(engine.plugins, document)[0] for document in loaded]

    return read


def briefing_reads(language: str) -> Split:
    """What briefing makes of a ``.txt`` file holding the text: its sentences, in order. Headings,
    a title taken from the text and anything dropped are not sentences."""
    read = reader(language)
    return lambda text: [s.text for document in read(text) for s in document.sentences]


def unaccounted(language: str, texts: list[str]) -> tuple[int, int]:
    """Words of ``texts``, read as ``.txt`` files, that are in neither the title, the headings, the
    sentences nor the dropped text of what briefing made of them; and all their words."""
    read = reader(language)
    lost = total = 0
    for text in texts:
        given = Counter(re.findall(r"\w+", text.casefold()))
        kept: Counter[str] = Counter()
        for document in read(text):
            parts = [document.title, *document.headings, *(s.text for s in document.sentences)]
            parts += [d.text for d in document.dropped]
            kept.update(re.findall(r"\w+", " ".join(parts).casefold()))
        lost += sum((given - kept).values())
        total += sum(given.values())
    return lost, total


def candidates() -> dict[str, Callable[[str], Split | None]]:
    sys.path.insert(0, str(REPO / "bench"))
    from segmentation import candidates as segmenters

    found: dict[str, Callable[[str], Split | None]] = {"briefing, a .txt file": briefing_reads}
    found.update(segmenters())
    found.pop("Punkt, our params", None)
    return found


def exact(split: Split, cases: list[dict[str, object]]) -> float:
    right = 0
    for case in cases:
        expected = [_fold(str(s)) for s in case["expected"]]  # type: ignore[attr-defined]
        right += [_fold(s) for s in split(str(case["text"]))] == expected
    return right / len(cases)


def boundary_f1(split: Split, documents: list[list[str]]) -> float:
    """F1 of the sentence ends inside each document's text (its last end is not counted)."""
    found = wanted = hit = 0
    for sentences in documents:
        text, gold, position = "", set(), 0
        for sentence in sentences:
            text = f"{text} {sentence}" if text else sentence
            gold.add(len(text))
        gold.discard(len(text))
        predicted = set()
        for sentence in split(text):
            start = text.find(sentence[:20], position)
            position = (start if start >= 0 else position) + len(sentence)
            predicted.add(position)
        predicted.discard(len(text))
        found, wanted, hit = found + len(predicted), wanted + len(gold), hit + len(gold & predicted)
    return 2 * hit / (found + wanted) if found + wanted else 1.0


def table(only: tuple[str, ...] = ()) -> dict[str, dict[str, float]]:
    """Prints both tables; returns the figures by segmenter and column."""
    path = OUT / "cases.jsonl"
    if not path.is_file():
        print(f"no public segmentation data under {OUT}: see bench/public_segmentation.py's docstring")
        return {}
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_language: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for case in cases:
        by_language[(case["language"], case["split"])].append(case)
    treebanks: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for language in TREEBANKS:
        ud = OUT / f"ud-{language}.jsonl"
        if ud.is_file():
            for line in ud.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                treebanks[(language, record["split"])].append(record["sentences"])
    figures: dict[str, dict[str, float]] = {}
    makers = {k: v for k, v in candidates().items() if not only or k in only}
    for title, groups, measure in (
        ("Public suites: cases exactly right, tuned / held out", by_language, exact),
        ("UD dev boundary F1, tuned / held out", treebanks, boundary_f1),
    ):
        languages = sorted({language for language, _ in groups}, key=lambda x: (x not in SUITE_LANGUAGES[:4], x))
        sizes = " ".join(f"{lang} {len(groups[(lang, 'tune')])}/{len(groups[(lang, 'held')])}" for lang in languages)
        print(f"\n{title} ({sizes})")
        print(f"{'segmenter':<22}" + "".join(f"{lang:>13}" for lang in languages))
        for name, make in makers.items():
            row, cells = figures.setdefault(name, {}), []
            for language in languages:
                split = make(language)
                if split is None:
                    cells.append(f"{'-':>13}")
                    continue
                pair = []
                for part in ("tune", "held"):
                    items = groups[(language, part)]
                    value = measure(split, items) if items else float("nan")  # type: ignore[arg-type]
                    row[f"{title[:6]} {language} {part}"] = value
                    pair.append(f"{value:.1%}".replace("%", ""))
                cells.append(f"{'/'.join(pair):>13}")
            print(f"{name:<22}" + "".join(cells))
    lost = total = 0
    for language in {*(lang for lang, _ in by_language), *(lang for lang, _ in treebanks)}:
        texts = [str(c["text"]) for part in ("tune", "held") for c in by_language.get((language, part), [])]
        texts += [" ".join(d) for part in ("tune", "held") for d in treebanks.get((language, part), [])]
        found = unaccounted(language, texts)
        lost, total = lost + found[0], total + found[1]
    print("\nWords of every case and treebank document read as .txt and found nowhere in what briefing made of it")
    print(f"(title, headings, sentences, dropped): {lost:,} of {total:,}")
    return figures


def failures(language: str, part: str = "tune") -> None:
    """briefing's wrong cases of one language in the tuning split, both splits shown."""
    cases = [json.loads(line) for line in (OUT / "cases.jsonl").read_text(encoding="utf-8").splitlines()]
    split = briefing_reads(language)
    for case in cases:
        if case["language"] != language or case["split"] != part:
            continue
        got = [_fold(s) for s in split(case["text"])]
        if got != [_fold(s) for s in case["expected"]]:
            print(
                f"--- {case['suite']}\n  input:    {case['text']!r}\n  expected: {case['expected']}\n  got:      {got}"
            )


def main() -> None:
    sys.path.insert(0, str(REPO / "src"))
    if len(sys.argv) == 3 and sys.argv[1] == "rebuild":
        rebuild(Path(sys.argv[2]).expanduser())
    elif len(sys.argv) >= 3 and sys.argv[1] == "failures":
        failures(sys.argv[2])
    else:
        table(tuple(sys.argv[1:]))


if __name__ == "__main__":
    main()
