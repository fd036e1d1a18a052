from pathlib import Path

from briefing.models import Document, DocumentBrief, ScoredSentence, Summary
from briefing.topic_brief import topic_brief
from briefing.topics import TopicRule, folder_topic, group_topics


def entry(doc_id: str, *texts: str) -> DocumentBrief:
    document = Document(id=doc_id, title=doc_id, text=" ".join(texts), origin=doc_id, language="en")
    sentences = tuple(ScoredSentence(t, 0, i, 1.0, i + 1) for i, t in enumerate(texts))
    return DocumentBrief(document, Summary("lead", sentences))


def test_redundant_sentences_are_left_out_and_attributed():
    entries = [
        entry("a", "Solar panels on roofs produce cheap power at noon.", "Batteries store the noon power."),
        entry("b", "Solar panels on roofs produce cheap power at noon!", "Grid operators pay for evening power."),
        entry("c", "Batteries store solar power for the evening peak."),
    ]
    brief = topic_brief(entries, 4, "en")
    texts = [s.text for s in brief]
    assert len(brief) == 4
    assert sum("Solar panels on roofs" in t for t in texts) == 1
    assert {s.document for s in brief} == {"a", "b", "c"}
    sources = {s.text: s.document for s in brief}
    assert sources["Grid operators pay for evening power."] == "b"


def test_brief_is_deterministic_and_bounded():
    entries = [entry("a", "One idea about trains.", "Another idea about buses."), entry("b", "Trains and buses.")]
    assert topic_brief(entries, 2, "en") == topic_brief(entries, 2, "en")
    assert len(topic_brief(entries, 10, "en")) == 3
    assert topic_brief([], 3, "en") == ()
    failed = DocumentBrief(Document(id="x", title="x", text="", origin="x"), None)
    assert topic_brief([failed], 3, "en") == ()


def test_topics_from_folders_and_rules():
    docs = [
        Document(id=o, title=o, text="", origin=o)
        for o in ("news/energy/a.txt", "news/energy/b.md", "news/reefs/c.txt", "-", "https://example.org/x")
    ]
    topics = group_topics(docs)
    assert [(t.name, len(t.documents)) for t in topics] == [
        ("energy", 2),
        ("reefs", 1),
        ("stdin", 1),
        ("example.org", 1),
    ]
    rule = TopicRule("Batteries", ("*/energy/b.md",))
    assert [t.name for t in group_topics(docs, [rule])][:2] == ["Batteries", "energy"]
    assert folder_topic("a.txt") == Path.cwd().name
