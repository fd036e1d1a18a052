"""Dates read from a document's text: the date a story gives itself at its top (a wire header, a
dateline "Saturday, January 8, 2005", "8. Januar 2005", "2005/01/08"), and the day a sentence's
"Friday" or "yesterday" means, counted back from that date as news writes it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

#: How far into a document its own date is looked for: a header, a dateline, a first paragraph.
HEAD_CHARACTERS = 400

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january januar janvier enero jan",
            "february februar février febrero feb",
            "march märz mars marzo mar",
            "april avril abril apr",
            "may mai mayo",
            "june juni juin junio jun",
            "july juli juillet julio jul",
            "august août agosto aug",
            "september septembre septiembre sep sept",
            "october oktober octobre octubre oct",
            "november novembre noviembre nov",
            "december dezember décembre diciembre dec",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d\d)[-/.](?P<day>\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:\.|er)?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
)
#: Day names (Monday first) and the words for today and yesterday, by language.
WEEKDAYS = {
    "en": ("monday tuesday wednesday thursday friday saturday sunday", "today", "yesterday"),
    "de": ("montag dienstag mittwoch donnerstag freitag samstag sonntag", "heute", "gestern"),
    "fr": ("lundi mardi mercredi jeudi vendredi samedi dimanche", "aujourd'hui", "hier"),
    "es": ("lunes martes miércoles jueves viernes sábado domingo", "hoy", "ayer"),
}


#: Words of time (months, days, today, yesterday) in every language above, lower-cased: when a
#: thing happened, never what it is about or who did it.
TIME_WORDS = frozenset(MONTHS) | {
    w for days, today, yesterday in WEEKDAYS.values() for w in (*days.split(), today, yesterday)
}
#: Time zones as news writes them after a time ("10:30 UTC", "at 9pm BST"), lower-cased: when, too.
TIME_ZONES = frozenset("utc gmt bst cet cest eet eest wet est edt cst cdt mst mdt pst pdt jst aest aedt".split())


def date_in_text(text: str) -> str | None:
    """The first whole date (day, month and year) near the top of ``text``, as ``YYYY-MM-DD``."""
    head = text[:HEAD_CHARACTERS]
    found: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        match = pattern.search(head)
        if match is None:
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else MONTHS[month.lower()]
        try:
            found.append((match.start(), date(int(match.group("year")), number, int(match.group("day"))).isoformat()))
        except ValueError:
            continue
    return min(found)[1] if found else None


def day_meant(sentence: str, dated: str | None, language: str) -> str | None:
    """The day a sentence's first weekday, "today" or "yesterday" means, as ``YYYY-MM-DD``, counted
    from ``dated`` (the document's date): a weekday is the last such day on or before it."""
    if not dated:
        return None
    try:
        day = date.fromisoformat(dated[:10])
    except ValueError:
        return None
    names, today, yesterday = WEEKDAYS.get(language, WEEKDAYS["en"])
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", sentence.lower())
    for word in words:
        if word == today:
            return day.isoformat()
        if word == yesterday:
            return (day - timedelta(days=1)).isoformat()
        if word in names.split():
            back = (day.weekday() - names.split().index(word)) % 7
            return (day - timedelta(days=back)).isoformat()
    return None
