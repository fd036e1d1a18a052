"""The command line: a thin layer over the pipeline, the plugins and the exporters.

Exit codes: 0 success, 1 some sources or plugins failed (each reported on stderr, the rest
briefed), 2 usage or config errors.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .cache import Cache, default_folder
from .config import Config, ConfigError, find_config, line_of_key, load_config
from .engine.runner import Engine
from .engine.settings import GROUPINGS, Length, Settings
from .models import Problem
from .output import write_output
from .plugins import PluginHost, Registry
from .scaffold import KINDS, ScaffoldError, new_plugin
from .version import __version__

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
#: The sample sources beside src/ in a checkout (an editable install).
BUNDLED_SOURCES = Path(__file__).resolve().parent.parent.parent / "sources"


class UsageError(Exception):
    """Bad arguments or settings: exit code 2."""


def _say(kind: str, message: str) -> None:
    print(f"briefing: {kind}: {message}", file=sys.stderr)


def _ratio(value: str) -> float:
    try:
        ratio = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < ratio <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1")
    return ratio


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


COMMANDS = ("brief", "read", "evaluate", "plugins", "cache")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description="Load sources, group them by topic, summarize them and export briefs."
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--config", metavar="FILE", help="config file (default: ./briefing.toml, then the user's)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    brief = commands.add_parser("brief", help="brief sources and write the result")
    brief.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin")
    brief.add_argument("--topic", metavar="NAME", help="only this topic")
    brief.add_argument("--summarizer", metavar="NAME", help="summarizer plugin (see 'briefing plugins list')")
    length = brief.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=_positive, metavar="N", help="sentences per summary")
    length.add_argument("--ratio", type=_ratio, metavar="R", help="share of each document's sentences, 0 < R <= 1")
    brief.add_argument("--grouping", choices=GROUPINGS, help="group sources by content (default) or by folder")
    brief.add_argument("--format", default="text", metavar="NAME", help="exporter: text, markdown, json, ...")
    brief.add_argument("-o", "--output", default="-", metavar="FILE", help="output file (default: stdout)")
    _run_options(brief)

    read = commands.add_parser("read", help="open the reading room (the default command)")
    read.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin")
    read.add_argument("--summarizer", metavar="NAME", help="summarizer plugin to start with")
    read.add_argument("--grouping", choices=GROUPINGS, help="group sources by content (default) or by folder")
    _run_options(read)

    evaluate = commands.add_parser("evaluate", help="score summarizers with ROUGE against reference summaries")
    evaluate.add_argument("folder", metavar="FOLDER", help="documents, each with NAME.ref.txt beside it")
    evaluate.add_argument(
        "--summarizer", action="append", metavar="NAME", help="a summarizer to score (repeat; default: all)"
    )
    evaluate.add_argument("--sentences", type=_positive, metavar="N", help="summary length (default: the reference's)")
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help="a table, or JSON for scripts")

    plugins = commands.add_parser("plugins", help="list, check and start plugins")
    plugin_commands = plugins.add_subparsers(dest="plugins_command", metavar="COMMAND", required=True)
    plugin_commands.add_parser("list", help="each plugin's name, kind, origin, version and API version")
    check = plugin_commands.add_parser("check", help="run the conformance checks on an installed plugin")
    check.add_argument("name", metavar="NAME", help="the plugin's name (as in 'briefing plugins list')")
    check.add_argument("--kind", choices=(*KINDS, "cleaner"), help="when several kinds share the name")
    new = plugin_commands.add_parser("new", help="write a new plugin package to start from")
    new.add_argument("name", metavar="NAME", help="the plugin's name: lower-case letters, digits, hyphens")
    new.add_argument("--kind", choices=KINDS, required=True, help="what the plugin is")
    new.add_argument("--dir", default=".", metavar="PATH", help="where to put the package folder (default: here)")
    cache = commands.add_parser("cache", help="show or empty the result cache")
    cache_commands = cache.add_subparsers(dest="cache_command", metavar="COMMAND", required=True)
    cache_commands.add_parser("info", help="where the cache is and how big")
    cache_commands.add_parser("clear", help="forget every cached result")
    return parser


def _run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    parser.add_argument(
        "--workers", type=int, metavar="N", help="processes for per-document work (default: one per core)"
    )


def _cache(config: Config, args: argparse.Namespace | None = None) -> Cache | None:
    """The result cache the config asks for, or ``None`` when it is off or cannot be opened."""
    if not config.cache or (args is not None and args.no_cache):
        return None
    folder = config.cache_dir or default_folder()
    try:
        return Cache(folder)
    except (OSError, sqlite3.Error) as exc:
        _say("warning", f"cache {folder} cannot be used ({exc}); briefing without it")
        return None


def _registry(config: Config) -> Registry:
    registry = PluginHost(config.plugins).registry()
    for failure in registry.failures:
        _say("error", f"plugin {failure.plugin!r} ({failure.origin}) failed to load: {failure.error}")
    return registry


def _check_name(registry: Registry, config: Config, kind: str, name: str, key: str, from_cli: bool) -> None:
    if name in registry.entries[kind]:
        return
    known = ", ".join(sorted(registry.entries[kind]))
    message = f"no {kind} named {name!r} (available: {known})"
    if from_cli or config.path is None:
        raise UsageError(message)
    raise ConfigError(config.path, message, line_of_key(config, key), key)


def _settings(args: argparse.Namespace, config: Config, registry: Registry) -> Settings:
    """The config's settings with ``--summarizer`` and ``--grouping`` applied, plugin names checked."""
    settings = config.settings
    if args.summarizer:
        settings = replace(settings, summarizer=args.summarizer)
    if args.grouping:
        settings = replace(settings, grouping=args.grouping)
    if args.workers is not None:
        if args.workers < 0:
            raise UsageError("--workers must be 0 (one per core) or more")
        settings = replace(settings, workers=args.workers)
    _check_name(registry, config, "summarizer", settings.summarizer, "summarizer", bool(args.summarizer))
    for tagger in settings.taggers or ():
        _check_name(registry, config, "tagger", tagger, "taggers", False)
    for cleaner in settings.cleaners or ():
        _check_name(registry, config, "cleaner", cleaner, "cleaners", False)
    return settings


