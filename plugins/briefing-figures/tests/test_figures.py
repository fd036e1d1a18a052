import pytest
from briefing_figures import Figures

from briefing import language_kit
from briefing.testing import check_tagger, sample_document

TEXT = """The council set aside 4.2 million euros for the new dock. Tickets cost €12 for adults. \
Turnout rose to 64% this year. The quay is 350 metres long and the crane lifts 40 tonnes. \
Nobody mentioned the weather."""

GERMAN = """Die Stadt zahlt 12 Mio. Euro für den Radweg. Der Anteil der Radfahrer stieg um 35 Prozent. \
Die Strecke ist 4 Kilometer lang. Viele Anwohner sind zufrieden."""


def test_conforms():
    check_tagger(Figures)


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (TEXT, "en", {"money": 2, "percentages": 1, "measurements": 1}),
        (GERMAN, "de", {"money": 1, "percentages": 1, "measurements": 1}),
    ],
)
def test_finds_figures_and_cites_their_sentences(text, language, expected):
    document = sample_document(text, language)
    themes = {t.name: t for t in Figures().tag(document, language_kit(language), [document])}
    assert {name: len(t.evidence) for name, t in themes.items()} == expected
    sentences = {s.text for s in document.sentences}
    for theme in themes.values():
        assert theme.kind == "figure" and set(theme.evidence) <= sentences
        assert theme.score == round(len(theme.evidence) / len(document.sentences), 4)
    assert all("weather" not in e and "zufrieden" not in e for t in themes.values() for e in t.evidence)
