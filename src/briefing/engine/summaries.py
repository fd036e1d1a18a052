"""Documents -> summaries: each document's summary by the chosen summarizer and length, memoised."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..interfaces import Summarizer
from ..models import Document, Problem, Summary
from ..picking import summarize
from ..settings import Length
from ..text.words import LanguageKit, language_kit
from .cache_keys import Keys
from .failures import failure
from .started import StartedPlugins, is_own
from .store import Store

if TYPE_CHECKING:
    from .isolation import Isolation

#: A summary, or ``None`` with the problems that prevented it.
Outcome = tuple[Summary | None, list[Problem]]


def summarize_one(
    plugins: StartedPlugins,
    document: Document,
    length: Length,
    summarizer: Summarizer,
    isolation: Isolation | None = None,
) -> Outcome:
    """One document's summary, each rating within the plugin time limit (a long document's
    windows each have it), or the summarizer's failure. With an ``isolation``, a summarizer that
    is not briefing's own rates in its worker process."""
    language = document.language or plugins.services.settings.language
    kit = language_kit(language)

    def limited(rate: Callable[..., Sequence[float]], window: Document, kit: LanguageKit) -> Sequence[float]:
        if isolation is not None and not is_own(summarizer):
            return isolation.rate(summarizer.name, window, language)
        return plugins.limit(summarizer.name, rate, window, kit)

    try:
        return summarize(summarizer, document, kit, length, limited), []
    except Exception as exc:
        return None, [Problem(document.origin, failure("summarizer", summarizer.name, exc))]


def _worth_keeping(key: str, outcome: Outcome) -> dict[str, Outcome]:
    return {} if outcome[1] else {key: outcome}  # failures are tried again next run


class SummaryStage:
    """Summaries for the batch run and the reading room alike: this run's memory, the cache, or fresh."""

    def __init__(self, plugins: StartedPlugins, keys: Keys, store: Store, isolation: Isolation | None = None):
        self.plugins, self.keys, self.store = plugins, keys, store
        #: Where summarizers not briefing's own rate, if anywhere but here (see :mod:`.isolation`).
        self.isolation = isolation

    def many(
        self, documents: Sequence[Document], summarizer: Summarizer | None = None, length: Length | None = None
    ) -> dict[str, Outcome]:
        """Every document's summary, by document id; the cache is read and written once for all."""
        chosen = summarizer or self.plugins.summarizer
        size = length or self.plugins.services.settings.length
        by_id = {d.id: d for d in documents}

        def compute(missing: list[str]) -> Iterator[tuple[str, Outcome]]:
            for document_id in missing:
                yield document_id, summarize_one(self.plugins, by_id[document_id], size, chosen, self.isolation)

        keys = {d.id: self.keys.summary(d, size, chosen) for d in documents}
        return self.store.memoised(keys, compute, entries=_worth_keeping, kind=Outcome)

    def one(self, document: Document, summarizer: Summarizer | None = None, length: Length | None = None) -> Outcome:
        return self.many([document], summarizer, length)[document.id]

    def cached(self, document: Document, summarizer: Summarizer, length: Length) -> Outcome | None:
        """The summary if this run already has it, without computing or reading the disk."""
        found: Outcome | None = self.store.peek(self.keys.summary(document, length, summarizer))
        return found