def _report(problems: Sequence[Problem], kind: str) -> None:
    for problem in problems:
        _say(kind, f"{problem.source}: {problem.message}")


def run_brief(args: argparse.Namespace, config: Config) -> int:
    registry = _registry(config)
    settings = _settings(args, config, registry)
    if args.sentences:
        settings = replace(settings, length=Length(sentences=args.sentences))
    elif args.ratio:
        settings = replace(settings, length=Length(sentences=None, ratio=args.ratio))
    _check_name(registry, config, "exporter", args.format, "format", True)
    paths = args.paths or default_sources(config)

    engine = Engine(registry, settings, _cache(config, args))
    briefing = engine.run(paths, topic=args.topic)
    if args.topic and not briefing.briefs:
        raise UsageError(f"no topic named {args.topic!r} in {', '.join(paths)}")
    text = engine.export(briefing, args.format)
    try:
        write_output(args.output, text)
    except OSError as exc:
        _say("error", f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_PARTIAL
    _report(briefing.errors, "error")
    _report(briefing.warnings, "warning")
    if args.output not in ("-", "/dev/stdout"):
        print(f"briefing: wrote {args.format} to {args.output}", file=sys.stderr)
    return EXIT_PARTIAL if briefing.errors or registry.failures else EXIT_OK


def default_sources(config: Config) -> list[str]:
    """The config's sources, else ./sources, else the sample sources of this checkout."""
    if config.sources:
        return list(config.sources)
    for candidate in (Path("sources"), BUNDLED_SOURCES):
        if candidate.is_dir():
            return [str(candidate)]
    raise UsageError("no sources given, none in the config, and no sources/ folder here")


def run_read(args: argparse.Namespace, config: Config) -> int:
    from .session import Session
    from .tui.app import BriefingApp

    registry = _registry(config)
    settings = _settings(args, config, registry)
    session = Session(Engine(registry, settings, _cache(config, args)), args.paths or default_sources(config))
    BriefingApp(session, keymap=config.keys).run()
    _report(session.problems, "error")
    return EXIT_PARTIAL if session.problems else EXIT_OK


def run_plugins_list(config: Config) -> int:
    registry = _registry(config)
    rows = [("NAME", "KIND", "ORIGIN", "PLUGIN", "VERSION", "API")]
    for entry in sorted(registry.all(), key=lambda e: (e.kind, e.name)):
        api = "built-in" if entry.origin == "built-in" else str(entry.cls.api_version or "?")
        rows.append((entry.name, entry.kind, entry.origin, entry.plugin, entry.version or "-", api))
    _table(rows)
    return EXIT_PARTIAL if registry.failures else EXIT_OK


def _table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def run_evaluate(args: argparse.Namespace, config: Config) -> int:
    from .evaluate import evaluate, load_cases  # rouge-score is only needed here

    registry = _registry(config)
    names = args.summarizer or registry.names("summarizer")
    for name in names:
        _check_name(registry, config, "summarizer", name, "summarizer", True)
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    engine = Engine(registry, config.settings)
    cases, problems = load_cases(folder, engine)
    if not cases:
        _report(problems, "error")
        raise UsageError(f"no document with a reference summary in {folder} (NAME.txt beside NAME.ref.txt)")
    scores, failed = evaluate(engine, cases, names, Length(args.sentences) if args.sentences else None)
    scores.sort(key=lambda s: (-s.rouge1, s.summarizer))
    if args.format == "json":
        print(json.dumps([vars(s) for s in scores], indent=2))
    else:
        print(
            f"{len(cases)} documents; summaries as long as {'the references' if not args.sentences else args.sentences}"
        )
        rows = [("SUMMARIZER", "ROUGE-1", "ROUGE-2", "ROUGE-L", "DOCUMENTS")]
        rows += [
            (s.summarizer, f"{s.rouge1:.3f}", f"{s.rouge2:.3f}", f"{s.rougeL:.3f}", str(s.documents)) for s in scores
        ]
        _table(rows)
    _report(problems + failed, "error")
    return EXIT_PARTIAL if problems or failed else EXIT_OK


def run_plugins_check(args: argparse.Namespace, config: Config) -> int:
    """Run the conformance checks of :mod:`briefing.testing` on every plugin called NAME."""
    from .testing import CHECKS  # imports the built-ins' samples: only when checking

    registry = _registry(config)
    entries = [e for e in registry.all() if e.name == args.name and (args.kind is None or e.kind == args.kind)]
    if not entries:
        failed = [f for f in registry.failures if f.plugin == args.name]
        if failed:
            raise UsageError(f"plugin {args.name!r} did not load: {failed[0].error}")
        raise UsageError(f"no plugin named {args.name!r} (see 'briefing plugins list')")
    worst = EXIT_OK
    for entry in entries:
        print(f"{entry.kind} {entry.name!r} ({entry.origin}{', ' + entry.version if entry.version else ''})")
        settings = config.settings.plugin_settings.get(entry.name)
        for result in CHECKS[entry.kind](entry.cls, settings=settings):
            mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}[result.status]
            print(f"  {mark}  {result.check}{': ' + result.detail if result.detail else ''}")
            if result.status == "fail":
                worst = EXIT_PARTIAL
    return worst


