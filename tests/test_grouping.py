"""Automatic topics: grouping by content, pinned topics, coverage in every exporter."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

import briefing.topics.clustering as clustering
from briefing.engine import Engine, Settings
from briefing.models import Document, Topic
from briefing.topics.clustering import group_by_content
from briefing.topics.coverage import coverage, topic_themes
from briefing.topics.grouping import TopicRule

from .conftest import SOURCES


def purity(topics: list[Topic], label) -> tuple[float, float]:
    """(purity, inverse purity) of ``topics`` against the classes ``label(document)`` gives."""
    total = sum(len(t.documents) for t in topics)
    overlap = Counter((t.name, label(d)) for t in topics for d in t.documents)
    clusters = {t.name for t in topics}
    classes = {c for _, c in overlap}
    pure = sum(max(overlap[t, c] for c in classes) for t in clusters) / total
    inverse = sum(max(overlap[t, c] for t in clusters) for c in classes) / total
    return pure, inverse


def folder(document: Document) -> str:
    return Path(document.origin).parent.name


def test_samples_regroup_into_the_topics_they_were_written_for(engine):
    briefing = engine.run([str(SOURCES)])
    topics = [Topic(b.topic, tuple(e.document for e in b.documents)) for b in briefing.briefs]
    pure, inverse = purity(topics, folder)
    assert pure >= 0.9 and inverse >= 0.9, [(t.name, [folder(d) for d in t.documents]) for t in topics]
    # Across languages: the German reef article joins the English reef articles.
    topic_of = {Path(d.origin).name: t.name for t in topics for d in t.documents}
    assert topic_of["riffe-und-fischerei.md"] == topic_of["bleaching-season.txt"]
    assert topic_of["radweg-streit.html"] == topic_of["protected-lanes-study.md"]
    # Each topic is named by its top terms (its keywords), which come from its own documents.
    for brief in briefing.briefs:
        text = " ".join(e.document.text.lower() for e in brief.documents)
        assert len(brief.keywords) >= 2 and all(word.lower() in text for word in brief.keywords), brief.keywords
        assert brief.topic.split()[0].lower() in [k.lower() for k in brief.keywords]  # the phrase opens with one


def generated_corpus(count: int, seed: int = 7) -> tuple[list[Document], dict[str, str]]:
    """Documents on three subjects, words drawn from each subject's vocabulary plus a shared one."""
    subjects = {
        "rail": "train track station signal carriage platform timetable railway locomotive freight",
        "bees": "hive honey pollen queen colony nectar swarm beekeeper flower wax",
        "chess": "opening gambit bishop knight rook endgame pawn checkmate tournament grandmaster",
    }
    shared = "people year time report place week group change number part".split()
    rng = random.Random(seed)
    documents, truth = [], {}
    for index in range(count):
        subject = list(subjects)[index % 3]
        vocabulary = subjects[subject].split()
        sentences = []
        for _ in range(8):
            picked = rng.sample(vocabulary, 3) + rng.sample(shared, 2)
            sentences.append(
                f"The {picked[0]} and the {picked[1]} met the {picked[3]} near the {picked[2]} {picked[4]}."
            )
        document_id = f"g{index}"
        truth[document_id] = subject
        documents.append(
            Document(id=document_id, title=document_id, text=" ".join(sentences), origin=f"{document_id}.txt")
        )
    return documents, truth


@pytest.mark.parametrize("seed_limit", [clustering.SEED_LIMIT, 20])
def test_generated_corpus_groups_by_subject_also_past_the_seed_limit(engine, monkeypatch, seed_limit):
    monkeypatch.setattr(clustering, "SEED_LIMIT", seed_limit)  # 20: most documents join a seeded group
    documents, truth = generated_corpus(90)
    prepared = [engine.prepare(d) for d in documents]
    topics = group_by_content(prepared, {})
    assert purity(topics, lambda d: truth[d.id]) == (1.0, 1.0)
    assert group_by_content(prepared, {}) == topics  # deterministic


def test_unrelated_documents_stay_apart_and_empty_input_gives_no_topics(engine):
    assert group_by_content([], {}) == []
    documents = [
        engine.prepare(Document(id=str(i), title=f"Note {i}", text=text, origin=f"{i}.txt"))
        for i, text in enumerate(["Volcanoes erupt lava.", "Sourdough needs flour and patience.", ""])
    ]
    topics = group_by_content(documents, {})
    assert sorted(len(t.documents) for t in topics) == [1, 1, 1]
    assert len({t.name for t in topics}) == 3


