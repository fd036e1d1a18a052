"""Sources -> documents -> sentences: load, settle the language, clean, split; and the per-source work.

:func:`work_on` is everything done to one source that depends on nothing else: its documents
prepared, each tagger's analysis of each document and each document's summary. Worker
processes run it (:mod:`briefing.engine.pool`); so does the main process for small runs.
Problems and warnings are returned with the result, never collected in shared lists.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, replace

from ..cache import packed_entries
from ..cache_format import pack
from ..interfaces import SourceWarning
from ..models import Document, Dropped, Problem, Sentence, Source
from ..picking import windowed
from ..printable import one_line
from ..text import outline
from ..text.clean import clean_characters
from ..text.dates import date_in_text
from ..text.detect import identify
from ..text.languages import UnknownLanguage, language_code
from ..text.words import language_kit
from ..topics.features import word_features
from ..wording import counted
from .cache_keys import Keys
from .failures import failure
from .source_work import SourceWork
from .started import StartedPlugins
from .summaries import summarize_one
from .themes import MAX_TAGGED_SENTENCES
from .themes import analyse as analyses_of


def inert(text: str) -> str:
    """Metadata from a source, on one line and with no escapes or control characters."""
    return " ".join(clean_characters(text).split())


def load_source(plugins: StartedPlugins, source: Source) -> tuple[list[Document], list[Problem], list[Problem]]:
    """The documents of one source, the problems that stopped it and the warnings about it."""
    loader = plugins.loader_for(source)
    if loader is None:
        kind = f"{source.media_type} answer" if source.media_type else "kind of file"
        return [], [Problem(source.origin, f"no loader for this {kind}")], []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)
        try:
            documents = list(loader.load(source))
        except Exception as exc:
            return [], [Problem(source.origin, failure("loader", loader.name, exc))], []
    noted = [Problem(source.origin, str(w.message)) for w in caught if issubclass(w.category, SourceWarning)]
    if not documents:
        return [], [Problem(source.origin, f"loader {loader.name!r} found no documents")], noted
    return documents, [], noted


@dataclass(frozen=True)
class LanguageChoice:
    """A document's language and where it came from: ``source`` is the loader's word for where
    the source named it ("front matter", "page", "feed"), "detected" (with ``confidence``) or
    "config"."""

    code: str
    source: str
    confidence: float | None = None


def language_of(plugins: StartedPlugins, document: Document) -> tuple[LanguageChoice, list[Problem]]:
    """The document's language: its own, else identified from the text, else the config's; and
    any warning (the warning names the file, through the problem's source)."""
    settings = plugins.services.settings
    notes: list[Problem] = []
    if document.language:
        try:
            return LanguageChoice(language_code(document.language), document.language_source or "source"), notes
        except UnknownLanguage:
            said = f"unknown language {document.language!r}; identifying it from the text"
            notes.append(Problem(document.origin, said))
    fallback = language_code(settings.language)
    if not settings.detect_language:
        return LanguageChoice(fallback, "config"), notes
    found = identify(document.text)
    if found.code is not None:
        return LanguageChoice(found.code, "detected", round(found.confidence, 3)), notes
    if document.text.strip():
        guess = f" (perhaps {found.best!r}, {found.confidence:.0%} sure)" if found.best else ""
        notes.append(
            Problem(
                document.origin,
                f"could not tell the language of this text{guess}; treating it as {fallback!r} "
                "(set language in its front matter or in briefing.toml)",
            )
        )
    return LanguageChoice(fallback, "config"), notes


#: Who drops a paragraph or sentence that the document already has (see :class:`Dropped`).
REPEATED = "repeated"
#: A repeated sentence this short ("Yes.", "Thank you.") is kept: it is part of the text's flow.
REPEATED_WORDS = 6


def _left_out(before: list[str], after: list[str]) -> list[tuple[int, str]]:
    """The paragraphs of ``before`` (with their index) that ``after`` no longer has."""
    remaining = Counter(after)
    gone = []
    for index, paragraph in enumerate(before):
        if remaining[paragraph] > 0:
            remaining[paragraph] -= 1
        else:
            gone.append((index, paragraph))
    return gone


def clean(
    plugins: StartedPlugins, paragraphs: list[str], document: Document
) -> tuple[list[str], list[Dropped], list[Problem]]:
    """``paragraphs`` through every cleaner, with what each one dropped (or changed: the
    original is kept); a cleaner that fails is skipped and reported."""
    problems: list[Problem] = []
    dropped: list[Dropped] = []
    for cleaner in plugins.cleaners:
        try:
            cleaned = plugins.limit(cleaner.name, cleaner.clean, list(paragraphs), document)
            if not isinstance(cleaned, list) or not all(isinstance(p, str) for p in cleaned):
                raise TypeError(f"returned {type(cleaned).__name__}, not a list of paragraphs")
        except Exception as exc:
            problems.append(Problem(document.origin, failure("cleaner", cleaner.name, exc)))
            continue
        why = cleaner.description or f"cleaner {cleaner.name!r}"
        dropped.extend(Dropped(text, cleaner.name, why, index) for index, text in _left_out(paragraphs, cleaned))
        paragraphs = cleaned
    return paragraphs, dropped, problems


def _comparable(text: str) -> str:
    """What two copies of a paragraph or sentence have in common: words, in any case or spacing."""
    return " ".join(text.split()).casefold()


def once(paragraphs: list[str]) -> tuple[list[str], list[Dropped]]:
    """Each paragraph once: a page that repeats one (a pull quote, a scraped block twice) would
    otherwise have it summarized, and its sentences chosen, twice."""
    seen: set[str] = set()
    kept: list[str] = []
    dropped: list[Dropped] = []
    for index, paragraph in enumerate(paragraphs):
        key = _comparable(paragraph)
        if key in seen:
            dropped.append(Dropped(paragraph, REPEATED, "the same paragraph appears earlier in the document", index))
        else:
            seen.add(key)
            kept.append(paragraph)
    return kept, dropped


def why_empty(document: Document, dropped: list[Dropped] | tuple[Dropped, ...] = ()) -> str:
    """Why a document has no sentence to summarize, in words a reader can act on (``dropped``: more left out)."""
    left_out = len(document.dropped) + len(dropped)
    if left_out:
        return f"all its text was left out ({counted(left_out, 'piece')}; see briefing inspect, or d in the reader)"
    if document.headings:
        return f"its text is {counted(len(document.headings), 'heading')} and nothing else"
    return "it has no text" + (" but its title" if document.title else "")


def prepare_document(plugins: StartedPlugins, document: Document) -> tuple[Document, list[Problem], list[Problem]]:
    """The document with its language settled, its text cleaned and split into sentences; the
    problems (a failing cleaner, skipped) and warnings (a guessed language) met on the way."""
    language, notes = language_of(plugins, document)
    code, kit = language.code, language_kit(language.code)
    laid, places_laid = outline.laid_out(document)
    paragraphs, dropped, problems = clean(plugins, laid, replace(document, language=code))
    paragraphs, repeated = once(paragraphs)
    dropped += repeated
    sentences: list[Sentence] = []
    seen: set[str] = set()
    for number, paragraph in enumerate(paragraphs):
        for text in kit.segmenter.split(paragraph):
            key = _comparable(text)
            if key in seen and len(key.split()) >= REPEATED_WORDS:
                dropped.append(Dropped(text, REPEATED, "the same sentence appears earlier in the document", number))
                continue
            seen.add(key)
            sentences.append(Sentence(text, number, len(sentences)))
    if not sentences:
        notes.append(Problem(document.origin, f"no sentences: {why_empty(document, dropped)}"))
    if len(sentences) > MAX_TAGGED_SENTENCES:
        notes.append(
            Problem(
                document.origin,
                f"{len(sentences):,} sentences: its themes come from the first {MAX_TAGGED_SENTENCES:,} "
                "(the taggers' time grows with a document's length)",
            )
        )
    summarizer = plugins.summarizer
    if windowed(summarizer, len(sentences)):
        notes.append(
            Problem(
                document.origin,
                f"{len(sentences):,} sentences: summarizer {summarizer.name!r} rates them in windows of "
                f"{summarizer.max_sentences:,} (its memory grows with the square of a document's sentences)",
            )
        )
    prepared = replace(
        document,
        title=one_line(document.title),
        author=one_line(document.author) if document.author else None,
        date=inert(document.date)
        if document.date
        else date_in_text("\n".join((*document.headings[:2], document.text))),
        tags=tuple(one_line(t) for t in document.tags),
        headings=tuple(inert(h) for h in document.headings),
        heading_places=outline.moved(places_laid, laid, paragraphs),
        link=inert(document.link) if document.link else None,
        language=code,
        language_source=language.source,
        language_confidence=language.confidence,
        segmenter=kit.segmenter.name,
        sentences=tuple(sentences),
        dropped=document.dropped + tuple(dropped),
    )
    return prepared, problems, notes


def work_on(plugins: StartedPlugins, keys: Keys, source: Source, analyse: bool = True) -> SourceWork:
    """All the per-document work on one source (the taggers' analyses only with ``analyse``).
    Analyses that fail are left out: tagging reports them later. Summaries that fail are kept
    apart, so summarizing reports them."""
    loaded, problems, notes = load_source(plugins, source)
    work = SourceWork([], problems, notes)
    settings = plugins.services.settings
    for document in loaded:
        prepared, failed, noted = prepare_document(plugins, document)
        work.documents.append(prepared)
        work.fingerprints.append(keys.fingerprint(prepared))
        work.problems.extend(failed)
        work.warnings.extend(noted)
        if analyse:
            work.analyses.update(analyses_of(plugins, keys, prepared))
        if settings.grouping == "content":
            work.words[keys.words(prepared)] = word_features(prepared)
        summary = summarize_one(plugins, prepared, settings.length, plugins.summarizer)
        done = work.failed if summary[1] else work.summaries
        done[keys.summary(prepared, settings.length, plugins.summarizer)] = summary
    return work


def packed_work(plugins: StartedPlugins, keys: Keys, source: Source) -> dict[str, bytes]:
    """:func:`work_on` packed for the cache, each result under its key, the source's own entry
    under ``source:`` (sent even when it failed). A worker packs once; the main process stores
    those very bytes."""
    work = work_on(plugins, keys, source)
    packed = packed_entries({**work.analyses, **work.summaries, **work.words})
    packed.update((f"failed:{k}", pack(v)) for k, v in work.failed.items())
    packed["source:"] = pack(SourceWork(work.documents, work.problems, work.warnings, fingerprints=work.fingerprints))
    return packed
