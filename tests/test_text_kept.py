"""Text nobody here wrote: nothing is a heading unless the layout says so, nothing is lost
without a trace, damaged UTF-8 stays UTF-8 and one-line texts get a language (issue 27).

The figures on public data are ``bench/public_segmentation.py``'s and ``bench/languages.py``'s;
these tests pin the kinds of failure the issue names, on text written here.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter

import pytest

from briefing.interfaces import SourceWarning
from briefing.models import Document
from briefing.sources.decoding import decode
from briefing.text.detect import identify

from .conftest import SOURCES


def read(engine, tmp_path, text: str, name: str = "note.txt") -> tuple[Document, list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    inspected = engine.load([str(path)])
    [document], problems = inspected
    assert problems == []
    return document, [s.text for s in document.sentences]


@pytest.mark.parametrize(
    "text",
    [
        "This is Dr. Watson",
        "Roses Are Red. Violets Are Blue",
        "This balloon costs $1.20",
        "it`s fine to leave it's foods' smells to the cat`s nose",
    ],
)
def test_a_documents_only_short_paragraph_is_a_sentence_not_a_heading(engine, tmp_path, text):
    document, sentences = read(engine, tmp_path, text + "\n")
    assert document.headings == ()
    assert " ".join(sentences) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
        ("a. The first item b. The second item", ["a. The first item", "b. The second item"]),
        ("• 9. The first item • 10. The second item", ["• 9. The first item", "• 10. The second item"]),
        ("a) foo\nb) bar", ["a) foo", "b) bar"]),
        # One list-marker definition for lines, layout and splitter: letters and roman numerals
        # closed by ".)", and roman numerals on their own lines, are markers too.
        ("a.) The first item b.) The second item", ["a.) The first item", "b.) The second item"]),
        ("i.) The first item ii.) The second item", ["i.) The first item", "ii.) The second item"]),
        ("ii. First\niii. Second", ["ii. First", "iii. Second"]),
        # A short bulleted item is one point, whatever its stops.
        (
            "* The report is final. Send it tomorrow.\n* Verify with QA.",
            ["* The report is final. Send it tomorrow.", "* Verify with QA."],
        ),
    ],
)
def test_inline_and_line_enumerations_are_sentences(engine, tmp_path, text, expected):
    document, sentences = read(engine, tmp_path, text + "\n")
    assert document.headings == ()
    assert sentences == expected


def test_a_long_bulleted_item_is_still_split_into_sentences(engine, tmp_path):
    item = "* " + " ".join(f"The crane on berth {n} lifted forty containers in the trial week." for n in range(1, 5))
    _, sentences = read(engine, tmp_path, item + "\n* Crews asked for longer shifts.\n")
    assert sentences[0] == "* The crane on berth 1 lifted forty containers in the trial week."
    assert len(sentences) == 5


def test_a_quoted_line_in_a_german_file_is_kept(engine, tmp_path):
    text = (
        "Stadtrat stimmt knapp für den Umbau\n\n"
        "Der Stadtrat hat am Dienstag über den Umbau des Marktplatzes abgestimmt und ihn knapp gebilligt.\n\n"
        "Er sagte: „Das ist die letzte Chance für die Stadt.“\n\n"
        "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, wenn das Land zahlt.\n"
    )
    document, sentences = read(engine, tmp_path, text, "umbau.txt")
    assert "Er sagte: „Das ist die letzte Chance für die Stadt.“" in sentences
    assert document.headings == ()


def test_only_a_line_standing_apart_with_text_after_it_is_a_heading(engine, tmp_path):
    text = (
        "Harbour Report\n\n"
        "The harbour master opened the new quay on Monday. Boats lined up to use it.\n\n"
        "What Comes Next\n\n"
        "The council will decide on a second quay in spring, once the costs are known.\n"
        "See the plan (page 4.)\n\n"
        "Closing remarks of the day\n"
    )
    document, sentences = read(engine, tmp_path, text)
    assert document.title == "Harbour Report"
    assert document.headings == ("What Comes Next",)
    assert "See the plan (page 4.)" in sentences  # ends in ".)": a sentence, not a heading
    assert sentences[-1] == "Closing remarks of the day"  # a short last line is text


@pytest.mark.parametrize(
    "text",
    [
        "Here are the rules:\n* Be kind.\n* Be honest.\n",  # introduces what follows
        "A short first line\nthat the next line goes straight on from.\n",  # no blank line after it
    ],
)
def test_a_first_line_that_does_not_stand_alone_is_text_not_a_title(engine, tmp_path, text):
    document, sentences = read(engine, tmp_path, text, "rules.txt")
    assert document.title == "Rules"  # from the file name
    assert text.split("\n")[0] in " ".join(sentences)


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def unaccounted(document: Document, given: str) -> Counter[str]:
    """Words of the input that are in neither the title, the headings, the sentences nor the dropped."""
    kept = _words(document.title) + _words(" ".join(document.headings))
    kept += _words(" ".join(s.text for s in document.sentences)) + _words(" ".join(d.text for d in document.dropped))
    return _words(given) - kept


def test_every_word_of_a_text_file_is_accounted_for(engine, tmp_path):
    """Each sample text, and text shaped to tempt the heading rules, comes out as title,
    headings, sentences and dropped lines with no word lost."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SOURCES.rglob("*.txt"))]
    texts.append(
        "Menu\nViews : 12\n\nShort line\nA longer line that carries on, and on, to its end.\n\n"
        "Er sagte: „Ja.“\n\n1) One 2) Two\n\nNothing after this heading\n"
    )
    for number, text in enumerate(texts):
        document, _ = read(engine, tmp_path, text, f"case-{number}.txt")
        assert not unaccounted(document, text), (number, unaccounted(document, text))


