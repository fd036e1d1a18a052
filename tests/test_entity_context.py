"""What the words around a name say of its kind, as bench/entities.py measures it on CoNLL-2003:
each rule checked on text written for this test."""

from __future__ import annotations

from briefing.engine import Engine, Settings
from briefing.models import Document
from briefing.plugins import PluginHost
from briefing.text.names import name_spans
from briefing.text.words import language_kit


def kinds(*texts: str) -> dict[str, str]:
    """The entity tagger's names and kinds over ``texts``, one document each."""
    engine = Engine(PluginHost(load_entry_points=False).registry(), Settings(language="en", taggers=("entities",)))
    documents = [engine.prepare(Document(f"d{i}", f"d{i}", t, f"d{i}.txt", language="en")) for i, t in enumerate(texts)]
    tagged = engine.themes.corpus(documents)
    return {t.name: t.kind for d in documents for t in tagged[d.id][0]}


def test_a_name_that_owns_or_qualifies_what_is_in_a_place_is_no_place():
    found = kinds(
        "Aides in Oduya's 2019 budget team said nothing. Cuts in Oduya's 2020 plan followed.",
        "Police arrest a clerk in Vantrell affair. New papers in Vantrell affair surfaced on Monday.",
    )
    assert found.get("Oduya") != "place"
    assert found.get("Vantrell") != "place"


def test_a_short_form_written_after_an_article_is_no_surname():
    found = kinds(
        "The Harbour Gulls beat the Tarnby Rovers 4-2 on Saturday. The Gulls won for the third time. "
        "The Gulls play again next week, and the Harbour Gulls lead the table.",
    )
    assert found.get("Harbour Gulls") != "person"


def test_a_preposition_opening_a_sentence_still_makes_a_place():
    found = kinds(
        "In Kelmora: Dynamo Kelmora 3 Tarnby 0. Dynamo Kelmora went through to the next round.",
        "In Kelmora the fans sang. Dynamo Kelmora won 5-1 on aggregate, and Dynamo Kelmora advance.",
    )
    assert found.get("Dynamo Kelmora") != "person"


def test_a_common_word_or_a_hyphenated_title_before_a_name_is_not_part_of_it():
    found = kinds(
        "Tries: Centre Mika Sorvari, wing Tom Hale. The centre ran well. Mika Sorvari said the pitch was soft.",
        "Undersecretary-General Lena Ortiz arrived on Monday. Lena Ortiz said the talks went well.",
    )
    assert found.get("Mika Sorvari") == "person" and "Centre Mika Sorvari" not in found
    assert found.get("Lena Ortiz") == "person" and not any(n.startswith("Undersecretary") for n in found)


def test_a_stop_word_opening_the_sentence_after_a_dateline_is_not_part_of_a_name():
    stops = language_kit("en").stop_words
    for text in ("HEFEI (Xinhua) -- The Lanxi Dam opened on Monday.", "BERLIN - The Lanxi Dam opened on Monday."):
        names = [n.text for n in name_spans(text, "en", stops, frozenset(), set())]
        assert "Lanxi Dam" in names and "The Lanxi Dam" not in names


def test_a_common_word_opening_a_name_stays_when_a_function_word_follows_it():
    found = kinds(
        "The relief group Doctors Without Borders sent two doctors to Velmar. Doctors Without Borders "
        "said the doctors would stay for a month. The group also sent nurses to Velmar.",
        "Velmar is a town where Doctors Without Borders runs a clinic. The clinic opened in May.",
    )
    assert "Doctors Without Borders" in found and "Without Borders" not in found


def test_a_possessive_inside_a_name_stays_or_parts_it():
    stops = language_kit("en").stop_words
    names = [n.text for n in name_spans("He joined Moody's Investors Service in May.", "en", stops, frozenset(), set())]
    assert "Moody's Investors Service" in names  # a company's name written with a possessive
    found = kinds(
        "Britain's Tom Avery won the stage. Britain's Tom Avery also took the sprint. Avery will ride on Sunday.",
    )
    assert found.get("Tom Avery") == "person" and not any(n.startswith("Britain") and "Avery" in n for n in found)


def test_a_name_beside_a_score_is_a_team_not_a_place():
    results = (
        "Results of the northern league on Saturday:\n\n"
        "Harlow City 2 Denby Town 1\n\nWestcombe County 0 Harlow City 3\n\n"
        "Denby Town 1 Westcombe County 1\n\nTable after three games:\n\n"
        "Harlow City 2 2 0 0 5 1 6\n\nWestcombe County 2 0 1 1 1 4 1"
    )
    found = kinds(results, "Fans travelled to Harlow City by train. The market in Harlow City was quiet.")
    assert found.get("Westcombe County") == "organisation"
    stops = language_kit("en").stop_words
    beside = {n.text: n.scored for n in name_spans("Harlow City 2 Denby Town 1", "en", stops)}
    assert beside == {"Harlow City": True, "Denby Town": True}
    prose = {n.text: n.scored for n in name_spans("In 2019 Harlow City grew 2 percent.", "en", stops)}
    assert prose == {"Harlow City": False}  # a number after a name in prose is no score


def test_a_player_beside_a_score_keeps_the_kind_the_text_gives():
    found = kinds(
        "Scores after the first round:\n\nMara Lindqvist 66\n\nJonah Pike 68\n\n"
        "Mara Lindqvist said the greens were fast. Jonah Pike said he putted badly.",
    )
    assert found.get("Mara Lindqvist") == "person"
