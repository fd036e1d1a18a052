"""The commands that brief: ``brief`` (to text, markdown, JSON...), ``read`` (the reading room)
and ``inspect`` (what briefing read of each source)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from ..config import ConfigError, line_of_key
from ..engine.runner import Engine
from ..models import Document
from ..output import write_output
from ..read_state import ReadState
from ..settings import Length
from ..sources.urls import without_credentials
from .shared import (
    EXIT_CODES,
    EXIT_OK,
    EXIT_PARTIAL,
    UsageError,
    _cache,
    _check_name,
    _connected,
    _progress_line,
    _report,
    _run,
    _say,
    _settings,
    default_sources,
    echo,
    executor_option,
    grouping_option,
    no_cache_option,
    paths_argument,
    scheduler_option,
    summarizer_option,
    workers_option,
)


@click.command(epilog=EXIT_CODES)
@paths_argument
@click.option("--topic", metavar="NAME", help="Only this topic.")
@summarizer_option
@click.option(
    "--sentences",
    type=click.IntRange(min=1),
    metavar="N",
    help=f"Sentences per summary  [default: {Length().sentences}]",
)
@click.option(
    "--ratio",
    type=click.FloatRange(0, 1, min_open=True),
    metavar="R",
    help="Share of each document's sentences, 0 < R <= 1 (instead of --sentences).",
)
@grouping_option
@click.option(
    "--unread", is_flag=True, help="Only the documents not marked read in the reading room: what is new since you read."
)
@click.option("--format", "format_name", default="text", metavar="NAME", help="Exporter: text, markdown, json, ...")
@click.option("-o", "--output", default="-", metavar="FILE", help="Output file; - is standard output.")
@no_cache_option
@workers_option
@executor_option
@scheduler_option
def brief(
    paths: tuple[str, ...],
    topic: str | None,
    summarizer: str | None,
    sentences: int | None,
    ratio: float | None,
    grouping: str | None,
    unread: bool,
    format_name: str,
    output: str,
    no_cache: bool,
    workers: int | None,
    executor: str | None,
    scheduler: str | None,
) -> int:
    """Brief sources and write the result.

    PATH is a file, a folder (read recursively), an http(s) URL, or - for standard input;
    without any, the config's sources, else ./sources.
    """
    if sentences is not None and ratio is not None:
        raise click.UsageError("give either --sentences or --ratio, not both")
    run = _run()
    settings = _settings(run, summarizer, grouping, workers, executor, scheduler)
    if sentences:
        settings = replace(settings, length=Length(sentences=sentences))
    elif ratio:
        settings = replace(settings, length=Length(sentences=None, ratio=ratio))
    _check_name(run.registry, run.config, "exporter", format_name, "format", True)
    sources = list(paths) or default_sources(run.config)
    keep = _not_read() if unread else None
    with _connected(Engine(run.registry, settings, _cache(run.config, no_cache))) as engine:
        briefing = engine.run(sources, topic=topic, progress=_progress_line(), keep=keep)
        text = engine.export(briefing, format_name)
    if topic and not briefing.briefs:
        raise UsageError(f"no topic named {topic!r} in {', '.join(sources)}")
    if not briefing.briefs and output not in ("-", "/dev/stdout") and Path(output).exists():
        _report(briefing.errors, "error")
        _say("error", f"nothing was briefed, so {output} was left as it was")
        return EXIT_PARTIAL
    try:
        write_output(output, text)
    except OSError as exc:
        _say("error", f"cannot write {output}: {exc.strerror or exc}")
        return EXIT_PARTIAL
    _report(briefing.errors, "error")
    _report(briefing.warnings, "warning")
    if output not in ("-", "/dev/stdout"):
        echo(f"briefing: wrote {format_name} to {output}", err=True)
    return EXIT_PARTIAL if briefing.errors or run.registry.failures else EXIT_OK


def _not_read() -> Callable[[Document], bool]:
    """Whether a document is not marked read (the reading room's marks; a file that cannot be
    read is said, and then every document counts as unread)."""
    marks = ReadState()
    if marks.problem:
        _say("warning", marks.problem)
    return lambda document: not marks.is_read(document)


@click.command(epilog=EXIT_CODES)
@paths_argument
@summarizer_option
@grouping_option
@no_cache_option
@workers_option
@executor_option
@scheduler_option
@click.option(
    "--watch/--no-watch",
    default=None,
    help="Read the sources again when files change, are added or removed  [default: when a PATH is a folder]",
)
def read(
    paths: tuple[str, ...],
    summarizer: str | None,
    grouping: str | None,
    no_cache: bool,
    workers: int | None,
    executor: str | None,
    scheduler: str | None,
    watch: bool | None,
) -> int:
    """Open the reading room (the default command).

    PATH is a file, a folder, an http(s) URL, or - for standard input; without any, the
    config's sources, else ./sources.
    """
    from ..session import Session
    from ..tui.app import BriefingApp
    from ..tui.keymap import keymap_problems

    run = _run()
    for binding_id, problem in keymap_problems(run.config.keys).items():
        assert run.config.path is not None  # a key map comes from a file
        key = f"keys.{binding_id}"
        raise ConfigError(run.config.path, problem, line_of_key(run.config, binding_id, "keys"), key)
    if not _in_a_terminal():
        raise UsageError(
            "the reading room needs a terminal; to write a brief to a file or a pipe, use 'briefing brief'"
        )
    settings = _settings(run, summarizer, grouping, workers, executor, scheduler)
    sources = list(paths) or default_sources(run.config)
    if not paths:
        echo(f"briefing: reading {', '.join(map(without_credentials, sources))}", err=True)
    with _connected(Engine(run.registry, settings, _cache(run.config, no_cache))) as engine:
        session = Session(engine, [without_credentials(source) for source in sources])  # never shown
        if watch is None:
            watch = any(Path(source).is_dir() for source in sources)
        app = BriefingApp(session, keymap=run.config.keys, watch=watch)
        app.run()
    _report(session.problems, "error")
    if app.return_code:  # the app crashed (Textual printed the traceback)
        return app.return_code
    return EXIT_PARTIAL if session.problems else EXIT_OK


def _in_a_terminal() -> bool:
    """Both standard input and output are a terminal (the reading room reads keys and draws)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@click.command(epilog=EXIT_CODES)
@paths_argument
@click.option("--format", "format_name", type=click.Choice(("text", "json")), default="text", help="Text, or JSON.")
def inspect(paths: tuple[str, ...], format_name: str) -> int:
    """Show each document as briefing reads it: title, origin, language and how it was decided,
    the numbered sentences by paragraph, and every line or paragraph left out, with why.

    PATH is a file, a folder, an http(s) URL, or - for standard input.
    """
    from ..inspection import inspect as inspect_sources
    from ..inspection import render_json, render_text

    run = _run()
    if not paths:
        raise click.UsageError("name at least one PATH to inspect")
    with _connected(Engine(run.registry, _settings(run, None, None, None, None, None), None)) as engine:
        inspected, unreadable = inspect_sources(engine, paths)
    echo(render_json(inspected) if format_name == "json" else render_text(inspected), nl=False)
    _report(unreadable, "error")
    failed = unreadable or any(i.problems for i in inspected)
    return EXIT_PARTIAL if failed else EXIT_OK