def test_a_document_without_sentences_is_a_warning_with_its_reason(engine, tmp_path):
    headings_only = tmp_path / "outline.md"
    headings_only.write_text("# Outline\n\n## First part\n\n## Second part\n", encoding="utf-8")
    navigation = tmp_path / "nav.html"
    navigation.write_text('<html><body><nav><a href="/">Home</a></nav></body></html>', encoding="utf-8")
    prepared = engine.load([str(headings_only), str(navigation)])
    assert all(not d.sentences for d in prepared.documents)
    said = {w.source: w.message for w in prepared.warnings if w.message.startswith("no sentences")}
    assert "headings" in said[str(headings_only)]
    assert str(navigation) in said


def test_utf8_with_a_bad_byte_stays_utf8_with_a_warning():
    text = "Die Bürgerinitiative in Köln fordert mehr Grün.\nÜber die Straße wird im Mai entschieden.\n"
    damaged = text.encode("utf-8").replace(b"in K", b"in \xffK")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)
        decoded = decode(damaged, "koeln.txt")
    assert decoded == text.replace("in K", "in \ufffdK")
    assert [str(w.message) for w in caught] == ["UTF-8 but for 1 byte (the first on line 1), shown as �"]


def test_a_damaged_spot_of_several_bytes_counts_once_against_the_valid_utf8():
    """Two umlauts and a stray two-byte mark: UTF-8 with one damaged spot, not a Central European
    legacy encoding ("BĂĽrgerinitiative in KĂ¶ln", as a byte-by-byte count had it)."""
    damaged = "Die Bürgerinitiative in Köln hat sich getroffen. Das ist ".encode() + b"\xff\xfe schwer.\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)
        decoded = decode(damaged, "koeln.txt")
    assert decoded.startswith("Die Bürgerinitiative in Köln") and "\ufffd\ufffd schwer" in decoded
    assert [str(w.message) for w in caught] == ["UTF-8 but for 2 bytes (the first on line 1), shown as �"]
    latin = "Die Bürgerinitiative in Köln hat sich getroffen.".encode("latin-1")
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always", SourceWarning)
        assert decode(latin, "koeln-latin1.txt").startswith("Die Bürgerinitiative in Köln")


def test_a_legacy_encoding_is_still_guessed():
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always", SourceWarning)
        assert decode("Café crème à la carte, s'il vous plaît.".encode("cp1252"), "menu.txt").startswith("Café")


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Привет, как у вас дела сегодня?", "ru"),
        ("Καλημέρα σε όλους", "el"),
        ("Wir fahren morgen früh los", "de"),
        ("Le train part demain matin", "fr"),
    ],
)
def test_one_line_texts_get_a_language(line, language):
    assert identify(line).code == language
