"""Rich ``Text`` from untrusted source text: never parsed as markup, styled only by us."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from ..models import BriefSentence, Document, DocumentBrief, Theme

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


def document_header(document: Document) -> Text:
    header = Text()
    header.append(document.title, style="bold")
    facts = [document.origin] + [x for x in (document.date, document.language) if x]
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
            body.append(sentence.text, style=EVIDENCE if sentence.text in evidence else "")
    summarized = {s.text for s in entry.summary.sentences} if entry.summary else set()
    more = [e for e in evidence if e not in summarized]
    if more:
        body.append(f"\n\nMore on {theme} in this document:", style="bold italic")
        for extra in more:
            body.append("\n\n› ", style="bold")
            body.append(extra, style=EVIDENCE)
    return body


def topic_brief_text(sentences: Iterable[BriefSentence], titles: dict[str, str]) -> Text:
    text = Text()
    for sentence in sentences:
        if text:
            text.append("\n")
        text.append("• ", style="bold")
        text.append(sentence.text)
        text.append(f"  — {titles.get(sentence.document, sentence.document)}", style="italic dim")
    return text
