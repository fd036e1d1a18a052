"""``briefing trust``: use the local plugins and rules a folder's own ``briefing.toml`` names."""

from __future__ import annotations

from pathlib import Path

import click

from ..config import CONFIG_NAME, ConfigError, load_config
from ..trust import trust as record_trust
from .shared import EXIT_CODES, EXIT_OK, EXIT_USAGE, _say, echo


@click.command("trust", epilog=EXIT_CODES)
@click.argument("config", required=False, type=click.Path(dir_okay=False, path_type=Path))
def trust(config: Path | None) -> int:
    """Trust CONFIG (default: ./briefing.toml) as it is now: the local plugins and [settings.rules]
    it names are used when briefing runs in its folder. A config found in the current folder is
    otherwise read without them, as they run what whoever wrote the folder chose; a changed file
    needs trusting again."""
    path = config or Path(CONFIG_NAME)
    try:
        named = load_config(path, trusted=False).withheld
    except ConfigError as exc:
        _say("config error", str(exc))
        return EXIT_USAGE
    try:
        record_trust(path)
    except OSError as exc:
        _say("error", f"cannot record the trust ({exc.strerror or exc})")
        return EXIT_USAGE
    what = " and ".join(named) if named else "nothing that runs code (no plugins, no rules)"
    echo(f"briefing: trusted {path.resolve()} as it is now; it names {what}", err=True)
    return EXIT_OK
