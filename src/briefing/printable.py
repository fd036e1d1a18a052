"""Strings on their way to a terminal or a text export: nothing in them may act on the terminal.

Anything briefing prints may come from outside: a document, but also a file name, a URL, a
server's reason phrase or content type, a plugin's error message, a key of a config file. One
function, :func:`printable`, takes out of all of them what a terminal would obey rather than
show (escape sequences that set the title, write the clipboard or clear the screen; control
characters; BiDi overrides that reorder what the reader sees), and every writer uses it: the
command line's messages and output, the text and markdown exports, ``inspect`` and the
reading room. :func:`one_line` also bounds a name to a length a screen can hold.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-character escapes.
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
# C0 and C1 controls except tab and newline (a lone carriage return rewrites the line it is on);
# BiDi embeddings, overrides and isolates and the marks; zero-width characters, the soft hyphen
# and the byte-order mark.
CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]"
)
#: The longest name (a topic, a title) shown whole; a longer one is cut with an ellipsis.
NAME_LIMIT = 200


def printable(text: str) -> str:
    """``text`` without escape sequences, control characters (line breaks and tabs stay) or
    BiDi controls."""
    if text.isprintable():  # the usual case: nothing to take out (line breaks and tabs are not)
        return text
    return CONTROLS.sub("", ESCAPES.sub("", text.replace("\r\n", "\n")))


def one_line(text: str, limit: int = NAME_LIMIT) -> str:
    """``text`` printable, on one line, and at most ``limit`` characters (cut with ``…``)."""
    line = " ".join(printable(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
