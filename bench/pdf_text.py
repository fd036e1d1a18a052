"""PDFs read as their text reads: public text typeset into PDFs, then read back by briefing.

Printed by ``bench/run.py --pdf-only``. The text is the Universal Dependencies dev treebanks'
(English, German, French, Spanish) that ``bench/public_segmentation.py rebuild`` lays out, tuned
and held-out documents apart. Each document becomes a PDF the way reports are made: lines
wrapped at 75 characters, a long word at the margin broken with a hyphen, 40 lines a page, a
running header per part (it changes every three pages) and a numbered footer. Two figures,
beside the same text read as a ``.txt`` file:

* **lower-case starts**: the share of sentences that start with a lower-case letter; a sentence
  cut at a line end starts so, so the PDF's share should be within 3 points of the text's;
* **words kept**: the share of the document's words found in briefing's sentences of the PDF
  (headers, footers and page numbers are not words of the document).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import textwrap
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "de", "fr", "es")
#: Documents per language and split: enough for stable shares, quick to typeset.
DOCUMENTS = 40
WIDTH, PAGE_LINES = 75, 40


def documents(language: str, part: str) -> list[list[str]]:
    sys.path.insert(0, str(REPO / "bench"))
    from public_segmentation import OUT

    path = OUT / f"ud-{language}.jsonl"
    if not path.is_file():
        return []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    chosen = [r["sentences"] for r in records if r["split"] == part and len(r["sentences"]) >= 4]
    return [[s for s in sentences if _typeset(s)] for sentences in chosen[:DOCUMENTS]]


def _typeset(text: str) -> bool:
    try:
        text.encode("cp1252")  # the test PDF writer's font encoding
    except UnicodeEncodeError:
        return False
    return True


def paragraphs_of(sentences: list[str]) -> list[str]:
    """The document's sentences in paragraphs of four."""
    return [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]


def typeset(paragraphs: list[str]) -> list[list[str]]:
    """Pages of lines: wrapped, long words broken at the margin, a header per part, a footer."""
    lines: list[str] = []
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, WIDTH, break_long_words=False, break_on_hyphens=False)
        for index, line in enumerate(wrapped[:-1]):  # break the next line's first long word
            following = wrapped[index + 1]
            first = following.split(" ", 1)[0]
            if len(first) >= 9 and first.isalpha() and len(line) + len(first) // 2 + 2 <= WIDTH:
                wrapped[index] = f"{line} {first[: len(first) // 2]}-"
                wrapped[index + 1] = first[len(first) // 2 :] + following[len(first) :]
        lines.extend(wrapped)
        lines.append("")  # a blank line between paragraphs, as the text has
    body = PAGE_LINES - 2
    pages = []
    for number, start in enumerate(range(0, len(lines), body), start=1):
        header = f"Part {(number - 1) // 3 + 1}: findings"
        pages.append([header, *[line for line in lines[start : start + body] if line], f"Page {number}"])
    return pages


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def measure(language: str, part: str) -> dict[str, float]:
    sys.path.insert(0, str(REPO / "tests"))
    from pdf import make_pdf

    from briefing.engine.runner import Engine
    from briefing.plugins import PluginHost
    from briefing.settings import Settings

    engine = Engine(PluginHost(load_entry_points=False).registry(), Settings(language=language, workers=1))
    lower = {"pdf": [0, 0], "txt": [0, 0]}
    kept = found = 0
    with tempfile.TemporaryDirectory() as folder:
        for number, sentences in enumerate(documents(language, part)):
            paragraphs = paragraphs_of(sentences)
            pdf = Path(folder) / f"d{number}.pdf"
            pdf.write_bytes(make_pdf(typeset(paragraphs), title=f"Document {number}"))
            txt = Path(folder) / f"d{number}.txt"
            txt.write_text(f"Document {number}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
            for kind, path in (("pdf", pdf), ("txt", txt)):
                prepared = engine.load([str(path)])
                read = [s.text for d in prepared.documents for s in d.sentences]
                lower[kind][0] += sum(s[:1].islower() for s in read)
                lower[kind][1] += len(read)
                if kind == "pdf":
                    wanted = _words(" ".join(sentences))
                    found += sum((wanted & _words(" ".join(read))).values())
                    kept += sum(wanted.values())
    return {
        "lower pdf": lower["pdf"][0] / max(lower["pdf"][1], 1),
        "lower txt": lower["txt"][0] / max(lower["txt"][1], 1),
        "kept": found / max(kept, 1),
    }


def table() -> dict[str, dict[str, float]]:
    figures: dict[str, dict[str, float]] = {}
    print(f"PDFs typeset from UD dev text ({DOCUMENTS} documents a language and split), tuned / held out")
    print(f"{'language':<10}{'lower-case starts: pdf':>26}{'txt':>16}{'words kept':>18}")
    for language in LANGUAGES:
        rows = {part: measure(language, part) for part in ("tune", "held")}
        if not documents(language, "tune"):
            continue
        figures[language] = {f"{k} {p}": v for p, row in rows.items() for k, v in row.items()}

        def pair(key: str, rows: dict[str, dict[str, float]] = rows) -> str:
            return f"{rows['tune'][key]:.1%} / {rows['held'][key]:.1%}"

        print(f"{language:<10}{pair('lower pdf'):>26}{pair('lower txt'):>16}{pair('kept'):>18}")
    return figures


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    table()
