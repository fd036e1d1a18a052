"""The word table: a document's words read once, as sumy reads them, and shared by the summarizers."""

from __future__ import annotations

from briefing.text import word_table as table_module
from briefing.text.word_table import KEPT, word_table
from briefing.text.words import language_kit

from .conftest import document_of


def test_content_words_are_lower_cased_stemmed_and_without_stop_words():
    document = document_of("The Reefs are bleaching.", "The The reef.", "It is.")
    table = word_table(document, language_kit("en"))
    entries = table.content()
    by_sentence = [[table.stems[c] for c in entries.words_of(row)] for row in range(entries.count)]
    assert by_sentence == [["reef", "bleach"], ["reef"], []]
    plain = table.content(stem=False)
    lowered = [[table.lowers[c] for c in plain.words_of(row)] for row in range(3)]
    assert lowered == [["reefs", "bleaching"], ["reef"], []]
    assert entries.lengths.tolist() == [2.0, 1.0, 0.0]
    # "The" is a stop word lower-cased but not as written (KL-Sum counts it).
    the = table.forms.index("The")
    assert table.stop[the] and not table.stop_as_written[the] and not table.written_lower[the]


def test_pairs_count_each_word_of_a_sentence_once():
    table = word_table(document_of("Reef reef coral.", "Coral."), language_kit("en"))
    rows, cols, counts = table.content().pairs()
    assert sorted((int(r), table.stems[c], int(n)) for r, c, n in zip(rows, cols, counts, strict=True)) == [
        (0, "coral", 1),
        (0, "reef", 2),
        (1, "coral", 1),
    ]


def test_headings_are_read_apart_from_the_sentences():
    table = word_table(document_of("Divers dive.", headings=("Reef survey",)), language_kit("en"))
    assert [table.forms[i] for i in table.heading_ids] == ["Reef", "survey"]
    assert [table.forms[i] for i in table.sentence_forms(0)] == ["Divers", "dive"]


def test_a_document_is_read_once_for_every_summarizer_that_rates_it(registry, monkeypatch):
    reads = []
    original = table_module.WordTable.__init__

    def counting(self, document, kit):
        reads.append(document.id)
        original(self, document, kit)

    monkeypatch.setattr(table_module.WordTable, "__init__", counting)
    document = document_of("The council approved the harbour budget.", "The harbour dredging starts in May.")
    kit = language_kit("en")
    for name in ("position", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction", "edmundson"):
        registry.create("summarizer", name).rate(document, kit)
    assert reads == ["d"]
    # Another document with the same text is another object: read on its own.
    word_table(document_of("The council approved the harbour budget.", "The harbour dredging starts in May."), kit)
    assert reads == ["d", "d"]


def test_only_the_last_documents_are_kept():
    kit = language_kit("en")
    first = document_of("Gulls nest here.")
    table = word_table(first, kit)
    assert word_table(first, kit) is table
    others = [document_of(f"Boat number {i} moored.") for i in range(KEPT)]
    for other in others:
        word_table(other, kit)
    assert word_table(first, kit) is not table
