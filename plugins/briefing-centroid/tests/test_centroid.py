from briefing_centroid import Centroid

from briefing import language_kit
from briefing.testing import check_summarizer, sample_document

TEXT = """Tidal turbines in the strait produced power for the first winter. The turbines sit on the \
seabed and turn with the tide. A café on the pier sells very good cake. Engineers say tidal turbines \
are predictable, because the tide follows the moon. Fishing boats now steer around the turbines."""


def test_conforms():
    check_summarizer(Centroid)
    check_summarizer(Centroid, {"position_weight": 0.5})


def test_prefers_sentences_on_the_main_subject():
    document = sample_document(TEXT)
    scores = Centroid().rate(document, language_kit("en"))
    cake = next(s.position for s in document.sentences if "cake" in s.text)
    assert scores[cake] == min(scores)
    assert max(scores) in (scores[0], scores[3])


def test_position_weight_favours_the_lead():
    document = sample_document(TEXT)
    plain = Centroid().rate(document, language_kit("en"))
    weighted = Centroid({"position_weight": 1.0}).rate(document, language_kit("en"))
    assert weighted[0] - plain[0] > weighted[-1] - plain[-1] > 0