def test_pinned_topics_come_first_and_folders_still_work(registry):
    rule = TopicRule("Batteries", (str(SOURCES / "energy-storage" / "*"),))
    engine = Engine(registry, Settings(topics=(rule,)))
    briefs = engine.run([str(SOURCES)]).briefs
    assert briefs[0].topic == "Batteries" and {folder(e.document) for e in briefs[0].documents} == {"energy-storage"}
    assert len(briefs) == 3
    by_folder = Engine(registry, Settings(grouping="folders")).run([str(SOURCES)]).briefs
    assert [b.topic for b in by_folder] == ["coral-reefs", "energy-storage", "urban-cycling"]


def test_topic_themes_and_coverage_matrix(engine):
    [brief] = [b for b in engine.run([str(SOURCES)]).briefs if "coral" in b.keywords]
    assert brief.themes == topic_themes(brief.documents)
    oceans = next(t for t in brief.themes if t.name == "oceans")
    assert oceans.kind == "theme" and len(oceans.evidence) == 4  # every reef article, one sentence each
    matrix = coverage(brief)
    assert len(matrix.scores) == len(brief.documents) == 4
    column = list(matrix.themes).index(oceans)
    for entry, row in zip(matrix.documents, matrix.scores, strict=True):
        own = {(t.tagger, t.name): t.score for t in entry.themes}
        assert row[column] == own[("lexicon", "oceans")] > 0
    assert oceans.score == pytest.approx(sum(r[column] for r in matrix.scores) / 4, abs=1e-3)


def test_coverage_in_every_exporter(cli):
    code, out, _ = cli("brief", str(SOURCES), "--format", "json")
    assert code == 0
    for topic in json.loads(out)["topics"]:
        ids = [d["id"] for d in topic["documents"]]
        assert [row["document"] for row in topic["coverage"]["rows"]] == ids
        assert all(len(row["scores"]) == len(topic["coverage"]["themes"]) for row in topic["coverage"]["rows"])
        assert topic["themes"] and all(
            {"name", "kind", "score", "evidence", "tagger"} <= set(t) for t in topic["themes"]
        )
    code, out, _ = cli("brief", str(SOURCES), "--format", "markdown")
    assert out.count("**Coverage**") == 3 and "| Document | oceans |" in out
    code, out, _ = cli("brief", str(SOURCES), "--format", "text")
    assert out.count("Coverage\n--------") == 3 and "oceans (theme)" in out


def one_topic(registry, folder, texts):
    """The brief of ``texts``, each written as a titled story in ``folder``: they make one topic."""
    for number, text in enumerate(texts):
        (folder / f"story{number}.txt").write_text(f"Story {number}\n\n{text}\n", encoding="utf-8")
    [brief] = Engine(registry, Settings()).run([str(folder)]).briefs
    return brief


def test_a_topic_is_named_by_what_its_documents_share_names_first(registry, tmp_path):
    texts = [
        "Kestrel Robotics opened a new plant on Monday. The economic outlook for the plant is good, "
        "said the mayor. Kestrel Robotics will hire two hundred workers for the plant.",
        "Shares of Kestrel Robotics rose after the plant opened. Analysts expect strong economic growth "
        "for the robot maker. Kestrel Robotics builds robots for warehouses and the plant makes arms.",
        "Workers at the new plant of Kestrel Robotics start in May. The economic effect on the town is "
        "large. Kestrel Robotics pays above the usual wage for robot assembly in the plant.",
    ]
    brief = one_topic(registry, tmp_path, texts)
    assert brief.keywords[0] == "Kestrel Robotics" and "economic" not in brief.keywords[:2]
    assert brief.topic.startswith("Kestrel Robotics")


def test_a_news_agency_names_no_topic(registry, tmp_path):
    # A dateline's agency is the story's source, not its subject, however often it is named.
    texts = [
        "HEFEI (Xinhua) -- The Lanxi dam opened its floodgates on Monday, Xinhua reported. The Lanxi dam "
        "reservoir holds water for two million people. Engineers checked the Lanxi dam walls and the reservoir.",
        "NANJING (Xinhua) -- The Lanxi dam reservoir flooded three villages, Xinhua reported. Farmers lost "
        "their fields to the Lanxi dam reservoir. The villages below the Lanxi dam will be rebuilt.",
        "WUHAN (Xinhua) -- Power from the Lanxi dam reached the city grid, Xinhua said. The Lanxi dam "
        "turbines and the reservoir make enough power for the city, Xinhua added.",
    ]
    brief = one_topic(registry, tmp_path, texts)
    assert "Xinhua" not in brief.topic and "Xinhua" not in brief.keywords
    assert "Lanxi" in brief.topic


