"""``briefing ask`` and the reading room's ``a``: extractive, cited answers, or a plain "nothing"."""

from __future__ import annotations

import json

import pytest

from briefing.answering import AnswerIndex, asks_for, carries
from briefing.models import Document

from .conftest import SOURCES

HARBOUR = """The harbour council met on Monday to settle the dredging budget.

The council will spend 4.2 million euros on dredging the east harbour over two years.

Fishermen asked the council to keep the fish market open during the works.

The ferry terminal gets a new waiting hall with 300 seats next spring."""

GARDEN = """Die Gartengruppe pflanzt im Frühjahr vierzig neue Apfelbäume am Stadtrand.

Die Stadt zahlt 12.000 Euro für die neuen Bäume."""


@pytest.fixture
def index(engine) -> AnswerIndex:
    documents = [
        engine.prepare(Document("harbour", "Harbour council", HARBOUR, "harbour.txt", language="en")),
        engine.prepare(Document("garden", "Gartengruppe", GARDEN, "garten.txt", language="de")),
    ]
    return AnswerIndex(documents)


def test_a_question_of_amount_is_answered_first_by_the_sentence_with_the_figure(index):
    answers = index.ask("How much will the council spend on dredging?")
    assert answers[0].text.startswith("The council will spend 4.2 million euros")
    assert (answers[0].document.id, answers[0].position) == ("harbour", 1)
    assert [a.score for a in answers] == sorted((a.score for a in answers), reverse=True)


def test_each_language_reads_the_question_with_its_own_stemmer(index):
    answers = index.ask("Wie viel zahlt die Stadt für die Bäume?")
    assert answers and answers[0].document.id == "garden" and "12.000 Euro" in answers[0].text


@pytest.mark.parametrize("question", ["What is the capital of Peru?", "Who won the cup final?", "?"])
def test_a_question_the_sources_cannot_answer_gets_nothing(index, question):
    assert index.ask(question) == []


def test_what_a_question_asks_for():
    assert asks_for("How many seats does the hall have?") == "amount"
    assert asks_for("When does the dredging start?") == "time"
    assert asks_for("Who asked the council?") == "person"
    assert asks_for("Why did the council meet?") == ""
    assert carries("The hall has 300 seats.", "amount") and not carries("The hall is new.", "amount")
    assert carries("Work starts on May 4, 2026.", "time")
    assert carries("The plan came from Mara Olsen yesterday.", "person")


def test_the_ask_command_cites_each_answer_and_says_when_nothing_answers(cli, tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    code, out, _ = cli("ask", "How much will the council spend on dredging?", str(tmp_path))
    assert code == 0
    first, source = out.splitlines()[2:4]
    assert first.startswith("1. The council will spend 4.2 million euros")
    assert source.strip() == f"— Harbour · {tmp_path / 'harbour.txt'} (sentence 2)"
    code, out, _ = cli("ask", "What is the capital of Peru?", str(tmp_path))
    assert (code, out.splitlines()[-1]) == (0, "nothing in these sources answers that")
    code, out, _ = cli("ask", "How much will the council spend?", str(tmp_path), "--format", "json", "-n", "1")
    data = json.loads(out)
    assert data["question"] == "How much will the council spend?" and len(data["answers"]) == 1
    assert {"text", "document", "title", "origin", "link", "position", "score"} <= set(data["answers"][0])
    code, out, _ = cli("ask", "How much will the council spend?", str(tmp_path), "--format", "markdown")
    assert out.startswith("## How much will the council spend?") and "*Harbour*" in out


def test_the_ask_command_reports_a_broken_source_and_answers_from_the_rest(cli, tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    code, out, err = cli("ask", "How much will the council spend on dredging?", str(tmp_path))
    assert code == 1 and "broken.pdf" in err and "4.2 million euros" in out


def test_the_samples_answer_a_question(cli):
    code, out, _ = cli("ask", "How much did the project cost?", str(SOURCES))
    assert code == 0
    assert out.splitlines()[2] == "1. The project cost about $31.5 million, of which the state paid 40%."
