"""briefing evaluate: ROUGE against references for documents and topic briefs, with intervals."""

from __future__ import annotations

import json

import pytest

from briefing.evaluation.bootstrap import paired_difference
from briefing.evaluation.rouge import Rouge, _LanguageTokenizer

from .conftest import REPO

EVALUATION = REPO / "bench" / "evaluation"
METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def scores_of(cli, path, *args) -> dict[str, dict]:
    code, out, err = cli("evaluate", str(path), "--format", "json", *args)
    assert code == 0, err
    return {s["method"]: s for s in json.loads(out)}


def test_shipped_evaluation_set_scores_every_summarizer(cli, registry):
    scores = scores_of(cli, EVALUATION)
    assert set(scores) == set(registry.names("summarizer"))
    for score in scores.values():
        assert score["cases"] == 6
        assert 0 < score["rouge2"] < score["rouge1"] <= 1 and 0 < score["rougeL"] <= score["rougeLsum"] <= 1
        if score["method"] != "lead":
            assert score["difference"]["baseline"] == "lead" and score["difference"]["metric"] == "rouge2"
            assert score["difference"]["low"] <= score["difference"]["mean"] <= score["difference"]["high"]
    code, out, _ = cli("evaluate", str(EVALUATION), "--summarizer", "lead", "--summarizer", "lexrank")
    lines = out.splitlines()
    assert code == 0 and lines[1].split()[:6] == ["METHOD", "ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-Lsum", "CASES"]
    assert {line.split()[0] for line in lines[2:]} == {"lead", "lexrank"}
    assert "baseline" in next(line for line in lines if line.startswith("lead"))


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "pier.txt").write_text(
        "The old pier closes in May.\n\nGulls nest under it every spring. Fishers want a new dock instead.\n",
        encoding="utf-8",
    )
    return tmp_path


def test_a_summary_equal_to_its_reference_scores_one(cli, folder):
    (folder / "pier.ref.txt").write_text("The old pier closes in May.\n", encoding="utf-8")
    lead = scores_of(cli, folder, "--summarizer", "lead")["lead"]
    assert all(lead[m] == 1.0 for m in METRICS)


def test_several_references_count_as_the_best_or_the_mean(cli, folder):
    (folder / "pier.ref.txt").write_text(
        "Gulls and fishers argue.\n---\nThe old pier closes in May.\n", encoding="utf-8"
    )
    assert scores_of(cli, folder, "--summarizer", "lead", "--sentences", "1")["lead"]["rouge1"] == 1.0
    mean = scores_of(cli, folder, "--summarizer", "lead", "--sentences", "1", "--references", "mean")
    assert mean["lead"]["rouge1"] == pytest.approx(0.5)
    (folder / "pier.ref.txt").write_text("Gulls and fishers argue.\n", encoding="utf-8")
    assert scores_of(cli, folder, "--summarizer", "lead", "--sentences", "1")["lead"]["rouge1"] == 0.0


def test_a_word_budget_cuts_the_last_sentence(cli, folder):
    (folder / "pier.ref.txt").write_text("The old pier\n", encoding="utf-8")
    lead = scores_of(cli, folder, "--summarizer", "lead", "--words", "3")["lead"]
    assert lead["rouge1"] == 1.0
    code, _, err = cli("evaluate", str(folder), "--words", "3", "--sentences", "1")
    assert code == 2 and "give one length" in err


def test_a_ratio_budget_takes_that_share_of_each_documents_sentences(cli, folder):
    (folder / "pier.ref.txt").write_text("The old pier closes in May. Gulls nest under it every spring.\n")
    third = scores_of(cli, folder, "--summarizer", "lead", "--ratio", "0.34")["lead"]  # 1 of 3 sentences
    two_thirds = scores_of(cli, folder, "--summarizer", "lead", "--ratio", "0.67")["lead"]  # 2 of 3
    assert third["rouge1"] < two_thirds["rouge1"] == 1.0
    code, out, _ = cli("evaluate", str(folder), "--summarizer", "lead", "--ratio", "0.4")
    assert code == 0 and "summaries of 40% of each case's sentences" in out
    code, _, err = cli("evaluate", str(folder), "--ratio", "0.4", "--sentences", "1")
    assert code == 2 and "give one length" in err


