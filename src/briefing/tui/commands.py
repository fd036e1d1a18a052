"""The command palette's briefing commands: the active screen's own keys, by name.

Every binding of the screen under the palette that has a description becomes a command (its
tooltip is the help line), run as if its key were pressed. So the palette always offers what the
screen offers, and a new key needs no palette entry of its own. A key whose name is one of
Textual's own commands ("Quit") is left to Textual's, so no name is listed twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen


def screen_commands(screen: Screen[object]) -> Iterator[tuple[str, str, Binding]]:
    """``(title, help, binding)`` for each of the screen's bindings that can run now."""
    textual_own = {command.title for command in screen.app.get_system_commands(screen)}
    for binding in screen.BINDINGS:
        if not isinstance(binding, Binding) or not binding.description or binding.description in textual_own:
            continue
        name, _, _ = binding.action.partition("(")
        if "." not in name and screen.check_action(name, ()) is False:
            continue
        yield binding.description, binding.tooltip, binding


class ScreenCommands(Provider):
    """Palette commands for the keys of the screen the palette was opened over."""

    def _run(self, binding: Binding) -> Callable[[], Awaitable[None]]:
        return partial(self.screen.run_action, binding.action)

    async def discover(self) -> Hits:
        for title, help_text, binding in screen_commands(self.screen):
            yield DiscoveryHit(title, self._run(binding), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, binding in screen_commands(self.screen):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._run(binding), help=help_text)
