"""The entity tagger's kinds measured on public annotated news: is a "person" a person?

Printed by ``bench/run.py --entities-only`` (or ``python bench/entities.py``). The set is
CoNLL-2003 English (Reuters news, 1996-97, people, organisations, places and other names
annotated by hand), rebuilt outside the repo once::

    git clone https://github.com/heathher/Named-Entity-Recognition ~/briefing-eval/src/conll2003-src
    python bench/entities.py rebuild ~/briefing-eval/src/conll2003-src

which writes ``~/briefing-eval/entities/conll2003-{train,valid}.jsonl``. Rules are tuned on the
training split only; the validation split is held out (never looked at while tuning) and printed
beside it. The test split is not used.

Each article is a document of its annotated sentences (as written, tokens joined back), tagged by
the ``entities`` tagger with the articles of its split as the corpus. A name the tagger gives a
kind is right when the annotators marked it (or a longer name that holds it: "Clinton" in "Bill
Clinton") with that kind: PER a person, ORG an organisation, LOC a place. A name the annotators
did not mark at all, or marked MISC ("German", "Olympics"), is wrong for every kind. Printed per
kind: precision and how many names; and how many names are a stop word (a pronoun, a function
word: "I", "It", "There").
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from briefing.engine import Engine, Settings  # noqa: E402
from briefing.models import Document, Sentence  # noqa: E402
from briefing.plugins import PluginHost  # noqa: E402
from briefing.text.words import language_kit  # noqa: E402

EVAL_DIR = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval")) / "entities"
SPLITS = {"train": "tuned", "valid": "held out"}
KINDS = {"PER": "person", "ORG": "organisation", "LOC": "place"}


def _read_conll(text: str) -> list[list[list[tuple[str, str]]]]:
    """Documents, each a list of sentences, each a list of (token, tag)."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            if sentence and documents:
                documents[-1].append(sentence)
            sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            documents.append([])
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence and documents:
        documents[-1].append(sentence)
    return [d for d in documents if d]


def rebuild(clone: Path) -> None:
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        documents = _read_conll((clone / "conll2003" / f"{split}.txt").read_text(encoding="utf-8"))
        path = EVAL_DIR / f"conll2003-{split}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for sentences in documents:
                out.write(json.dumps({"sentences": sentences}) + "\n")
        print(f"{path}: {len(documents)} articles")


def detokenised(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?)\]%'])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return text.replace(" 's", "'s").replace(" n't", "n't")


def gold_entities(sentence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(text, type) of every annotated entity (IOB1 or IOB2)."""
    found: list[tuple[list[str], str]] = []
    previous = "O"
    for token, tag in sentence:
        if tag == "O":
            previous = "O"
            continue
        prefix, kind = tag.split("-", 1)
        if prefix == "B" or previous != kind:
            found.append(([token], kind))
        else:
            found[-1][0].append(token)
        previous = kind
    return [(detokenised(tokens), kind) for tokens, kind in found]


def _gold_kind(name: str, gold: Counter[tuple[str, str]]) -> str | None:
    """The annotators' type for ``name``: of the entities that are it, else that hold it as whole words."""
    exact = Counter({kind: n for (text, kind), n in gold.items() if text == name})
    if exact:
        return exact.most_common(1)[0][0]
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    holding = Counter({kind: n for (text, kind), n in gold.items() if pattern.search(text)})
    return holding.most_common(1)[0][0] if holding else None


def precision_rows() -> None:
    registry = PluginHost(load_entry_points=False).registry()
    stops = language_kit("en").stop_words
    results: dict[str, dict[str, Counter[str]]] = {}
    for split, label in SPLITS.items():
        path = EVAL_DIR / f"conll2003-{split}.jsonl"
        if not path.is_file():
            print(f"no {path}: see bench/entities.py for how to rebuild it")
            return
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        documents, golds = [], {}
        for number, row in enumerate(rows):
            sentences = [detokenised([t for t, _ in s]) for s in row["sentences"]]
            document = Document(
                f"{split}-{number}",
                sentences[0][:80],
                "\n\n".join(sentences),
                f"conll-{split}-{number}",
                language="en",
                sentences=tuple(Sentence(text, i, i) for i, text in enumerate(sentences)),
            )
            documents.append(document)
            golds[document.id] = Counter(e for s in row["sentences"] for e in gold_entities(s))
        engine = Engine(registry, Settings(language="en", taggers=("entities",)))
        tagged = engine.themes.corpus(documents)
        counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS.values()}
        counts["stop word"] = Counter()
        for document in documents:
            for theme in tagged[document.id][0]:
                if theme.name.lower() in stops:
                    counts["stop word"]["names"] += 1
                if theme.kind not in counts:
                    continue
                counts[theme.kind]["names"] += 1
                if KINDS.get(_gold_kind(theme.name, golds[document.id]) or "") == theme.kind:
                    counts[theme.kind]["right"] += 1
                else:
                    counts[theme.kind][f"wrong: {theme.name}"] += 1
        results[label] = counts
    print("\nCoNLL-2003 English: the entity tagger's kinds, precision")
    print("| kind | tuned (train) | held out (valid) |")
    print("|---|---|---|")
    for kind in KINDS.values():
        cells = []
        for label in SPLITS.values():
            c = results[label][kind]
            cells.append(f"{c['right'] / c['names']:.1%} of {c['names']}" if c["names"] else "-")
        print(f"| {kind} | {cells[0]} | {cells[1]} |")
    cells = [str(results[label]["stop word"]["names"]) for label in SPLITS.values()]
    print(f"| names that are a stop word | {cells[0]} | {cells[1]} |")
    if "--wrong" in sys.argv:  # the tuned split's mistakes, to read (never the held-out one's)
        for kind in KINDS.values():
            wrong = Counter({k[7:]: n for k, n in results["tuned"][kind].items() if k.startswith("wrong: ")})
            print(kind, wrong.most_common(40))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "rebuild":
        rebuild(Path(sys.argv[2]).expanduser())
        return
    precision_rows()


if __name__ == "__main__":
    main()
