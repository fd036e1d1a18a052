"""Counts over a whole corpus that taggers share, computed once per corpus rather than per document.

Taggers see the corpus on every call; recounting it for each document would make tagging
quadratic. :class:`PerCorpus` keeps the last few results, keyed by the documents' ids. (Work on
one document alone belongs in :meth:`briefing.Tagger.analyse`, which briefing caches.)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from ..models import Document

T = TypeVar("T")


class PerCorpus(Generic[T]):
    """``compute(corpus)``, remembered for the last ``size`` corpora (by their documents' ids)."""

    def __init__(self, compute: Callable[[Sequence[Document]], T], size: int = 4):
        self.compute = compute
        self.size = size
        self._results: OrderedDict[tuple[str, ...], tuple[Sequence[Document], int, T]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, corpus: Sequence[Document]) -> T:
        # The same corpus object comes back for every document of a run: recognise it without
        # reading 10,000 ids per call, which made tagging quadratic. (The entry holds the object,
        # so its id cannot be reused while remembered; a corpus must not change during a run.)
        with self._lock:
            for key, (held, length, result) in reversed(self._results.items()):
                if held is corpus and length == len(corpus):
                    self._results.move_to_end(key)
                    return result
        key = tuple(d.id for d in corpus)
        with self._lock:
            if key in self._results:
                # The same documents in a new sequence (a reload, another stage): hold this one,
                # so its next calls are recognised by identity rather than by reading every id.
                result = self._results[key][2]
                self._results[key] = (corpus, len(corpus), result)
                self._results.move_to_end(key)
                return result
        result = self.compute(corpus)
        with self._lock:
            self._results[key] = (corpus, len(corpus), result)
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result
