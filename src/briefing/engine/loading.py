"""Sources -> prepared documents for a whole corpus: from the cache, in a worker pool, or here."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..cache import Packed
from ..cache_format import unpack
from ..lazy_import import lazy_module
from ..models import Document, Problem, Source
from ..text.detect import warm_up
from .cache_keys import Keys
from .executors import Executors
from .memory import give_back
from .pool import batches, one_at_a_time, services_spec, work_in_executor
from .source_work import SourceWork
from .started import StartedPlugins
from .store import Store
from .summaries import Outcome
from .themes import TagStage

if TYPE_CHECKING:
    from concurrent.futures import process
else:
    process = lazy_module("concurrent.futures.process")  # a run from the cache starts no pool


@dataclass
class Prepared:
    """Each source with its documents, in order; what failed; what the user should know."""

    each: list[tuple[Source, list[Document]]] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        return [d for _, documents in self.each for d in documents]

    def __iter__(self) -> Iterator[list[Document] | list[Problem]]:
        """Unpacks as ``documents, errors``: what most callers want."""
        return iter((self.documents, self.errors))


def _unpacked(packed: dict[str, bytes]) -> SourceWork:
    work: SourceWork = unpack(packed["source:"], SourceWork)
    # Analyses stay packed: the taggers unpack each when they read it (see Tagger.remember_packed).
    work.analyses = {k: Packed(v) for k, v in packed.items() if k.startswith("analysis:")}
    work.summaries = {k: unpack(v, Outcome) for k, v in packed.items() if k.startswith("summary:")}
    work.failed = {k.removeprefix("failed:"): unpack(v, Outcome) for k, v in packed.items() if k.startswith("failed:")}
    # Word features stay packed until grouping reads them: 10,000 documents' counts are large.
    work.words = {k: Packed(v) for k, v in packed.items() if k.startswith("words:")}
    work.packed = packed
    return work


_ALONE = "each source not yet done was worked on alone, so that one that crashes cannot end the run"


def _crashed(source: Source) -> SourceWork:
    why = "its worker process ended abruptly while working on it (a plugin crashed, or called os._exit)"
    return SourceWork([], [Problem(source.origin, why)], [])


class SourceStage:
    """Prepares sources; what workers computed besides the documents goes to the other stages."""

    def __init__(
        self,
        plugins: StartedPlugins,
        keys: Keys,
        store: Store,
        themes: TagStage,
        executors: Executors,
    ):
        self.plugins, self.keys, self.store = plugins, keys, store
        self.themes, self.executors = themes, executors

    def prepare(
        self,
        sources: Sequence[Source],
        progress: Callable[[int, int], object] | None = None,
        analyse: bool = True,
    ) -> Prepared:
        """Every source's documents, segmented; ``progress(done, total)`` hears each source.
        Without ``analyse``, sources worked on here skip the taggers' analyses, which only
        tagging needs (the reading room's first topic must be readable before anything is tagged).

        Results come from the cache where it has them; the rest are worked on by the run's
        executor (a local process pool when there are enough of them, or a Dask cluster), else
        here. Should the executor fail, what it did not finish is done here, with a warning.
        """
        # Sources no loader takes get a key no cache holds: worked on, they report the problem.
        keys: dict[int, str] = {}
        for index, source in enumerate(sources):
            loader = self.plugins.loader_for(source)
            keys[index] = self.keys.source(source, loader, self.plugins.cleaners) if loader else f"unloadable:{index}"
        notes: list[Problem] = []

        def compute(missing: list[int]) -> Iterator[tuple[int, SourceWork]]:
            from .prepare import work_on  # the text machinery: a run from the cache needs none

            done = len(sources) - len(missing)

            def report(count: int) -> None:
                if progress:
                    progress(done + count, len(sources))

            finished: set[int] = set()
            recipe = self.plugins.registry.recipe
            # Work that runs plugins not briefing's own goes to worker processes however little
            # there is: one that ends its process is then named, and the rest stands.
            isolate = self.plugins.isolated
            if recipe is not None and (self.executors.wanted(len(missing)) or (isolate and missing)):
                spec = services_spec(recipe, self.plugins.services)
                try:
                    executor, workers = self.executors.open(len(missing))
                    tasks = batches(len(missing), workers, local=not self.executors.distributed)
                    chosen = [sources[i] for i in missing]
                    for position, packed in work_in_executor(executor, spec, chosen, tasks, report):
                        finished.add(missing[position])
                        yield missing[position], _unpacked(packed)
                except process.BrokenProcessPool as exc:  # a worker process ended abruptly: a plugin crashed it
                    self.executors.close()
                    rest = [i for i in missing if i not in finished]
                    notes.append(Problem("workers", f"a worker process ended abruptly ({exc}); {_ALONE}"))
                    for position, alone in one_at_a_time(
                        spec, [sources[i] for i in rest], lambda _: report(len(finished))
                    ):
                        finished.add(rest[position])
                        yield rest[position], _unpacked(alone) if alone else _crashed(sources[rest[position]])
                except Exception as exc:  # the executor itself failed (plugins' failures are caught in the workers)
                    self.executors.close()
                    reason = str(exc) or type(exc).__name__
                    notes.append(Problem("workers", f"the worker processes failed ({reason}); working in one"))
                finally:
                    self.executors.release()
            here = [index for index in missing if index not in finished]
            if here and self.plugins.services.settings.detect_language:
                warm_up()  # loads while the first sources are read (work in the pool needs it not here)
            for index in here:
                finished.add(index)
                yield index, work_on(self.plugins, self.keys, sources[index], analyse)
                report(len(finished))

        def entries(key: str, work: SourceWork) -> dict[str, object]:
            return work.entries(key) if key.startswith("source:") else {}

        results = self.store.memoised(keys, compute, entries=entries, remember=False, kind=SourceWork)
        give_back(len(sources))  # what was unpacked: the workers' results, or the cache's
        prepared = Prepared()
        for index, source in enumerate(sources):
            work = results[index]
            self._hand_over(work)
            prepared.each.append((source, work.documents))
            prepared.warnings.extend(Problem(source.origin, note) for note in source.notes)
            prepared.errors.extend(work.problems)
            prepared.warnings.extend(work.warnings)
        prepared.warnings.extend(notes)
        return prepared

    def _hand_over(self, work: SourceWork) -> None:
        """A fresh source's analyses to the taggers, and its summaries (failed ones too) and word
        features to this run's memory; the documents' fingerprints to the keys."""
        self.keys.know(work.documents, work.fingerprints)
        self.themes.remember(work.documents, work.analyses)
        self.store.hold({**work.summaries, **work.failed})
        if self.store.cache is None:  # else grouping reads them from the cache as it needs them
            self.store.hold(work.words)
