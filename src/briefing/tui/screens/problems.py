"""Every problem of the run in one place: failed sources and plugins, and warnings, with causes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from ...models import Problem
from ...wording import counted


def problem_label(kind: str, problem: Problem) -> Text:
    """``error  sources/x.txt`` over the cause, which wraps: at 80 columns the cause is what
    matters, and a table would cut it off."""
    label = Text(kind, style="bold red" if kind == "error" else "bold yellow")
    label.append("  ")
    label.append(problem.source, style="bold")
    label.append("\n")
    label.append(problem.message)
    return label


class ProblemsScreen(Screen[None]):
    """A list of what went wrong (errors) and what to know (warnings), each with its source."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="problems-back")]

    DEFAULT_CSS = """
    ProblemsScreen #problems-title {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    ProblemsScreen OptionList {
        height: 1fr;
    }
    """

    def __init__(self, errors: Sequence[Problem], warnings: Sequence[Problem]):
        super().__init__()
        self.errors, self.warnings = list(errors), list(warnings)

    def compose(self) -> ComposeResult:
        count = len(self.errors) + len(self.warnings)
        title = (
            f"{counted(len(self.errors), 'error')}, {counted(len(self.warnings), 'warning')}"
            if count
            else "No problems."
        )
        yield Label(Text(title), id="problems-title")
        yield OptionList(
            *(
                Option(problem_label(kind, problem))
                for kind, problems in (("error", self.errors), ("warning", self.warnings))
                for problem in problems
            ),
            id="problems",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
