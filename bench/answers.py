"""``briefing ask`` measured on public data: does the sentence it gives first answer the question?

Printed by ``bench/run.py --answers-only`` (or ``python bench/answers.py``). The set is WikiQA's
*training* split (Microsoft's open-domain question answering set: questions people asked Bing,
each with the sentences of the Wikipedia summary paragraph it led to, those that answer it
labelled), rebuilt outside the repo once::

    git clone https://github.com/SiemensHalske/DataAlchemist ~/briefing-eval/src/wikiqa-src
    python bench/answers.py rebuild ~/briefing-eval/src/wikiqa-src

which writes ``~/briefing-eval/qa/wikiqa-train.jsonl`` (that repository's commit f00790c holds
``data/WikiQA-train.tsv``). WikiQA's test split is not used.

Every question's paragraph is one document, and every question is asked of all of them at once
(about 2,100 paragraphs, 20,000 sentences): the question must find its paragraph and the answering
sentence in it, as ``ask`` must in a corpus. Scored over the questions that have an answer:
the share whose top-1 and top-3 sentences hold a labelled answer, for

* ``briefing ask`` (BM25 over content stems, what the question asks for first, and its "nothing
  answers that" threshold: a question it declines counts as missed);
* plain BM25 (``rank_bm25``'s Okapi BM25 over lower-cased words, the usual way it is used);
* lead: the first sentences of the paragraph plain BM25 ranks first.

Questions are split by a hash of their text: two in three to tune on, one in three held out
(never looked at while choosing ``briefing.answering``'s weights); both are printed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from briefing.answering import AnswerIndex  # noqa: E402
from briefing.models import Document, Sentence  # noqa: E402

EVAL_DIR = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval")) / "qa"
SET = EVAL_DIR / "wikiqa-train.jsonl"
COMMIT = "f00790c"


def rebuild(clone: Path) -> None:
    """WikiQA's training split from a clone of the repository that keeps it, as JSON Lines:
    ``{"question", "sentences", "answers"}`` (the indices of the answering sentences)."""
    tsv = subprocess.run(
        ["git", "-C", str(clone), "show", f"{COMMIT}:data/WikiQA-train.tsv"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    rows: dict[str, dict[str, list]] = {}
    for line in tsv.splitlines()[1:]:
        fields = line.split("\t")  # most rows: id, question, sentence id, sentence, label; a few
        question, sentence, label = fields[1], fields[-2], fields[-1]  # keep the document's id and title too
        entry = rows.setdefault(question, {"sentences": [], "answers": []})
        if label.strip() == "1":
            entry["answers"].append(len(entry["sentences"]))
        entry["sentences"].append(sentence)
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    with SET.open("w", encoding="utf-8") as out:
        for question, entry in rows.items():
            out.write(json.dumps({"question": question, **entry}, ensure_ascii=False) + "\n")
    print(f"{SET}: {len(rows)} questions, {sum(bool(e['answers']) for e in rows.values())} with an answer")


def held_out(question: str) -> bool:
    return int(hashlib.sha1(question.encode("utf-8")).hexdigest(), 16) % 3 == 0


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def accuracy_rows() -> None:
    from rank_bm25 import BM25Okapi

    if not SET.is_file():
        print(f"no {SET}: see bench/answers.py for how to rebuild it")
        return
    cases = [json.loads(line) for line in SET.open(encoding="utf-8")]
    documents = [
        Document(
            str(n),
            c["question"],
            " ".join(c["sentences"]),
            f"wikiqa-{n}",
            language="en",
            sentences=tuple(Sentence(text, 0, i) for i, text in enumerate(c["sentences"])),
        )
        for n, c in enumerate(cases)
    ]
    start = time.perf_counter()
    index = AnswerIndex(documents, "en")
    built = time.perf_counter() - start
    flat = [(n, i) for n, c in enumerate(cases) for i in range(len(c["sentences"]))]
    sentence_bm25 = BM25Okapi([_tokens(cases[n]["sentences"][i]) for n, i in flat])
    document_bm25 = BM25Okapi([_tokens(" ".join(c["sentences"])) for c in cases])
    scores: dict[tuple[str, bool], list[tuple[bool, bool]]] = {}
    asked = 0.0
    for n, case in enumerate(cases):
        if not case["answers"]:
            continue
        gold = {(n, i) for i in case["answers"]}
        split = held_out(case["question"])
        start = time.perf_counter()
        ours = [(int(a.document.id), a.position) for a in index.ask(case["question"])]
        asked += time.perf_counter() - start
        plain = sentence_bm25.get_scores(_tokens(case["question"]))
        best = sorted(range(len(flat)), key=lambda k: -plain[k])[:3]
        bm25 = [flat[k] for k in best]
        by_paragraph = document_bm25.get_scores(_tokens(case["question"]))
        paragraph = int(max(range(len(cases)), key=lambda k: by_paragraph[k]))
        lead = [(paragraph, i) for i in range(min(3, len(cases[paragraph]["sentences"])))]
        for name, ranked in (("briefing ask", ours), ("plain BM25", bm25), ("lead", lead)):
            scores.setdefault((name, split), []).append((bool(gold & set(ranked[:1])), bool(gold & set(ranked[:3]))))
    questions = sum(1 for c in cases if c["answers"])
    print(f"\nWikiQA train: {len(cases):,} paragraphs ({len(flat):,} sentences) asked at once; {questions} questions")
    print(f"with an answer; the index built in {built:.2f} s, a question answered in {1000 * asked / questions:.1f} ms")
    print("| method | top-1 tuned | top-1 held out | top-3 tuned | top-3 held out |")
    print("|---|---|---|---|---|")
    for name in ("briefing ask", "plain BM25", "lead"):
        cells = []
        for k in (0, 1):
            for split in (False, True):
                rows = scores[(name, split)]
                cells.append(f"{sum(r[k] for r in rows) / len(rows):.1%} of {len(rows)}")
        print(f"| {name} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} |")


def cached_speed_row(count: int = 1000) -> None:
    """``ask`` over ``count`` generated documents read from the cache: the index and one question."""
    from run import corpus_folder

    from briefing.cache import Cache
    from briefing.engine import Engine, Settings
    from briefing.plugins import PluginHost

    folder = corpus_folder(count)
    registry = PluginHost(load_entry_points=False).registry()
    question = "How much will the new plan cost each year?"
    with tempfile.TemporaryDirectory(prefix="briefing-bench-cache-") as cache_folder:
        first = Engine(registry, Settings(language="en"), Cache(Path(cache_folder)))
        start = time.perf_counter()
        first.answer_index(first.load([str(folder)]).documents).ask(question)  # the first question keeps the terms
        fresh = time.perf_counter() - start
        engine = Engine(registry, Settings(language="en"), Cache(Path(cache_folder)))
        start = time.perf_counter()
        documents = engine.load([str(folder)]).documents
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        engine.answer_index(documents).ask(question)
        answered = time.perf_counter() - start
    print(f"\n{count} generated documents: the first question (sources and terms read and kept) {fresh:.2f} s;")
    print(f"then from the cache: the sources in {loaded:.2f} s, the index and the answer in {answered:.2f} s")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "rebuild":
        rebuild(Path(sys.argv[2]).expanduser())
        return
    accuracy_rows()
    cached_speed_row()


if __name__ == "__main__":
    main()
