"""Entity kinds that hold on news nobody here wrote: the rules bench/entities.py measures on
CoNLL-2003, each checked on text written for this test."""

from __future__ import annotations

from briefing.engine import Engine, Settings
from briefing.models import Document
from briefing.plugins import PluginHost

WIRE = [
    (
        "one",
        "It was a long night in the harbour of Portvik. There were storms. In July the council met again. "
        "Iraqi troops crossed the river at dawn, and Iraqi officials said little. "
        "South Africa said it would send aid. South Africa said the ships would sail on Monday. "
        "Ambassador Mara Lindqvist said the talks would go on. Mara Lindqvist said so twice.",
    ),
    (
        "two",
        "Iraqi negotiators arrived in Portvik on Tuesday. The West Bank talks resumed in Portvik. "
        "Villagers on the West Bank said the roads were closed. It rained. "
        "Bosnian Serb leaders met in Portvik, and Bosnian Serb troops stayed put.",
    ),
]


def themes_by_name() -> dict[str, str]:
    engine = Engine(PluginHost(load_entry_points=False).registry(), Settings(language="en", taggers=("entities",)))
    documents = [engine.prepare(Document(i, i, text, f"{i}.txt", language="en")) for i, text in WIRE]
    tagged = engine.themes.corpus(documents)
    return {t.name: t.kind for d in documents for t in tagged[d.id][0]}


def test_no_pronoun_function_word_or_month_is_a_name():
    found = themes_by_name()
    assert not {"It", "There", "In", "July", "Monday", "Tuesday"} & set(found)


def test_an_adjective_of_nationality_names_no_one():
    found = themes_by_name()
    assert "Iraqi" not in found  # "Iraqi troops", "Iraqi officials": an adjective
    assert found.get("Bosnian Serb") != "person"


def test_a_place_that_speaks_is_still_no_person_and_a_bank_of_a_river_no_company():
    found = themes_by_name()
    assert found.get("South Africa") != "person"
    assert found.get("West Bank") != "organisation"


def test_a_title_before_a_name_is_not_part_of_it():
    found = themes_by_name()
    assert found.get("Mara Lindqvist") == "person" and "Ambassador Mara Lindqvist" not in found


def test_a_topic_is_never_named_by_a_pronoun_a_lone_adjective_or_another_languages_theme_word():
    from briefing.text.words import language_kit
    from briefing.topics.clustering import _may_name

    stops = language_kit("de").stop_words | language_kit("en").stop_words
    codes = {"en", "de"}
    assert not _may_name("I've", "en:i", "en", codes, stops)
    assert not _may_name("It", "entities:It", "en", codes, stops)
    assert not _may_name("Japanese", "entities:Japanese", "en", codes, stops)
    assert not _may_name("European", "entities:European", "en", codes, stops)
    assert not _may_name("money", "lexicon:money", "de", codes, stops)  # an English theme word, German topic
    assert _may_name("money", "lexicon:money", "en", codes, stops)
    assert _may_name("Radweg", "de:radweg", "de", codes, stops)
    assert _may_name("Masayoshi Son", "entities:Masayoshi Son", "de", codes, stops)
    assert not _may_name("Monday", "en:monday", "en", codes, stops)  # when, not what (seen: "Lines and Monday")
    assert not _may_name("Dienstag", "de:dienstag", "de", codes, stops)
    # German writes every noun with a capital: a lower-case word is a verb or an adjective there.
    assert not _may_name("teilte", "de:teilt", "de", codes, stops)
    assert not _may_name("vergangenen", "de:vergang", "de", codes, stops)
    assert _may_name("lithium-ion", "en:lithium-ion", "en", codes, stops)
    assert not _may_name("reopened", "en:reopen", "en", codes, stops)  # a past tense ends no noun phrase
    assert not _may_name("wanted", "en:want", "en", codes, stops)
    assert not _may_name("thousand", "en:thousand", "en", codes, stops)  # part of a figure
    assert not _may_name("Millionen", "de:million", "de", codes, stops)
    assert _may_name("mar", "es:mar", "es", codes | {"es"}, stops)  # the sea, not March


def test_a_day_or_a_month_is_no_key_phrase_either():
    from briefing.text.phrases import candidate_phrases
    from briefing.text.words import language_kit

    found = [
        written for _, written in candidate_phrases("On Friday the ferry talks resumed in July.", language_kit("en"))
    ]
    assert "Friday" not in found and "July" not in found and "ferry talks" in found
