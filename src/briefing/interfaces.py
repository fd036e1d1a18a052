"""Base classes for the kinds of plugin: summarizers, taggers, loaders, cleaners and exporters.

A plugin subclasses one of these and registers the class through a hook in
:mod:`briefing.hookspecs`. briefing creates the instance, passing the plugin's settings from the
``[settings.<name>]`` table of ``briefing.toml``.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from .cache import Packed
from .cache_format import DamagedEntry, unpack
from .errors import LoadError as LoadError  # plugins import both from here
from .errors import SourceWarning as SourceWarning
from .models import Briefing, Document, Source, Theme
from .text.words import LanguageKit, language_kit

if TYPE_CHECKING:
    from .services import Services


class Plugin(ABC):
    """What all plugin kinds share: a name, a one-line description and settings."""

    kind: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str] = ""
    #: The plugin API version (:data:`briefing.PLUGIN_API`) this class was written for. ``None``
    #: (not declared) is accepted; ``briefing plugins check`` asks for it.
    api_version: ClassVar[int | None] = None

    def __init__(self, settings: Mapping[str, Any] | None = None):
        self.settings: dict[str, Any] = dict(settings or {})

    @property
    def services(self) -> Services:
        """The run's settings, result cache and fetcher (:class:`briefing.services.Services`).

        briefing hands every plugin it creates the services of the run, so a plugin that fetches
        pages or caches results obeys ``--no-cache``, ``cache_dir`` and the ``fetch_*`` settings.
        A plugin created by hand (in a test, say) gets default services with no cache.
        """
        held = self.__dict__.get("_services")
        if held is None:
            from .services import Services

            held = self.__dict__["_services"] = Services()
        return held

    @services.setter
    def services(self, services: Services) -> None:
        self.__dict__["_services"] = services


class Summarizer(Plugin):
    """An extractive summarizer: it rates sentences, briefing picks the best."""

    kind = "summarizer"
    #: A summarizer whose memory or time grows with the square of a document's sentences (a
    #: sentence-by-sentence matrix) sets how many it rates at once: a longer document is rated in
    #: consecutive windows of that many sentences, and the run warns, rather than running out of
    #: memory on a book. ``None``: no limit.
    max_sentences: ClassVar[int | None] = None

    @abstractmethod
    def rate(self, document: Document, kit: LanguageKit) -> Sequence[float]:
        """One score per sentence of ``document.sentences``, in that order; higher is better.

        ``kit`` gives the document language's words, stems and stop words. Scores must be finite.
        Ties are broken by position, earlier first.
        """


class Tagger(Plugin):
    """A theme tagger."""

    kind = "tagger"
    #: What :meth:`analyse` returns (a class, or a form such as ``dict[str, int]``): the cache
    #: reads an analysis back as this type, and one that is not of it (a tampered or foreign
    #: entry) is made again rather than handed to :meth:`tag`. ``Any``: plain data, unchecked.
    analysis_type: ClassVar[Any] = Any

    @abstractmethod
    def tag(self, document: Document, kit: LanguageKit, corpus: Sequence[Document]) -> Sequence[Theme]:
        """Themes of ``document``, each with a score from 0 to 1 and its evidence sentences.

        ``corpus`` is every document briefed, for taggers that compare (key phrases weigh words by
        how many documents use them); it is the same for every document of a run. Evidence must
        be sentences of ``document``, as they are in ``document.sentences``.
        """

    def analyse(self, document: Document, kit: LanguageKit) -> Any:
        """Optional: the part of tagging ``document`` that does not depend on the corpus.

        Return plain data (counts, candidate phrases, sentence positions): ``None``, booleans,
        numbers, strings, bytes, tuples, lists, dicts, sets, frozensets, ``Counter``, numpy
        arrays of numbers, and dataclasses of these (briefing's models among them); anything
        else is not cached (pack it into bytes yourself). Name its type in
        :attr:`analysis_type`: the cache keeps data, never code, and reads an analysis back as
        that type (without it, as plain lists, dicts, strings and numbers). briefing calls
        this in worker processes, caches the result on disk by the
        document's content and this tagger's settings and code, and hands it back through
        :meth:`analysis`, so a tagger that compares documents redoes only the cheap corpus-wide
        part when one file changes. The default analyses nothing.
        """
        return None

    def analysis(self, document: Document) -> Any:
        """What :meth:`analyse` gave for ``document``: remembered, cached, or computed now."""
        memo = self._analyses()
        key = _memo_key(document)
        found = memo.get(key, _MISSING)
        if isinstance(found, Packed):
            try:
                return unpack(found.data, self.analysis_type)
            except DamagedEntry:  # damaged, tampered with, or written by another version
                found = _MISSING
        if found is _MISSING:
            found = memo[key] = self.analyse(document, language_kit(document.language or "en"))
        return found

    def remember(self, document: Document, analysis: Any) -> None:
        """Keep ``analysis`` (computed elsewhere, or read from the cache) as ``document``'s."""
        self._analyses()[_memo_key(document)] = analysis

    def remember_packed(self, document: Document, data: bytes) -> None:
        """Keep ``document``'s analysis as the bytes briefing cached it in, unpacked by
        :meth:`analysis` each time it is asked for: the built-in taggers' analyses of 10,000
        documents take about 100 MB so and 800 MB as objects. A tagger that overrides
        :meth:`remember` or :meth:`analysis` gets it unpacked, through :meth:`remember`."""
        cls = type(self)
        if cls.remember is not Tagger.remember or cls.analysis is not Tagger.analysis:
            try:
                analysis = unpack(data, cls.analysis_type)
            except DamagedEntry:  # unreadable: the tagger analyses the document when asked
                return
            self.remember(document, analysis)
            return
        self._analyses()[_memo_key(document)] = Packed(data)

    def _kept_analysis(self, document: Document) -> Any:
        """What this tagger holds for ``document`` now, as it holds it (packed bytes, an
        analysis, or ``None``); for briefing's stages, which store again one that was remade."""
        return self._analyses().get(_memo_key(document))

    def _analyses(self) -> dict[tuple[str, int], Any]:
        # Created on first use: a subclass's __init__ need not call this class's.
        memo: dict[tuple[str, int], Any] = self.__dict__.setdefault("_analysis_memo", {})
        return memo


_MISSING = object()


def _memo_key(document: Document) -> tuple[str, int]:
    """Where a tagger's memo keeps ``document``'s analysis: the same id with other text is another."""
    return (document.id, hash(document.text))


class Cleaner(Plugin):
    """Removes page noise from a document's paragraphs before they are split into sentences."""

    kind = "cleaner"

    @abstractmethod
    def clean(self, paragraphs: list[str], document: Document) -> list[str]:
        """``paragraphs`` with the noise removed (or rewritten); return the list to keep.

        Paragraphs are prose already freed of markup, escapes and noise lines (counters, time
        stamps, share prompts), in document order. ``document`` gives the title, origin and
        language for rules that depend on them. Return only text the document contains: a
        cleaner removes, it does not write.
        """


class Loader(Plugin):
    """Turns the bytes of a source into documents."""

    kind = "loader"
    #: File name endings this loader takes, lower case, with the dot: ``(".txt",)``.
    suffixes: ClassVar[tuple[str, ...]] = ()
    #: Media types this loader takes (for URLs and stdin): ``("text/plain",)``.
    media_types: ClassVar[tuple[str, ...]] = ()

    def accepts(self, source: Source) -> bool:
        """Whether this loader should load ``source``; by default, by suffix or media type."""
        if source.media_type and source.media_type in self.media_types:
            return True
        suffix = os.path.splitext(source.origin.split("?", 1)[0])[1].lower()  # PurePath is slow on 10,000 files
        return bool(suffix) and suffix in self.suffixes

    @abstractmethod
    def load(self, source: Source) -> Iterable[Document]:
        """The documents in ``source``; raise :class:`LoadError` when there are none to be had.

        Warn with ``warnings.warn(SourceWarning(...))`` about anything the user should know.
        """


class Exporter(Plugin):
    """Renders a whole briefing as text."""

    kind = "exporter"
    #: The usual file name ending for this format.
    suffix: ClassVar[str] = ".txt"

    @abstractmethod
    def render(self, briefing: Briefing) -> str:
        """The briefing in this format, as one string."""


#: Every kind of plugin and its base class: the one list the plugin host, the conformance checks,
#: the scaffold and the command line use. Each kind has the hook ``register_<kind>s``.
KINDS: dict[str, type[Plugin]] = {
    "summarizer": Summarizer,
    "tagger": Tagger,
    "loader": Loader,
    "cleaner": Cleaner,
    "exporter": Exporter,
}


def hook_name(kind: str) -> str:
    """The registration hook of a kind of plugin: ``register_summarizers`` for ``summarizer``."""
    return f"register_{kind}s"
