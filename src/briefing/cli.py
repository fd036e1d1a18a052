"""The command line: a thin layer over the engine, the plugins and the exporters.

Commands are click commands on one group whose default is ``read``, so ``briefing notes/`` and
``briefing --grouping folders notes/`` open the reading room. Plugins add commands through the
``register_commands(cli)`` hook. Exit codes: 0 success, 1 some sources or plugins failed (each
reported on stderr, the rest briefed), 2 usage or config errors.
"""

from __future__ import annotations

import copy
import difflib
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import click
from click_default_group import DefaultGroup

from .cache import CACHE_FILE, Cache, default_folder, set_aside
from .config import Config, ConfigError, find_config, line_of_key, load_config
from .engine.executors import ExecutorError
from .engine.runner import Engine
from .engine.settings import EXECUTORS, GROUPINGS, Length, Settings
from .interfaces import KINDS
from .models import Problem
from .output import write_output
from .plugins import PluginHost, Registry
from .scaffold import ScaffoldError, new_plugin
from .version import __version__

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
#: The sample sources beside src/ in a checkout (an editable install).
BUNDLED_SOURCES = Path(__file__).resolve().parent.parent.parent / "sources"
EXIT_CODES = "Exit codes: 0 success; 1 some sources or plugins failed (the rest is done); 2 usage or config errors."


class UsageError(Exception):
    """Bad arguments or settings: exit code 2."""


def _say(kind: str, message: str) -> None:
    click.echo(f"briefing: {kind}: {message}", err=True)


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
        return Cache(folder)
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
    "--grouping", type=click.Choice(GROUPINGS), help="Group sources by content or by folder  [default: content]"
)
no_cache_option = click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
executor_option = click.option(
    "--executor",
    type=click.Choice(EXECUTORS),
    help="Where per-document work runs: this machine's processes (local), a Dask scheduler (dask) "
    "or a Dask cluster started here (dask-local)  [default: local]",
)
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS", help="The Dask scheduler for --executor dask, e.g. tcp://host:8786."
)
workers_option = click.option(
    "--workers",
    type=click.IntRange(min=0),
    metavar="N",
    help="Processes for per-document work on large corpora; 0: one per core  [default: 0]",
)


@click.group(
    cls=BriefingGroup,
    default="read",
    default_if_no_args=True,
    context_settings={"help_option_names": ["-h", "--help"], "show_default": True, "max_content_width": 100},
    epilog=EXIT_CODES,
)
@click.version_option(__version__, prog_name="briefing")
@click.option("--config", metavar="FILE", help="Config file  [default: ./briefing.toml, then the user's]")
def cli(config: str | None) -> None:
    """Load sources, group them by topic, summarize them and export briefs.

    Without a command, 'briefing [PATH]...' opens the reading room ('read').
    """


