from pathlib import Path

from briefing.models import Document, DocumentBrief, ScoredSentence, Sentence, Summary
from briefing.topics.brief import topic_brief
from briefing.topics.grouping import TopicRule, folder_topic, group_topics


def entry(doc_id: str, *texts: str, unpicked: tuple[str, ...] = ()) -> DocumentBrief:
    """A document of ``texts`` then ``unpicked``, whose summary chose ``texts``."""
    every = texts + unpicked
    document = Document(
        id=doc_id,
        title=doc_id,
        text=" ".join(every),
        origin=doc_id,
        language="en",
        sentences=tuple(Sentence(t, 0, i) for i, t in enumerate(every)),
    )
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


def reference_brief(documents, count, language):
    """The plain reading of MMR, pair by pair over dictionaries, with the centroid counting the
    candidates' words in every sentence of the documents: what the vectorised brief must pick."""
    import math
    from collections import Counter

    from briefing.text.words import language_kit
    from briefing.topics.brief import DUPLICATE_SIMILARITY, LEAD_WEIGHT, MMR_LAMBDA

    def cosine(a, b):
        return sum(w * b.get(t, 0.0) for t, w in a.items())

    def normalised(counts, idf):
        vector = {t: n * idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values()))
        return {t: w / norm for t, w in vector.items()} if norm else {}

    kit = language_kit(language)
    candidates = [(s.text, e.document.id) for e in documents for s in e.summary.sentences]
    positions = [s.position for e in documents for s in e.summary.sentences]
    bags = [Counter(kit.content_stems(text)) for text, _ in candidates]
    frequency = Counter(t for bag in bags for t in bag)
    idf = {t: math.log((1 + len(bags)) / (1 + n)) + 1 for t, n in frequency.items()}
    vectors = [normalised(bag, idf) for bag in bags]
    topic = Counter(t for e in documents for s in e.document.sentences for t in kit.content_stems(s.text))
    centroid = normalised({t: topic[t] for t in frequency}, idf)
    relevance = [
        (1 - LEAD_WEIGHT) * cosine(v, centroid) + LEAD_WEIGHT / (1 + p) for v, p in zip(vectors, positions, strict=True)
    ]
    picked, closest, remaining = [], [0.0] * len(bags), set(range(len(bags)))
    while remaining and len(picked) < count:
        best = max(remaining, key=lambda i: (MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * closest[i], -i))
        remaining.discard(best)
        picked.append(best)
        for i in list(remaining):
            similarity = cosine(vectors[i], vectors[best])
            if similarity >= DUPLICATE_SIMILARITY or candidates[i][0] == candidates[best][0]:
                remaining.discard(i)
            closest[i] = max(closest[i], similarity)
    return [(candidates[i][0], candidates[i][1], round(relevance[i], 6)) for i in picked]


def test_vectorised_brief_picks_what_plain_mmr_picks():
    import random

    rng = random.Random(7)
    words = "grid battery storage solar wind price winter peak demand cable reef coral heat bleaching survey".split()
    for trial in range(25):
        entries = []
        for d in range(rng.randint(1, 12)):
            texts = []
            for _ in range(rng.randint(1, 4)):
                chosen = rng.sample(words, rng.randint(1, 6))
                texts.append(" ".join(chosen).capitalize() + ".")
            unpicked = tuple(" ".join(rng.sample(words, 3)).capitalize() + "." for _ in range(rng.randint(0, 3)))
            entries.append(entry(f"doc{d}", *texts, unpicked=unpicked))
        count = rng.randint(1, 8)
        ours = [(s.text, s.document, s.score) for s in topic_brief(entries, count, "en")]
        assert ours == reference_brief(entries, count, "en"), trial


def test_a_reworded_duplicate_is_left_out_even_with_room_for_it():
    """Room for every candidate: only the duplicate test, not MMR's penalty, can keep the
    reworded sentence out, while a sentence on the same subject that says something else stays."""
    pier = "The harbour council voted on Tuesday to close the old coal pier after eleven years without ships."
    reworded = "On Tuesday the harbour council voted to close the old coal pier, which saw no ships for eleven years."
    dock = "The harbour council will decide about a floating dock for fishers in March."
    terns = "Terns nest under the eastern end of the pier."
    brief = topic_brief([entry("a", pier), entry("b", reworded), entry("c", terns)], 3, "en")
    assert [s.text for s in brief] == [pier, terns]
    brief = topic_brief([entry("a", pier), entry("b", dock), entry("c", terns)], 3, "en")
    assert {s.text for s in brief} == {pier, dock, terns}


def test_a_documents_lead_outranks_an_equally_relevant_later_sentence():
    """Between two candidates as close to the topic, the one that opens its document comes first
    (the lead prior); without it the earlier candidate in the list would."""
    late = Document(id="a", title="a", text="x", origin="a", language="en")
    early = Document(id="b", title="b", text="x", origin="b", language="en")
    entries = [
        DocumentBrief(late, Summary("lead", (ScoredSentence("Divers counted coral on the reef.", 2, 5, 1.0, 1),))),
        DocumentBrief(early, Summary("lead", (ScoredSentence("Divers counted fish on the reef.", 0, 0, 1.0, 1),))),
    ]
    assert [s.document for s in topic_brief(entries, 2, "en")] == ["b", "a"]


def test_the_centroid_reads_every_sentence_of_the_topic_not_only_the_candidates():
    """Two leads as close to each other's words: the one on what the documents' other sentences
    keep saying comes first. Counting the candidates alone, they tie and the first listed wins."""
    wheat = entry("a", "Farmers sold wheat at the market.", unpicked=("Rain delayed the reef survey.",))
    reef = entry("b", "Divers counted coral on the reef.", unpicked=("The reef lost coral in the heat.",))
    assert [s.document for s in topic_brief([wheat, reef], 2, "en")] == ["b", "a"]
    alone = entry("a", "Farmers sold wheat at the market."), entry("b", "Divers counted coral on the reef.")
    assert [s.document for s in topic_brief(list(alone), 2, "en")] == ["a", "b"]
