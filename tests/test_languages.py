"""Language identification: 20 languages right, "unknown" when unsure, and every document records
where its language came from and what split its sentences.

The paragraphs and headlines are ``tests/data/languages/``, read by ``bench/languages.py`` (the
benchmark printing the same figures beside the stop-word vote briefing used before).
"""

from __future__ import annotations

import importlib.util
import json
import sys

from briefing.engine import Engine, Length, Settings
from briefing.text.detect import MIN_CONFIDENCE, identify
from briefing.text.languages import has_words, language_code, language_name
from briefing.text.words import language_kit

from .conftest import DATA, REPO

_spec = importlib.util.spec_from_file_location("languages_bench", REPO / "bench" / "languages.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules["languages_bench"] = bench  # dataclasses look their module up while it loads
_spec.loader.exec_module(bench)

GERMAN_WITH_FORMULAS = (
    "Sei f(x) = a x + b eine lineare Funktion mit a, b aus R. Dann gilt f(0) = b, und für a > 0 ist f "
    "streng monoton wachsend. Die Nullstelle liegt bei x = -b/a, falls a nicht 0 ist.\n\n"
    "Für a = 0 ist f konstant. Man nennt b auch den y-Achsenabschnitt von f."
)


def _paragraphs(language: str) -> list[str]:
    return [s.text for s in bench.samples() if s.language == language and not s.headline]


def test_twenty_languages_of_paragraphs_are_identified(capsys):
    samples = bench.samples()
    paragraphs = [s for s in samples if not s.headline]
    headlines = [s for s in samples if s.headline]
    assert len({s.language for s in paragraphs}) == 20 and len(paragraphs) == 400
    wrong = [(s.language, identify(s.text), s.text) for s in paragraphs if identify(s.text).code != s.language]
    on_headlines = sum(identify(s.text).code == s.language for s in headlines) / len(headlines)
    with capsys.disabled():
        print(f"\nlanguage identification: paragraphs {1 - len(wrong) / 400:.1%}, headlines {on_headlines:.1%}")
    assert len(wrong) <= 8, wrong  # >= 98 %
    assert on_headlines >= 0.9


def test_the_identifier_tells_what_the_stop_word_vote_could_not():
    for language in ("da", "no", "nl", "ru", "fi"):
        assert bench.stop_word_vote(_paragraphs(language)[0]) != language  # how it was before
        assert identify(_paragraphs(language)[0]).code == language
    assert identify(GERMAN_WITH_FORMULAS).code == "de"


def test_unsure_or_wordless_text_is_unknown_not_guessed():
    for text in ("OK", "12:30 - 14:00 / 3,5 % / 42 kg", "SELECT * FROM users WHERE id = 42;"):
        found = identify(text)
        assert found.code is None and found.confidence < MIN_CONFIDENCE, (text, found)


def test_unknown_language_is_a_warning_naming_the_file(registry, tmp_path):
    (tmp_path / "query.txt").write_text(
        "SELECT id, name FROM users WHERE id = 42;\n\nUPDATE users SET name = 'x' WHERE id = 7;\n", encoding="utf-8"
    )
    loaded = Engine(registry, Settings(language="de")).load([str(tmp_path)])
    [document] = loaded.documents
    assert (document.language, document.language_source) == ("de", "config")
    [warning] = [p for p in loaded.warnings if "could not tell the language" in p.message]
    assert warning.source.endswith("query.txt") and "treating it as 'de'" in warning.message


def test_any_iso_code_is_a_language_even_without_its_words():
    assert language_code("tr") == "tr" and language_name("tr") == "tr" and not has_words("tr")
    assert language_code("German") == "de" and has_words("de")
    kit = language_kit("tr")
    assert kit.stop_words == frozenset() and kit.stem("Evler") == "evler"


def test_a_language_without_stop_words_still_gets_sentences_words_and_a_summary(registry, tmp_path):
    (tmp_path / "haber.txt").write_text(
        "Belediye meclisi salı akşamı yeni otobüs hatlarını görüştü. Birçok sakin hastanenin yanına bir durak "
        "istedi. Oylama gelecek ay yapılacak. Meclis başkanı toplantıyı erken bitirdi. Sakinler kararı "
        "bekliyor.\n",
        encoding="utf-8",
    )
    briefing = Engine(registry, Settings(length=Length(2))).run([str(tmp_path)])
    [entry] = briefing.briefs[0].documents
    assert entry.document.language == "tr" and entry.document.language_source == "detected"
    assert len(entry.document.sentences) == 5
    assert entry.summary is not None and len(entry.summary.sentences) == 2


def test_brief_json_says_language_source_confidence_and_segmenter(cli, tmp_path):
    (tmp_path / "formeln.txt").write_text(GERMAN_WITH_FORMULAS, encoding="utf-8")
    (tmp_path / "nieuws.txt").write_text(_paragraphs("nl")[0], encoding="utf-8")
    (tmp_path / "novosti.txt").write_text("\n\n".join(_paragraphs("ru")[:3]), encoding="utf-8")
    (tmp_path / "noted.md").write_text("---\nlanguage: fr\n---\n\n" + _paragraphs("fr")[0], encoding="utf-8")
    code, out, err = cli("brief", "--format", "json", str(tmp_path))
    assert code == 0, err
    documents = {d["origin"].rsplit("/", 1)[-1]: d for t in json.loads(out)["topics"] for d in t["documents"]}
    languages = {name: (d["language"], d["language_source"]) for name, d in documents.items()}
    assert languages == {
        "formeln.txt": ("de", "detected"),
        "nieuws.txt": ("nl", "detected"),
        "novosti.txt": ("ru", "detected"),
        "noted.md": ("fr", "front matter"),
    }
    assert documents["formeln.txt"]["language_confidence"] >= MIN_CONFIDENCE
    assert documents["noted.md"]["language_confidence"] is None
    assert documents["formeln.txt"]["segmenter"].startswith("briefing rules + Punkt (shipped german parameters")
    russian = documents["novosti.txt"]
    assert russian["summary"] and all(s["text"] for s in russian["summary"])


def test_the_config_language_is_recorded_as_such(registry):
    documents, _ = Engine(registry, Settings(language="fr", detect_language=False)).load(
        [str(DATA / "scraped-teasers.txt")]
    )
    assert (documents[0].language, documents[0].language_source, documents[0].language_confidence) == (
        "fr",
        "config",
        None,
    )


def test_the_unpacked_model_is_kept_and_a_broken_copy_is_replaced(tmp_path):
    """The first load keeps an unpacked copy in the cache folder; a damaged copy is unpacked again."""
    import os
    import subprocess

    code = (
        "from briefing.text.langid_model import IDENTIFIER\n"
        "print(IDENTIFIER.classify('Dit is een korte Nederlandse zin over het weer van morgen.')[0])\n"
    )
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path)}

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    assert run() == "nl"
    [kept] = (tmp_path / "models").glob("py3langid-*")
    assert (kept / "ptc.npy").stat().st_size > 1_000_000
    assert run() == "nl"  # read from the copy
    (kept / "ptc.npy").write_bytes(b"not a model")
    assert run() == "nl"
    assert (kept / "ptc.npy").stat().st_size > 1_000_000
    assert [p.name for p in (tmp_path / "models").iterdir()] == [kept.name]