@click.command(epilog=EXIT_CODES)
@paths_argument
@click.option("--topic", metavar="NAME", help="Only this topic.")
@summarizer_option
@click.option("--sentences", type=click.IntRange(min=1), metavar="N", help="Sentences per summary  [default: 3]")
@click.option(
    "--ratio",
    type=click.FloatRange(0, 1, min_open=True),
    metavar="R",
    help="Share of each document's sentences, 0 < R <= 1 (instead of --sentences).",
)
@grouping_option
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
    with _connected(Engine(run.registry, settings, _cache(run.config, no_cache))) as engine:
        briefing = engine.run(sources, topic=topic, progress=_progress_line())
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
        click.echo(f"briefing: wrote {format_name} to {output}", err=True)
    return EXIT_PARTIAL if briefing.errors or run.registry.failures else EXIT_OK


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
    from .session import Session
    from .tui.app import BriefingApp
    from .tui.keys import keymap_problems

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
        click.echo(f"briefing: reading {', '.join(sources)}", err=True)
    with _connected(Engine(run.registry, settings, _cache(run.config, no_cache))) as engine:
        session = Session(engine, sources)
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
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--summarizer", "summarizers", multiple=True, metavar="NAME", help="A summarizer to score (repeat)  [default: all]"
)
@click.option("--sentences", type=click.IntRange(min=1), metavar="N", help="Summary length in sentences.")
@click.option(
    "--words", type=click.IntRange(min=1), metavar="N", help="Summary length in words (the last sentence is cut)."
)
@click.option(
    "--tokens",
    type=click.Choice(("rouge", "language")),
    default="rouge",
    show_default=True,
    help="Words as rouge-score reads them (ASCII, Porter stems), or in the document's language.",
)
@click.option(
    "--references",
    type=click.Choice(("best", "mean")),
    default="best",
    show_default=True,
    help="With several references: the best match, or their mean.",
)
@click.option(
    "--baseline",
    metavar="METHOD",
    help="What differences are measured from  [default: lead, or first-sentences for topics]",
)
@click.option(
    "--metric",
    type=click.Choice(("rouge1", "rouge2", "rougeL", "rougeLsum")),
    default="rouge2",
    show_default=True,
    help="The metric methods are sorted and compared on.",
)
@click.option(
    "--candidates",
    type=click.IntRange(min=1),
    metavar="N",
    help="Sentences each document offers a topic brief  [default: the configured summary length]",
)
@click.option("--format", "format_name", type=click.Choice(("text", "json")), default="text", help="A table, or JSON.")
def evaluate(
    path: Path,
    summarizers: tuple[str, ...],
    sentences: int | None,
    words: int | None,
    tokens: Literal["rouge", "language"],
    references: Literal["best", "mean"],
    baseline: str | None,
    metric: str,
    candidates: int | None,
    format_name: str,
) -> int:
    """Score summaries and topic briefs with ROUGE against summaries people wrote.

    PATH is a folder (NAME.txt beside NAME.ref.txt) or a JSON Lines file of {"text", "summary"}
    or {"documents", "summaries"} records. Without a length, summaries are as long as the
    reference in sentences.
    """
    try:  # rouge-score is an extra: only this command needs it
        from .evaluation.cases import load_cases
        from .evaluation.report import records, table
        from .evaluation.rouge import Rouge
        from .evaluation.run import evaluate as score
        from .evaluation.systems import FIRST_SENTENCES, Budget, Systems
    except ImportError as exc:
        raise UsageError(f"evaluate needs the 'evaluate' extra ({exc}): pip install 'briefing[evaluate]'") from None

    if sentences and words:
        raise UsageError("give a length in --sentences or in --words, not both")
    run = _run()
    registry = run.registry
    names = list(summarizers) or registry.names("summarizer")
    for name in names:
        _check_name(registry, run.config, "summarizer", name, "summarizer", True)
    engine = Engine(registry, run.config.settings)
    cases, problems = load_cases(path, engine)
    if not cases:
        _report(problems, "error")
        raise UsageError(f"no document with a reference summary in {path}")
    budget = Budget(sentences, words)
    systems = Systems(engine, budget, Length(candidates) if candidates else None)
    result = score(cases, names, systems, Rouge(tokens, references))
    topics = sum(case.topic for case in cases)
    chosen = baseline or (FIRST_SENTENCES if topics == len(cases) else "lead")
    if format_name == "json":
        click.echo(json.dumps(records(result, chosen, metric), indent=2))
    else:
        reading = "rouge-score's words" if tokens == "rouge" else "words in each document's language"
        click.echo(
            f"{len(cases)} cases ({len(cases) - topics} documents, {topics} topics); summaries of "
            f"{budget.describe()}; ROUGE F1 x 100 on {reading}, the {references} of the references"
        )
        _table(table(result, chosen, metric))
    _report(problems + result.problems, "error")
    return EXIT_PARTIAL if problems or result.problems else EXIT_OK


def _table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


@click.group(epilog=EXIT_CODES)
def plugins() -> None:
    """List, check and start plugins."""


@plugins.command("list")
def plugins_list() -> int:
    """Each plugin's name, kind, origin, version and API version."""
    registry = _run().registry
    rows = [("NAME", "KIND", "ORIGIN", "PLUGIN", "VERSION", "API")]
    for entry in sorted(registry.all(), key=lambda e: (e.kind, e.name)):
        api = "built-in" if entry.origin == "built-in" else str(entry.cls.api_version or "?")
        rows.append((entry.name, entry.kind, entry.origin, entry.plugin, entry.version or "-", api))
    _table(rows)
    return EXIT_PARTIAL if registry.failures else EXIT_OK


@plugins.command("check")
@click.argument("name")
@click.option("--kind", type=click.Choice(tuple(KINDS)), help="When several kinds share the name.")
def plugins_check(name: str, kind: str | None) -> int:
    """Run the conformance checks on an installed plugin called NAME."""
    from .testing import CHECKS  # imports the built-ins' samples: only when checking

    run = _run()
    registry = run.registry
    entries = [e for e in registry.all() if e.name == name and (kind is None or e.kind == kind)]
    if not entries:
        failed = [f for f in registry.failures if f.plugin == name]
        if failed:
            raise UsageError(f"plugin {name!r} did not load: {failed[0].error}")
        raise UsageError(f"no plugin named {name!r} (see 'briefing plugins list')")
    if kind is None and any(e.origin != "built-in" for e in entries):
        for entry in (e for e in entries if e.origin == "built-in"):  # "html": a plugin exporter, the built-in loader
            click.echo(f"(not checked: the built-in {entry.kind} {name!r}; --kind {entry.kind} checks it)")
        entries = [e for e in entries if e.origin != "built-in"]
    worst = EXIT_OK
    for entry in entries:
        click.echo(f"{entry.kind} {entry.name!r} ({entry.origin}{', ' + entry.version if entry.version else ''})")
        for result in CHECKS[entry.kind](entry.cls, settings=run.config.settings.plugin_settings.get(entry.name)):
            mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}[result.status]
            click.echo(f"  {mark}  {result.check}{': ' + result.detail if result.detail else ''}")
            if result.status == "fail":
                worst = EXIT_PARTIAL
    return worst


