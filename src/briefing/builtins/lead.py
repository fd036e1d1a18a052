"""The lead baseline: the first sentences of a document, which news writing puts first for a reason."""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..interfaces import Summarizer
from ..models import Document
from ..text.words import LanguageKit


class Lead(Summarizer):
    name = "lead"
    description = "Lead baseline: the document's first sentences"

    def rate(self, document: Document, kit: LanguageKit) -> list[float]:
        return [1.0 / (1 + s.position) for s in document.sentences]


@hookimpl
def register_summarizers(register: Callable[[type[Summarizer]], None]) -> None:
    register(Lead)
