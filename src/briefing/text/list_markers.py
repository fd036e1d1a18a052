"""What marks a list item, said once for the line reader, the layout and the sentence rules.

A marker is a label and its closing mark (``1.``, ``2)``, ``3.)``, ``(4)``, ``a.``, ``b.)``,
``ii.``, ``IV)``) or a bullet (``-``, ``*``, ``•``). A plain text's lists are only this layout,
so the three readers of it must agree: a line the line reader keeps apart as an item is an item
to the layout, and a marker the splitter cut off is joined back onto its item.
"""

from __future__ import annotations

import re

#: A label and its closing mark: a number, a letter or a roman numeral, then ``.``, ``)`` or ``.)``.
LABEL = r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})(?:\.\)|[.)])"
#: Symbols that mark list items.
BULLETS = "-*•‣◦▪●–"
#: A line or block that starts with a list item's marker.
ITEM = re.compile(rf"(?:{LABEL}|[{re.escape(BULLETS)}])\s")
#: A piece of text that is a marker alone, as a splitter leaves it: ``2.``, ``b.)``, ``ii.``,
#: ``• 9.``, ``•``. ``o.)`` alone (from ``(s. o.)``) is left to the bracket rule before this one.
ALONE = re.compile(rf"^(?:(?:[-*•]\s)?{LABEL}|[-*•])$")

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def is_item(line: str) -> bool:
    """``a) foo``, ``• 9. The first item``, ``ii. First``: a line that starts with a list marker."""
    return bool(ITEM.match(line))


def roman(label: str) -> int | None:
    """The value of a lower-case roman numeral up to ``l``; ``None`` for anything else."""
    if not label or any(c not in _ROMAN for c in label):
        return None
    values = [_ROMAN[c] for c in label]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def follows(previous: str, label: str) -> bool:
    """``label`` is the one after ``previous`` in the same list: ``2`` after ``1``, ``b`` after
    ``a``, ``ii`` after ``i`` (a list that started at ``i`` counts in roman numerals)."""
    if previous.isdigit():
        return label.isdigit() and int(label) == int(previous) + 1
    before, after = roman(previous), roman(label)
    if before is not None and after is not None and (len(previous) > 1 or len(label) > 1 or previous == "i"):
        return after == before + 1
    return len(previous) == len(label) == 1 and ord(label) == ord(previous) + 1
