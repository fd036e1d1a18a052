"""Built-in cleaners: consent and sign-up banners, teaser tails of scraped pages, the boilerplate
news aggregators add to feed entries, and user rules.

Noise lines (counters, time stamps, share prompts) are already gone: the core clean-up drops them
while it finds paragraphs. These work on whole paragraphs, where the pattern is in the paragraph's
place or its words rather than in one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ..hookspecs import hookimpl
from ..interfaces import Cleaner
from ..lazy_import import lazy_module
from ..models import Document
from ..text.clean import PAGE_NOISE, SUBMITTED_BY

if TYPE_CHECKING:
    import regex
else:
    regex = lazy_module("regex")  # for user rules only

# Phrases that only banners use, in English and German; a paragraph with one is dropped if short.
_BANNER = re.compile(
    r"\b(?:"
    r"(?:we|this (?:web)?site|our (?:web)?site|our partners) (?:uses?|store|set)s? cookies"
    r"|cookie (?:policy|settings|preferences)|accept all(?: cookies)?|manage (?:cookie )?preferences"
    r"|(?:sign up|subscribe) (?:to|for) (?:our|the) newsletter|newsletter (?:abonnieren|bestellen)"
    r"|(?:already a subscriber|to continue reading|subscribe to (?:read|continue))"
    r"|(?:wir|diese (?:web)?seite|diese website) (?:verwenden|nutzt|nutzen|verwendet) cookies"
    r"|alle (?:cookies )?akzeptieren|cookie-einstellungen|datenschutzeinstellungen"
    r"|(?:jetzt )?weiterlesen mit (?:\w+ )?(?:abo|plus)"
    r")\b",
    re.IGNORECASE,
)
_BANNER_LENGTH = 400
#: A paragraph this long that stops without one was cut off by the page.
TRUNCATED_LENGTH = 120
#: Teasers of other articles are about this long (a headline and two lines of text, at most).
SNIPPET_LENGTH = 400
#: How far from the end a teaser tail may start.
TAIL_PARAGRAPHS = 8


class ShortParagraphCleaner(Cleaner):
    """Drops each paragraph of at most ``longest`` characters that ``pattern`` finds: what a
    page adds is short, and a longer paragraph that matches is the article talking about it."""

    pattern: ClassVar[re.Pattern[str]]
    longest: ClassVar[int]

    def clean(self, paragraphs: list[str], document: Document) -> list[str]:
        return [p for p in paragraphs if len(p) > self.longest or not self.pattern.search(p.strip())]


class BannerCleaner(ShortParagraphCleaner):
    name = "banners"
    description = "Drops cookie and consent notices, newsletter boxes and paywall prompts"
    api_version = 1
    pattern = _BANNER
    longest = _BANNER_LENGTH


# What Reddit, Hacker News and alert feeds add to each entry: a whole paragraph of it is dropped,
# and a trailing "submitted by /u/x [link] [12 comments]" is cut from the paragraph it ends.
_AGGREGATOR_PARAGRAPH = re.compile(
    r"^(?:\[?(?:link|comments?)\]?|(?:article|comments) url:.*|points:\s*\d+.*|#\s*comments:\s*\d+.*"
    r"|flag as irrelevant|see more (?:results|stories)|full coverage|view (?:on|in) google news"
    r"|\[\d[\d,.]*k?\s+comments?\])$",
    re.IGNORECASE,
)


class AggregatorCleaner(Cleaner):
    name = "aggregators"
    description = "Drops what Reddit, Hacker News and news alerts add to feed entries ([link], comment counts)"
    api_version = 1

    def clean(self, paragraphs: list[str], document: Document) -> list[str]:
        kept = []
        for paragraph in paragraphs:
            paragraph = SUBMITTED_BY.sub("", paragraph)
            if paragraph and not _AGGREGATOR_PARAGRAPH.match(paragraph.strip()):
                kept.append(paragraph)
        return kept


#: The end of a paragraph that was finished on purpose although it has no stop: a link, an
#: address, a figure.
_COMPLETE_END = re.compile(r"(?:https?://|www\.)\S+$|\S+@\S+\.\w+$|\S+\.(?:com|org|net|de|uk|html?)/?\S*$|\d$")


# What pages put around an article and main-text extraction keeps: links to other articles,
# sign-up and app prompts, how to reach the author, picture credits. Each is a whole short
# paragraph; the cues are in English, German, French, Spanish, Italian and Portuguese.
_FURNITURE = re.compile(
    r"^(?:related|read (?:more|also|next)|see also|more on this(?: story)?|recommended(?: for you)?"
    r"|you (?:may|might) also like|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weitere artikel"
    r"|(?:à )?lire aussi|voir aussi|(?:le|te) puede interesar|lea también|leia também|veja também|leggi anche"
    r")\b\s*[:.…»›|-]"
    r"|^(?:click|tap) here to\b|\bget the [\w ]{1,30} app\b"
    r"|\b(?:sign up|subscribe|register)\b[^.!?]{0,60}\b(?:newsletter|inbox|e-?mail updates)"
    r"|\b(?:delivered|right) (?:to|in) your inbox\b"
    r"|\b(?:write to|(?:may|can) be reached at|contact (?:him|her|them) at|e-?mail (?:him|her|them) at)\b[^@]{0,60}@\w"
    r"|^follow (?:him|her|them|us|the author) on (?:twitter|x|facebook|instagram|linkedin)\b"
    r"|^(?:photo|image|picture|foto|bild|illustration)s?(?: credit)?\s*(?::|©|/)"
    r"|^\((?:photo|image|foto|bild)\b[^)]*\)$"
    r"|\bcontributed to this (?:report|story|article)\.?$",
    re.IGNORECASE,
)
#: Page furniture is short; a longer paragraph that matches is the article talking about it.
_FURNITURE_LENGTH = 250


class FurnitureCleaner(ShortParagraphCleaner):
    name = "furniture"
    description = "Drops links to other articles, sign-up and app prompts, author contact lines and picture credits"
    api_version = 1
    pattern = _FURNITURE
    longest = _FURNITURE_LENGTH


def _truncated(paragraph: str) -> bool:
    """Long, and stopping mid-word: no stop, quote, bracket or ellipsis, nor a link or figure."""
    text = paragraph.rstrip()
    return len(text) >= TRUNCATED_LENGTH and text[-1].isalnum() and not _COMPLETE_END.search(text)


def scraped(document: Document) -> bool:
    """Whether there is page evidence: the loader dropped a page's noise lines (view counters,
    time stamps, share prompts) from this text. Clean articles never have any."""
    return any(d.by == PAGE_NOISE for d in document.dropped)


def teaser_tail(paragraphs: list[str]) -> int:
    """Where a teaser tail starts (``len(paragraphs)`` when there is none).

    Scraped pages often end with the start of the next article cut off mid-word, then short
    snippets of others. The tail is the earliest paragraph, among the last few and never the
    first, that was cut off and is followed only by snippet-sized paragraphs.
    """
    count = len(paragraphs)
    for start in range(max(1, count - TAIL_PARAGRAPHS), count):
        if _truncated(paragraphs[start]) and all(len(p) <= SNIPPET_LENGTH for p in paragraphs[start + 1 :]):
            return start
    return count


class TeaserCleaner(Cleaner):
    """Only on scraped text (see :func:`scraped`): on a clean article a long last paragraph
    without a stop is a choice of the writer, and cutting there loses real text."""

    name = "teasers"
    description = "Cuts the teasers of other articles glued to the end of a scraped page"
    api_version = 1

    def clean(self, paragraphs: list[str], document: Document) -> list[str]:
        return paragraphs[: teaser_tail(paragraphs)] if scraped(document) else paragraphs


#: Seconds one of the user's rules may take on one paragraph: a pattern that backtracks
#: catastrophically ("(a+)+$") would otherwise hold the run for ever, as no thread can stop re.
RULE_SECONDS = 1.0


def _patterns(settings: Mapping[str, Any], key: str) -> list[regex.Pattern[str]]:
    """The user's patterns, compiled by ``regex`` (Python's syntax), whose searches take a timeout."""
    values = settings.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{key} must be a list of regular expressions")
    compiled = []
    for number, value in enumerate(values, start=1):
        try:
            compiled.append(regex.compile(value, regex.IGNORECASE | regex.VERSION0))
        except regex.error as exc:
            raise ValueError(f"{key}[{number}] {value!r} is not a regular expression: {exc}") from None
    return compiled


def _found(patterns: list[regex.Pattern[str]], paragraph: str) -> bool:
    for pattern in patterns:
        try:
            if pattern.search(paragraph, timeout=RULE_SECONDS):
                return True
        except TimeoutError:
            raise TimeoutError(
                f"the rule {pattern.pattern!r} took more than {RULE_SECONDS:g} s on one paragraph; make it simpler"
            ) from None
    return False


class RuleCleaner(Cleaner):
    """The user's own rules from ``[settings.rules]``: paragraphs to drop, and where to cut."""

    name = "rules"
    description = "Your rules ([settings.rules]): drop = paragraphs to drop, cut_from = where the rest goes"
    api_version = 1

    def __init__(self, settings: Mapping[str, Any] | None = None):
        super().__init__(settings)
        unknown = set(self.settings) - {"drop", "cut_from"}
        if unknown:
            raise ValueError(f"unknown setting {sorted(unknown)[0]!r} (known: drop, cut_from)")
        self.drop = _patterns(self.settings, "drop")
        self.cut_from = _patterns(self.settings, "cut_from")

    def clean(self, paragraphs: list[str], document: Document) -> list[str]:
        kept = []
        for paragraph in paragraphs:
            if _found(self.cut_from, paragraph):
                break
            if not _found(self.drop, paragraph):
                kept.append(paragraph)
        return kept


@hookimpl
def register_cleaners(register: Callable[[type[Cleaner]], None]) -> None:
    register(AggregatorCleaner)
    register(BannerCleaner)
    register(RuleCleaner)  # the user's rules see the page before the furniture goes
    register(FurnitureCleaner)
    register(TeaserCleaner)
