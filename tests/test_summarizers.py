"""Built-in summarizers: the same picks as sumy's own classes, scores and ranks kept, deterministic."""

from __future__ import annotations

import pytest
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.utils import get_stop_words

from briefing.builtins.edmundson import DEFAULT_CUE_WORDS
from briefing.models import Document
from briefing.picking import SummarizerError, select, summarize
from briefing.settings import Length
from briefing.text.words import language_kit

from .conftest import SOURCES, document_of
from .sumy_parity import sumy_class, sumy_document

BUILT_INS = ["lexrank", "lsa", "luhn", "textrank", "kl", "sumbasic", "reduction", "edmundson"]


@pytest.fixture(scope="module")
def documents():
    from briefing.engine import Engine
    from briefing.plugins import PluginHost

    engine = Engine(PluginHost(load_entry_points=False).registry())
    loaded, problems = engine.load([str(SOURCES)])
    assert problems == []
    return loaded


def sumy_reference(registry, name: str, document: Document, count: int) -> list[str]:
    """What sumy's own class picks from the same sentences, with sumy's own stemmer and stop words."""
    kit = language_kit(document.language)
    summarizer = sumy_class(name)(Stemmer(kit.name))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = get_stop_words(kit.name)
    if isinstance(summarizer, EdmundsonSummarizer):
        summarizer.bonus_words = DEFAULT_CUE_WORDS[kit.code]["bonus_words"]
        summarizer.stigma_words = DEFAULT_CUE_WORDS[kit.code]["stigma_words"]
        summarizer.null_words = get_stop_words(kit.name)
    model = sumy_document([(s.paragraph, s.text) for s in document.sentences], kit, document.headings)
    return [str(s) for s in summarizer(model, count)]


def assert_same_picks(ours: list[str], theirs: list[str], score: dict[str, float], where: str) -> None:
    """The same sentences, ties aside: where the picks differ, their scores differ only in the last bits."""
    if ours != theirs:
        assert sorted(round(score[t], 9) for t in ours) == sorted(round(score[t], 9) for t in theirs), where


@pytest.mark.parametrize("name", BUILT_INS)
def test_same_sentences_as_sumy(name, registry, documents):
    summarizer = registry.create("summarizer", name)
    for document in documents:
        kit = language_kit(document.language)
        score = dict(zip((s.text for s in document.sentences), summarizer.rate(document, kit), strict=True))
        for count in (1, 3):
            ours = [s.text for s in summarize(summarizer, document, kit, Length(count)).sentences]
            theirs = sumy_reference(registry, name, document, count)
            assert_same_picks(ours, theirs, score, document.origin)


@pytest.mark.parametrize("name", BUILT_INS + ["lead", "position"])
def test_scores_ranks_order_and_determinism(name, registry, documents):
    document = documents[0]
    kit = language_kit(document.language)
    first = summarize(registry.create("summarizer", name), document, kit, Length(4))
    again = summarize(registry.create("summarizer", name), document, kit, Length(4))
    assert first == again
    positions = [s.position for s in first.sentences]
    assert positions == sorted(positions) and len(positions) == 4
    assert sorted(s.rank for s in first.sentences) == [1, 2, 3, 4]
    by_rank = sorted(first.sentences, key=lambda s: s.rank)
    assert [s.score for s in by_rank] == sorted((s.score for s in by_rank), reverse=True)
    assert first.summarizer == name


def test_every_sumy_method_is_registered(registry):
    assert set(BUILT_INS) | {"lead"} <= set(registry.names("summarizer"))


def test_lead_takes_the_first_sentences(registry, documents):
    document = documents[0]
    summary = summarize(registry.create("summarizer", "lead"), document, language_kit("en"), Length(2))
    assert [s.position for s in summary.sentences] == [0, 1]


def test_edmundson_cue_words_from_settings(registry):
    from briefing.engine import Engine

    engine = Engine(registry)
    document = engine.prepare(
        Document(
            id="x",
            title="x",
            origin="x",
            language="en",
            text="The weather was mild. A zebra crossed the road. The sky stayed grey. Clouds came later.",
        )
    )
    kit = language_kit("en")
    plain = summarize(registry.create("summarizer", "edmundson"), document, kit, Length(1))
    settings = {"bonus_words": ["zebra"], "location_weight": 0, "title_weight": 0}
    cued = summarize(registry.create("summarizer", "edmundson", settings), document, kit, Length(1))
    assert plain.sentences[0].text != "A zebra crossed the road."
    assert cued.sentences[0].text == "A zebra crossed the road."


