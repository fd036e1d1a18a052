"""Feeds read as their readers see them: plain titles and text, headline feeds, no aggregator chrome."""

from __future__ import annotations

from .test_web import WEB, Server, body, brief, documents_of


def load(engine, name: str):
    return engine.load([str(WEB / name)])


def test_feed_titles_and_text_are_plain_text(engine):
    (club, flat), problems = load(engine, "club-escaped.rss")
    assert problems == []
    assert club.title == "Transfererlös für den Verein" and "Transfererlös von zwei Millionen" in club.text
    assert "fließt" in club.text
    assert flat.title == "Slack and Tom & Jerry"
    assert flat.text == "The flat costs $2100 a month for 974ft2. It has two rooms."


def test_a_headline_feed_briefs_and_empty_entries_are_one_warning(registry):
    server = Server()
    try:
        server.routes["/headlines"] = body((WEB / "harbour-headlines.rss").read_bytes(), "application/rss+xml")
        result = brief(registry, [server.url("/headlines")])
    finally:
        server.stop()
    documents = documents_of(result)
    assert [d.text for d in documents] == [
        "Ferry to the islands resumes after the storm",
        "Fish market opens its new hall on Saturday",
        "Council approves the new breakwater budget",
    ]
    assert not result.errors and all(d.sentences for d in documents)
    [warning] = result.warnings
    assert "1 of the feed's 4 entries has neither title nor text (3)" in warning.message


def test_aggregator_boilerplate_is_cleaned_from_feed_entries(engine):
    (pier, tides), _ = load(engine, "aggregated.rss")

    def text(document) -> str:  # the sentences briefing reads, after the cleaners
        return " ".join(s.text for s in document.sentences)

    assert (
        text(pier)
        == "After three years of waiting, the pier is open again. The planks are new and the railings are painted."
    )
    assert text(tides) == "It prints the next high and low tides for any harbour. It works offline."


def test_a_reddit_feed_escaped_twice_reads_as_its_posts(engine):
    """HTML escaped once more than it should (``&amp;lt;div&amp;gt;``) is read as HTML, and
    Reddit's "submitted by ... [link] [comments]" footer is dropped with why, so a post that is
    only a picture has its title as its text, not the footer."""
    (lanes, tyres, rack), problems = load(engine, "cycling-reddit.atom")
    assert problems == []
    assert [s.text for s in lanes.sentences] == [
        "The council opened three kilometres of protected lanes along the river road this week.",
        "Riders say the morning commute feels calmer already.",
    ]
    assert [s.text for s in tyres.sentences][-1] == "They are loud on dry roads though."
    assert [s.text for s in rack.sentences] == ["Look at this bike rack design"]
    for document, user in ((lanes, "rider42"), (tyres, "icy"), (rack, "racks")):
        [footer] = document.dropped
        assert footer.text == f"submitted by /u/{user} [link] [comments]" and footer.by == "feed"


def test_a_broken_feed_says_how_many_entries_it_recovered(engine, tmp_path):
    feed = tmp_path / "cut.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss><channel><title>Pier news</title>'
        "<item><title>The pier reopens</title>"
        "<description>The pier reopens on Monday after repairs.</description></item>",
        encoding="utf-8",
    )
    result = engine.load([str(feed)])
    said = [w.message for w in result.warnings if "not well-formed" in w.message]
    assert said and said[0].endswith("read the 1 entry that could be recovered")
