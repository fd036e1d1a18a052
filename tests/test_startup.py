"""Start-up: a brief answered from the cache does not import what it does not use (issue 30).
How long start-up takes is the bench's (``bench/run.py --startup-only``), not a timed test."""

from __future__ import annotations

import os
import subprocess
import sys

#: What a run from the cache has no use for: sentence splitting (nltk), numbers (numpy), the
#: process pool, HTTP, the topics' computing modules, the points' reading of sentences and the user
#: rules' regex engine.
UNUSED = (
    "nltk",
    "briefing.text.sentences",
    "numpy",
    "multiprocessing",
    "urllib.request",
    "briefing.topics.points",
    "briefing.topics.clustering",
    "briefing.text.standalone",
    "briefing.text.phrases",
    "briefing.engine.prepare",
    "regex",
)

#: Runs the CLI as ``briefing brief FILE`` does, then says which of UNUSED it imported.
PROBE = f"""
import runpy, sys
sys.argv = ["briefing", "brief", sys.argv[1]]
try:
    runpy.run_module("briefing", run_name="__main__")
except SystemExit:
    pass
print("imported:", " ".join(m for m in {UNUSED!r} if m in sys.modules), file=sys.stderr)
"""


def imported(path, cache) -> str:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], env=env, capture_output=True, text=True, check=True)
    return done.stderr.strip().splitlines()[-1]


def test_a_brief_from_the_cache_imports_none_of_what_computing_needs(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text("The ferry will run on Sundays from May. The council approved it on Tuesday.\n", encoding="utf-8")
    first = imported(small, tmp_path / "cache").split()
    assert {"nltk", "briefing.text.sentences", "numpy", "briefing.topics.points"} <= set(first)  # it computed
    assert imported(small, tmp_path / "cache") == "imported:"  # the cache had every result


def test_a_lazy_module_imports_at_its_first_attribute_and_keeps_what_it_read():
    probe = (
        "import sys\nfrom briefing.lazy_import import lazy_module\n"
        "wave = lazy_module('wave')\nbefore = 'wave' in sys.modules\n"
        "opened = wave.open\n"
        "print(before, 'wave' in sys.modules, opened is sys.modules['wave'].open, 'open' in vars(wave))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "True", "True"]
