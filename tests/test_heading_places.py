"""Headings stay in a document's text where they stand, for ``inspect`` and the reader, through
the cleaners' drops and the layout's splits (issue 27)."""

from __future__ import annotations

import json

from textual.widgets import Static

from briefing.inspection import inspect, render_json, render_text
from briefing.models import Document
from briefing.text.outline import laid_out, moved
from briefing.tui.screens.reader import ReaderScreen

from .test_tui import make_app, settle

HARBOUR = (
    "Harbour Report\n\n"
    "The harbour master opened the new quay on Monday. Boats lined up to use it.\n\n"
    "What Comes Next\n\n"
    "The council will decide on a second quay in spring, once the costs are known.\n\n"
    "Share this article\n\n"  # page noise: dropped, and the heading after it keeps its place
    "The Costs\n\n"
    "Nobody knows yet what the quay costs. A study is due in the summer.\n\n"
    "The council will decide on a second quay in spring, once the costs are known.\n\n"  # repeated
    "Questions Left\n\n"
    "Who pays for the dredging is still open, and the fishermen want an answer soon.\n"
)


def headings_in_place(document: Document) -> list[tuple[str, str]]:
    """Each heading and the first sentence of the paragraph it stands before."""
    first = {}
    for sentence in document.sentences:
        first.setdefault(sentence.paragraph, sentence.text)
    return [(h, first.get(p, "")) for h, p in zip(document.headings, document.heading_places, strict=True)]


