"""Whether a sentence can stand alone as a point of a brief, and the text a point shows.

A brief lifts sentences out of their documents, so a sentence that only makes sense in place is
no point: one about the text itself ("This article covers..."), an exclamation or a question, one
that opens by pointing back ("He said...", "This initiative...", "But...") to what the brief will
not show. Wire datelines and agency tags ("MUNICH, Germany (AP) _") and bylines are the page's,
not the point's. A line that ends on a stop word with no stop ("... the restart button for")
was cut off: no point either. A sentence with no punctuation can run for pages: a point shows at
most :data:`POINT_WORDS` words of it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .boundaries import SCRIPT_STOPS
from .list_markers import BULLETS
from .words import language_kit

#: The most words (and characters) a point shows of its sentence; the rest is cut with "…".
POINT_WORDS = 60
POINT_CHARACTERS = 480
#: Why a sentence that opens by pointing back is no point alone (its first word follows).
POINTS_BACK = "opens by pointing back"
#: Fewer words than this make no point ("Thank you.", "Read on.").
FEWEST_WORDS = 5

#: Words that open a sentence by pointing back to an earlier one: personal and demonstrative
#: pronouns and determiners, and connectives, in the languages briefing knows them for.
POINTING_BACK = {
    "en": frozenset(
        """he she it they we i you his her its their them this that these those such but and or so yet
        also however meanwhile moreover furthermore still then thus therefore instead besides
        nevertheless nonetheless otherwise likewise similarly additionally""".split()
    ),
    "de": frozenset(
        """er sie wir ich ihr ihm ihn ihre sein seine dies diese dieser dieses diesem diesen solche aber
        und oder doch jedoch auch zudem außerdem allerdings trotzdem dennoch deshalb daher damit
        dabei dazu darüber somit""".split()
    ),
    "fr": frozenset(
        """il elle ils elles je nous vous ce cela ceci cet cette ces son sa ses leur leurs mais et ou
        donc aussi pourtant cependant toutefois néanmoins ensuite alors ainsi""".split()
    ),
    "es": frozenset(
        """él ella ellos ellas yo nosotros esto este esta estos estas eso esa ese su sus pero y o también
        además sin embargo entonces así""".split()
    ),
}
#: Sentences about the text they stand in, not about the subject.
_ABOUT_ITSELF = re.compile(
    r"\b(?:this|the following|the present)\s+(?:thematic\s+)?(?:article|summary|breakdown|post|piece|"
    r"overview|section|page|blog|essay|write-?up|thread|newsletter|transcript)\b"
    r"|\b(?:dieser|diesem|diesen|dieses|diese|folgende[nrm]?)\s+(?:Artikel|Beitrag|Zusammenfassung|Text|"
    r"Überblick|Abschnitt|Seite|Blog)\b"
    r"|\b(?:cet|cette|ce)\s+(?:résumé|billet|section|page|blog)\b"
    r"|\b(?:este|esta)\s+(?:resumen|sección|página|blog)\b"
    r"|^(?:read more|click here|subscribe|sign up|share this|follow us)\b",
    re.IGNORECASE,
)
#: Texts that news also reports on ("This video was released...", "Cet épisode caniculaire", a
#: law's "cet article"): one is the text itself only when its author speaks to the reader in it
#: (:data:`_SPEAKER`): "In this episode we look at...".
_MEDIA = re.compile(
    r"\b(?:this|the following)\s+(?:video|episode|podcast)\b"
    r"|\b(?:dieser|diesem|diesen|dieses|diese|folgende[nrm]?)\s+(?:Video|Folge|Podcast)\b"
    r"|\b(?:cet|cette|ce)\s+(?:article|vidéo|épisode|podcast)\b"
    r"|\b(?:este|esta)\s+(?:artículo|vídeo|video|episodio)\b",
    re.IGNORECASE,
)
#: A word of the first or second person: the text's author, or its reader (not German "du" and
#: "ihr", which are also French "du" and German "her").
_SPEAKER = re.compile(
    r"(?<![\w-])(?:(?-i:I)|we|us|our|you|your|ich|wir|uns|unser\w*|euch|je|j['’]|nous|vous|notre|votre|yo|"
    r"nosotros|vosotros|usted(?:es)?|nuestr[oa]s?)(?![\w-])",  # not "Notre-Dame"
    re.IGNORECASE,
)
#: News agencies, as a dateline tags a story with them: the story's source, never its subject.
AGENCIES = frozenset(
    "AP AFP Reuters dpa DPA UPI Xinhua XINHUA AAP ANSA EFE CNN Bloomberg PTI IANS KNA APA SDA".split()
) | {
    "Associated Press",
    "Agence France-Presse",
    "Press Association",
    "Deutsche Presse-Agentur",
    "United Press International",
}
_PLACE = r"[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[\w.]+){0,2})?"
#: Words one of which every sentence :data:`_ABOUT_ITSELF` finds contains: most sentences
#: contain none, and the long pattern is not run on them.
_ABOUT_ITSELF_CUES = (
    "this",
    "following",
    "present",
    "dies",
    "folgende",
    "cet",
    "ce ",
    "este",
    "esta",
    "read more",
    "click here",
    "subscribe",
    "sign up",
    "share this",
    "follow us",
)
#: A wire dateline or agency tag opening a story: "WASHINGTON (AP) -- ", "SANTA ROSA, Calif. _ ",
#: "DHAKA, Dec. 5 (Xinhua) -- ", "(Reuters) - ", "BERLIN - ", with SGML leftovers ("&QL;") before it.
_DATELINE = re.compile(
    r"^(?:&\w+;\s*)*"
    rf"(?:(?:{_PLACE}\s*)?\((?:{'|'.join(sorted(AGENCIES))})\)\s*(?:--|[-_—–:])?\s*"
    rf"|{_PLACE}\s+(?:--|[-_—–])\s+"
    r"|&\w+;\s*)"
)
#: A byline: "By Jane Doe, Associated Press Writer".
_BYLINE = re.compile(r"^(?:By|Von|Par|Por)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*,.*)?$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_OPENING_QUOTES = "\"“„«‘'`"


#: A bullet opening a list item: the list's layout, not part of a point lifted out of it.
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s+")


def dateline_length(text: str) -> int:
    """How many characters a wire dateline or agency tag takes at the start of ``text`` (0 if none):
    what follows it opens the story's first sentence."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def without_dateline(text: str) -> str:
    """``text`` without a wire dateline, agency tag, SGML leftover or list bullet at its start:
    the page's and the list's, not the point's (a brief shows its own bullet before it)."""
    text = _BULLET.sub("", text, count=1)
    stripped = _DATELINE.sub("", text, count=1).lstrip()
    if not stripped or stripped == text:
        return text
    return stripped[:1].upper() + stripped[1:]


