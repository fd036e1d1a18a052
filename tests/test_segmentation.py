"""Sentence segmentation against a gold set of tricky English and German cases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from briefing.text.sentences import Segmenter
from briefing.text.words import language_kit, stop_words

from .conftest import DATA


def gold_cases() -> list[tuple[str, list[str]]]:
    cases, language = [], "en"
    for line in (DATA / "sentences_gold.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            language = line.strip("[]")
            continue
        cases.append((language, line.split(" <> ")))
    return cases


def accuracy(split) -> float:
    cases = gold_cases()
    return sum(split(lang, " ".join(expected)) == expected for lang, expected in cases) / len(cases)


def test_gold_set_is_large_and_bilingual():
    cases = gold_cases()
    assert len(cases) >= 100
    assert {lang for lang, _ in cases} == {"en", "de"}
    assert sum(len(expected) > 1 for _, expected in cases) >= 40


def test_shipped_parameters_beat_untrained_punkt(capsys):
    ours = accuracy(lambda lang, text: language_kit(lang).segmenter.split(text))
    untrained = accuracy(lambda lang, text: PunktSentenceTokenizer().tokenize(text))
    with capsys.disabled():
        print(f"\nsentence gold set: briefing {ours:.1%}, untrained Punkt {untrained:.1%}")
    assert ours >= 0.95
    assert untrained < 0.6


def test_paragraph_sentences_are_stripped_and_complete():
    text = "Er sagte: „Wir schaffen das.“ Dann ging er am 3. Oktober nach Hause."
    assert language_kit("de").segmenter.split(text) == [
        "Er sagte: „Wir schaffen das.“",
        "Dann ging er am 3. Oktober nach Hause.",
    ]


def test_works_without_nltk_data(tmp_path):
    """With NLTK_DATA pointing at an empty folder the segmenter still splits well."""
    code = (
        "from briefing.text.words import language_kit\n"
        "k = language_kit('en')\n"
        "assert not k.segmenter.uses_installed_data\n"
        "print(k.segmenter.split('Dr. Smith left at 5 p.m. Then it rained.'))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['Dr. Smith left at 5 p.m.', 'Then it rained.']"


def _fake_punkt_tab(root: Path, abbreviation: str) -> None:
    folder = root / "tokenizers" / "punkt_tab" / "english"
    folder.mkdir(parents=True)
    (folder / "abbrev_types.txt").write_text(abbreviation + "\n")
    (folder / "collocations.tab").write_text("")
    (folder / "sent_starters.txt").write_text("")
    (folder / "ortho_context.tab").write_text("")


def test_uses_installed_punkt_tab_when_present(tmp_path):
    _fake_punkt_tab(tmp_path, "zorp")
    code = (
        "from briefing.text.sentences import Segmenter\n"
        "s = Segmenter('english')\n"
        "print(s.uses_installed_data, len(s.split('We met the zorp. Smith came too.')))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "1"]


def test_can_ignore_installed_data():
    segmenter = Segmenter("german", stop_words("de"), use_installed=False)
    assert not segmenter.uses_installed_data
    assert segmenter.split("Das gilt z.B. für Banken. Es ist so.") == ["Das gilt z.B. für Banken.", "Es ist so."]


FRENCH_AND_SPANISH = [
    ("fr", "M. Dupont est arrivé hier soir. Il a parlé avec Mme Martin du nouveau port.", 2),
    ("fr", "Le Dr Lefèvre cite p. ex. la marée d'équinoxe. Les pêcheurs sont inquiets.", 2),
    ("fr", "La réunion a lieu av. de la Mer, voir fig. 3 du rapport. Elle commence à midi.", 2),
    ("fr", "Selon le chap. 4, le trafic a doublé depuis janv. 2020. Personne ne l'avait prévu.", 2),
    ("es", "El Sr. García llegó ayer al puerto. La Sra. López no vino a la reunión.", 2),
    ("es", "Según la pág. 5 del informe, el tráfico creció. Los trabajadores están contentos.", 2),
    ("es", "La Dra. Ruiz vive en la Avda. del Mar, núm. 12. Trabaja en el hospital.", 2),
    ("es", "Dijo que no. Después se fue a casa sin decir nada más.", 2),
    ("es", "Las obras empiezan en sept. del año que viene. El puerto seguirá abierto.", 2),
]


@pytest.mark.parametrize("language, text, count", FRENCH_AND_SPANISH)
def test_french_and_spanish_abbreviations_do_not_end_sentences(language, text, count):
    sentences = language_kit(language).segmenter.split(text)
    assert len(sentences) == count, sentences


def test_the_config_language_can_override_detection(registry, tmp_path):
    from briefing.engine import Engine, Settings

    (tmp_path / "kurz.txt").write_text(
        "Der Hafen ist groß. Die Fähre fährt oft. Alle sind zufrieden.", encoding="utf-8"
    )
    detected, _ = Engine(registry, Settings(language="en")).load([str(tmp_path)])
    forced, _ = Engine(registry, Settings(language="fr", detect_language=False)).load([str(tmp_path)])
    assert (detected[0].language, forced[0].language) == ("de", "fr")
