"""The built-in theme taggers: lexicon, key phrases and entities."""

from __future__ import annotations

import re

import pytest

from briefing.builtins.entity_tagger import EntityTagger
from briefing.builtins.keyphrase_tagger import KeyPhraseTagger
from briefing.builtins.lexicon_tagger import LexiconTagger
from briefing.engine import Engine, Settings
from briefing.models import Document
from briefing.text.names import name_spans
from briefing.text.words import language_kit, words

HEAT_PUMPS = """Heat pumps are replacing gas boilers in many terraced houses.
A heat pump moves warmth from the air outside.

Installers say the boilers they remove are often twenty years old. The city pays part of the cost of each heat pump.

Critics point to noisy fans. Maria Lindqvist of the Nordic Heating Association said modern fans are quieter.

Lindqvist expects sales to double in Malmö next year. In Malmö, a third of new houses already use heat pumps."""

WAERME = """Wärmepumpen ersetzen in vielen Reihenhäusern die alten Gaskessel.
Die Stadt Malmö zahlt einen Teil der Kosten.

Frau Dr. Maria Lindqvist vom Nordischen Heizungsverband sagte, moderne Ventilatoren seien leiser.

Lindqvist erwartet, dass sich der Absatz in Malmö verdoppelt. Die Nachfrage nach Wärmepumpen steigt."""


def document(engine: Engine, text: str, id: str = "doc", title: str = "Heat pumps") -> Document:
    return engine.prepare(Document(id=id, title=title, text=text, origin=f"{id}.txt"))


@pytest.fixture
def heat(engine) -> Document:
    return document(engine, HEAT_PUMPS)


TAGGERS = [LexiconTagger, KeyPhraseTagger, EntityTagger]


@pytest.mark.parametrize("tagger_class", TAGGERS)
def test_tagger_is_deterministic(tagger_class, engine, heat):
    other = document(engine, WAERME, id="de")
    first = tagger_class().tag(heat, language_kit("en"), [heat, other])
    again = tagger_class().tag(heat, language_kit("en"), [heat, other])
    assert first and first == again


@pytest.mark.parametrize("tagger_class", TAGGERS)
def test_tagger_copes_with_empty_and_one_sentence_documents(tagger_class, engine):
    empty = Document(id="empty", title="", text="", origin="empty.txt")
    one = document(engine, "The Nordic Heating Association praised heat pumps in Malmö.", id="one")
    assert tagger_class().tag(empty, language_kit("en"), [empty]) == []
    for theme in tagger_class().tag(one, language_kit("en"), [one, empty]):
        assert 0 < theme.score <= 1 and theme.evidence == (one.sentences[0].text,)


def stems(text: str, language: str = "en") -> list[str]:
    kit = language_kit(language)
    return [kit.stem(w) for w in words(text)]


def contains(sentence: str, phrase: str, language: str = "en") -> bool:
    """Whether the phrase's stems occur, in order and adjacent, among the sentence's stems."""
    haystack, needle = stems(sentence, language), stems(phrase, language)
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


def test_lexicon_matches_inflections_compounds_and_names_its_evidence(engine, heat):
    settings = {"replace": True, "themes": {"heating": {"en": ["heat pump", "boiler*"], "de": ["*pumpe", "Gaskessel"]}}}
    tagger = LexiconTagger(settings)
    [theme] = tagger.tag(heat, language_kit("en"), [heat])
    assert (theme.name, theme.kind, theme.tagger) == ("heating", "theme", "lexicon")
    hits = [s.text for s in heat.sentences if re.search(r"heat pumps?\b|boilers?", s.text, re.IGNORECASE)]
    assert theme.score == round(len(hits) / len(heat.sentences), 4)
    assert theme.evidence and all(e in hits for e in theme.evidence)
    german = document(engine, WAERME, id="de")
    [found] = tagger.tag(german, language_kit("de"), [german])
    assert all("Wärmepumpen" in e or "Gaskessel" in e for e in found.evidence)