def test_length_as_count_and_ratio():
    assert Length(3).count(10) == 3 and Length(3).count(2) == 2
    assert Length(sentences=None, ratio=0.25).count(10) == 2
    assert Length(sentences=None, ratio=1).count(7) == 7
    assert Length(sentences=None, ratio=0.01).count(7) == 1
    with pytest.raises(ValueError):
        Length(sentences=None, ratio=1.5)
    with pytest.raises(ValueError):
        Length(0)


def test_ties_go_to_the_earlier_sentence(documents):
    document = documents[0]
    summary = select("flat", document, [1.0] * len(document.sentences), Length(2))
    assert [s.position for s in summary.sentences] == [0, 1]
    assert [s.rank for s in summary.sentences] == [1, 2]


def test_contract_violations_are_errors(documents):
    document = documents[0]
    with pytest.raises(SummarizerError, match="scores for"):
        select("bad", document, [1.0], Length(1))
    with pytest.raises(SummarizerError, match="finite"):
        select("bad", document, [float("nan")] * len(document.sentences), Length(1))


def test_empty_document(registry):
    empty = Document(id="e", title="e", text="", origin="e")
    for name in BUILT_INS + ["lead", "position"]:
        assert summarize(registry.create("summarizer", name), empty, language_kit("en"), Length(3)).sentences == ()


@pytest.mark.filterwarnings("ignore:Number of words")  # sumy's LSA on a 20-word vocabulary
@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa", "reduction", "sumbasic", "kl", "luhn"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_vectorised_methods_match_sumy_on_long_documents(name, seed, registry):
    """On 80 generated sentences with heavy word overlap, the numpy versions rank like sumy's."""
    import random

    from briefing.engine import Engine

    rng = random.Random(seed)
    vocabulary = [f"{a}{b}" for a in ("grid", "coral", "bike", "storm", "price") for b in ("er", "ing", "s", "")]
    text = " ".join(" ".join(rng.choices(vocabulary, k=rng.randint(4, 14))).capitalize() + "." for _ in range(80))
    document = Engine(registry).prepare(Document(id="g", title="g", text=text, origin="g", language="en"))
    assert len(document.sentences) == 80
    summarizer = registry.create("summarizer", name)
    ours = [s.text for s in summarize(summarizer, document, language_kit("en"), Length(8)).sentences]
    score = dict(zip((s.text for s in document.sentences), summarizer.rate(document, language_kit("en")), strict=False))
    assert_same_picks(ours, sumy_reference(registry, name, document, 8), score, f"seed {seed}")


@pytest.mark.parametrize("name", ["lexrank", "textrank"])
def test_sparse_graphs_rate_as_the_dense_matrix_when_every_edge_is_kept(name, registry, monkeypatch):
    """Above DENSE_SENTENCES the graph methods keep each sentence's strongest edges; with room
    for every edge, that graph is sumy's matrix and the ratings are the same."""
    import random

    from briefing.builtins import graph_summarizers, neighbours
    from briefing.engine import Engine

    rng = random.Random(5)
    vocabulary = [f"{a}{b}" for a in ("grid", "coral", "bike", "storm", "price") for b in ("er", "ing", "s", "")]
    text = " ".join(" ".join(rng.choices(vocabulary, k=rng.randint(1, 14))).capitalize() + "." for _ in range(80))
    for sample in (text, TIES):
        document = Engine(registry).prepare(Document(id="g", title="g", text=sample, origin="g", language="en"))
        summarizer = registry.create("summarizer", name)
        kit = language_kit("en")
        dense = summarizer.rate(document, kit)
        monkeypatch.setattr(graph_summarizers, "DENSE_SENTENCES", 5)
        monkeypatch.setattr(neighbours, "NEIGHBOURS", 1000)
        assert summarizer.rate(document, kit) == pytest.approx(dense, abs=1e-12)
        monkeypatch.setattr(neighbours, "NEIGHBOURS", 3)  # fewer edges: another graph, other ratings
        assert summarizer.rate(document, kit) != pytest.approx(dense, abs=1e-6)
        monkeypatch.undo()


