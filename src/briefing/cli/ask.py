"""``briefing ask``: the sentences of the sources that answer a question, each with its source."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from ..builtins.markdown_exporter import escape
from ..engine.runner import Engine
from ..settings import ANSWERS
from .shared import (
    EXIT_CODES,
    EXIT_OK,
    EXIT_PARTIAL,
    _cache,
    _connected,
    _progress_line,
    _report,
    _run,
    _settings,
    default_sources,
    echo,
    no_cache_option,
    paths_argument,
)

if TYPE_CHECKING:
    from ..answering import Answer

#: What ``ask`` says when no sentence answers the question.
NOTHING = "nothing in these sources answers that"


def where(answer: Answer) -> str:
    """Where to open an answer: the document's link, else its file or URL."""
    return answer.document.link or answer.document.origin


def as_text(question: str, answers: list[Answer]) -> str:
    if not answers:
        return f"{question}\n{NOTHING}\n"
    lines = [question, ""]
    for number, found in enumerate(answers, start=1):
        lines.append(f"{number}. {found.text}")
        lines.append(f"   — {found.document.title} · {where(found)} (sentence {found.position + 1})")
    return "\n".join(lines) + "\n"


def as_markdown(question: str, answers: list[Answer]) -> str:
    lines = [f"## {escape(question)}", ""]
    if not answers:
        return "\n".join(lines + [f"*{NOTHING}*"]) + "\n"
    for found in answers:
        link = where(found).replace(">", "%3E")
        lines.append(f"- {escape(found.text)} — *{escape(found.document.title)}* (<{link}>)")
    return "\n".join(lines) + "\n"


def as_json(question: str, answers: list[Answer]) -> str:
    rows = [
        {
            "text": a.text,
            "document": a.document.id,
            "title": a.document.title,
            "origin": a.document.origin,
            "link": a.document.link,
            "position": a.position,
            "score": a.score,
        }
        for a in answers
    ]
    return json.dumps({"question": question, "answers": rows}, ensure_ascii=False, indent=2) + "\n"


@click.command(epilog=EXIT_CODES)
@click.argument("question")
@paths_argument
@click.option("-n", "--answers", "limit", type=click.IntRange(min=1), default=ANSWERS, metavar="N", help="Answers.")
@click.option(
    "--format", "format_name", type=click.Choice(("text", "markdown", "json")), default="text", help="Output format."
)
@no_cache_option
def ask(question: str, paths: tuple[str, ...], limit: int, format_name: str, no_cache: bool) -> int:
    """Answer QUESTION from the sources: the sentences that answer it best, each with its source.

    Offline and extractive: briefing ranks the sources' own sentences (BM25, and whether a
    sentence carries what the question asks for: an amount, a date, a name). When none holds
    enough of the question, it says "nothing in these sources answers that".
    """
    run = _run()
    settings = _settings(run, None, None, None, None, None)
    sources = list(paths) or default_sources(run.config)
    with _connected(Engine(run.registry, settings, _cache(run.config, no_cache))) as engine:
        prepared = engine.load(sources, progress=_progress_line())
        answers = engine.answer_index(prepared.documents).ask(question, limit)
    render = {"text": as_text, "markdown": as_markdown, "json": as_json}[format_name]
    echo(render(question, answers), nl=False)
    _report(prepared.errors, "error")
    _report(prepared.warnings, "warning")
    return EXIT_PARTIAL if prepared.errors else EXIT_OK
