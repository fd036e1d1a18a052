"""Exporting the topic on screen (``e``): ask for a path and an exporter, check the folder, confirm
before replacing a file, then write atomically in a worker and say where. Nothing here blocks
the reading room, and a failure is a notice, never a crash."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ...output import write_atomically
from ...session import TopicState
from .dialogs import ConfirmScreen, ExportScreen

if TYPE_CHECKING:
    from .main import MainScreen


def slug(name: str) -> str:
    """A file name from a topic name: ``coral, reef, bleached`` -> ``coral-reef-bleached``."""
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "brief"


class ExportFlow:
    """One export of the main screen's current topic, from the question to the notice."""

    def __init__(self, screen: MainScreen):
        self.screen = screen
        self.exporters = dict(screen.session.exporters())

    def start(self) -> None:
        topic = self.screen.view.topic
        if topic is None or not topic.loaded:
            self.screen.notify("Nothing to export yet.", severity="warning")
            return
        default = f"{slug(topic.name)}.txt"
        dialog = ExportScreen(topic.name, list(self.exporters.items()), default)
        self.screen.app.push_screen(dialog, partial(self.chosen, topic))

    def chosen(self, topic: TopicState, answer: tuple[str, str] | None) -> None:
        if not answer:
            return
        target, exporter = Path(answer[0]).expanduser(), answer[1]
        by_suffix = {suffix: name for name, suffix in self.exporters.items()}
        if target.suffix != self.exporters.get(exporter) and target.suffix in by_suffix:
            exporter = by_suffix[target.suffix]  # brief.md is markdown, whatever was selected
        if not target.parent.is_dir():
            self.screen.notify(f"Not exported: there is no folder {target.parent}", severity="error", markup=False)
        elif target.is_dir():
            self.screen.notify(f"Not exported: {target} is a folder", severity="error", markup=False)
        elif target.exists():
            question = f"{target} exists. Replace it with the {exporter} brief of {topic.name}?"

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write(topic, target, exporter)

            self.screen.app.push_screen(ConfirmScreen(question), confirmed)
        else:
            self.write(topic, target, exporter)

    def write(self, topic: TopicState, target: Path, exporter: str) -> None:
        self.screen.run_worker(partial(self._write, topic, target, exporter), thread=True, group="export")

    def _write(self, topic: TopicState, target: Path, exporter: str) -> None:
        screen, view = self.screen, self.screen.view
        try:
            write_atomically(target, screen.session.export(topic, view.summarizer_name, view.length, exporter))
        except Exception as exc:  # report, never crash the reading room
            screen.app.call_from_thread(screen.notify, f"Export failed: {exc}", severity="error", markup=False)
            return
        message = f"Wrote the {exporter} brief of {topic.name} to {target}"
        screen.app.call_from_thread(screen.notify, message, markup=False)
