"""sumy beside briefing: the sumy class each built-in summarizer reproduces (the tests compare
their picks, the bench their speed), and the bridge that feeds sumy briefing's sentences and
words, so sumy never needs ``nltk_data``. Only the tests and ``bench/run.py`` import this: a run
of briefing never imports a sumy summarizer."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence

from briefing.text.words import LanguageKit, words

#: Each built-in summarizer that reproduces a sumy method, and that method's class.
SUMY_TWINS = {
    "edmundson": "sumy.summarizers.edmundson.EdmundsonSummarizer",
    "kl": "sumy.summarizers.kl.KLSummarizer",
    "lexrank": "sumy.summarizers.lex_rank.LexRankSummarizer",
    "lsa": "sumy.summarizers.lsa.LsaSummarizer",
    "luhn": "sumy.summarizers.luhn.LuhnSummarizer",
    "reduction": "sumy.summarizers.reduction.ReductionSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic.SumBasicSummarizer",
    "textrank": "sumy.summarizers.text_rank.TextRankSummarizer",
}


def sumy_class(summarizer: str) -> Any | None:
    """The sumy class a built-in summarizer reproduces, or ``None`` for one of briefing's own."""
    path = SUMY_TWINS.get(summarizer)
    if path is None:
        return None
    module, _, name = path.rpartition(".")
    return getattr(import_module(module), name)


class SumyTokenizer:
    """The tokenizer object sumy expects (``language``, ``to_sentences``, ``to_words``)."""

    def __init__(self, kit: LanguageKit):
        self._kit = kit

    @property
    def language(self) -> str:
        return self._kit.name

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self._kit.segmenter.split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def sumy_document(
    sentences: Sequence[tuple[int, str]], kit: LanguageKit, headings: Sequence[str] = ()
) -> ObjectDocumentModel:
    """A sumy document from ``(paragraph, text)`` pairs, headings first as their own paragraph."""
    tokenizer = SumyTokenizer(kit)
    paragraphs: list[Paragraph] = []
    if headings:
        paragraphs.append(Paragraph([SumySentence(h, tokenizer, is_heading=True) for h in headings]))
    current: list[SumySentence] = []
    last = None
    for paragraph, text in sentences:
        if current and paragraph != last:
            paragraphs.append(Paragraph(current))
            current = []
        current.append(SumySentence(text, tokenizer))
        last = paragraph
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)