def test_the_only_article_in_its_language_joins_the_topic_whose_concepts_it_shares(registry):
    """Briefed alone, the reef folder's German article shares no word with the English ones, and
    its concepts (oceans, research) are in every document, so weigh nothing: it still joins them."""
    briefs = Engine(registry, Settings()).run([str(SOURCES / "coral-reefs")]).briefs
    assert len(briefs) == 1 and len(briefs[0].documents) == 4


def test_a_document_sharing_nothing_stays_alone(registry, tmp_path):
    (tmp_path / "a.txt").write_text("Chess\n\nThe grandmaster won with a rook endgame. The rook decided it.\n")
    (tmp_path / "b.txt").write_text("Chess again\n\nThe rook endgame decided the grandmaster final.\n")
    (tmp_path / "c.txt").write_text("Bienen\n\nDie Imkerin erntet Honig im Juli. Der Honig ist hell.\n")
    briefs = Engine(registry, Settings()).run([str(tmp_path)]).briefs
    assert sorted(len(b.documents) for b in briefs) == [1, 2]


def test_document_vectors_are_sparse_rows_that_agree_with_their_dense_form():
    """Grouping keeps documents' vectors as sparse rows (10,000 x 6,000 dense is 240 MB); taking
    rows, their sums and counts per column, scaling and joining two parts agree with numpy."""
    import numpy as np

    from briefing.topics.features import RowMatrix, _side_by_side

    rng = np.random.default_rng(4)
    dense = (rng.random((30, 12)) * (rng.random((30, 12)) < 0.3)).astype(np.float32)
    dense[5] = 0  # a document with no feature
    matrix = RowMatrix.from_rows([(np.flatnonzero(row), row[np.flatnonzero(row)]) for row in dense], 12)
    assert np.array_equal(matrix.dense(), dense)
    rows = [7, 3, 3, 29]
    assert np.array_equal(matrix.take(rows).dense(), dense[rows])
    assert np.allclose(matrix.take(rows).column_sums(), dense[rows].sum(axis=0))
    assert np.array_equal(matrix.take(rows).column_counts(), (dense[rows] > 0).sum(axis=0))
    assert matrix.empty(5) and not matrix.empty(7)
    languages = np.arange(30) % 3
    both = _side_by_side(matrix, matrix.take(range(30)), languages)
    assert np.array_equal(both.dense(), np.hstack([dense, dense]))
    assert both.word_width == 12 and np.array_equal(both.take(rows).languages, languages[rows])
    both.normalise()
    norms = np.linalg.norm(np.hstack([dense, dense]), axis=1, keepdims=True)
    expected = np.divide(np.hstack([dense, dense]), norms, out=np.zeros((30, 24), dtype=np.float32), where=norms > 0)
    assert np.allclose(both.dense(), expected)


def test_a_feature_is_labelled_by_its_most_written_spelling_across_the_corpus():
    """A feature's label is the spelling the whole corpus writes most (a theme's name counting as
    often as it is mentioned), the least in sort order among equals, whichever document wrote it
    first."""
    from briefing.models import Sentence, Theme
    from briefing.topics.features import document_vectors

    def document(name: str) -> Document:
        return Document(name, name, "x", name, language="en", sentences=(Sentence("x", 0, 0),))

    documents = [document("a"), document("b"), document("c")]
    words = {  # counts by feature, then by feature and spelling (SPELLING between them)
        "a": ({"en:japan": 1, "en:reef": 2}, {"en:japan\x1fjapan": 1, "en:reef\x1freefs": 1, "en:reef\x1fReef": 1}),
        "b": ({"en:japan": 2, "en:reef": 1}, {"en:japan\x1fJapan": 2, "en:reef\x1fReef": 1}),
        "c": ({"en:japan": 1, "en:reef": 1}, {"en:japan\x1fJapan": 1, "en:reef\x1freefs": 1}),
    }
    themes = {
        "a": (Theme("Coral Sea", 1.0, (), "entities", "place"),),
        "b": (Theme("coral sea", 1.0, (), "entities", "place"),),
        "c": (Theme("Coral Sea", 1.0, (), "entities", "place"),),
    }
    _, features, labels = document_vectors(documents, themes, words)
    assert labels["en:japan"] == "Japan"  # 3 against 1
    assert labels["en:reef"] == "Reef"  # 2 and 2: the least in sort order, not the first seen
    assert labels["entities:coral sea"] == "Coral Sea"  # a theme's names count too
    assert set(labels) == set(features)


