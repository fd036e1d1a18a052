"""Feeds sumy our sentences and words so sumy never needs ``nltk_data``."""

from __future__ import annotations

from collections.abc import Sequence

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence

from .words import LanguageKit, words


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
