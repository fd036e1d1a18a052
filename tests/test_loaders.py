"""Loaders and decoding: text, markdown with front matter, HTML, folders, stdin, encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefing.engine.prepare import prepare_document
from briefing.models import Document, Problem

from .conftest import SOURCES


def load(engine, path):
    return engine.load([str(path)])


def test_txt_title_headings_and_noise(engine, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(
        "A Headline Without a Stop\nViews : 12\n\nFirst paragraph here. It has two sentences.\n"
        "Short Heading\nSecond paragraph follows the heading and is long enough to count.\n",
        encoding="utf-8",
    )
    [document], problems = load(engine, path)
    assert problems == []
    assert document.title == "A Headline Without a Stop"
    assert document.headings == ("Short Heading",)
    assert [s.text for s in document.sentences] == [
        "First paragraph here.",
        "It has two sentences.",
        "Second paragraph follows the heading and is long enough to count.",
    ]
    assert [s.paragraph for s in document.sentences] == [0, 0, 1]
    assert [s.position for s in document.sentences] == [0, 1, 2]


def test_a_long_lead_without_a_stop_is_text_not_a_title(engine, tmp_path):
    lead = (
        "Harbour officials in the small northern town agreed on Monday evening to spend most of this "
        "year's budget on a new sea wall after two winters of flooding left the fish market under water"
    )
    path = tmp_path / "harbour-wall-en.txt"
    path.write_text(f"{lead}\n\nThe wall will be four metres high. Work starts in spring.\n", encoding="utf-8")
    [document], _ = load(engine, path)
    assert document.title == "Harbour wall"  # from the file name, its language code left out
    assert document.sentences[0].text == lead


def test_txt_front_matter_gives_title_and_metadata_and_is_not_text(engine, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(
        "---\ntitle: Tide tables for the winter\ndate: 2026-01-05\nauthor: K. Lund\nlanguage: en\n---\n"
        "The tide tables for the winter are out. They show two very high tides in February.\n",
        encoding="utf-8",
    )
    [document], problems = load(engine, path)
    assert problems == []
    assert (document.title, document.date, document.author) == ("Tide tables for the winter", "2026-01-05", "K. Lund")
    assert "title:" not in document.text and "---" not in document.text
    rule = tmp_path / "rule.txt"
    rule.write_text("---\nJust a line between rules.\n---\nAnd the text goes on here. It has two sentences.\n")
    [document], problems = load(engine, rule)
    assert problems == [] and "Just a line between rules." in document.text  # not front matter: kept


def test_short_paragraphs_that_are_not_headings_stay_in_the_text(engine, tmp_path):
    path = tmp_path / "count.txt"
    path.write_text(
        "Visitors This Year\n\nThe museum counted its visitors again. The total was:\n\n42,093\n\n"
        "Results\n\nThat is more than ever before. The director was pleased.\n\nremarkable\n",
        encoding="utf-8",
    )
    [document], _ = load(engine, path)
    assert "42,093" in document.text and "remarkable" in document.text
    assert document.headings == ("Results",)


def test_file_name_titles_keep_their_case():
    from briefing.builtins.text_loader import title_from_origin

    assert title_from_origin("NVIDIA-japan-en.txt") == "NVIDIA japan"
    assert title_from_origin("energy-prices_2024.txt") == "Energy prices 2024"
    assert title_from_origin("de.txt") == "De"


def test_markdown_yaml_front_matter_and_syntax(engine, tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        "---\ntitle: Tidal Power\ndate: 2026-01-02\nauthor: Ida Lund\ntags: [sea, energy]\nlanguage: en\n---\n"
        "# Tidal Power\n\nThe **tide** turns [twice a day](http://x.example). Engineers use it.\n\n"
        "## Costs\n\n- First item of the list\n- Second item of the list\n\n"
        "```\ncode_is_dropped()\n```\n\n![an image](pic.png) Text `after` the image.\n",
        encoding="utf-8",
    )
    [document], problems = load(engine, path)
    assert problems == []
    assert (document.title, document.date, document.author, document.tags) == (
        "Tidal Power",
        "2026-01-02",
        "Ida Lund",
        ("sea", "energy"),
    )
    assert document.language == "en"
    assert document.headings == ("Tidal Power", "Costs")
    texts = [s.text for s in document.sentences]
    assert texts == [
        "The tide turns twice a day.",
        "Engineers use it.",
        "First item of the list",
        "Second item of the list",
        "Text after the image.",
    ]
    assert len({s.paragraph for s in document.sentences}) == 4


def test_markdown_toml_front_matter(engine, tmp_path):
    path = tmp_path / "post.md"
    path.write_text('+++\ntitle = "Wind"\nlanguage = "de"\n+++\nDer Wind weht. Er weht stark.\n', encoding="utf-8")
    [document], _ = load(engine, path)
    assert (document.title, document.language) == ("Wind", "de")


def test_markdown_broken_front_matter_is_reported(engine, tmp_path):
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    documents, [problem] = load(engine, path)
    assert documents == []
    assert "front matter is not valid YAML" in problem.message and problem.source == str(path)


def test_html_main_text_without_boilerplate(engine):
    [document], problems = load(engine, SOURCES / "coral-reefs" / "reef-sensors.html")
    assert problems == []
    assert document.title == "Listening to reefs: underwater microphones track coral health"
    assert (document.author, document.date, document.language) == ("Tom Okafor", "2026-01-15", "en")
    text = " ".join(s.text for s in document.sentences)
    assert "A healthy reef is a noisy place." in text
    assert "Twice as many young fish settled there" in text
    for boilerplate in ("cookie", "Related articles", "Whale songs", "Fascinating work", "Privacy", "Donate"):
        assert boilerplate not in text


def test_utf8_bom_and_utf16(engine, tmp_path):
    text = "Überschrift ohne Punkt\n\nDie Größe zählt. Das Öl fließt."
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    prepared = engine.load([str(tmp_path)])
    documents = prepared.documents
    assert prepared.errors == [] and prepared.warnings == []
    assert [d.title for d in documents] == ["Überschrift ohne Punkt"] * 2
    assert all(d.sentences[0].text == "Die Größe zählt." for d in documents)


def test_legacy_encoding_is_read_with_a_warning(engine, tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Straßenbahn fährt über die Brücke. Die Größe zählt für Ärzte und Öfen.".encode("cp1252"))
    prepared = engine.load([str(path)])
    [document] = prepared.documents
    assert prepared.errors == []
    assert document.sentences[0].text == "Straßenbahn fährt über die Brücke."
    [warning] = prepared.warnings
    assert warning.source == str(path) and "not UTF-8" in warning.message


def test_empty_and_binary_files_are_reported(engine, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text("A good file. It has text.", encoding="utf-8")
    documents, problems = engine.load([str(tmp_path)])
    assert [d.origin for d in documents] == [str(tmp_path / "good.txt")]
    messages = {p.source.rsplit("/", 1)[-1]: p.message for p in problems}
    assert messages["empty.txt"].startswith("empty")
    assert messages["binary.txt"] == "binary data, not text"


def test_folders_recurse_and_skip_hidden_and_unknown_files(engine, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep text. Still text.", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden. Text.", encoding="utf-8")
    (tmp_path / ".dotfile.txt").write_text("Hidden. Text.", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n")
    documents, problems = engine.load([str(tmp_path)])
    assert [d.origin for d in documents] == [str(tmp_path / "a" / "b" / "deep.txt")]
    assert problems == []


def test_missing_and_unreadable_sources(engine, tmp_path):
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    documents, problems = engine.load([str(tmp_path / "missing.txt"), str(dangling)])
    assert documents == []
    assert problems[0] == Problem(str(tmp_path / "missing.txt"), "no such file or folder")
    assert problems[1].source == str(dangling)
    assert problems[1].message == "cannot read: No such file or directory"


def test_stdin(engine):
    documents, problems = engine.load(["-"], stdin=lambda: b"Read from a pipe. Two sentences.")
    assert problems == []
    assert [s.text for s in documents[0].sentences] == ["Read from a pipe.", "Two sentences."]
    assert documents[0].origin == "-"


def test_unknown_file_kind_named_explicitly(engine, tmp_path):
    path = tmp_path / "data.xyz"
    path.write_text("text", encoding="utf-8")
    _, [problem] = engine.load([str(path)])
    assert problem.message == "no loader for this kind of file"


def test_language_guessed_when_not_declared(engine):
    documents, _ = engine.load(
        [
            str(SOURCES / "urban-cycling" / "lastenrad-boom.txt"),
            str(SOURCES / "urban-cycling" / "winter-cycling-tips.txt"),
        ]
    )
    assert [d.language for d in documents] == ["de", "en"]


SHORT_TEXTS = {
    "en": "The council voted on Monday to close the old pier. Fishers want a new dock. The decision comes in March.",
    "de": "Der Stadtrat hat am Montag beschlossen, den alten Pier zu schließen. Die Fischer wollen einen neuen Steg. "
    "Die Entscheidung fällt im März.",
    "fr": "Le conseil municipal a voté lundi la fermeture du vieux quai. Les pêcheurs demandent un nouveau ponton. "
    "La décision sera prise en mars.",
    "es": "El ayuntamiento votó el lunes cerrar el viejo muelle. Los pescadores piden un nuevo embarcadero. "
    "La decisión se tomará en marzo.",
}


@pytest.mark.parametrize("language", sorted(SHORT_TEXTS))
def test_language_of_three_sentences_is_told_offline(engine, language):
    document, problems, warnings = prepare_document(
        engine.plugins, Document(id="s", title="s", text=SHORT_TEXTS[language], origin="s.txt")
    )
    assert document.language == language and len(document.sentences) == 3
    assert problems == warnings == []


def test_a_language_that_cannot_be_told_falls_back_and_says_so(engine):
    document, _, [warning] = prepare_document(
        engine.plugins,
        Document(id="x", title="x", text="x = 3; y = 4; z = x + y; print(z); return z;", origin="x.txt"),
    )
    assert document.language == "en"
    assert warning.source == "x.txt" and "could not tell the language" in warning.message and "'en'" in warning.message


# -- PDF -----------------------------------------------------------------------------------------

REPORT_PAGES = [
    [
        "Kestrel Bay Port Authority - Annual Report 2026",
        "The port handled more ships this year than in any year before. Container traffic rose",
        "by a tenth, while bulk cargo stayed flat because the grain harvest was poor.",
        "The new electric cranes arrive in the spring and will replace the diesel machines.",
        "Page 1 of 3",
    ],
    [
        "Kestrel Bay Port Authority - Annual Report 2026",
        "Dock workers will be trained on the new cranes before the first one arrives. The",
        "union asked that operators of the old cranes get the first places on the course.",
        "Page 2 of 3",
    ],
    [
        "Kestrel Bay Port Authority - Annual Report 2026",
        "Next year the authority will test a battery-powered straddle carrier over the winter.",
        "Page 3 of 3",
    ],
]


def test_a_pdf_report_loads_without_headers_and_page_numbers(engine, tmp_path):
    from .pdf import make_pdf

    path = tmp_path / "annual-report.pdf"
    path.write_bytes(make_pdf(REPORT_PAGES, title="Annual report 2026", author="Kestrel Bay Port Authority"))
    [document], problems = engine.load([str(path)])
    assert not problems
    assert (document.title, document.author, document.date) == (
        "Annual report 2026",
        "Kestrel Bay Port Authority",
        "2026-10-14",
    )
    sentences = [s.text for s in document.sentences]
    assert (
        "Container traffic rose by a tenth, while bulk cargo stayed flat because the grain harvest was poor."
        in sentences
    )
    # a sentence running over a page break stays whole
    assert any(s.startswith("Dock workers will be trained") for s in sentences)
    text = " ".join(sentences)
    assert "Annual Report 2026" not in text and "Page 2 of 3" not in text
    assert "battery-powered straddle carrier" in text
    furniture = {d.text: d.why for d in document.dropped if d.by == "page furniture"}
    assert "Page 2 of 3" in furniture and furniture["Page 2 of 3"] == "a page number"
    assert any("running header" in why for why in furniture.values())


def test_broken_encrypted_and_textless_pdfs_are_clean_errors(engine, tmp_path):
    from .pdf import make_pdf

    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]], title="A scan"))
    documents, problems = engine.load([str(tmp_path)])
    assert documents == []
    messages = {Path(p.source).name: p.message for p in problems}
    assert messages["broken.pdf"].startswith("not a readable PDF")
    assert messages["scan.pdf"] == "the PDF has no text layer (a scan?); briefing does not read images of text"


def test_a_page_that_names_its_legacy_charset_is_read_in_it(engine, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(
        '<html><head><meta charset="iso-8859-1"><title>Café am Kai</title></head><body><article>'
        "<p>Das Café am Kai öffnet um acht Uhr. Die Fähre fährt über den Fjord nach Süden.</p>"
        "</article></body></html>".encode("latin-1")
    )
    prepared = engine.load([str(page)])
    [document] = prepared.documents
    assert document.title == "Café am Kai" and prepared.warnings == []


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Das Café am Hafen öffnet um acht Uhr.", "latin-1"),
        ("Café", "latin-1"),
        ("Él está aquí, ¿verdad? Sí, claro.", "latin-1"),
        ("Zażółć gęślą jaźń, to jest zdanie po polsku.", "cp1250"),
        ("Привет, как дела? Сегодня хорошая погода и солнце.", "cp1251"),
    ],
)
def test_legacy_text_is_guessed_right(text, encoding):
    import warnings

    from briefing.sources.decoding import decode

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert decode(text.encode(encoding), "note.txt") == text


HYPHENATED_PAGES = [
    [
        "Notes from the dye works",
        "Lorem ipsum dolor sit amet, con-",
        "sectetuer adipiscing elit. Stet clita kasd taki-",
        "mata sanctus est, the old printers wrote.",
    ],
    [
        "The word takimata comes from that old sample text. The method is well-",
        "known to every typesetter in the harbour town, and the so-",
        "called proofs are kept in the archive. The Nord-",
        "Süd line ran past the works.",
    ],
]


def test_pdf_words_broken_at_line_ends_are_joined_and_real_hyphens_kept(engine, tmp_path):
    from .pdf import make_pdf

    path = tmp_path / "dye-works.pdf"
    path.write_bytes(make_pdf(HYPHENATED_PAGES, title="Dye works"))
    [document], problems = engine.load([str(path)])
    text = " ".join(s.text for s in document.sentences)
    assert not problems
    assert "consectetuer adipiscing" in text and "kasd takimata sanctus" in text
    assert "well-known to every" in text and "so-called proofs" in text and "The Nord-Süd line" in text
    assert "con- " not in text and "taki- " not in text


def test_pdf_ligatures_become_letters_and_library_warnings_are_one_warning(engine, tmp_path):
    import re

    from briefing.builtins.pdf_loader import plain_letters

    from .pdf import make_pdf

    assert plain_letters("The ﬁnal ﬂoor of the oﬃce") == "The final floor of the office"
    assert plain_letters("974 ft² for ½ the price™") == "974 ft² for ½ the price™"  # meaning kept
    pages = [["Harbour report", f"Page {n} says the quay was busy in week {n}. Ships came and went."] for n in range(3)]
    data = make_pdf(pages, title="Harbour report")
    broken = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 1), data)  # bad offsets
    path = tmp_path / "damaged.pdf"
    path.write_bytes(broken)
    prepared = engine.load([str(path)])
    assert prepared.errors == [] and prepared.documents
    [warning] = [w for w in prepared.warnings if "PDF reader" in w.message]
    assert "problems in this file (first: Ignoring wrong pointing object" in warning.message


def test_a_pages_data_table_is_kept_as_rows_for_reading_not_summarized(engine, tmp_path):
    page = tmp_path / "fees.html"
    page.write_text(
        "<html><head><title>Harbour fees</title></head><body><article><h1>Harbour fees</h1>"
        "<p>The harbour raised its fees this year. Owners of small boats pay the most.</p>"
        "<table><tr><th>Boat</th><th>Fee 2025</th><th>Fee 2026</th></tr>"
        "<tr><td>Dinghy</td><td>120</td><td>150</td></tr><tr><td>Yacht</td><td>900</td><td>950</td></tr></table>"
        "<p>The council will review the fees in spring. Owners can object until March.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [document], _ = engine.load([str(page)])
    assert "Dinghy" not in " ".join(s.text for s in document.sentences)
    [table] = [d for d in document.dropped if d.by == "table"]
    assert table.text == "Boat | Fee 2025 | Fee 2026\nDinghy | 120 | 150\nYacht | 900 | 950"
    assert table.paragraph == 1  # after the first paragraph


def test_markdown_tables_are_rows_for_reading_and_code_blocks_are_recorded(engine, tmp_path):
    path = tmp_path / "fees.md"
    path.write_text(
        "# Harbour fees\n\nThe harbour raised its fees this year. Owners of small boats pay the most.\n\n"
        "| Boat | Fee 2026 |\n|---|---|\n| Dinghy | 150 |\n| Yacht | 950 |\n\n"
        "```\nfees = load('fees.csv')\n```\n\nThe council will review the fees in spring. Owners can object.\n",
        encoding="utf-8",
    )
    [document], _ = engine.load([str(path)])
    sentences = [s.text for s in document.sentences]
    assert sentences[-1] == "Owners can object." and not any("Dinghy" in s or "150" == s for s in sentences)
    left_out = {d.by: d for d in document.dropped}
    assert left_out["table"].text == "Boat | Fee 2026\nDinghy | 150\nYacht | 950"
    assert left_out["code"].text == "fees = load('fees.csv')"


@pytest.mark.parametrize(
    "comments",
    [
        '<section id="reader-reactions"><h3>Reactions</h3><article><p>{c}</p></article></section>',
        '<div id="kommentare"><p>{c}</p></div>',
        '<div class="user-posts"><div class="post"><span>Posted by seagull42</span><p>{c}</p></div></div>',
    ],
    ids=["reactions", "kommentare", "user-posts"],
)
def test_reader_comments_inside_the_article_are_left_out_and_recorded(engine, tmp_path, comments):
    comment = "About time, the council wasted years on this pier and nobody was ever held to account for it."
    article = "".join(
        f"<p>The pier reopened on Saturday after three years of repairs; part {n} tells of the new planks.</p>"
        for n in range(4)
    )
    page = tmp_path / "pier.html"
    page.write_text(
        f"<html><body><article><h1>Pier reopens</h1>{article}{comments.format(c=comment)}</article></body></html>",
        encoding="utf-8",
    )
    [document], _ = engine.load([str(page)])
    text = " ".join(s.text for s in document.sentences)
    assert "part 3 tells of the new planks" in text and "held to account" not in text
    assert any(d.by == "comments" and "held to account" in d.text for d in document.dropped)


def test_a_pdf_word_broken_at_a_line_end_moves_only_the_word(engine, tmp_path):
    """Joining ``consec-`` + ``tetur`` used to glue the whole next line on, so the lines after it
    looked short, ended paragraphs and cut sentences in two (``At vero`` / ``eos et accusam``)."""
    from .pdf import make_pdf

    lines = [
        "The harbour authority will test a new consec-",
        "tetur system for the cranes at the western quay",
        "this winter, and the crews will train on it before",
        "the first ships arrive. Nobody expects delays at",
        "the quay, the harbour master said on Monday.",
    ]
    path = tmp_path / "quay.pdf"
    path.write_bytes(make_pdf([lines], title="Quay"))
    [document], problems = engine.load([str(path)])
    assert not problems
    assert [s.text for s in document.sentences] == [
        "The harbour authority will test a new consectetur system for the cranes at the western quay this winter, "
        "and the crews will train on it before the first ships arrive.",
        "Nobody expects delays at the quay, the harbour master said on Monday.",
    ]


def test_pdf_furniture_is_what_recurs_at_the_page_edges(engine, tmp_path):
    """A line that recurs in the middle of pages is text; a running header that changes with each
    part of a report, at the top of three pages in a row, is furniture."""
    from .pdf import make_pdf

    def page(header: str, number: int) -> list[str]:
        return [
            header,
            f"The crane on berth {number} lifted {number * 40} containers during the trial week.",
            "Safety comes first on every quay.",
            f"Crews on berth {number} reported no faults and asked for longer shifts on the new machine.",
            f"Harbour report {number}",
        ]

    pages = [page("Part one: cranes", n) for n in range(1, 4)] + [page("Part two: ships", n) for n in range(4, 7)]
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(pages, title="Report"))
    [document], _ = engine.load([str(path)])
    text = " ".join(s.text for s in document.sentences)
    assert text.count("Safety comes first on every quay.") == 1  # kept (once: repeats are dropped as such)
    assert "Part one" not in text and "Part two" not in text and "Harbour report" not in text
    furniture = {d.text for d in document.dropped if d.by == "page furniture"}
    assert {"Part one: cranes", "Part two: ships", "Harbour report 1"} <= furniture


def test_an_article_laid_out_in_a_table_is_read_and_a_data_table_is_not(engine, tmp_path):
    """Older sites set a whole article in a <table>; it was dropped as a data table, all of it."""
    prose = (
        "The ferry company said on Tuesday that the winter timetable will keep the early boat to the "
        "islands, after two hundred residents signed a letter asking for it. The late boat on Fridays "
        "will run until March, and the company will count passengers before deciding about April. "
        "Fares stay the same for residents, while visitors will pay one euro more from January."
    )
    page = f"""<html><head><title>Ferry timetable stays</title></head><body>
    <table><tr><td><a href="/">Home</a> <a href="/news">News</a></td>
    <td><h1>Ferry timetable stays</h1><p>{prose}</p>
    <p>The harbour master welcomed the decision and said the quay would be repaired in the spring.</p></td></tr></table>
    <table><tr><th>Day</th><th>First boat</th><th>Last boat</th></tr>
    <tr><td>Monday</td><td>06:10</td><td>21:40</td></tr><tr><td>Friday</td><td>06:10</td><td>23:15</td></tr></table>
    </body></html>"""
    path = tmp_path / "ferry.html"
    path.write_text(page, encoding="utf-8")
    [document], problems = engine.load([str(path)])
    assert not problems
    text = " ".join(s.text for s in document.sentences)
    assert "The late boat on Fridays will run until March" in text and "quay would be repaired" in text
    assert "06:10" not in text and any(d.by == "table" and "06:10" in d.text for d in document.dropped)
