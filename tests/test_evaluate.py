"""briefing evaluate: ROUGE against reference summaries, on the shipped set and on made-up cases."""

from __future__ import annotations

import json

import pytest

from briefing.evaluate import _Tokenizer

from .conftest import REPO

EVALUATION = REPO / "bench" / "evaluation"


def test_shipped_evaluation_set_scores_every_summarizer(cli, registry):
    code, out, err = cli("evaluate", str(EVALUATION), "--format", "json")
    assert code == 0, err
    scores = json.loads(out)
    assert {s["summarizer"] for s in scores} == set(registry.names("summarizer"))
    for score in scores:
        assert score["documents"] == 6
        assert 0 < score["rouge2"] < score["rouge1"] <= 1 and 0 < score["rougeL"] <= score["rouge1"]
    code, out, _ = cli("evaluate", str(EVALUATION), "--summarizer", "lead", "--summarizer", "lexrank")
    assert code == 0 and out.splitlines()[1].split() == ["SUMMARIZER", "ROUGE-1", "ROUGE-2", "ROUGE-L", "DOCUMENTS"]
    assert {line.split()[0] for line in out.splitlines()[2:]} == {"lead", "lexrank"}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "pier.txt").write_text(
        "The old pier closes in May.\n\nGulls nest under it every spring. Fishers want a new dock instead.\n",
        encoding="utf-8",
    )
    return tmp_path


def scores_of(cli, folder, *args) -> dict[str, dict]:
    code, out, err = cli("evaluate", str(folder), "--format", "json", *args)
    assert code == 0, err
    return {s["summarizer"]: s for s in json.loads(out)}


def test_a_summary_equal_to_its_reference_scores_one(cli, folder):
    (folder / "pier.ref.txt").write_text("The old pier closes in May.\n", encoding="utf-8")
    lead = scores_of(cli, folder, "--summarizer", "lead")["lead"]
    assert lead["rouge1"] == lead["rouge2"] == lead["rougeL"] == 1.0


def test_the_best_of_several_references_counts(cli, folder):
    (folder / "pier.ref.txt").write_text(
        "Gulls and fishers argue.\n---\nThe old pier closes in May.\n", encoding="utf-8"
    )
    assert scores_of(cli, folder, "--summarizer", "lead", "--sentences", "1")["lead"]["rouge1"] == 1.0
    (folder / "pier.ref.txt").write_text("Gulls and fishers argue.\n", encoding="utf-8")
    assert scores_of(cli, folder, "--summarizer", "lead", "--sentences", "1")["lead"]["rouge1"] == 0.0


def test_documents_without_references_are_reported(cli, folder, tmp_path):
    (folder / "pier.ref.txt").write_text("The old pier closes in May.\n", encoding="utf-8")
    (folder / "lonely.txt").write_text("Nobody wrote a summary of this. It stays alone.\n", encoding="utf-8")
    code, out, err = cli("evaluate", str(folder), "--summarizer", "lead")
    assert code == 1 and "lonely.txt: no reference summary (lonely.ref.txt)" in err and "lead" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = cli("evaluate", str(empty))
    assert code == 2 and "no document with a reference summary" in err


def test_words_are_stemmed_in_their_language_and_keep_their_letters():
    assert _Tokenizer("de").tokenize("Größere Städte, größere Mieten!") == ["gross", "stadt", "gross", "miet"]
    assert _Tokenizer("en").tokenize("Bikes and biking") == ["bike", "and", "bike"]