@plugins.command("new")
@click.argument("name")
@click.option("--kind", type=click.Choice(tuple(KINDS)), required=True, help="What the plugin is.")
@click.option(
    "--dir",
    "parent",
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to put the package folder.",
)
@click.option("--replace", is_flag=True, help="Mean to replace the built-in plugin of that name and kind.")
def plugins_new(name: str, kind: str, parent: Path, replace: bool) -> int:
    """Write a new plugin package called NAME to start from: installable, with passing tests."""
    if not replace and name in PluginHost(load_entry_points=False).registry().names(kind):
        raise UsageError(
            f"{name!r} is a built-in {kind}: a plugin of that name would replace it once installed; "
            "choose another name, or pass --replace if that is the point"
        )
    try:
        root = new_plugin(name, kind, parent)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    click.echo(f"briefing: wrote the {kind} plugin {name!r} to {root}", err=True)
    click.echo(f"  install it:  pip install -e {root}\n  test it:     cd {root} && pytest", err=True)
    return EXIT_OK


@click.group(epilog=EXIT_CODES)
def cache() -> None:
    """Show or empty the result cache."""


def _cache_folder() -> Path:
    """The folder of the result cache the config names (on or off, readable or not)."""
    config = _run().config
    return config.cache_dir or default_folder()


def _open_cache(folder: Path) -> Cache | str:
    """The cache in ``folder``, or why it cannot be opened."""
    try:
        return Cache(folder)
    except (OSError, sqlite3.Error) as exc:
        return str(exc) or type(exc).__name__


@click.command(epilog=EXIT_CODES)
@paths_argument
@click.option("--format", "format_name", type=click.Choice(("text", "json")), default="text", help="Text, or JSON.")
def inspect(paths: tuple[str, ...], format_name: str) -> int:
    """Show each document as briefing reads it: title, origin, language and how it was decided,
    the numbered sentences by paragraph, and every line or paragraph left out, with why.

    PATH is a file, a folder, an http(s) URL, or - for standard input.
    """
    from .inspection import inspect as inspect_sources
    from .inspection import render_json, render_text

    run = _run()
    if not paths:
        raise click.UsageError("name at least one PATH to inspect")
    with _connected(Engine(run.registry, _settings(run, None, None, None, None, None), None)) as engine:
        inspected, unreadable = inspect_sources(engine, paths)
    click.echo(render_json(inspected) if format_name == "json" else render_text(inspected), nl=False)
    _report(unreadable, "error")
    failed = unreadable or any(i.problems for i in inspected)
    return EXIT_PARTIAL if failed else EXIT_OK


@cache.command("info")
def cache_info() -> int:
    """Where the cache is and how big."""
    folder = _cache_folder()
    found = _open_cache(folder)
    if isinstance(found, str):
        click.echo(folder / CACHE_FILE)
        _say("error", f"the cache cannot be read ({found}); 'briefing cache clear' moves it aside")
        return EXIT_PARTIAL
    entries, size = found.size()
    off = "" if _run().config.cache else " (off: cache = false in the config)"
    click.echo(f"{found.path}{off}\n{entries} results, {size / 2**20:.1f} MiB")
    models = default_folder() / "models"
    if models.is_dir():
        kept = sum(p.stat().st_size for p in models.rglob("*") if p.is_file())
        click.echo(f"{models}\nthe language model, unpacked: {kept / 2**20:.1f} MiB (made again when deleted)")
    return EXIT_OK


@cache.command("clear")
def cache_clear() -> int:
    """Forget every cached result (a cache that cannot be read is moved aside)."""
    folder = _cache_folder()
    found = _open_cache(folder)
    if isinstance(found, str):
        moved = set_aside(folder)
        _say("warning", f"the cache could not be read ({found}); moved it to {moved}")
        click.echo(f"briefing: started an empty cache in {folder}", err=True)
        return EXIT_OK
    click.echo(f"briefing: forgot {found.clear()} cached results in {found.folder}", err=True)
    return EXIT_OK


for command in (brief, read, inspect, evaluate, plugins, cache):
    cli.add_command(command)


# -- running it ------------------------------------------------------------------------------------


def _config_option(arguments: Sequence[str]) -> str | None:
    """``--config FILE`` before the command, read ahead so plugins can be loaded before parsing."""
    for index, argument in enumerate(arguments):
        if argument == "--config" and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith("--config="):
            return argument.split("=", 1)[1]
        if not argument.startswith("-"):
            return None
    return None


def with_plugin_commands(host: PluginHost) -> click.Group:
    """The command line with every plugin's ``register_commands`` applied (to a copy: the
    module's ``cli`` keeps only briefing's own commands)."""
    group = copy.copy(cli)
    group.commands = dict(cli.commands)
    host.register_commands(group)
    return group


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        config = load_config(find_config(_config_option(arguments)))
    except ConfigError as exc:
        _say("config error", str(exc))
        return EXIT_USAGE
    run = Run(config, PluginHost(config.plugins))
    try:
        result: Any = with_plugin_commands(run.host).main(
            arguments, prog_name="briefing", standalone_mode=False, obj=run
        )
    except click.exceptions.Exit as exc:  # --help, --version
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        return 130
    except ConfigError as exc:
        _say("config error", str(exc))
        return EXIT_USAGE
    except UsageError as exc:
        _say("error", str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return result if isinstance(result, int) else EXIT_OK
