"""Cleaners: banners, teaser tails of scraped pages, user rules, and cleaner plugins."""

from __future__ import annotations

import pytest

from briefing.builtins.cleaners import BannerCleaner, FurnitureCleaner, RuleCleaner, TeaserCleaner, teaser_tail
from briefing.engine import Engine, Settings
from briefing.models import Document
from briefing.plugins import PluginHost
from briefing.testing import check_cleaner

from .conftest import DATA, SOURCES

SCRAPED = DATA / "scraped-teasers.txt"


def sentences_of(engine, path) -> list[str]:
    [document], problems = engine.load([str(path)])
    assert not problems
    return [s.text for s in document.sentences]


def test_a_scraped_page_loses_its_teaser_tail(engine):
    sentences = sentences_of(engine, SCRAPED)
    text = " ".join(sentences)
    assert "battery-powered straddle carrier" in text  # the last paragraph of the article stays
    for teaser in ("shipping lines calling at the bay", "Fishermen in the northern harbour", "cycle bridge", "ferry"):
        assert teaser not in text, teaser
    assert sentences[-1].endswith("when the current lease ends.")


def test_without_the_teaser_cleaner_the_tail_is_there(registry):
    engine = Engine(registry, Settings(cleaners=("banners", "rules")))
    assert "cheaper family ticke" in " ".join(sentences_of(engine, SCRAPED))


def test_finished_articles_keep_every_paragraph(engine):
    documents, _ = engine.load([str(SOURCES)])
    for document in documents:
        paragraphs = document.text.split("\n\n")
        assert teaser_tail(paragraphs) == len(paragraphs), document.origin


def test_teaser_tail_needs_a_cut_off_paragraph_followed_by_snippets():
    body = ["An article opens with a long first paragraph that says what happened and why it matters. " * 5]
    cut = (
        "The next story starts here and goes on for quite a while, long enough to be prose, "
        "before the page stops it right in the mid"
    )
    snippet = "Another short teaser that ends properly."
    assert teaser_tail(body + [cut, snippet, snippet]) == 1
    assert teaser_tail(body + [cut]) == 1
    assert teaser_tail(body + [snippet, snippet]) == 3  # complete snippets alone are not a tail
    assert teaser_tail(body + [cut, body[0]]) == 3  # a long paragraph after it: part of the article
    assert teaser_tail([cut]) == 1  # the first paragraph always stays


def test_banners_go_and_long_prose_about_cookies_stays():
    document = Document(id="d", title="t", text="", origin="d.html")
    paragraphs = [
        "We use cookies to improve your experience. By clicking Accept all you agree.",
        "Diese Website verwendet Cookies. Alle akzeptieren",
        "Sign up for our newsletter and never miss a story.",
        "The bakery on the quay sells oat cookies. " * 12,
    ]
    assert BannerCleaner().clean(paragraphs, document) == paragraphs[3:]


def test_user_rules_drop_paragraphs_and_cut_the_rest(cli, tmp_path):
    (tmp_path / "story.txt").write_text(
        "Harbour cranes\n\n"
        "The new cranes arrive in spring, the port said on Tuesday.\n\n"
        "Photo: Kestrel Bay port authority, all rights reserved.\n\n"
        "Dock workers asked for training before the first crane arrives.\n\n"
        "Read also: our archive of harbour stories, sorted by year.\n\n"
        "A story about something else entirely that the page appended.\n",
        encoding="utf-8",
    )
    (tmp_path / "briefing.toml").write_text(
        '[settings.rules]\ndrop = ["^photo:"]\ncut_from = ["^read also"]\n', encoding="utf-8"
    )
    code, out, err = cli(
        "--config", "briefing.toml", "brief", "--format", "json", "--sentences", "5", "story.txt", cwd=tmp_path
    )
    assert code == 0, err
    assert "asked for training" in out
    assert "Photo:" not in out and "Read also" not in out and "something else entirely" not in out


def test_a_bad_rule_names_the_setting_and_the_run_goes_on(cli, tmp_path):
    (tmp_path / "story.txt").write_text("The cranes arrive in spring. Workers want training.\n", encoding="utf-8")
    (tmp_path / "briefing.toml").write_text('[settings.rules]\ndrop = ["ok", "(unclosed"]\n', encoding="utf-8")
    code, out, err = cli("--config", "briefing.toml", "brief", "story.txt", cwd=tmp_path)
    assert code == 1
    assert "[settings.rules]: cleaner 'rules' cannot start: drop[2] '(unclosed' is not a regular expression" in err
    assert "cranes arrive in spring" in out


def test_a_crashing_cleaner_is_reported_and_skipped(tmp_path):
    (tmp_path / "plugs").mkdir()
    (tmp_path / "plugs" / "fragile.py").write_text(
        "from briefing import Cleaner, hookimpl\n"
        "class Fragile(Cleaner):\n"
        "    name = 'fragile'\n"
        "    def clean(self, paragraphs, document):\n"
        "        raise RuntimeError('cannot handle ' + document.title)\n"
        "@hookimpl\n"
        "def register_cleaners(register):\n"
        "    register(Fragile)\n",
        encoding="utf-8",
    )
    registry = PluginHost([tmp_path / "plugs"], load_entry_points=False).registry()
    result = Engine(registry, Settings()).run([str(SCRAPED)])
    [problem] = result.errors
    assert problem.source == str(SCRAPED)
    assert problem.message.startswith("cleaner 'fragile' failed: RuntimeError: cannot handle Port of Kestrel Bay")
    [brief] = result.briefs
    [entry] = brief.documents
    assert entry.summary is not None  # still briefed ...
    assert "family ticke" not in " ".join(s.text for s in entry.document.sentences)  # ... by the other cleaners