def test_lexicon_config_adds_and_replaces_themes(heat):
    added = LexiconTagger({"themes": {"noise": {"en": ["noisy", "quiet"]}}})
    names = {t.name for t in added.tag(heat, language_kit("en"), [heat])}
    assert "noise" in names and "money" in names  # added beside the shipped themes
    replaced = LexiconTagger({"replace": True, "themes": {"noise": {"en": ["noisy", "quiet"]}}})
    assert {t.name for t in replaced.tag(heat, language_kit("en"), [heat])} == {"noise"}


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"themes": {"x": ["a"]}}, "themes.x must be a table"),
        ({"themes": {"x": {"klingon": ["a"]}}}, "unknown language 'klingon'"),
        ({"themes": {"x": {"en": "a"}}}, "themes.x.en must be a list of strings"),
        ({"colour": "red"}, "unknown setting 'colour'"),
    ],
)
def test_bad_lexicon_settings_are_reported_and_the_run_goes_on(registry, settings, message):
    engine = Engine(registry, Settings(plugin_settings={"lexicon": settings}))
    [problem] = engine.problems
    assert problem.source == "[settings.lexicon]" and message in problem.message
    assert "lexicon" not in {t.name for t in engine.plugins.taggers} and engine.plugins.taggers


def test_key_phrases_merge_near_duplicates_and_evidence_contains_them(engine, heat):
    others = [document(engine, t, id=f"o{i}") for i, t in enumerate(["Gas prices rose again.", "Houses sold."])]
    themes = KeyPhraseTagger().tag(heat, language_kit("en"), [heat, *others])
    names = [t.name for t in themes]
    assert "heat pumps" in names or "heat pump" in names
    assert "heat" not in names and "pump" not in names  # folded into the longer phrase
    for theme in themes:
        assert theme.kind == "key phrase" and theme.evidence
        assert all(contains(e, theme.name) for e in theme.evidence), theme


def test_key_phrases_skip_words_every_document_uses(engine):
    texts = [
        f"The report covers {subject}. The report was late. The report names {subject} twice."
        for subject in ("bridges", "tunnels", "ferries", "harbours")
    ]
    corpus = [document(engine, t, id=str(i)) for i, t in enumerate(texts)]
    names = {t.name for t in KeyPhraseTagger().tag(corpus[0], language_kit("en"), corpus)}
    assert "bridges" in names and "report" not in names


def test_a_wire_dateline_gives_no_key_phrase_and_no_name(engine):
    # "WUHAN (Xinhua) --" says where the story was filed and who sent it, not what it is about.
    texts = [
        f"{city} (Xinhua) -- The Lanxi dam reservoir rose again. Farmers moved their herds to higher ground."
        for city in ("WUHAN", "WUHAN", "HEFEI")
    ]
    corpus = [document(engine, t, id=str(i)) for i, t in enumerate(texts)]
    phrases = {t.name for t in KeyPhraseTagger().tag(corpus[0], language_kit("en"), corpus)}
    names = {t.name for t in EntityTagger().tag(corpus[0], language_kit("en"), corpus)}
    assert "herds" in phrases and not {"WUHAN", "HEFEI"} & (phrases | names)


def test_entities_in_english_with_kinds_and_evidence(engine, heat):
    themes = {t.name: t for t in EntityTagger().tag(heat, language_kit("en"), [heat])}
    assert themes["Maria Lindqvist"].kind == "person"  # "said", and "Lindqvist" alone folds into her
    assert themes["Malmö"].kind == "place"  # "in Malmö"
    assert "Heat" not in themes and "Installers" not in themes and "Critics" not in themes
    for theme in themes.values():
        surname = theme.name.split()[-1]
        assert all(surname in e for e in theme.evidence)


def test_entities_in_german_need_a_sign_of_a_name(engine, heat):
    german = document(engine, WAERME, id="de")
    alone = {t.name: t for t in EntityTagger().tag(german, language_kit("de"), [german])}
    assert alone["Maria Lindqvist"].kind == "person"  # after "Frau Dr."
    assert not {"Wärmepumpen", "Stadt", "Kosten", "Ventilatoren"} & set(alone)  # capitalised nouns
    # Malmö is a name in the English document, so the German one counts it too.
    together = {t.name for t in EntityTagger().tag(german, language_kit("de"), [german, heat])}
    assert "Malmö" in together
    gazetteer = EntityTagger({"organisations": ["Nordischen Heizungsverband"]})
    found = {t.name: t.kind for t in gazetteer.tag(german, language_kit("de"), [german])}
    assert found["Nordischen Heizungsverband"] == "organisation"