def bounded(text: str, words: int = POINT_WORDS, characters: int = POINT_CHARACTERS) -> str:
    """``text`` cut to at most ``words`` words and ``characters`` characters, ending in "…" when cut."""
    found = text.split()
    if len(found) > words:
        text = " ".join(found[:words])
    if len(text) > characters:
        cut = text[:characters]
        space = cut.rfind(" ")
        text = cut[:space] if space > characters // 2 else cut
    return text if text == " ".join(found) else text.rstrip(" ,;:") + "…"


def why_not_alone(text: str, language: str) -> str | None:
    """Why ``text`` (a sentence, dateline removed) cannot stand alone as a point, or ``None``."""
    count = len(text.split())
    first_word = _WORD.search(text)
    if count < FEWEST_WORDS or first_word is None:
        return "too short"
    end = text.rstrip(" \"”’'»)").rstrip()
    if end.endswith("!"):
        return "an exclamation"
    if end.endswith("?"):
        return "a question"
    if end.endswith(":"):
        return "an introduction to what follows"
    if about_itself(text):
        return "about the text itself"
    if count < 12 and _BYLINE.match(text):
        return "a byline"
    first = first_word.group()
    if text.lstrip()[:1] not in _OPENING_QUOTES and first.casefold() in POINTING_BACK.get(
        language, POINTING_BACK["en"]
    ):
        return f"{POINTS_BACK} ({first})"
    if cut_off(text, language_kit(language).stop_words):
        return "cut off mid-sentence"
    return None


def about_itself(text: str) -> bool:
    """Whether ``text`` speaks of the text it stands in ("This article covers...", "In this
    episode we look at..."), not of the subject."""
    lowered = text.casefold()
    if not any(cue in lowered for cue in _ABOUT_ITSELF_CUES):
        return False
    return bool(_ABOUT_ITSELF.search(text) or (_MEDIA.search(text) and _SPEAKER.search(text)))


#: How a whole sentence ends: a stop, perhaps with closing quotes or brackets after it.
_WHOLE_END = re.compile(rf"[.!?…:;{SCRIPT_STOPS}。！？][\"'”’»)\]]*$")


def ends_whole(text: str) -> bool:
    """Whether ``text`` ends as a sentence does, on a stop: a line without one (a heading, a
    teaser cut short) is no sentence to join another onto."""
    return bool(_WHOLE_END.search(text.rstrip()))


def cut_off(text: str, stop_words: Collection[str]) -> bool:
    """Whether ``text`` ends on a function word (one of ``stop_words``) with no stop ("... hitting
    the restart button for"): no sentence, heading or title ends so unless it was cut off."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""  # as written: "2013", "above)" end no clause
    return last.lower() in stop_words and not ends_whole(text)
