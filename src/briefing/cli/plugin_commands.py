"""``briefing plugins``: list, check, scaffold, install and uninstall plugins."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from ..interfaces import KINDS
from ..plugins import PluginHost
from ..scaffold import ScaffoldError, new_plugin
from .shared import (
    EXIT_CODES,
    EXIT_OK,
    EXIT_PARTIAL,
    UsageError,
    _run,
    echo,
    print_table,
)


@click.group(epilog=EXIT_CODES)
def plugins() -> None:
    """List, check, start, install and uninstall plugins."""


@plugins.command("list")
def plugins_list() -> int:
    """Each plugin's name, kind, origin, version and API version."""
    registry = _run().registry
    rows = [("NAME", "KIND", "ORIGIN", "PLUGIN", "VERSION", "API")]
    for entry in sorted(registry.all(), key=lambda e: (e.kind, e.name)):
        api = "built-in" if entry.origin == "built-in" else str(entry.cls.api_version or "?")
        rows.append((entry.name, entry.kind, entry.origin, entry.plugin, entry.version or "-", api))
    print_table(rows)
    return EXIT_PARTIAL if registry.failures else EXIT_OK


@plugins.command("check")
@click.argument("name")
@click.option("--kind", type=click.Choice(tuple(KINDS)), help="When several kinds share the name.")
def plugins_check(name: str, kind: str | None) -> int:
    """Run the conformance checks on an installed plugin called NAME."""
    from ..testing import CHECKS  # imports the built-ins' samples: only when checking

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
            echo(f"(not checked: the built-in {entry.kind} {name!r}; --kind {entry.kind} checks it)")
        entries = [e for e in entries if e.origin != "built-in"]
    worst = EXIT_OK
    for entry in entries:
        echo(f"{entry.kind} {entry.name!r} ({entry.origin}{', ' + entry.version if entry.version else ''})")
        for result in CHECKS[entry.kind](entry.cls, settings=run.config.settings.plugin_settings.get(entry.name)):
            mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}[result.status]
            echo(f"  {mark}  {result.check}{': ' + result.detail if result.detail else ''}")
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
    echo(f"briefing: wrote the {kind} plugin {name!r} to {root}", err=True)
    echo(f"  install it:  pip install -e {root}\n  test it:     cd {root} && pytest", err=True)
    return EXIT_OK


#: Unknown options go to pip as they are (``--no-deps``, ``--index-url URL``, ``--target DIR``).
_PIP_OPTIONS = {"ignore_unknown_options": True, "allow_extra_args": True}


def _pip(*arguments: str) -> int:
    """pip in the environment briefing runs in, which is where it looks for plugins: the one to
    use when briefing was installed with pipx or uv tool (as ``llm install`` does)."""
    done = subprocess.run([sys.executable, "-m", "pip", *arguments], check=False)
    return EXIT_OK if done.returncode == 0 else EXIT_PARTIAL


@plugins.command("install", context_settings=_PIP_OPTIONS)
@click.argument("packages", nargs=-1)
@click.option("-e", "--editable", "editable", metavar="PATH", help="Install a plugin folder as editable.")
@click.option("-U", "--upgrade", is_flag=True, help="Upgrade the packages to their newest versions.")
@click.pass_context
def plugins_install(ctx: click.Context, packages: tuple[str, ...], editable: str | None, upgrade: bool) -> int:
    """Install plugin PACKAGES (names, paths or URLs) into briefing's own environment with pip;
    other options are pip's."""
    if not packages and not editable:
        raise UsageError("name a plugin package to install (or -e PATH)")
    arguments = ["install", *(["--upgrade"] if upgrade else []), *(["-e", editable] if editable else [])]
    code = _pip(*arguments, *packages, *ctx.args)
    if code == EXIT_OK:
        echo("briefing: installed; 'briefing plugins list' shows what it added", err=True)
    return code


@plugins.command("uninstall", context_settings=_PIP_OPTIONS)
@click.argument("packages", nargs=-1, required=True)
@click.option("-y", "--yes", is_flag=True, help="Do not ask before removing.")
@click.pass_context
def plugins_uninstall(ctx: click.Context, packages: tuple[str, ...], yes: bool) -> int:
    """Uninstall plugin PACKAGES from briefing's own environment with pip."""
    return _pip("uninstall", *(["--yes"] if yes else []), *packages, *ctx.args)