def test_words_keep_their_combining_marks():
    """Python's \\w leaves out vowel signs and points: a word is cut at none of them."""
    from briefing.text.words import words

    assert words("गंगा नदी में बाढ़ आई") == ["गंगा", "नदी", "में", "बाढ़", "आई"]
    assert words("ข่าว ภาษาไทย") == ["ข่าว", "ภาษาไทย"]
    assert words("שָׁלוֹם, Cafe\u0301 don't") == ["שָׁלוֹם", "Cafe\u0301", "don't"]


def test_the_marks_are_the_combining_marks_of_this_python():
    import re
    import unicodedata

    from briefing.text.marks import COMBINING

    marks = re.compile(f"[{COMBINING}]")
    for code in range(0x10000):
        character = chr(code)
        if marks.match(character):  # a Python older than the class's Unicode has yet to assign some
            assert unicodedata.category(character) in ("Mn", "Mc", "Me", "Cn"), hex(code)


HINDI = {
    "baadh.txt": "गंगा नदी में पानी का स्तर तेज़ी से बढ़ गया है। प्रशासन ने किनारे के गाँवों को खाली करने का आदेश "
    "दिया है। राहत शिविरों में लगभग 2,000 लोग रह रहे हैं। जिला अधिकारी ने कहा कि नावें तैयार हैं।",
    "shivir.txt": "गंगा नदी के किनारे बसे गाँवों में बाढ़ का खतरा बना हुआ है। राहत शिविरों में खाने और दवाइयों की कमी "
    "है। स्वास्थ्य विभाग ने डॉक्टरों की टीमें राहत शिविरों में भेजी हैं।",
    "barish.txt": "मौसम विभाग ने अगले तीन दिनों तक भारी बारिश की चेतावनी दी है। गंगा नदी का पानी खतरे के निशान से "
    "ऊपर बह रहा है। राहत शिविरों में और लोग पहुँच रहे हैं।",
}


def test_a_hindi_topic_has_sentences_at_the_danda_and_themes_of_whole_words(registry, tmp_path):
    for name, text in HINDI.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    briefing = Engine(registry, Settings()).run([str(tmp_path)])
    [brief] = briefing.briefs
    assert sorted(len(e.document.sentences) for e in brief.documents) == [3, 3, 4]
    written = {word.strip("।,") for text in HINDI.values() for word in text.split()}
    names = [theme.name for theme in brief.thematic] + [t.name for e in brief.documents for t in e.themes]
    assert brief.thematic and names
    for name in names:
        assert all(word in written for word in name.split()), name  # "राहत शिविरों", never "रहत शवर"
    stops = language_kit("hi").stop_words
    assert {"में", "के", "है", "बारे"} <= stops
    for name in names:  # "गंगा नदी", never "रहे हैं" or "बारे में"
        assert not all(word in stops for word in name.split()), name
