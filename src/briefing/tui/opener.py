"""Where ``o`` sends the reader: a link to the browser, a file to the editor or pager.

Deciding is kept apart from doing, so the choice can be checked without a terminal: the screen
asks :func:`how_to_open` and then opens the URL or runs the command with the terminal handed
over (``App.suspend``).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import webbrowser
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported

from ..models import Document

#: Tried in this order when neither ``$EDITOR`` nor ``$PAGER`` is set.
FALLBACK_PAGERS = ("less", "more")


@dataclass(frozen=True)
class Opening:
    """A URL for the browser, or a command to run in the terminal; ``problem`` when neither."""

    url: str | None = None
    command: tuple[str, ...] = ()
    problem: str | None = None


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def how_to_open(document: Document, environ: Mapping[str, str] = os.environ) -> Opening:
    """The document's link (a feed entry's page, or the URL it was read from) in the browser;
    otherwise its file in ``$EDITOR``, else ``$PAGER``, else ``less`` or ``more``."""
    for candidate in (document.link, document.origin):
        if candidate and _is_url(candidate):
            return Opening(url=candidate)
    path = Path(document.origin)
    if document.origin == "-" or not path.is_file():
        return Opening(problem=f"{document.origin} is not a file or a link, so there is nothing to open")
    for variable in ("EDITOR", "PAGER"):
        command = environ.get(variable, "").strip()
        if command:
            return Opening(command=(*shlex.split(command), str(path)))
    for pager in FALLBACK_PAGERS:
        found = shutil.which(pager)
        if found:
            return Opening(command=(found, str(path)))
    return Opening(problem=f"Set $EDITOR or $PAGER to open {path}")


def has_browser() -> bool:
    """Whether Python's ``webbrowser`` finds a browser to run (none on a server over SSH, say:
    then opening a link silently does nothing)."""
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def open_document(app: App[Any], document: Document) -> None:
    """Open ``document`` as :func:`how_to_open` says, telling the reader what happened."""
    opening = how_to_open(document)
    if opening.problem:
        app.notify(opening.problem, severity="warning", markup=False)
    elif opening.url:
        if not app.is_web and not has_browser():
            app.notify(f"No browser found here. The link: {opening.url}", severity="warning", markup=False)
            return
        app.open_url(opening.url)
        app.notify(f"Opened {opening.url} in the browser", markup=False)
    else:
        try:
            with app.suspend():  # the editor or pager gets the terminal, then the reading room is back
                subprocess.run(opening.command, check=False)
        except SuspendNotSupported:
            app.notify(f"This terminal cannot be handed over; open {document.origin} yourself", markup=False)
        except OSError as exc:
            app.notify(f"Cannot run {opening.command[0]}: {exc}", severity="error", markup=False)
