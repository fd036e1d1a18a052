"""Start-up: a brief answered from the cache does not import what it does not use (issue 30).
How long start-up takes is the bench's (``bench/run.py --startup-only``), not a timed test."""

from __future__ import annotations

import os
import subprocess
import sys

#: Runs the CLI as ``briefing brief FILE`` does, then says which heavy modules it imported.
PROBE = """
import runpy, sys
sys.argv = ["briefing", "brief", sys.argv[1]]
try:
    runpy.run_module("briefing", run_name="__main__")
except SystemExit:
    pass
print("imported:", " ".join(m for m in ("nltk", "briefing.text.sentences") if m in sys.modules), file=sys.stderr)
"""


def imported(path, cache) -> str:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], env=env, capture_output=True, text=True, check=True)
    return done.stderr.strip().splitlines()[-1]


def test_a_brief_from_the_cache_imports_no_nltk(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text("The ferry will run on Sundays from May. The council approved it on Tuesday.\n", encoding="utf-8")
    assert imported(small, tmp_path / "cache") == "imported: nltk briefing.text.sentences"  # it split sentences
    assert imported(small, tmp_path / "cache") == "imported:"  # the cache had every result