def run_cache(args: argparse.Namespace, config: Config) -> int:
    cache = _cache(config)
    if cache is None:
        raise UsageError("the cache is off (cache = false in the config)")
    if args.cache_command == "clear":
        print(f"briefing: forgot {cache.clear()} cached results in {cache.folder}", file=sys.stderr)
    else:
        entries, size = cache.size()
        print(f"{cache.path}\n{entries} results, {size / 2**20:.1f} MiB")
    return EXIT_OK


def run_plugins_new(args: argparse.Namespace) -> int:
    try:
        root = new_plugin(args.name, args.kind, Path(args.dir))
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    print(f"briefing: wrote the {args.kind} plugin {args.name!r} to {root}", file=sys.stderr)
    print(f"  install it:  pip install -e {root}\n  test it:     cd {root} && pytest", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    # "read" is the default command: "briefing notes/" means "briefing read notes/".
    first = next((i for i, a in enumerate(arguments) if not a.startswith("-")), None)
    if first is not None and arguments[first] not in COMMANDS and (first == 0 or arguments[first - 1] != "--config"):
        arguments.insert(first, "read")
    args = parser.parse_args(arguments)
    if args.command is None:
        args = parser.parse_args([*arguments, "read"])
    try:
        config = load_config(find_config(args.config))
        if args.command == "brief":
            return run_brief(args, config)
        if args.command == "read":
            return run_read(args, config)
        if args.command == "evaluate":
            return run_evaluate(args, config)
        if args.command == "cache":
            return run_cache(args, config)
        if args.plugins_command == "check":
            return run_plugins_check(args, config)
        if args.plugins_command == "new":
            return run_plugins_new(args)
        return run_plugins_list(config)
    except ConfigError as exc:
        _say("config error", str(exc))
        return EXIT_USAGE
    except UsageError as exc:
        _say("error", str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
