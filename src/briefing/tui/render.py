"""Rich ``Text`` from untrusted source text: never parsed as markup, styled only by us, and no
sentence longer than a point's bound (:func:`briefing.text.standalone.bounded`): a file with no
punctuation is one sentence, and it would fill the screen and take seconds to lay out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path

from rich.text import Text

from ..models import BriefSentence, BriefTheme, Development, Document, DocumentBrief, Theme
from ..printable import printable
from ..text.standalone import bounded
from ..wording import counted, point_attribution

#: How evidence for the chosen theme stands out (underlined, so it shows in every colour theme).
EVIDENCE = "underline"


def theme_chips(themes: Iterable[Theme], selected: str | None = None, limit: int = 6) -> Text:
    """The strongest ``limit`` theme names, one chip each: taggers may find the same name
    ("energy" as a lexicon theme and as a key phrase)."""
    chips = Text()
    for name in list(dict.fromkeys(t.name for t in themes))[:limit]:
        chips.append(f" {name} ", style="reverse bold" if name == selected else "reverse")
        chips.append(" ")
    return chips


#: The narrowest column's text width: no single fact in a header is longer, so none is cut mid-word.
FACT_WIDTH = 36


def _tail(text: str, width: int = FACT_WIDTH) -> str:
    """``text`` if it fits, else ``…`` and its end, starting after a ``/`` where there is one."""
    if len(text) <= width:
        return text
    end = text[-(width - 1) :]
    cut = end.find("/")
    return "…" + (end[cut:] if 0 <= cut < width // 2 else end)


def place(origin: str) -> list[str]:
    """Where a document came from, in pieces that each fit a column: a URL, or a file's name
    and its folder (relative to the current one when inside it)."""
    if origin == "-":
        return ["standard input"]
    origin = printable(origin)  # a file name or URL may hold anything
    if origin.startswith(("http://", "https://")):
        return [_tail(origin)]
    path = Path(origin)
    with suppress(ValueError):
        path = path.resolve().relative_to(Path.cwd())
    folder = str(path.parent)
    return [_tail(path.name)] + ([_tail(folder)] if folder != "." else [])


def document_header(document: Document, unread: bool = False) -> Text:
    """Title (``✦`` first while unread), then where it came from, its date and language."""
    header = Text()
    if unread:
        header.append("✦ ", style="bold")
    header.append(document.title, style="bold")
    facts = [*place(document.origin), *(x for x in (document.date, document.language) if x)]
    header.append("\n" + " · ".join(facts), style="dim")
    return header


def document_body(
    entry: DocumentBrief | None,
    problems: Iterable[str],
    theme: str | None = None,
    marks: dict[int, str] | None = None,
    chips: bool = True,
) -> Text:
    """A column's text: theme chips (unless ``chips`` is off), the summary as bullets (or why
    there is none), then with a theme chosen, its evidence sentences, all highlighted."""
    body = Text()
    if entry is None:
        body.append("summarizing…", style="italic dim")
        return body
    if chips and entry.themes:
        body.append_text(theme_chips(entry.themes, theme))
        body.append("\n")
    evidence = list(dict.fromkeys(e for t in entry.themes if t.name == theme for e in t.evidence))
    for message in problems:
        body.append(f"⚠ {message}\n", style="bold red")
    if entry.summary is not None:
        if not entry.summary.sentences:
            body.append("(no sentences)", style="italic dim")
        for number, sentence in enumerate(entry.summary.sentences):
            mark = (marks or {}).get(sentence.position, "•")
            body.append(("\n\n" if number else "") + f"{mark} ", style="bold")
            body.append(bounded(sentence.text), style=EVIDENCE if sentence.text in evidence else "")
    summarized = {s.text for s in entry.summary.sentences} if entry.summary else set()
    more = [e for e in evidence if e not in summarized]
    if more:
        body.append(f"\n\nMore on {theme} in this document:", style="bold italic")
        for extra in more:
            body.append("\n\n› ", style="bold")
            body.append(bounded(extra), style=EVIDENCE)
    return body


def topic_brief_text(sentences: Iterable[BriefSentence], titles: dict[str, str]) -> Text:
    text = Text()
    for sentence in sentences:
        if text:
            text.append("\n")
        text.append("• ", style="bold")
        text.append(bounded(sentence.text))
        text.append(f"  — {titles.get(sentence.document, sentence.document)}", style="italic dim")
    return text


def thematic_text(themes: Sequence[BriefTheme], titles: dict[str, str]) -> Text:
    """A topic's themes, numbered, each with its key points: figures bold, and after each point
    who said it, where and when, dim. Source text goes in as plain text, never as markup."""
    text = Text()
    size = len(titles)
    for number, theme in enumerate(themes, start=1):
        if text:
            text.append("\n")
        text.append(f"{number}. {theme.name}", style="bold")
        text.append(f"  {counted(theme.sources, 'source')}\n", style="dim")
        for point in theme.points:
            text.append("  • ", style="bold")
            start = len(text)
            text.append(point.text)
            for figure in point.figures:
                at = point.text.find(figure)
                if at >= 0:
                    text.stylize("bold", start + at, start + at + len(figure))
            text.append(f"  — {point_attribution(point, titles, size)}\n", style="italic dim")
    return text


def developments_text(developments: Sequence[Development], titles: dict[str, str], heading: str, empty: str) -> Text:
    """A heading, then per document its date and title and the points it added; ``empty`` when
    there are none."""
    text = Text(heading, style="bold")
    if not developments:
        text.append(f"\n{empty}", style="italic dim")
    for development in developments:
        text.append("\n")
        if development.date:
            text.append(f"{development.date}  ", style="bold")
        text.append(titles.get(development.document, development.document), style="italic")
        for point in development.points:
            text.append("\n  • ", style="bold")
            text.append(point)
    return text