def test_a_sparse_graph_keeps_each_sentences_heaviest_edges_only(monkeypatch):
    """Products are computed in blocks that fit the limits, and each sentence keeps its heaviest
    edges: on random vectors, against numpy's dense product."""
    import numpy

    from briefing.builtins import neighbours
    from briefing.builtins.neighbours import SparseRows, strongest_edges

    rng = numpy.random.default_rng(0)
    dense = rng.random((600, 40)) * (rng.random((600, 40)) < 0.2)
    rows, cols = numpy.nonzero(dense)
    products = dense @ dense.T
    # Every word rare (through the index), or every word common (multiplied densely), in blocks
    # cut by either limit:
    for common, limit, most in ((1, "BLOCK_PRODUCTS", 600 * 50), (1, "BLOCK_PAIRS", 3000), (10**6, "", 0)):
        monkeypatch.setattr(neighbours, "COMMON", common)
        if limit:
            monkeypatch.setattr(neighbours, limit, most)
        vectors = SparseRows(rows, cols, dense[rows, cols], *dense.shape)
        assert vectors.common.shape[1] == (40 if common > 1 else 0)
        blocks = list(vectors.blocks())
        assert blocks[0][0] == 0 and blocks[-1][1] == 600 and len(blocks) >= (12 if limit else 1)
        assert all(a[1] == b[0] and a[0] < a[1] for a, b in zip(blocks, blocks[1:], strict=False))
        assert numpy.vstack([vectors.products(*b) for b in blocks]) == pytest.approx(products)
        monkeypatch.undo()
    monkeypatch.setattr(neighbours, "BLOCK_PRODUCTS", 600 * 50)
    edges_from, edges_to, weights = strongest_edges(
        vectors, lambda block, first: numpy.where(block > 0.3, block, 0.0), 7
    )
    assert (numpy.bincount(edges_from, minlength=600) <= 7).all()
    assert weights == pytest.approx(products[edges_from, edges_to])
    for row in (0, 299, 599):  # rows in the first, a middle and the last block
        heaviest = numpy.sort(products[row][products[row] > 0.3])[::-1][:7]
        assert numpy.sort(weights[edges_from == row])[::-1] == pytest.approx(heaviest)


#: Text built for ties: repeated short sentences, the same words in another order, sentences of
#: stop words only, and a capitalised stop word (KL counts it).
TIES = (
    "Reef corals bleach in warm water. Water warm in bleach corals reef. It is what it is. "
    "Divers count the corals. Yes. Divers count the corals again. Yes. The reef recovers slowly. "
    "The The the reef. Warm water kills corals. Corals need cool water. It is. Divers and corals."
)


@pytest.mark.parametrize("name", ["reduction", "sumbasic", "kl", "luhn", "lexrank", "textrank"])
def test_numpy_methods_pick_exactly_as_sumy_with_ties_repeats_and_empty_sentences(name, registry):
    """Every summary length, on a text built for ties: repeated short sentences, the same words in
    another order, sentences of stop words only, and a capitalised stop word (KL counts it)."""
    from briefing.engine import Engine

    document = Engine(registry).prepare(Document(id="t", title="t", text=TIES, origin="t", language="en"))
    summarizer = registry.create("summarizer", name)
    kit = language_kit("en")
    for count in range(1, len(document.sentences) + 1):
        ours = [s.text for s in summarize(summarizer, document, kit, Length(count)).sentences]
        assert ours == sumy_reference(registry, name, document, count), count


@pytest.mark.filterwarnings("ignore:Number of words")
def test_lsa_breaks_exact_ties_by_order_where_sumy_has_rounding_noise(registry):
    """sumy's SVD gives two sentences with the same words ratings that differ in the last bits,
    so which one it picks is noise; here they rate exactly the same and the earlier one wins,
    as everywhere else. Every other pick is sumy's."""
    from briefing.engine import Engine

    document = Engine(registry).prepare(Document(id="t", title="t", text=TIES, origin="t", language="en"))
    lsa = registry.create("summarizer", "lsa")
    kit = language_kit("en")
    rated = lsa.rate(document, kit)
    assert rated[0] == rated[1] == max(rated)  # "Reef corals bleach..." and "Water warm in bleach..."
    assert [s.position for s in summarize(lsa, document, kit, Length(1)).sentences] == [0]
    score = dict(zip((s.text for s in document.sentences), rated, strict=True))
    for count in range(1, len(document.sentences) + 1):
        ours = [s.text for s in summarize(lsa, document, kit, Length(count)).sentences]
        assert_same_picks(ours, sumy_reference(registry, "lsa", document, count), score, str(count))


def test_position_rates_sentences_of_stop_words_only_by_their_place(registry):
    document = document_of("One here.", "Two here.", "Three here.")
    rated = registry.create("summarizer", "position").rate(document, language_kit("en"))
    assert rated == sorted(rated, reverse=True) and len(set(rated)) == 3


def test_position_is_lead_when_no_sentence_echoes_another(registry):
    document = document_of("Gulls nest here.", "Boats moor nearby.", "Rain fell overnight.", "Tourists came early.")
    rated = registry.create("summarizer", "position").rate(document, language_kit("en"))
    assert rated == sorted(rated, reverse=True) and len(set(rated)) == 4


