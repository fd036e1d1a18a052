"""Plain, typed data that flows through briefing: sources -> documents -> sentences -> briefs.

Everything here is a frozen dataclass so that plugins cannot change what other plugins see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .printable import one_line, printable


@dataclass(frozen=True, slots=True)
class Source:
    """Raw bytes of one input, before any loader has looked at them.

    ``origin`` is what the user named (a path, ``-`` or a URL); ``path`` is set for files.
    ``media_type`` and ``charset`` come from the server for URLs; ``notes`` are warnings about
    how the bytes were obtained (a kept copy used while offline, say).
    """

    origin: str
    data: bytes
    path: Path | None = None
    media_type: str | None = None
    charset: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document: ``paragraph`` and ``position`` count from 0 within the document."""

    text: str
    paragraph: int
    position: int


@dataclass(frozen=True, slots=True)
class Dropped:
    """Text a loader or cleaner left out of a document, kept so the reader can check it:
    ``by`` names who dropped it (``page noise``, a cleaner's name, ``repeated``), ``why`` says why,
    and ``paragraph`` is where it was among the paragraphs as the one who dropped it saw them."""

    text: str
    by: str
    why: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded source (a file may hold several, e.g. a feed).

    ``text`` is prose with paragraphs separated by blank lines; markup, front matter and headings
    are gone. ``headings`` keeps the section headings (the Edmundson title method uses them) and
    ``heading_places`` where each stands: how many of the text's paragraphs come before it (empty
    when the loader does not say). Preparing the document counts them in its sentences' paragraph
    numbers, so a heading stands before the paragraph of that number.
    ``sentences`` is filled by segmentation; loaders leave it empty.
    A loader that knows the language says where from in ``language_source`` ("front matter",
    "page", "feed"). Preparing the document fills the rest: ``language_source`` becomes
    "detected" (with ``language_confidence``) or "config" when the source did not say, and
    ``segmenter`` names what split the sentences.
    """

    id: str
    title: str
    text: str
    origin: str
    date: str | None = None
    author: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    heading_places: tuple[int, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    link: str | None = None  # where to read the original (a feed entry's link)
    dropped: tuple[Dropped, ...] = ()  # what loading and cleaning left out, in order
    language_source: str | None = None
    language_confidence: float | None = None
    segmenter: str | None = None


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    """A sentence a summarizer chose: its score from the summarizer and its rank (1 = best)."""

    text: str
    paragraph: int
    position: int
    score: float
    rank: int


@dataclass(frozen=True, slots=True)
class Summary:
    """Chosen sentences in document order."""

    summarizer: str
    sentences: tuple[ScoredSentence, ...]


@dataclass(frozen=True, slots=True)
class Theme:
    """A theme a tagger found in a document.

    ``score`` is how strongly the document carries the theme, from 0 to 1; the built-in taggers
    use the share of its sentences that mention it, so scores compare across taggers.
    ``evidence`` holds those sentences, best first. ``kind`` says what sort of theme it is
    ("theme", "key phrase", "person", "organisation", "place", "name"...). Themes of the same
    name from several taggers are one theme: the strongest's, with the others' evidence after
    its own and their taggers in ``also``.
    """

    name: str
    score: float
    evidence: tuple[str, ...] = ()
    tagger: str = ""
    kind: str = ""
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """A sentence of a topic-level brief, attributed to the document it came from."""

    text: str
    document: str
    score: float


@dataclass(frozen=True, slots=True)
class Point:
    """A key point of a thematic brief: a sentence as the brief shows it (dateline gone, cut to a
    bound), said by ``documents`` (ids; the first is where the text comes from, the others said
    the same in their own words). ``figures`` are the money, shares, counts and dates it writes;
    ``speaker`` is who says it (``quote`` when word for word); ``date`` is the day it is about or
    was published, when known."""

    text: str
    documents: tuple[str, ...]
    score: float
    figures: tuple[str, ...] = ()
    speaker: str = ""
    quote: bool = False
    date: str | None = None


@dataclass(frozen=True, slots=True)
class BriefTheme:
    """A named theme of a topic's thematic brief: its key points, best first, and how many of the
    topic's documents it draws on."""

    name: str
    points: tuple[Point, ...]
    sources: int


@dataclass(frozen=True, slots=True)
class Development:
    """What one document adds to a topic: its ``date`` (``YYYY-MM-DD``, or ``""`` when it has
    none), its id, and the points it makes that the documents before it did not."""

    date: str
    document: str
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    """Documents about one subject. ``keywords`` are the labels a topic found by content was
    named from, best first (the name is a phrase made of them; configured and folder topics
    have none)."""

    name: str
    documents: tuple[Document, ...]
    keywords: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A name may be a folder's, a feed's title or the config's: one printable line, bounded.
        object.__setattr__(self, "name", one_line(self.name))


@dataclass(frozen=True, slots=True)
class DocumentBrief:
    """One document's summary and themes (strongest first, each name once, as tagging gives them)."""

    document: Document
    summary: Summary | None
    themes: tuple[Theme, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    """A topic's per-document summaries, its multi-document brief, its pooled themes and its
    thematic brief (named themes, each with its key points)."""

    topic: str
    documents: tuple[DocumentBrief, ...]
    brief: tuple[BriefSentence, ...]
    themes: tuple[Theme, ...] = ()
    keywords: tuple[str, ...] = ()  # the topic's labels (see Topic.keywords)
    thematic: tuple[BriefTheme, ...] = ()
    timeline: tuple[Development, ...] = ()  # the dated documents in date order, each with what it added


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that went wrong with one source or plugin; the rest of the run goes on. Both
    strings may come from outside (a file name, a server's reason phrase, a plugin's error
    message): they are kept :func:`~briefing.printable.printable`."""

    source: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", printable(self.source))
        object.__setattr__(self, "message", printable(self.message))


@dataclass(frozen=True, slots=True)
class RunFacts:
    """How a briefing was made, for the header of an export: when, from what, and with which
    summarizer, length, grouping, taggers and brief length."""

    made: str  # local date and time, "2026-11-25 20:30"
    sources: tuple[str, ...]
    summarizer: str
    length: str  # "3 sentences", "20% of each document"
    grouping: str
    version: str
    taggers: tuple[str, ...] = ()
    topic_sentences: int = 5  # sentences in each topic's brief


@dataclass(frozen=True, slots=True)
class Briefing:
    """The result of a run: every topic's brief, what failed, and what the user should know;
    ``facts`` says how it was made (``None`` when whoever built it did not say)."""

    briefs: tuple[Brief, ...]
    errors: tuple[Problem, ...] = field(default=())
    warnings: tuple[Problem, ...] = field(default=())
    facts: RunFacts | None = None
