"""The main screen's keys. The screen owns them (:attr:`MainScreen.BINDINGS` is this list); they
sit here so the screen's module holds its behaviour. Each binding's description is its footer
label and its palette command, its tooltip the palette's help line (:mod:`briefing.tui.commands`),
its id what ``[keys]`` in ``briefing.toml`` remaps. Help and quit come first, so they show however
narrow the terminal is."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MAIN_BINDINGS: list[BindingType] = [
    Binding("question_mark,f1", "help", "Help", id="help", tooltip="Keys and what the screen shows"),
    Binding("q", "app.quit", "Quit", id="quit", tooltip="Leave the reading room"),
    Binding("n,pagedown", "topic(1)", "Next topic", id="next-topic", tooltip="Show the next topic"),
    Binding(
        "p,pageup",
        "topic(-1)",
        "Previous topic",
        id="previous-topic",
        tooltip="Show the previous topic",
        show=False,
    ),
    Binding(
        "left,h",
        "page(-1)",
        "Page left",
        id="page-left",
        tooltip="The previous documents of this topic",
        show=False,
    ),
    Binding(
        "right,l", "page(1)", "Page right", id="page-right", tooltip="The next documents of this topic", show=False
    ),
    Binding(
        "plus,equals_sign", "length(1)", "Longer", id="longer", tooltip="One more sentence per summary", show=False
    ),
    Binding("minus", "length(-1)", "Shorter", id="shorter", tooltip="One sentence less per summary", show=False),
    Binding("s", "choose_summarizer", "Summarizer", id="summarizer", tooltip="Pick the summarizer plugin"),
    Binding(
        "t", "filter_theme", "Theme filter", id="theme", tooltip="Only documents with a theme, its evidence marked"
    ),
    Binding("b", "brief", "Brief", id="brief", tooltip="The topic's themes and key points on the whole screen"),
    Binding("v", "coverage", "Coverage", id="coverage", tooltip="Which document covers which theme, as a matrix"),
    Binding("w", "news", "New", id="news", tooltip="What is new: unread documents' new points, and the timeline"),
    Binding("a", "ask", "Ask", id="ask", tooltip="Ask the sources a question; the sentences that answer it"),
    Binding("slash", "search", "Search", id="search", tooltip="Find sentences across all sources"),
    Binding("c", "compare", "Compare", id="compare", tooltip="One document, several summarizers side by side"),
    Binding("e", "export", "Export", id="export", tooltip="Write this topic's brief to a file"),
    Binding("enter", "read", "Read", id="read", tooltip="Open the full text of the focused document", show=False),
    Binding("r", "reload", "Reload", id="reload", tooltip="Read the sources again; only changed ones are redone"),
    Binding(
        "o",
        "open",
        "Open",
        id="open",
        tooltip="The focused document's link in the browser, or its file",
        show=False,
    ),
    Binding(
        "u",
        "toggle_read",
        "Read/unread",
        id="toggle-read",
        tooltip="Mark the focused document read or unread",
        show=False,
    ),
    Binding(
        "m",
        "mark_read",
        "Topic read",
        id="mark-topic-read",
        tooltip="Mark every document of this topic read",
        show=False,
    ),
    Binding(
        "M",
        "mark_read(True)",
        "All read",
        id="mark-all-read",
        tooltip="Mark every document of every topic read",
        show=False,
    ),
    Binding(
        "U",
        "unread_only",
        "Unread only",
        id="unread-only",
        tooltip="Show only unread documents; again: all",
        show=False,
    ),
    Binding(
        "f",
        "filter_topics",
        "Filter topics",
        id="filter-topics",
        tooltip="Type to narrow the topic list",
        show=False,
    ),
    Binding("ctrl+b", "sidebar", "Sidebar", id="sidebar", tooltip="Hide or show the topic list", show=False),
    Binding("escape", "close_filter", "Close filter", id="close-filter", show=False),
    Binding(
        "exclamation_mark",
        "problems",
        "Problems",
        id="problems",
        tooltip="Every failed source and plugin, and every warning",
    ),
]