def _vectors(words, concepts, languages):
    """DocumentVectors from dense word and concept parts (rows as given, not normalised)."""
    import numpy as np

    from briefing.topics.features import DocumentVectors

    dense = np.hstack([np.asarray(words, dtype=np.float32), np.asarray(concepts, dtype=np.float32)])
    columns = [np.flatnonzero(row) for row in dense]
    starts = np.concatenate(([0], np.cumsum([len(c) for c in columns]))).astype(np.intp)
    values = np.concatenate([row[c] for row, c in zip(dense, columns, strict=True)]).astype(np.float32)
    return DocumentVectors(
        starts, np.concatenate(columns).astype(np.intp), values, dense.shape[1], len(words[0]), np.asarray(languages)
    )


def test_shared_concepts_count_in_one_language_only_as_far_as_the_words_agree():
    """Two articles in one language sharing a name but not their words are no shared story; the
    same name links two articles in different languages, whose words cannot agree."""
    import numpy as np

    from briefing.topics.clustering import WORD_EVIDENCE, similarity

    half = np.sqrt(0.5)
    words = [[half, 0, 0], [0, half, 0], [0, 0, half], [half * 0.2, half * 0.98, 0]]
    concepts = [[half], [half], [half], [half]]
    vectors = _vectors(words, concepts, [0, 0, 1, 0])
    alike = similarity(vectors, vectors)
    assert alike[0, 1] == 0  # one language, no word in common: the shared name counts for nothing
    assert np.isclose(alike[0, 2], 0.5)  # across languages the name counts fully
    shared_words = 0.5 * 0.2
    assert np.isclose(alike[0, 3], shared_words + 0.5 * min(1.0, shared_words / WORD_EVIDENCE))


def test_the_sampled_grouping_joins_a_document_to_its_story_not_to_a_shared_name(monkeypatch):
    """Past the seed limit, a document joins the group its words and concepts say: the average
    similarity to each group's members, with concepts gated per language as between two rows."""
    import numpy as np

    from briefing.topics import clustering

    rng = np.random.default_rng(7)
    stories = np.zeros((3, 20))
    for story in range(3):
        stories[story, story * 6 : story * 6 + 6] = rng.random(6) + 0.5  # each story its own words
    rows, concepts, languages = [], [], []
    for index in range(60):
        story = index % 3
        rows.append(stories[story] + rng.random(20) * 0.05)
        concepts.append([1.0, 0.0] if story < 2 else [0.0, 1.0])  # stories 0 and 1 share a name
        languages.append(0)
    words = np.array(rows)
    words /= np.linalg.norm(words, axis=1, keepdims=True) * np.sqrt(2)
    concept_part = np.array(concepts) / np.sqrt(2)
    vectors = _vectors(words, concept_part, languages)
    monkeypatch.setattr(clustering, "SEED_LIMIT", 12)
    found = clustering.cluster(vectors, 0.3)
    assert sorted(found) == [list(range(s, 60, 3)) for s in range(3)]
    exact = clustering._agglomerate(clustering.similarity(vectors, vectors), 0.3)
    assert sorted(found) == sorted(exact)


def test_copies_of_documents_join_their_originals_topic(registry, tmp_path):
    """A folder copied beside the original (or a file saved twice) changes no topic: each copy
    joins its original. Counted as documents of their own, copies made the words only they and
    their original use into features and split German articles off into topics of two."""
    import shutil

    shutil.copytree(SOURCES, tmp_path / "sources")
    shutil.copytree(SOURCES, tmp_path / "copy")
    alone = Engine(registry, Settings()).run([str(SOURCES)]).briefs
    doubled = Engine(registry, Settings()).run([str(tmp_path)]).briefs
    assert len(doubled) == len(alone) == 3
    names = {brief.topic: sorted(Path(e.document.origin).name for e in brief.documents) for brief in alone}
    for brief in doubled:
        found = sorted(Path(e.document.origin).name for e in brief.documents)
        assert found[::2] == found[1::2]  # each file twice: the original and its copy
        assert found[::2] in names.values()