def test_a_text_files_headings_stand_before_their_paragraphs(engine, tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    [document], problems = engine.load([str(tmp_path / "harbour.txt")])
    assert problems == []
    assert headings_in_place(document) == [
        ("What Comes Next", "The council will decide on a second quay in spring, once the costs are known."),
        ("The Costs", "Nobody knows yet what the quay costs."),
        ("Questions Left", "Who pays for the dredging is still open, and the fishermen want an answer soon."),
    ]


def test_markdown_and_web_page_headings_keep_their_places(engine, tmp_path):
    (tmp_path / "notes.md").write_text(
        "# Ferry notes\n\nThe ferry runs twice a day in winter.\n\n## Fares\n\nA ticket costs four euros.\n\n"
        "## Timetable\n\nThe first boat leaves at seven. The last leaves at six.\n\n## Still to come\n",
        encoding="utf-8",
    )
    body = "".join(
        f"<h2>{h}</h2><p>{p} The island council said so on Tuesday, after a long meeting with the crews.</p>"
        for h, p in (("Fares", "A ticket costs four euros."), ("Timetable", "The first boat leaves at seven."))
    )
    (tmp_path / "ferry.html").write_text(
        f"<html><head><title>Ferry news</title></head><body><article><h1>Ferry news</h1>"
        f"<p>The ferry runs twice a day in winter, and more often when the weather allows it.</p>{body}"
        "</article></body></html>",
        encoding="utf-8",
    )
    documents, problems = engine.load([str(tmp_path / "notes.md"), str(tmp_path / "ferry.html")])
    assert problems == []
    markdown, page = sorted(documents, key=lambda d: d.origin.endswith(".html"))
    assert headings_in_place(markdown) == [
        ("Fares", "A ticket costs four euros."),
        ("Timetable", "The first boat leaves at seven."),
        ("Still to come", ""),  # at the end: no paragraph after it
    ]
    assert markdown.heading_places[-1] == 3
    assert headings_in_place(page) == [
        ("Fares", "A ticket costs four euros."),
        ("Timetable", "The first boat leaves at seven."),
    ]


def test_inspect_shows_each_heading_in_its_place(engine, tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    inspected, _ = inspect(engine, [str(tmp_path / "harbour.txt")])
    lines = render_text(inspected).splitlines()
    at = lines.index("  # The Costs")
    assert lines[at + 1].startswith("  ¶") and lines[at + 2].endswith("Nobody knows yet what the quay costs.")
    assert not any(line.startswith("headings:") for line in lines)  # placed, so not listed apart
    [said] = json.loads(render_json(inspected))
    assert [h["text"] for h in said["headings"]] == ["What Comes Next", "The Costs", "Questions Left"]
    costs = said["headings"][1]["before_paragraph"]
    assert (
        next(s for s in said["sentences"] if s["paragraph"] == costs)["text"] == "Nobody knows yet what the quay costs."
    )


def test_a_loader_that_gives_no_places_still_has_its_headings_listed(engine):
    document = Document("x", "X", "One paragraph of text that says enough.", "x.txt", headings=("Aside",))
    assert laid_out(document) == (["One paragraph of text that says enough."], [])
    wrong = Document("y", "Y", "Text here.", "y.txt", headings=("A", "B"), heading_places=(0,))
    assert laid_out(wrong)[1] == []  # not one place per heading: none is trusted


def test_places_follow_paragraphs_that_cleaners_drop_or_change():
    before = ["a", "b", "c", "d"]
    assert moved([0, 1, 2, 3, 4], before, ["a", "c", "d"]) == (0, 1, 1, 2, 3)  # b dropped
    assert moved([2], before, ["a", "b", "C", "d"]) == (2,)  # c changed: its replacement
    assert moved([1], before, []) == (0,)


def test_a_loaders_paragraph_that_is_several_lines_counts_as_several():
    text = "First line of a feed entry.\nSecond line on its own.\n\nAfter the heading."
    document = Document("z", "Z", text, "z.txt", headings=("Heading",), heading_places=(1,))
    paragraphs, places = laid_out(document)
    assert paragraphs[places[0]] == "After the heading."


async def test_the_reader_shows_headings_before_their_paragraphs(tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        shown = [
            (sorted(w.classes)[0], str(w.render()))
            for w in app.screen.query("#reader-text Static")
            if "heading" in w.classes or "paragraph" in w.classes
        ]
        costs = shown.index(("heading", "The Costs"))
        assert shown[costs + 1][0] == "paragraph" and shown[costs + 1][1].startswith("Nobody knows yet")
        assert [text for kind, text in shown if kind == "heading"] == ["What Comes Next", "The Costs", "Questions Left"]


async def test_the_dropped_view_says_why_a_document_has_no_sentences(engine, tmp_path):
    (tmp_path / "outline.md").write_text("# Outline\n\n## First part\n\n## Second part\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text("The harbour opens at six. The ferry leaves at seven.\n", encoding="utf-8")
    [outline], _ = engine.load([str(tmp_path / "outline.md")])
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ReaderScreen(app.main_screen.session, outline, []))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        said = str(app.screen.query_one("#reader-dropped", Static).render())
        assert "It has no sentences: its text is 2 headings and nothing else." in said


def test_a_pdf_line_set_larger_than_the_text_is_a_heading_in_its_place(engine, tmp_path):
    from .pdf import make_pdf

    pages = [
        [
            ("Harbour Annual Report", 20),
            "The harbour had a busy year, with more ships than ever",
            "before and a new quay opened in the spring.",
            ("Money", 14),
            "Income rose by a fifth. Costs rose less than income did.",
            ("Plans for the", 14),  # one heading set over two lines
            ("Next Year", 14),
            "A second quay is planned if the council agrees to pay for",
        ],
        [
            "it, and the dredging goes on through the winter months.",
            ("The crews said: We want longer shifts on the new crane.", 14),  # large, but a sentence
            "Forty people work at the harbour now, ten more than last year.",
        ],
    ]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(pages))  # no title in its metadata: the large first line is the title
    [document], problems = engine.load([str(path)])
    assert problems == []
    assert document.title == "Harbour Annual Report"
    assert headings_in_place(document) == [
        ("Money", "Income rose by a fifth."),
        (
            "Plans for the Next Year",
            "A second quay is planned if the council agrees to pay for it, and the "
            "dredging goes on through the winter months.",
        ),
    ]
    sentences = [s.text for s in document.sentences]
    assert "The crews said: We want longer shifts on the new crane." in " ".join(sentences)
    plain = tmp_path / "plain.pdf"  # one size throughout: no line is a heading, as before
    plain.write_bytes(make_pdf([[text if isinstance(text, str) else text[0] for text in pages[0]]], title="Plain"))
    [flat], _ = engine.load([str(plain)])
    assert flat.headings == () and flat.title == "Plain"


def test_a_pdf_line_that_runs_wider_than_the_column_does_not_cut_every_sentence(engine, tmp_path):
    """The plain-text rule (a line as long as the longest continues its paragraph) cut every
    sentence of a page at every line end as soon as one line ran wider than the rest."""
    from .pdf import make_pdf

    lines = [
        "Many ships and ferries use the northern harbour to reach the islands. Since",
        "the spring, the harbour master has counted them at the gate with a new radar",
        "that the council bought for the purpose.",
        "See https://harbour.example.org/reports/2026/radar-counts-for-the-northern-gate-and-the-ferry-quay-in-the-spring-and-summer.",
        "The counts show more ferries than cargo ships on every day of the week, and",
        "the busiest day is Friday, when the island ferries run twice as often.",
    ]
    path = tmp_path / "counts.pdf"
    path.write_bytes(make_pdf([lines], title="Counts"))
    [document], _ = engine.load([str(path)])
    sentences = [s.text for s in document.sentences]
    assert (
        "Since the spring, the harbour master has counted them at the gate with a new radar that the council "
        "bought for the purpose." in sentences
    )
    assert not any(s[:1].islower() for s in sentences)


def test_a_pdf_title_repeated_as_a_running_header_is_still_its_title(engine, tmp_path):
    from .pdf import make_pdf

    pages = [
        [("Quay Survey", 20), f"Divers checked berth {n} and found the wall sound after the storms of the winter."]
        for n in range(1, 5)
    ]
    path = tmp_path / "survey.pdf"
    path.write_bytes(make_pdf(pages))
    [document], _ = engine.load([str(path)])
    assert document.title == "Quay Survey"
    assert any(d.text == "Quay Survey" and d.by == "page furniture" for d in document.dropped)
