"""The cleaners on the benchmark's generated articles: zero loss on clean text, all junk caught.

The articles come from ``bench/cleaning_corpus.py`` (written for briefing, fixed seed), so the
benchmark's figures and this test cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import sys

from briefing.engine import Engine, Settings

from .conftest import REPO

_spec = importlib.util.spec_from_file_location("cleaning_corpus", REPO / "bench" / "cleaning_corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["cleaning_corpus"] = corpus  # dataclasses look their module up while it loads
_spec.loader.exec_module(corpus)


def test_the_cleaners_drop_nothing_from_forty_clean_articles(registry, tmp_path):
    articles = corpus.clean_articles()
    assert len(articles) >= 40 and {a.name.split("-")[2] for a in articles} == {"news", "essay", "review", "interview"}
    measured = corpus.measure(Engine(registry, Settings(grouping="folders")), articles, tmp_path)
    assert measured.lost == []


def test_the_cleaners_drop_all_the_junk_of_twenty_scraped_pages_and_no_article_text(registry, tmp_path):
    pages = corpus.scraped_pages()
    assert len(pages) >= 20
    measured = corpus.measure(Engine(registry, Settings(grouping="folders")), pages, tmp_path)
    assert measured.left == [] and measured.lost == []
    assert measured.junk >= 5 * len(pages)