def test_rouge_lsum_reads_sentence_by_sentence():
    rouge = Rouge()
    reference = "Gulls nest under the pier. Fishers want a new dock."
    swapped = rouge.score(["Fishers want a new dock.", "Gulls nest under the pier."], [reference], "en")
    assert swapped["rougeLsum"] == 1.0 and swapped["rouge1"] == 1.0
    assert swapped["rougeL"] < 1.0


def test_documents_without_references_are_reported(cli, folder, tmp_path):
    (folder / "pier.ref.txt").write_text("The old pier closes in May.\n", encoding="utf-8")
    (folder / "lonely.txt").write_text("Nobody wrote a summary of this. It stays alone.\n", encoding="utf-8")
    code, out, err = cli("evaluate", str(folder), "--summarizer", "lead")
    assert code == 1 and "lonely.txt: no reference summary (lonely.ref.txt)" in err and "lead" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = cli("evaluate", str(empty))
    assert code == 2 and "no document with a reference summary" in err


def test_json_lines_documents_and_topics(cli, tmp_path):
    lines = [
        {
            "id": "pier",
            "text": "The old pier closes in May. Gulls nest there.",
            "summary": "The old pier closes in May.",
        },
        "not json at all",
        {"id": "nothing", "summary": "A reference with no document."},
        {
            "id": "harbour",
            "documents": [
                "The harbour dredging starts on Monday. Boats must moor at the east quay.",
                {"text": "Dredgers arrived from Rotterdam overnight. The work lasts six weeks.", "title": "Dredgers"},
            ],
            "summaries": ["The harbour dredging starts on Monday. Dredgers arrived from Rotterdam overnight."],
        },
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(line) if isinstance(line, dict) else line for line in lines), encoding="utf-8")
    code, out, err = cli("evaluate", str(path), "--summarizer", "lead", "--format", "json")
    assert code == 1
    assert f"{path}:2: not JSON" in err and f"{path}:3: no 'text' and no 'documents' list" in err
    scores = {s["method"]: s for s in json.loads(out)}
    assert set(scores) == {"lead", "brief:lead", "thematic:lead", "first-sentences"}
    assert scores["lead"]["cases"] == 2  # the document and the topic read as one
    assert scores["brief:lead"]["cases"] == scores["first-sentences"]["cases"] == 1
    # The first sentence of each document is exactly the reference.
    code, out, _ = cli("evaluate", str(path), "--summarizer", "lead", "--format", "json", "--baseline", "lead")
    first = {s["method"]: s for s in json.loads(out)}["first-sentences"]
    assert first["rouge2"] == 1.0 and first["difference"]["baseline"] == "lead"


def test_language_words_keep_their_letters_and_stems():
    assert _LanguageTokenizer("de").tokenize("Größere Städte, größere Mieten!") == ["gross", "stadt", "gross", "miet"]
    assert _LanguageTokenizer("en").tokenize("Bikes and biking") == ["bike", "and", "bike"]
    reference = "Les élèves étudient."
    assert Rouge("language").score(["Les élèves étudient."], [reference], "fr")["rouge1"] == 1.0


def test_paired_bootstrap_interval():
    better = paired_difference([0.5, 0.6, 0.7, 0.8], [0.4, 0.45, 0.6, 0.7])
    assert better.significant and 0.05 <= better.low <= better.mean <= better.high <= 0.15
    same = paired_difference([0.3, 0.4], [0.3, 0.4])
    assert not same.significant and same.mean == same.low == same.high == 0
    mixed = paired_difference([0.9, 0.1, 0.5, 0.5], [0.1, 0.9, 0.5, 0.5])
    assert not mixed.significant and mixed.low < 0 < mixed.high
    assert paired_difference([0.9, 0.1], [0.1, 0.9]) == paired_difference([0.9, 0.1], [0.1, 0.9])  # seeded
    with pytest.raises(ValueError):
        paired_difference([], [])
