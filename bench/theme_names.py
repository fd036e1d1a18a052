"""Theme and topic names as a reader judges them, on the articles written for briefing.

Printed by ``bench/run.py --theme-names-only`` (or ``python bench/theme_names.py``). Issue 26 asks
for the share of theme names that are noun phrases a person would accept as a heading, and the
share of themes with at least two points. Each folder of articles written here (``sources/``,
``bench/evaluation/``, ``tests/data/entities/``) is briefed as a reader would brief it, on its own
and with no cache; every topic name and theme name is looked up in ``theme_names.toml``, where a
person has judged it (``accepted`` or ``rejected``, each rejected one with why). A name nobody has
judged yet is printed as such and counted apart: judge it and add it, never drop it.

The judgement is a reader's, not a rule's: a heading is accepted when a person briefing someone
could print it above the points as it stands ("Landkreis Hohenwald", "Flow batteries"), and
rejected when it is a verb, a function word, a fragment of a longer name or a word too general to
say what follows ("Auswertung", "Hause").
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("sources", "bench/evaluation", "tests/data/entities")
JUDGED = Path(__file__).with_name("theme_names.toml")


def _names(folder: Path) -> tuple[list[str], list[tuple[str, int]]]:
    """Topic names, and (theme name, points) of every theme, of the folder briefed as a reader would."""
    out = subprocess.run(
        [sys.executable, "-m", "briefing", "brief", str(folder), "--format", "json", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    ).stdout
    topics = json.loads(out)["topics"]
    return [t["name"] for t in topics], [(th["name"], len(th["points"])) for t in topics for th in t["thematic"] or ()]


def main() -> None:
    judged = tomllib.loads(JUDGED.read_text(encoding="utf-8"))
    accepted, rejected = set(judged["accepted"]), dict(judged["rejected"])
    print("\nTheme and topic names judged by a reader (bench/theme_names.toml)")
    print("| folder | kind | names | accepted | rejected | not yet judged | themes with 2+ points |")
    print("|---|---|---|---|---|---|---|")
    for folder in FOLDERS:
        topics, themes = _names(REPO / folder)
        for kind, names in (("topic", topics), ("theme", [name for name, _ in themes])):
            yes = [n for n in names if n in accepted]
            no = [n for n in names if n in rejected]
            unjudged = [n for n in names if n not in accepted and n not in rejected]
            share = f"{len(yes) / (len(yes) + len(no)):.0%}" if yes or no else "-"
            two = f"{sum(points >= 2 for _, points in themes) / len(themes):.0%}" if kind == "theme" and themes else ""
            print(f"| {folder} | {kind} | {len(names)} | {len(yes)} ({share}) | {len(no)} | {len(unjudged)} | {two} |")
            for name in no:
                print(f"|   | rejected | {name}: {rejected[name]} | | | | |")
            for name in unjudged:
                print(f"|   | not yet judged | {name} | | | | |")


if __name__ == "__main__":
    main()
