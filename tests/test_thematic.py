"""The thematic brief: which sentences may be points, what a point carries (figures, speaker,
date, sources), how themes are named, and that exports carry it."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from briefing.engine import Engine, Settings
from briefing.models import Document, DocumentBrief, Theme
from briefing.plugins import PluginHost
from briefing.text.dates import date_in_text, day_meant
from briefing.text.facts import figures, resolved, speech
from briefing.text.standalone import POINT_WORDS, POINTS_BACK, bounded, why_not_alone, without_dateline
from briefing.topics.brief import MMR_LAMBDA
from briefing.topics.points import Candidate, SimilarityIndex, by_novelty, candidates
from briefing.topics.thematic import PARAPHRASE, flattened, thematic_brief


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(PluginHost(load_entry_points=False).registry(), Settings())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("This article covers everything the council said about the harbour.", "about the text itself"),
        ("The ferry company has made a huge announcement!", "an exclamation"),
        ("Will the harbour reopen before the summer season starts?", "a question"),
        ("He said the dredging would cost more than planned.", POINTS_BACK),
        ("Diese Entscheidung kam für viele Fischer völlig überraschend.", POINTS_BACK),
        ("By Ada Lindqvist, Harbour Gazette", "a byline"),
        ("Thanks a lot.", "too short"),
        ("The ferry company will add a night crossing to Tallinn for", "cut off mid-sentence"),
    ],
)
def test_sentences_that_cannot_stand_alone_say_why(text, reason):
    language = "de" if "Entscheidung" in text else "en"
    assert (why_not_alone(text, language) or "").startswith(reason)


@pytest.mark.parametrize(
    ("text", "language", "about_itself"),
    [
        ("In this episode we look at how the east harbour was dredged last spring.", "en", True),
        ("Dans cet article, nous verrons comment le port de Portvik a été dragué.", "fr", True),
        ("In diesem Video zeige ich euch, wie der Hafen von Portvik ausgebaggert wurde.", "de", True),
        # News reports on videos, episodes and a law's articles: no one speaks to the reader.
        ("Cet épisode de chaleur durera au moins jusqu'à mardi à Portvik, selon la préfecture.", "fr", False),
        ("Le conseil a rejeté cet article du règlement au profit d'une autre disposition.", "fr", False),
        ("Dans cette vidéo, le maire explique les raisons du dragage de Notre-Dame-du-Port.", "fr", False),
        ("A video of the crossing showed the ferry listing in this episode of bad weather.", "en", False),
    ],
)
def test_a_text_that_news_also_reports_on_is_the_text_itself_only_when_it_speaks_to_the_reader(
    text, language, about_itself
):
    assert (why_not_alone(text, language) == "about the text itself") is about_itself


def test_a_plain_statement_or_a_quote_stands_alone():
    assert why_not_alone("The council will dredge the east harbour from Monday.", "en") is None
    assert why_not_alone("Council approves the dredging plan for Portvik", "en") is None  # a headline
    assert why_not_alone("The ferry company opens a second route to the islands in 2027", "en") is None
    assert why_not_alone("Divers mapped the wreck off the east pier (pictured above)", "en") is None
    assert why_not_alone("परिषद ने बंदरगाह की योजना को मंज़ूरी दे दी है।", "hi") is None  # a danda ends it
    assert why_not_alone('"We will finish by June," the harbour master said.', "en") is None


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("WASHINGTON (AP) -- Harbour fees rose again.", "Harbour fees rose again."),
        ("SANTA ROSA, Calif. _ the pier opened.", "The pier opened."),
        ("(Reuters) - Shares of the ferry line fell.", "Shares of the ferry line fell."),
        ("&QL; Two agencies are looking into it.", "Two agencies are looking into it."),
        ("U.S. officials said nothing.", "U.S. officials said nothing."),
        # A list item's bullet is the list's: the brief shows its own ("• • ..." was seen in tmux).
        ("• A standard way of getting the type of a file.", "A standard way of getting the type of a file."),
        ("* Be kind to the crews.", "Be kind to the crews."),
        ("1. FC Köln won at home.", "1. FC Köln won at home."),
    ],
)
def test_datelines_and_agency_tags_are_not_part_of_a_point(text, shown):
    assert without_dateline(text) == shown


def test_a_sentence_with_no_end_is_cut_to_a_bound():
    cut = bounded("word " * 5000)
    assert len(cut.split()) == POINT_WORDS and cut.endswith("…")
    assert len(bounded("x" * 100_000)) <= 481
    assert bounded("Short and whole.") == "Short and whole."


def test_figures_are_kept_whole_by_kind():
    found = figures(
        "SoftBank will invest $1.5 billion, 15% more than in 2023, and hire 2,000 engineers by May 4, 2026."
    )
    assert found.measures == ("$1.5 billion", "15%", "2,000 engineers")
    assert found.dates == ("2023", "May 4, 2026")
    assert figures("Der Umsatz stieg um 40 Prozent auf 3,5 Milliarden Euro.").measures == (
        "40 Prozent",
        "3,5 Milliarden Euro",
    )
    assert figures("The DGX-1 shipped.").measures == ()


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        ('"We will build the largest plant," said Portvik Ferries CEO Mara Olsen.', "Mara Olsen", True),
        ('Mara Olsen, the head of the ferry line, said, "We are ready."', "Mara Olsen", True),
        ('"The east quay is safe," Olsen told the council.', "Olsen", True),
        ("According to Jonas Berg, the dredging is on time.", "Jonas Berg", False),
        ("``We will not give up,'' he said.", "he", True),
    ],
)
def test_the_speaker_of_a_quote_or_of_reported_speech(text, speaker, quote):
    said = speech(text)
    assert said is not None and (said.speaker, said.quote) == (speaker, quote)


def test_speakers_resolve_to_the_names_the_document_uses():
    people = ["Mara Olsen", "Jonas Berg"]  # last named first
    assert resolved("Olsen", people) == "Mara Olsen"
    assert resolved("he", people) == "Mara Olsen"
    assert resolved("Officials", people) == ""  # one word that names nobody known is no speaker


def test_dates_read_from_the_text_and_days_placed():
    assert date_in_text("Aid pledges rise\n\nSaturday, January 8, 2005\n\nDonors met.") == "2005-01-08"
    assert date_in_text("Berlin, 8. Januar 2005 – Die Spender trafen sich.") == "2005-01-08"
    assert date_in_text("2005/01/08 Donations rise.") == "2005-01-08"
    assert date_in_text("No date here, only 2005.") is None
    assert day_meant("The talks ended Friday.", "2005-01-08", "en") == "2005-01-07"  # a Saturday's Friday
    assert day_meant("Die Gespräche endeten gestern.", "2005-01-08", "de") == "2005-01-07"
    assert day_meant("The talks ended Friday.", None, "en") is None


HARBOUR = [
    (
        "gazette",
        "Harbour Gazette",
        "2026-03-14",
        "PORTVIK (AP) -- The council approved a dredging plan for the east harbour on Friday. "
        "The dredging plan will cost 4.2 million euros over two years. "
        "What a day for the harbour! "
        "This article explains what the dredging plan means for fishermen. "
        "Harbour master Mara Olsen said the ferry timetable would change during the dredging works. "
        '"The ferry terminal stays open every day of the works," Olsen said.\n\n'
        "The ferry terminal will get a new waiting hall with 300 seats. "
        "It also needs a longer pier for the larger ships.",
    ),
    (
        "radio",
        "Portvik Radio",
        None,
        "The council approved a dredging plan for the east harbour this week. "
        "Fishermen fear that the dredging works will scare the cod away from the bay. "
        "The fishermen's union asked for compensation of 15% of lost catches. "
        "The ferry terminal will be rebuilt after the dredging works end.",
    ),
    (
        "notes",
        "Council notes",
        None,
        "The dredging plan passed with 9 votes to 2. "
        "Mara Olsen will oversee the dredging works for the council. "
        "The fishermen's union will meet the council again in April.",
    ),
]


@pytest.fixture(scope="module")
def harbour(engine) -> list[DocumentBrief]:
    entries = []
    for doc_id, title, date, text in HARBOUR:
        document = engine.prepare(Document(doc_id, title, text, f"{doc_id}.txt", date=date, language="en"))
        people = (Theme("Mara Olsen", 0.3, kind="person"),)
        entries.append(DocumentBrief(document, None, people))
    return entries


def test_themes_are_named_noun_phrases_with_two_points_or_more(harbour):
    themes = thematic_brief(harbour, "en", keywords=["harbour"])
    assert themes
    names = [t.name for t in themes]
    assert "Harbour" not in names  # the topic's own label names the topic, not a theme of it
    for theme in themes:
        assert len(theme.points) >= 2
        assert theme.name[:1].isupper() and (" " in theme.name or theme.name.istitle())
    assert {"Dredging plan", "Ferry terminal"} <= set(names)
    sources = [t.sources for t in themes]
    assert sources == sorted(sources, reverse=True)  # by how many documents each draws on


def test_points_stand_alone_without_datelines_and_merge_paraphrases(harbour):
    points = flattened(thematic_brief(harbour, "en"))
    texts = [p.text for p in points]
    assert not any(t.endswith("!") or "This article" in t or t.startswith("PORTVIK") for t in texts)
    approved = [p for p in points if p.text.startswith("The council approved a dredging plan")]
    assert len(approved) == 1  # said by two documents, shown once
    assert set(approved[0].documents) == {"gazette", "radio"}
    assert approved[0].date == "2026-03-13"  # "on Friday" in a story dated Saturday 14 March


def test_points_carry_their_figures_and_speakers(harbour):
    points = flattened(thematic_brief(harbour, "en"))
    cost = next(p for p in points if "4.2 million euros" in p.text)
    assert "4.2 million euros" in cost.figures
    quote = next(p for p in points if p.text.startswith('"The ferry terminal stays open'))
    assert (quote.speaker, quote.quote) == ("Mara Olsen", True)


def test_a_copy_of_a_document_is_no_second_source(engine, harbour):
    # The same article saved twice (or in two folders) says nothing a second time.
    gazette = harbour[0].document
    copy = engine.prepare(Document("gazette-copy", gazette.title, gazette.text, "copy/gazette.txt", language="en"))
    points = flattened(thematic_brief([*harbour, DocumentBrief(copy, None, harbour[0].themes)], "en"))
    assert points and not any("gazette-copy" in p.documents for p in points)
    approved = next(p for p in points if p.text.startswith("The council approved a dredging plan"))
    assert set(approved.documents) == {"gazette", "radio"}


def test_a_sentence_that_points_back_comes_with_its_neighbour(harbour):
    points = flattened(thematic_brief(harbour, "en"))
    assert not any(p.text.startswith("He ") for p in points)
    joined = [p for p in points if "also needs a longer pier" in p.text]
    assert all(p.text.startswith("The ferry terminal will get a new waiting hall") for p in joined)


def test_a_sentence_that_points_back_is_not_joined_onto_a_heading(engine):
    # A line without a stop before it (a heading, a teaser) would run on into it: "... islands He said".
    text = (
        "Harbour fees will rise for the ferry company next spring, the council of Portvik decided on Tuesday.\n"
        "Ferry prices rise again for the islands\n"
        "He said the ferry would cost more from May, and the council agreed to review the fees in autumn.\n"
    )
    document = engine.prepare(Document("fees", "Fees", text, "fees.txt", language="en"))
    texts = [c.text for c in candidates([DocumentBrief(document, None, ())], "en")]
    assert "Ferry prices rise again for the islands" in texts
    assert not any("He said" in t for t in texts)


def test_a_neighbour_joined_to_the_sentence_after_it_is_not_a_point_again(engine):
    text = (
        "The ferry company of Portvik ordered two electric ferries on Monday, the council said.\n"
        "Ferries do not make their own power. They charge at the quay from the town's grid each night.\n"
    )
    document = engine.prepare(Document("ferries", "Ferries", text, "ferries.txt", language="en"))
    texts = [c.text for c in candidates([DocumentBrief(document, None, ())], "en")]
    assert "Ferries do not make their own power. They charge at the quay from the town's grid each night." in texts
    assert "Ferries do not make their own power." not in texts


def test_exports_carry_the_thematic_brief(engine, tmp_path):
    for doc_id, _, _, text in HARBOUR:
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    briefing = engine.run([str(tmp_path)])
    themes = [t for b in briefing.briefs for t in b.thematic]
    assert themes
    markdown = engine.export(briefing, "markdown")
    assert f"### Theme 1. {themes[0].name}" in markdown
    assert "said by 2 sources:" in markdown or "only in" in markdown
    text = engine.export(briefing, "text")
    assert "Themes and key points" in text and f"1. {themes[0].name} (" in text
    data = json.loads(engine.export(briefing, "json"))
    exported = [t for topic in data["topics"] for t in topic["thematic"]]
    assert exported[0]["name"] == themes[0].name
    assert {"text", "documents", "figures", "speaker", "quote", "date"} <= set(exported[0]["points"][0])


TIMELINE = [
    (
        "first",
        "First report",
        "2026-01-05",
        "The harbour council approved a dredging plan for the east harbour. "
        "The dredging plan will cost four million euros over two years.",
    ),
    (
        "second",
        "Second report",
        "2026-02-09",
        "The harbour council approved a dredging plan for the east harbour last month. "
        "Fishermen now fear that the dredging works will scare the cod from the bay.",
    ),
    ("undated", "Undated note", None, "A note with no date says the ferry terminal will get a new waiting hall."),
]


@pytest.fixture(scope="module")
def dated(engine) -> list[DocumentBrief]:
    return [
        DocumentBrief(engine.prepare(Document(i, t, text, f"{i}.txt", date=d, language="en")), None)
        for i, t, d, text in TIMELINE
    ]


def test_the_timeline_gives_what_each_dated_document_added(dated):
    from briefing.topics.novelty import timeline

    developments = timeline(dated, "en")
    assert [(d.date, d.document) for d in developments] == [("2026-01-05", "first"), ("2026-02-09", "second")]
    assert developments[0].points[0].startswith("The harbour council approved a dredging plan")
    second = developments[1].points
    assert second == ("Fishermen now fear that the dredging works will scare the cod from the bay.",)


def test_new_since_last_read_leaves_out_what_read_documents_said(dated):
    from briefing.topics.novelty import unread_points

    new = unread_points(dated, {"first"}, "en")
    points = [p for d in new for p in d.points]
    assert "Fishermen now fear that the dredging works will scare the cod from the bay." in points
    assert not any(p.startswith("The harbour council approved") for p in points)  # the read one said it
    assert {d.document for d in new} <= {"second", "undated"}
    assert new[0].document == "second" and all(not d.date for d in new[1:])  # by date, the undated last
    assert unread_points(dated, {"first", "second", "undated"}, "en") == ()


def test_exports_carry_the_timeline(tmp_path):
    engine = Engine(PluginHost(load_entry_points=False).registry(), Settings(grouping="folders"))
    for doc_id, title, date, text in TIMELINE[:2]:
        (tmp_path / f"{doc_id}.md").write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n{text}\n", encoding="utf-8")
    briefing = engine.run([str(tmp_path)])
    assert [d.document for b in briefing.briefs for d in b.timeline]
    assert "Timeline\n--------\n2026-01-05  First report" in engine.export(briefing, "text")
    assert "### Timeline\n\n- **2026-01-05** · *First report*" in engine.export(briefing, "markdown")
    data = json.loads(engine.export(briefing, "json"))
    assert data["topics"][0]["timeline"][1]["date"] == "2026-02-09"


def test_a_document_with_no_date_of_its_own_takes_the_one_its_text_gives(tmp_path):
    (tmp_path / "aid.txt").write_text(
        "Aid pledges rise\n\nSaturday, January 8, 2005\n\n"
        "Donor countries pledged new aid for the flooded coast on Friday, officials in Portvik said. "
        "The pledges reached four million euros by the evening.",
        encoding="utf-8",
    )
    engine = Engine(PluginHost(load_entry_points=False).registry(), Settings())
    briefing = engine.run([str(tmp_path)])
    document = briefing.briefs[0].documents[0].document
    assert document.date == "2005-01-08"
    points = [p for theme in briefing.briefs[0].thematic for p in theme.points]
    friday = [p for p in points if "on Friday" in p.text]
    assert all(p.date == "2005-01-07" for p in friday)


def _candidate(number: int, document: str, importance: float, *phrases: str) -> Candidate:
    """A candidate point with its own words (no paraphrase of any other) and the given phrases."""
    text = f"The news was of Air France flight {number}." if "France" in phrases else f"Story {number} made the news."
    return Candidate(
        text=text,
        document=document,
        position=number,
        language="en",
        stems=Counter({f"word{number}": 1}),
        phrases={("en", *phrase.lower().split()): phrase for phrase in phrases},
        importance=importance,
        vector={f"word{number}": 1.0},
    )


def test_a_phrase_named_like_a_theme_already_told_gives_way_to_the_next():
    # "France" is shown whole as "Air France": a theme already told. Its sentences must stay free
    # for the anchor's next phrase, not be taken and shown nowhere.
    found = [_candidate(n, "wire", 1.0 - n / 100, "Air France", "France") for n in range(4)]
    found += [
        _candidate(4, "wire", 0.8, "Air France", "France", "black box"),
        _candidate(5, "radio", 0.79, "Air France", "France"),
        _candidate(6, "wire", 0.3, "black box"),
    ]
    found += [_candidate(n, "notes", 0.1, f"filler {n}") for n in range(7, 16)]
    themes = thematic_brief([], "en", found=found)
    assert [t.name for t in themes][:2] == ["Air France", "Black box"]
    shown = {p.text for p in flattened(themes)}
    assert {found[4].text, found[6].text} <= shown


def test_sentences_whose_numbers_disagree_are_two_points(engine):
    # Alike in every word but the stage: two facts, and neither source said the other's. The year
    # they share is no shared fact; a figure one of them adds does not make another fact.
    texts = {
        "wire": "Mara Lindqvist won the 15th stage of the 2026 coastal race on Saturday, the organisers said.",
        "radio": "Mara Lindqvist won the 13th stage of the 2026 coastal race on Saturday, the organisers said.",
        "paper": "Mara Lindqvist won the 15th stage of the 2026 coastal race by 40 seconds, the organisers said.",
    }
    entries = [
        DocumentBrief(engine.prepare(Document(name, name, text, f"{name}.txt", language="en")), None, ())
        for name, text in texts.items()
    ]
    found = candidates(entries, "en")
    index = SimilarityIndex(found, PARAPHRASE)
    number = {c.document: n for n, c in enumerate(found)}
    assert number["paper"] in index.similar(number["wire"])  # the same fact, told twice
    assert number["radio"] not in index.similar(number["wire"])


def test_a_statement_told_again_comes_after_one_that_tells_something_else():
    # B nearly repeats A (not a paraphrase, but close): C, a little less important, says more.
    def candidate(name: str, importance: float, vector: dict[str, float]) -> Candidate:
        return Candidate(f"{name}.", name, 0, "en", Counter(vector), importance=importance, vector=vector)

    a = candidate("a", 1.0, {"dam": 0.8, "river": 0.6})
    b = candidate("b", 0.9, {"dam": 0.6, "river": 0.8})
    c = candidate("c", 0.85, {"ferry": 1.0})
    ordered = by_novelty([a, b, c])
    assert [x.document for x in ordered] == ["a", "c", "b"]
    assert ordered[0].importance == pytest.approx(MMR_LAMBDA * 1.0)
    assert ordered[2].importance == pytest.approx(MMR_LAMBDA * 0.9 - (1 - MMR_LAMBDA) * 0.96)
    assert b.importance == 0.9  # copies: the timeline reads the candidates as they were


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Londýn", "Londýně", True),  # one city, two cases
        ("Abú Ghrajb", "Abu Ghrajb", True),  # accents set aside
        ("Iran", "Iraq", False),
        ("Austria", "Australia", False),
        ("Air France", "Air", False),  # a part of a name is no inflection of it
    ],
)
def test_names_that_differ_only_by_inflection_are_one_theme(one, other, same):
    from briefing.topics.thematic import _name_words, _same_name

    assert _same_name(_name_words(one), _name_words(other)) is same


def test_a_theme_is_not_told_again_under_an_inflected_name():
    found = [_candidate(n, "zpravy", 1.0 - n / 100, "Londýn") for n in range(3)]
    found += [_candidate(n, "noviny", 0.9 - n / 100, "Londýně", "nové metro") for n in range(3, 6)]
    found += [_candidate(n, "notes", 0.1, f"filler {n}") for n in range(6, 15)]
    names = [t.name for t in thematic_brief([], "cs", found=found)]
    assert "Londýn" in names and "Londýně" not in names
    assert "Nové metro" in names  # the anchor's next phrase
