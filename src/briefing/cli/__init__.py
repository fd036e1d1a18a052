"""The command line: a thin layer over the engine, the plugins and the exporters.

Commands are click commands on one group whose default is ``read``, so ``briefing notes/`` and
``briefing --grouping folders notes/`` open the reading room. Plugins add commands through the
``register_commands(cli)`` hook. Exit codes: 0 success, 1 some sources or plugins failed (each
reported on stderr, the rest briefed), 2 usage or config errors.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence
from typing import Any

import click

from ..config import ConfigError, find_config, found_here, load_config
from ..plugins import PluginHost
from ..trust import is_trusted
from ..version import __version__
from .ask import ask
from .briefs import brief, inspect, read
from .cache_commands import cache
from .evaluate import evaluate
from .plugin_commands import plugins
from .shared import (
    EXIT_CODES,
    EXIT_OK,
    EXIT_USAGE,
    BriefingGroup,
    Run,
    UsageError,
    _say,
)
from .trust_command import trust


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


for command in (brief, read, ask, inspect, evaluate, plugins, cache, trust):
    cli.add_command(command)


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
    explicit = _config_option(arguments)
    path = find_config(explicit)
    try:
        trusted = explicit is not None or path is None or not found_here(path) or is_trusted(path)
        config = load_config(path, trusted=trusted)
    except ConfigError as exc:
        _say("config error", str(exc))
        return EXIT_USAGE
    if config.withheld and next((a for a in arguments if not a.startswith("-")), None) != "trust":
        _say(
            "warning",
            f"{path}, found in this folder, names {' and '.join(config.withheld)}: not used, as they would run "
            "what whoever wrote the folder chose; to use them, run 'briefing trust' here (again after the file "
            f"changes) or name the file: briefing --config {path} ...",
        )
    # --help and --version run no plugin code (plugins' own commands: 'briefing plugins list').
    only_asking = arguments[:1] in (["--help"], ["-h"], ["--version"])
    host = PluginHost(load_entry_points=False) if only_asking else PluginHost(config.plugins)
    run = Run(config, host)
    try:
        result: Any = with_plugin_commands(run.host).main(
            arguments, prog_name="briefing", standalone_mode=False, obj=run
        )
    except click.exceptions.Exit as exc:  # --help, --version
        return int(exc.exit_code)
    except click.UsageError as exc:  # said as every other error is: "briefing: error: ..."
        command = exc.ctx.command_path if exc.ctx else "briefing"
        _say("error", f"{exc.format_message()} (see '{command} --help')")
        return exc.exit_code
    except click.ClickException as exc:
        _say("error", exc.format_message())
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