def test_position_favours_what_later_sentences_return_to_and_not_what_repeats_earlier(registry):
    position = registry.create("summarizer", "position")
    story = (
        "Good morning, readers.",
        "The council approved the harbour dredging budget.",
        "The harbour dredging starts in May.",
        "The dredging budget covers two years.",
        "Fishers welcome the harbour dredging.",
        "Gulls circled the old pier.",
    )
    rated = position.rate(document_of(*story), language_kit("en"))
    assert max(range(len(rated)), key=rated.__getitem__) == 1  # echoed later: beats the greeting before it
    rated = position.rate(
        document_of(*story, "The council approved the harbour dredging budget again."), language_kit("en")
    )
    assert rated[6] < rated[5]  # restates sentence 1: ranks below the unrelated sentence before it


@pytest.mark.parametrize("seed", [1, 2])
def test_position_centrality_is_the_pairwise_sum_computed_without_a_matrix(seed, registry):
    """Directed centrality summed pair by pair from TF-IDF cosines, as PacSum defines it, equals
    the running totals :func:`directed_centrality` computes, on text with repeats, stop-word-only
    sentences and heavy overlap (the ties text) and on generated text."""
    import math
    import random

    from briefing.builtins.position_summarizer import directed_centrality
    from briefing.engine import Engine
    from briefing.text.word_table import word_table

    rng = random.Random(seed)
    vocabulary = [f"{a}{b}" for a in ("grid", "coral", "bike", "storm", "price") for b in ("er", "ing", "s", "")]
    generated = " ".join(" ".join(rng.choices(vocabulary, k=rng.randint(1, 12))).capitalize() + "." for _ in range(60))
    kit = language_kit("en")
    for text in (TIES, generated):
        document = Engine(registry).prepare(Document(id="p", title="p", text=text, origin="p", language="en"))
        entries = word_table(document, kit).content()
        n = entries.count
        bags = [{} for _ in range(n)]
        for row, col in zip(entries.rows.tolist(), entries.cols.tolist(), strict=True):
            bags[row][col] = bags[row].get(col, 0) + 1
        df = {w: sum(w in bag for bag in bags) for bag in bags for w in bag}
        vectors = [{w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in bag.items()} for bag in bags]
        norms = [math.sqrt(sum(v * v for v in vector.values())) or 1.0 for vector in vectors]

        def cosine(i, j, vectors=vectors, norms=norms):
            return sum(v * vectors[j].get(w, 0.0) for w, v in vectors[i].items()) / (norms[i] * norms[j])

        earlier, later = directed_centrality(document, kit)
        for i in range(n):
            assert earlier[i] == pytest.approx(sum(cosine(i, j) for j in range(i)), abs=1e-9)
            assert later[i] == pytest.approx(sum(cosine(i, j) for j in range(i + 1, n)), abs=1e-9)


@pytest.mark.parametrize(
    "weights",
    [{}, {"key_weight": 1}, {"cue_weight": 0, "location_weight": 0}, {"title_weight": 0, "key_weight": 2}],
)
def test_edmundson_picks_exactly_as_sumy_with_headings_paragraphs_and_repeats(weights, registry):
    """Every summary length, with headings (their own paragraph in sumy, so the first paragraph of
    text is not "first"), one-sentence paragraphs, a sentence repeated in another paragraph (its
    last occurrence's location counts), cue words and frequent bonus words (the key method)."""
    from briefing.models import Sentence

    texts = [
        (0, "The reef survey found important results."),
        (0, "Divers counted corals near the harbour."),
        (0, "Perhaps the water was warm."),
        (1, "Reef results matter."),
        (2, "The survey plan is important and the results are key."),
        (2, "Divers counted corals near the harbour."),
        (2, "Click here to subscribe."),
        (3, "Results show the reef recovers and the survey plan continues."),
        (3, "Reef results matter."),
    ]
    document = Document(
        id="e",
        title="e",
        text="x",
        origin="e",
        language="en",
        headings=("Reef survey results", "The harbour"),
        sentences=tuple(Sentence(t, p, i) for i, (p, t) in enumerate(texts)),
    )
    kit = language_kit("en")
    ours_summarizer = registry.create("summarizer", "edmundson", weights)
    sumy = EdmundsonSummarizer(Stemmer("english"), **weights)
    sumy.bonus_words = DEFAULT_CUE_WORDS["en"]["bonus_words"]
    sumy.stigma_words = DEFAULT_CUE_WORDS["en"]["stigma_words"]
    sumy.null_words = get_stop_words("english")
    model = sumy_document([(s.paragraph, s.text) for s in document.sentences], kit, document.headings)
    rated = ours_summarizer.rate(document, kit)
    assert len(set(rated)) > 2  # the case has ratings to tell apart, not only ties
    for count in range(1, len(texts) + 1):
        ours = [s.text for s in summarize(ours_summarizer, document, kit, Length(count)).sentences]
        assert ours == [str(s) for s in sumy(model, count)], (weights, count)


