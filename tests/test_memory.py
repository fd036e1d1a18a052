"""A large run's memory (issue 30): themes share their documents' sentence strings. How much
memory a run takes is the bench's to say (``bench/run.py --corpora-only``), not a test's."""

from __future__ import annotations

from briefing.cache import Cache
from briefing.engine import Engine, Settings

from .test_parallel_briefs import corpus


def test_themes_hold_their_documents_sentence_strings_not_copies(registry, tmp_path):
    folder = corpus(tmp_path / "notes", 8)
    with Engine(registry, Settings(workers=1), Cache(tmp_path / "cache")) as engine:
        engine.run([str(folder)])  # the taggers' analyses go to the cache
    (folder / "extra.txt").write_text("The ferry berths opened on Monday.\n", encoding="utf-8")
    with Engine(registry, Settings(workers=1), Cache(tmp_path / "cache")) as engine:
        documents = engine.load([str(folder)]).documents  # a new corpus: tagged again, analyses from the cache
        tagged = engine.themes.corpus(documents)
    evidence = [
        (e, {id(s.text) for s in d.sentences}) for d in documents for t in tagged[d.id][0] for e in t.evidence
    ]
    assert evidence and all(id(e) in own for e, own in evidence)
