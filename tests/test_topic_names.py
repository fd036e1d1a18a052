"""Topic names a person would write: a short noun phrase, with the labels kept as keywords."""

from __future__ import annotations

import json

from briefing.topics.names import topic_phrase

from .conftest import SOURCES


def test_names_and_a_place_make_a_phrase():
    kinds = {"softbank": "organisation", "openai": "organisation", "japan": "place", "masayoshi son": "person"}
    assert topic_phrase(["SoftBank", "OpenAI", "Japan"], kinds, "en") == "SoftBank and OpenAI in Japan"
    assert topic_phrase(["Japan", "Masayoshi Son", "chips"], kinds, "en") == "Masayoshi Son in Japan"
    assert topic_phrase(["SoftBank", "OpenAI", "Japan"], kinds, "de") == "SoftBank und OpenAI in Japan"
    assert topic_phrase(["SoftBank", "Japan"], kinds, "fr") == "SoftBank en Japan"


def test_words_and_phrases_make_a_phrase():
    assert topic_phrase(["coral", "reef", "bleached"], {}, "en") == "Coral and reef"
    assert topic_phrase(["battery", "flow batteries", "grid"], {}, "en") == "Flow batteries"
    assert topic_phrase(["Radweg", "Stadt"], {"stadt": ""}, "de") == "Radweg und Stadt"
    assert topic_phrase(["bridge", "Rotterdam"], {"rotterdam": "place"}, "nl") == "Bridge in Rotterdam"
    assert topic_phrase(["Rotterdam", "Delft"], {"rotterdam": "place", "delft": "place"}, "tr") == "Rotterdam and Delft"
    assert topic_phrase([], {}, "en") == ""


def test_a_briefing_names_topics_by_phrase_and_keeps_the_keywords(cli):
    code, out, err = cli("brief", str(SOURCES), "--format", "json")
    assert code == 0, err
    topics = json.loads(out)["topics"]
    for topic in topics:
        assert "," not in topic["name"] and topic["name"][:1].isupper()
        assert len(topic["keywords"]) >= 2  # the labels the name was made from
        assert topic["name"].split()[0].lower() in " ".join(topic["keywords"]).lower()
    code, out, _ = cli("brief", str(SOURCES), "--format", "text")
    assert f"Keywords: {', '.join(topics[0]['keywords'])}" in out


def test_a_time_zone_a_unit_or_an_agency_names_nothing():
    # When, how much and who reported it: never what a topic or a theme is about.
    from briefing.text.words import language_kit
    from briefing.topics.clustering import _may_name
    from briefing.topics.thematic import _nameable

    stops = language_kit("en").stop_words
    for label in ("UTC", "BST", "kilometers", "Agence France-Presse", "Associated Press"):
        assert not _may_name(label, "", "en", {"en"}, stops), label
        assert not _nameable(label, set(), set()), label
    for label in ("Miles Davis", "Earthquake", "Port-au-Prince"):
        assert _may_name(label, "", "en", {"en"}, stops), label