def test_edmundson_refuses_what_sumy_refuses(registry):
    from briefing.engine import Engine

    with pytest.raises(ValueError, match="Negative"):
        registry.create("summarizer", "edmundson", {"cue_weight": -1})
    document = Engine(registry).prepare(Document(id="t", title="t", text="A reef. A pier.", origin="t", language="en"))
    summarizer = registry.create("summarizer", "edmundson", {"bonus_words": []})
    with pytest.raises(ValueError, match="bonus words"):
        summarizer.rate(document, language_kit("en"))


def test_position_passes_over_sentences_that_cannot_stand_alone(registry):
    from briefing.builtins.position_summarizer import flaws_of

    assert flaws_of("Will winds whip parade balloons?") == 1
    assert flaws_of("We always do.”") == 1  # closes a quote opened in an earlier sentence
    assert flaws_of("” and so it ends?") == 3
    assert flaws_of('He said "we will rebuild.') == 1 and flaws_of("« Nous reviendrons, dit-elle.") == 1
    assert flaws_of("and then the rain came.") == 1
    assert flaws_of('The mayor said: "We will win." The crowd cheered.') == 0
    assert flaws_of("« Nous reviendrons », dit-elle.") == 0
    stops = language_kit("en").stop_words  # a scraped teaser cut off after a function word
    assert flaws_of("Crews are working to restore power, hitting the restart button for", stops) == 1
    assert flaws_of("Crews are working to restore power for", frozenset()) == 0  # no words known: no verdict
    assert flaws_of("Storm damage in the valley", stops) == 0  # a heading-like line ends on a noun
    assert flaws_of("Crews were hit by what?", stops) == 1
    assert flaws_of("This article covers the storm damage in the valley.") == 1  # about the page
    assert flaws_of("This video of the storm was shared widely on Thursday.") == 0  # news about a video
    rest = ("Forecasters expect gusts of 30 mph during the parade on Thursday.", "Organisers may fly balloons lower.")
    position = registry.create("summarizer", "position")
    asked = position.rate(document_of("Will winds whip parade balloons?", *rest), language_kit("en"))
    said = position.rate(document_of("Winds will whip parade balloons.", *rest), language_kit("en"))
    assert asked[0] == pytest.approx(said[0] / 2) and asked[1:] == said[1:]  # the same words, half as a question


def test_the_settings_and_power_methods_are_sumys():
    """The built-ins keep sumy's constants and power methods without importing sumy's classes."""
    import numpy
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from briefing.builtins import frequency_summarizers as frequency
    from briefing.builtins import graph_summarizers as graph

    assert (graph.LEXRANK_THRESHOLD, graph.LEXRANK_EPSILON) == (LexRankSummarizer.threshold, LexRankSummarizer.epsilon)
    assert (graph.TEXTRANK_DAMPING, graph.TEXTRANK_EPSILON, graph.TEXTRANK_ZERO_DIVISION_PREVENTION) == (
        TextRankSummarizer.damping,
        TextRankSummarizer.epsilon,
        TextRankSummarizer._ZERO_DIVISION_PREVENTION,
    )
    assert frequency.LUHN_MAX_GAP == LuhnSummarizer.max_gap_size
    rng = numpy.random.default_rng(3)
    for size in (1, 5, 40):
        matrix = rng.random((size, size))
        matrix /= matrix.sum(axis=1)[:, None]
        for ours, theirs, epsilon in (
            (graph.lexrank_power_method, LexRankSummarizer.power_method, 0.1),
            (graph.textrank_power_method, TextRankSummarizer.power_method, 1e-4),
        ):
            ours_rated = ours(lambda p, matrix=matrix: numpy.dot(matrix.T, p), size, epsilon)
            assert ours_rated.tolist() == theirs(matrix, epsilon).tolist()


@pytest.mark.parametrize("language", "en de fr es it pt uk ja zh ko th he nl tr".split())
def test_stop_words_are_sumys_lists(language):
    from sumy.utils import get_stop_words

    from briefing.text.languages import language_name
    from briefing.text.words import stop_words

    try:
        expected = get_stop_words(language_name(language))
    except LookupError:
        expected = frozenset()
    assert stop_words(language) == expected
