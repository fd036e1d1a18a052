"""What every command shares: the run (config and plugins), exit codes, how errors are said,
the settings a command's options make, and the options themselves."""

from __future__ import annotations

import difflib
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import click
from click_default_group import DefaultGroup

from ..cache import Cache, default_folder
from ..config import Config, ConfigError, line_of_key
from ..engine.executors import ExecutorError
from ..engine.pool import MOST_PER_CORE, most_workers
from ..engine.runner import Engine
from ..models import Problem
from ..plugins import PluginHost, Registry
from ..printable import printable
from ..settings import EXECUTORS, GROUPINGS, Settings

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
#: The sample sources beside src/ in a checkout (an editable install).
BUNDLED_SOURCES = Path(__file__).resolve().parents[3] / "sources"
EXIT_CODES = "Exit codes: 0 success; 1 some sources or plugins failed (the rest is done); 2 usage or config errors."


class UsageError(Exception):
    """Bad arguments or settings: exit code 2."""


def echo(message: object = "", *, err: bool = False, nl: bool = True) -> None:
    """``click.echo``, made :func:`~briefing.printable.printable`: every line the command line
    writes goes through here, so no file name, URL, server or plugin message, config key or
    document can act on the terminal."""
    click.echo(printable(str(message)), err=err, nl=nl)


def _say(kind: str, message: str) -> None:
    echo(f"briefing: {kind}: {message}", err=True)


@dataclass
class Run:
    """What every command starts from: the config and the loaded plugins."""

    config: Config
    host: PluginHost
    _registry: Registry | None = None

    @property
    def registry(self) -> Registry:
        """The plugins' registry; failures to load are reported once, when first asked."""
        if self._registry is None:
            self._registry = self.host.registry()
            for failure in self._registry.failures:
                _say("error", f"plugin {failure.plugin!r} ({failure.origin}) failed to load: {failure.error}")
        return self._registry


def _run() -> Run:
    run = click.get_current_context().find_object(Run)
    assert run is not None, "briefing's commands run inside main()"
    return run


class BriefingGroup(DefaultGroup):
    """The default command takes paths; a word that is neither a command nor a path is a typo."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and _looks_like_a_command(cmd_name):
            commands = ", ".join(sorted(self.commands))
            close = difflib.get_close_matches(cmd_name, list(self.commands), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise click.UsageError(
                f"no command {cmd_name!r} and no file or folder of that name (commands: {commands}){hint}"
            )
        return super().get_command(ctx, cmd_name)


def _looks_like_a_command(word: str) -> bool:
    """A bare word (no path separator, no suffix, no option) that names no file: a mistyped command."""
    if word.startswith("-") or "/" in word or "." in word or "://" in word:
        return False
    return not Path(word).exists()


def _cache(config: Config, no_cache: bool = False) -> Cache | None:
    """The result cache the config asks for, or ``None`` when it is off or cannot be opened."""
    if not config.cache or no_cache:
        return None
    folder = config.cache_dir or default_folder()
    try:
        return Cache(folder, shared=config.cache_shared, limit_mb=config.cache_max_mb)
    except (OSError, sqlite3.Error) as exc:
        _say("warning", f"cache {folder} cannot be used ({exc}); briefing without it")
        return None


def _check_name(registry: Registry, config: Config, kind: str, name: str, key: str, from_cli: bool) -> None:
    if name in registry.entries[kind]:
        return
    known = ", ".join(sorted(registry.entries[kind]))
    message = f"no {kind} named {name!r} (available: {known})"
    if from_cli or config.path is None:
        raise UsageError(message)
    raise ConfigError(config.path, message, line_of_key(config, key), key)


def _settings(
    run: Run,
    summarizer: str | None,
    grouping: str | None,
    workers: int | None,
    executor: str | None = None,
    scheduler: str | None = None,
) -> Settings:
    """The config's settings with the command line's choices applied, plugin names checked."""
    settings = run.config.settings
    if scheduler:
        settings = replace(settings, scheduler=scheduler, executor=executor or "dask")
    if executor:
        settings = replace(settings, executor=executor)
    if settings.executor == "dask" and not settings.scheduler:
        raise UsageError("--executor dask needs --scheduler ADDRESS (or scheduler in the config)")
    if summarizer:
        settings = replace(settings, summarizer=summarizer)
    if grouping:
        settings = replace(settings, grouping=grouping)
    if workers is not None:
        settings = replace(settings, workers=workers)
    if settings.workers > (most := most_workers()):
        _say("warning", f"{settings.workers} workers is more than {most} ({MOST_PER_CORE} per core here); using {most}")
        settings = replace(settings, workers=most)
    registry = run.registry
    _check_name(registry, run.config, "summarizer", settings.summarizer, "summarizer", bool(summarizer))
    for tagger in settings.taggers or ():
        _check_name(registry, run.config, "tagger", tagger, "taggers", False)
    for cleaner in settings.cleaners or ():
        _check_name(registry, run.config, "cleaner", cleaner, "cleaners", False)
    return settings


@contextmanager
def _connected(engine: Engine) -> Iterator[Engine]:
    """The engine, with a Dask cluster (when chosen) reached before anything is read, so a
    missing extra or a bad scheduler address is a usage error; closed afterwards."""
    with engine:
        if engine.executors.distributed:
            try:
                engine.executors.open()
            except ExecutorError as exc:
                raise UsageError(str(exc)) from None
        yield engine


def _progress_line() -> Callable[[int, int], None] | None:
    """On a terminal, 'reading sources 120/1000' on one line of stderr as sources finish."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        click.echo(f"\rbriefing: reading sources {done}/{total}", err=True, nl=False)
        click.echo(end, err=True, nl=False)

    return show


def _report(problems: Sequence[Problem], kind: str) -> None:
    for problem in problems:
        _say(kind, f"{problem.source}: {problem.message}")


def default_sources(config: Config) -> list[str]:
    """The config's sources, else ./sources, else the sample sources of this checkout."""
    if config.sources:
        return list(config.sources)
    for candidate in (Path("sources"), BUNDLED_SOURCES):
        if candidate.is_dir():
            return [str(candidate)]
    raise UsageError("no sources given, none in the config, and no sources/ folder here")


# -- the commands ----------------------------------------------------------------------------------

paths_argument = click.argument("paths", nargs=-1, metavar="[PATH]...")
summarizer_option = click.option(
    "--summarizer", metavar="NAME", help="Summarizer plugin (see 'briefing plugins list')."
)
grouping_option = click.option(
    "--grouping",
    type=click.Choice(GROUPINGS),
    help=f"Group sources by content or by folder  [default: {Settings().grouping}]",
)
no_cache_option = click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
executor_option = click.option(
    "--executor",
    type=click.Choice(EXECUTORS),
    help="Where per-document work runs: this machine's processes (local), a Dask scheduler (dask) "
    f"or a Dask cluster started here (dask-local)  [default: {Settings().executor}]",
)
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS", help="The Dask scheduler for --executor dask, e.g. tcp://host:8786."
)
workers_option = click.option(
    "--workers",
    type=click.IntRange(min=0),
    metavar="N",
    help=f"Processes for per-document work on large corpora; 0: one per core  [default: {Settings().workers}]",
)


def print_table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