def test_bad_entity_settings_are_refused():
    with pytest.raises(ValueError, match="people must be a list"):
        EntityTagger({"people": "Ada"})


@pytest.mark.parametrize(
    "sentence, language, expected",
    [
        ("Yesterday NVIDIA CEO Jensen Huang flew to Tokyo.", "en", ["NVIDIA", "Jensen Huang", "Tokyo"]),
        ("She met the CEO of SoftBank in Japan's capital.", "en", ["SoftBank", "Japan"]),
        ("Recognize AI as a tool, said Ada Lovelace.", "en", ["AI", "Ada Lovelace"]),
        ("Der Aktienkurs von Nvidia stieg, sagte Herr Weiß vom ADFC.", "de", ["Herr Weiß", "ADFC"]),
    ],
)
def test_name_spans_split_roles_possessives_and_german_nouns(sentence, language, expected):
    kit = language_kit(language)
    common = {"recognize"}  # written in lower case elsewhere in the document
    assert [n.text for n in name_spans(sentence, language, kit.stop_words, common=common)] == expected


COMPANIES = """Kestrel Robotics said on Monday that it would open a lab in the harbour town.
Kestrel Robotics said the lab would hire forty engineers. SoftBank said it would invest in the lab.
SoftBank's fund manager Lena Okafor said the money would come in two parts.
Okafor said the first part arrives in spring.
Amtrak said trains to the harbour would run every hour. Amtrak said the timetable starts in May.
Perplexity AI said its model would help the engineers. Perplexity AI said so twice."""


def test_companies_that_say_things_are_not_people_and_a_surname_joins_its_full_name(engine):
    doc = document(engine, COMPANIES, title="A lab by the harbour")
    kinds = {t.name: t.kind for t in EntityTagger().tag(doc, language_kit("en"), [doc])}
    assert kinds["Lena Okafor"] == "person" and "Okafor" not in kinds
    for company in ("SoftBank", "Perplexity AI", "Amtrak"):
        assert kinds.get(company) != "person", company
    assert kinds["SoftBank"] == "organisation" and "SoftBank's" not in kinds


def test_a_sentence_opening_verb_is_not_part_of_a_known_name():
    kit = language_kit("de")
    found = name_spans("Hätte SoftBank damals mehr gewagt, wäre alles anders.", "de", kit.stop_words, {"SoftBank"})
    assert [n.text for n in found] == ["SoftBank"]
    kept = name_spans("Maria Lindqvist kam spät.", "de", kit.stop_words, {"Lindqvist", "Maria Lindqvist"})
    assert [n.text for n in kept] == ["Maria Lindqvist"]


def test_a_document_has_each_theme_once_and_a_topic_folds_surnames_into_full_names(registry):
    from briefing.models import Brief, DocumentBrief, Theme
    from briefing.topics.coverage import coverage, one_per_name, topic_themes

    themes = (
        Theme("energy", 0.53, ("a",), "lexicon", "theme"),
        Theme("Energy", 0.07, ("b",), "keyphrases", "key phrase"),
        Theme("SoftBank's", 0.2, ("c",), "keyphrases", "key phrase"),
        Theme("SoftBank", 0.1, ("d",), "entities", "organisation"),
    )
    once = one_per_name(themes)
    assert [(t.name, t.score) for t in once] == [("energy", 0.53), ("SoftBank", 0.2)]
    first = Document("1", "One", "x", "1.txt")
    second = Document("2", "Two", "y", "2.txt")
    entries = (
        DocumentBrief(first, None, (Theme("Sam Altman", 0.4, ("Sam Altman spoke.",), "entities", "person"),)),
        DocumentBrief(second, None, (Theme("Altman", 0.2, ("Altman left.",), "entities", "person"),)),
    )
    [pooled] = topic_themes(entries)
    assert pooled.name == "Sam Altman" and pooled.evidence == ("Sam Altman spoke.", "Altman left.")
    matrix = coverage(Brief("t", entries, ()))
    assert matrix.scores == ((0.4,), (0.2,))  # the second document covers Sam Altman too


