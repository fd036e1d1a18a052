import pytest

from briefing.text.clean import clean_characters, is_noise_line, split_paragraphs, unglue_sentences
from briefing.text.languages import UnknownLanguage, language_code, language_name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It ended.Next day it rained.", "It ended. Next day it rained."),
        ("Son war großzügig mit Lob.Es wird gesagt.", "Son war großzügig mit Lob. Es wird gesagt."),
        ("Das sagt die KI.Nvidia gilt als führend.", "Das sagt die KI. Nvidia gilt als führend."),
        ("„wir können sie nicht verpassen.“Auch Huang", "„wir können sie nicht verpassen.“ Auch Huang"),
        ("Er sagte offen:Das Zeitalter", "Er sagte offen: Das Zeitalter"),
        ("Ziel,Sowohl der eine", "Ziel, Sowohl der eine"),
        ("The U.S. economy", "The U.S. economy"),
        ("Fruit, e.g. apples", "Fruit, e.g. apples"),
        ("It grew 3.5 percent", "It grew 3.5 percent"),
        ("Das gilt z.B. hier", "Das gilt z.B. hier"),
        ("See www.Example.Com today", "See www.Example.Com today"),
        ("Write to anna@Example.Org now", "Write to anna@Example.Org now"),
        ("Visit https://News.Example/Story.Html now", "Visit https://News.Example/Story.Html now"),
    ],
)
def test_unglue(text, expected):
    assert unglue_sentences(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Views : 2",
        "Update time : 2024-11-14 18:17:38",
        "1,234 views",
        "Share this article",
        "Share on Facebook | Twitter | Email",
        "Published: 3 May 2024",
        "Aufrufe: 3.418",
        "Veröffentlicht am: 14.02.2026 – 08:30",
        "Click here to share",
        "Subscribe to our newsletter",
        "Artikel teilen",
        "Mehr lesen »",
        "Advertisement",
    ],
)
def test_noise_lines(line):
    assert is_noise_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The views from the summit were stunning.",
        "Time to go home.",
        "Share prices fell by 3% on Monday.",
        "Subscribers pay 5 euros a month for the service, which launched in May.",
    ],
)
def test_prose_is_not_noise(line):
    assert not is_noise_line(line)


def test_noise_lines_break_paragraphs_and_vanish():
    text = "A truncated title for\nViews : 2\nUpdate time : 2024-01-01 10:00:00\nThe first paragraph."
    assert split_paragraphs(text) == ["A truncated title for", "The first paragraph."]


def test_hard_wrapped_lines_join_but_long_lines_stay_paragraphs():
    wrapped = "This is a hard wrapped line of text that goes on\nand on until it ends here."
    assert split_paragraphs(wrapped) == ["This is a hard wrapped line of text that goes on and on until it ends here."]
    long = ("x " * 80).strip()
    assert split_paragraphs(f"{long}\n{long}") == [long, long]


def test_escapes_controls_and_unicode_forms():
    text = "Bad\x1b[31mRED\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07 caf\u0065\u0301\u00a0ok\u2026 \u202eevil\x07"
    assert clean_characters(text) == "BadRED link café ok... evil"


def test_language_names():
    assert language_code("de") == language_code("german") == language_code("German") == "de"
    assert language_code("deu") == language_code("de-AT") == "de"
    assert language_name("en") == "english"
    with pytest.raises(UnknownLanguage):
        language_code("klingon")