def test_only_the_configured_cleaners_run(registry):
    assert [c.name for c in Engine(registry, Settings(cleaners=("teasers",))).plugins.cleaners] == ["teasers"]
    assert [c.name for c in Engine(registry, Settings()).plugins.cleaners] == [
        "aggregators",
        "banners",
        "rules",
        "furniture",
        "teasers",
    ]


@pytest.mark.parametrize("cls", [BannerCleaner, RuleCleaner, TeaserCleaner])
def test_built_in_cleaners_pass_the_conformance_kit(cls):
    check_cleaner(cls)


CLEAN_WITH_UNSTOPPED_TAIL = (
    "Harbour council backs the new ferry link\n\n"
    "The harbour council voted on Tuesday to back a direct ferry link to the outer islands. "
    "The first boats are due next summer.\n\n"
    "Islanders have asked for the link for a decade, and the vote was close. "
    "Eleven members were in favour and nine against it in the end\n\n"
    "Fares and timetables follow in spring\n"
    "Read the council's decision in full at https://council.example/decisions/2026/ferry-link\n"
)


def test_a_clean_article_keeps_a_paragraph_without_a_stop_and_one_ending_in_a_url(engine, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(CLEAN_WITH_UNSTOPPED_TAIL, encoding="utf-8")
    [document], _ = engine.load([str(path)])
    text = " ".join(s.text for s in document.sentences)
    assert "nine against it in the end" in text and "council.example/decisions/2026/ferry-link" in text
    assert document.dropped == ()  # nothing at all was dropped from a clean article


def test_a_paragraph_ending_in_a_link_is_not_cut_off_even_on_a_scraped_page():
    long_link = "More on the ferry link, with the vote of every member, is on the council's page " * 2
    paragraphs = ["Lead.", long_link + "https://council.example/ferry-link", "Short note."]
    assert teaser_tail(paragraphs) == 3


def test_every_dropped_line_and_paragraph_is_recorded_with_who_dropped_it(engine, tmp_path):
    [document], _ = engine.load([str(SCRAPED)])
    by = {d.by for d in document.dropped}
    assert {"page noise", "teasers"} <= by
    noise = [d.text for d in document.dropped if d.by == "page noise"]
    assert "Views : 1,204" in noise
    teasers = [d for d in document.dropped if d.by == "teasers"]
    assert any("cheaper family ticke" in d.text for d in teasers)
    assert all(d.why == TeaserCleaner.description for d in teasers)


def test_a_repeated_paragraph_or_sentence_is_read_once_and_recorded(engine, tmp_path):
    path = tmp_path / "repeats.txt"
    repeated = "The new pier will open to the public on the first of May next year."
    path.write_text(
        f"Pier news\n\n{repeated} Workers are painting the railings.\n\nThe mayor will cut the ribbon.\n\n"
        f"{repeated} Workers are painting the railings.\n\nYes. {repeated} Yes. The crowd cheered.\n",
        encoding="utf-8",
    )
    [document], _ = engine.load([str(path)])
    texts = [s.text for s in document.sentences]
    assert texts.count(repeated) == 1 and texts.count("Yes.") == 2  # short ones are part of the flow
    reasons = [(d.by, d.why) for d in document.dropped]
    assert ("repeated", "the same paragraph appears earlier in the document") in reasons
    assert ("repeated", "the same sentence appears earlier in the document") in reasons


def test_page_furniture_is_dropped_and_the_article_kept():
    """What main-text extraction keeps around an article: links to other articles (in six
    languages), sign-up and app prompts, how to reach the author, picture credits."""
    article = [
        "The harbour board approved the new breakwater on Tuesday after two years of debate.",
        "Related studies found that breakwaters of this kind last about fifty years.",  # no colon: text
        "Readers who sign up for the council's newsletter will hear about the public meetings first, the board "
        "said, and the plans will be shown in the library from May until the end of the summer holidays, when "
        "the board will answer questions from residents and fishermen about the works and their cost.",
    ]
    furniture = [
        "Related: Ten harbours that changed their coastlines",
        "Read more: The fishermen's view of the new wall",
        "Lesen Sie auch: Der Streit um die Mole",
        "Le puede interesar: El puerto en cifras",
        "À lire aussi : Le port et la mer",
        "Sign up for our free daily newsletter.",
        "Get the latest harbour news delivered to your inbox.",
        "CLICK HERE TO GET THE HARBOUR NEWS APP",
        "Write to Ana Silva at ana.silva@example.org",
        "Ana Silva may be reached at ana.silva@example.org.",
        "Follow her on Twitter @anasilva.",
        "Photo: Harbour Board",
        "(Photo by Ana Silva)",
        "Tom Reed contributed to this report.",
    ]
    document = Document(id="h", title="Breakwater", text="", origin="h.html")
    assert FurnitureCleaner().clean(article + furniture, document) == article
    check_cleaner(FurnitureCleaner)