def test_a_topics_themes_tied_at_the_cut_are_ordered_by_name():
    """Themes that cover as many documents with the same score are taken by name at the cut of the
    topic's list, as a full sort takes them (only the leaders get their evidence and kind)."""
    from briefing.models import DocumentBrief, Theme
    from briefing.topics.coverage import topic_themes

    document = Document("1", "One", "x", "1.txt")
    themes = tuple(Theme(name, 0.5, (name,), "keyphrases", "key phrase") for name in ("tide", "harbour", "quay"))
    entries = [DocumentBrief(document, None, themes)]
    assert [t.name for t in topic_themes(entries, 1)] == ["harbour"]
    assert [t.name for t in topic_themes(entries, 2)] == ["harbour", "quay"]


CURRENCY_PLUGIN = """
from briefing import Tagger, hookimpl
from briefing.models import Theme


class Currency(Tagger):
    name = "currency"

    def tag(self, document, kit, corpus):
        found = [s.text for s in document.sentences if "€" in s.text or "euro" in s.text.lower()]
        # Weaker than the lexicon's "money" on purpose: the weaker theme is the one that was lost.
        return [Theme("money", 0.01, tuple(found[:2]), kind="figure")] if found else []


@hookimpl
def register_taggers(register):
    register(Currency)
"""


def test_a_plugins_theme_named_like_a_built_in_is_merged_not_lost(tmp_path):
    """A tagger plugin's "money" and the lexicon's "money": one theme, with the plugin named in
    ``also`` and its evidence after the lexicon's (it was dropped without a word)."""
    from briefing.plugins import PluginHost

    (tmp_path / "plugs").mkdir()
    (tmp_path / "plugs" / "currency.py").write_text(CURRENCY_PLUGIN, encoding="utf-8")
    text = (
        "The city will spend 4 million euros on new buses. The budget pays for drivers and fuel. "
        "Each ticket will cost 2 € from May. Money for the trams comes from the state budget."
    )
    (tmp_path / "buses.txt").write_text(text, encoding="utf-8")
    registry = PluginHost([tmp_path / "plugs"], load_entry_points=False).registry()
    briefing = Engine(registry, Settings(workers=1, taggers=("lexicon", "currency"))).run([str(tmp_path / "buses.txt")])
    [entry] = briefing.briefs[0].documents
    [money] = [t for t in entry.themes if t.name == "money"]
    assert money.tagger == "lexicon" and money.also == ("currency",)
    assert "Each ticket will cost 2 € from May." in money.evidence


def test_corpus_counts_are_computed_once_and_a_new_sequence_of_the_same_documents_is_held():
    """Taggers call their per-corpus counts once per document: a corpus held by identity is not
    read again, and the same documents in a new list are recognised by their ids once, then held
    (reading every id on every call made a reloaded corpus's tagging quadratic)."""
    from briefing.text.corpus import PerCorpus

    class Counted(list):
        reads = 0

        def __iter__(self):
            Counted.reads += 1
            return super().__iter__()

    documents = [Document(id=f"d{i}", origin=f"d{i}", title="", text="") for i in range(3)]
    computed = []
    counts = PerCorpus(lambda corpus: computed.append(len(corpus)) or len(computed))
    first = Counted(documents)
    assert [counts(first) for _ in range(5)] == [1] * 5
    again = Counted(documents)
    Counted.reads = 0
    assert [counts(again) for _ in range(5)] == [1] * 5
    assert computed == [3]
    assert Counted.reads == 1  # the ids read once for the new list, then it is known by identity


def test_an_entity_tagger_gives_a_document_the_same_names_when_it_tags_it_again(engine, heat):
    # Tagging takes a document's names out of the corpus table (they are not held for the whole
    # run); a second call finds them again as the corpus did, German ones with the names it taught.
    german = document(engine, WAERME, id="de")
    tagger, corpus = EntityTagger(), [heat, german]
    first = [tagger.tag(d, language_kit(d.language or "en"), corpus) for d in corpus]
    again = [tagger.tag(d, language_kit(d.language or "en"), corpus) for d in corpus]
    assert first == again and "Malmö" in {t.name for t in again[1]}
