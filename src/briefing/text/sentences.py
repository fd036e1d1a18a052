"""Sentence segmentation with NLTK's Punkt algorithm, fully offline.

Punkt decides sentence ends from four parameter sets: abbreviations, collocations, frequent
sentence starters and an "orthographic context" (whether a word is seen lower-case inside
sentences). NLTK normally loads these from the ``punkt_tab`` data package, which many machines
cannot download. briefing ships its own per language in ``punkt/<language>/`` and derives the
orthographic context from the language's stop words. When ``punkt_tab`` is installed, its trained
parameters are merged in. The layout's own boundaries (line breaks, lists, glued sentences) are
found first (:mod:`.boundaries`); rules after Punkt join back what it cut wrongly (quotes, dashes,
abbreviations before numbers, German ordinals). Why Punkt and how well: docs/benchmarks.md's "Sentences
and languages" and ``bench/segmentation.py``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from . import list_markers
from .boundaries import pieces, time_phrase
from .languages import language_name

# Punkt's orthographic flags (nltk.tokenize.punkt._ORTHO_*): seen upper-case at a sentence start,
# seen lower-case in the middle of a sentence.
_ORTHO_BEG_UC = 1 << 1
_ORTHO_MID_LC = 1 << 5

_ENDS_WITH_ORDINAL = re.compile(r"(?:^|\s)\(?\d{1,2}\.$")
_COLON_LIST_MARKER = re.compile(r":\s+\(?\d{1,2}(?:\.\)|[.)])$")
#: A short word with a period, or a number sign ("N°.", "Nº."), which a number may follow: "S. 12".
_SHORT_ABBREVIATION = re.compile(r"(?:(?:^|[\s(])([^\W\d_])(?:[^\W\d_]{0,2}|[°º])|str)\.$")
_QUOTES = "\"'„“”«»‚‘’"
#: A piece starting so continues the sentence before: a comma, a closing bracket, a dash, dots.
_GOES_ON = tuple(",;:)]}.…!?")
#: "-- it works", "– sie lachte": a dash and a lower-case word go on from the sentence before.
_DASH_GOES_ON = re.compile(r"^(?:--|[-–—])\s+[^\W\d_]")
#: "(1) The seller …" / "(b) Rent …": a bracketed list marker does start a sentence.
_BRACKETED_MARKER = re.compile(r"^\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s")
#: "Step 1.", "Schritt 2.", "Teil 3.": a label and a number.
_LABEL_NUMBER = re.compile(r"^[^\W\d_]+ \d{1,3}\.$")
#: Endings after which a lower-case word goes on the same sentence: an ellipsis or a colon.
_TRAILS_ON = ("...", ". .", "…", ":")
#: An end mark closed by a quote or bracket: "Stop!" / (etc.) / „Warum?“ / « Stop ! »
_ASIDE_END = re.compile(r"[.!?]+\s?[\"'”“»«’)\]]+$")
#: "at Yahoo! in", "Father Came Too ! is": a "!" that a capitalised word inside the sentence carries
#: is part of a name or a title, when a lower-case word goes on. (Not "?": web text asks "... in
#: San Rafael Ca? okay so ...", and not a word in capitals: "NEED HELP NOW! i ...".)
_NAMED_EXCLAMATION = re.compile(r"\s[A-Z][a-z][\w'’-]*\s?!$")
#: A "!" or "?" closed by a quote: "Stop!" / „Warum?“ / « Stop ! »
_QUOTED_END = re.compile(r"[!?]+\s?[\"'”“»«’]+$")
_CLOSING = "\"'”“»«’)]"
#: Footnote marks after an end mark: "[1]", "[2][3]", "[1][2] [3]".
_FOOTNOTES = re.compile(r"(\[\d{1,3}\](?:[ \t]*\[\d{1,3}\])*)\s*")
#: An opening quote or bracket Punkt left at a sentence's end ("… se souvient-elle. « Nous …").
_OPENING_AT_END = re.compile(r"\s([«„“‚¿¡(\[]+)\s*$")
_FIRST_WORD = re.compile(r"[\"'„“”«»‚‘’(\[]*([^\W\d_][\w'-]*)")

#: Company forms written with a period in the text of every language ("Intercept Ltd. sont ici"):
#: abbreviations in all of them, so every language's parameters have them. ("Co." is left out: "co" is
#: a word in Polish and Czech.)
COMPANY_FORMS = frozenset({"corp", "inc", "ltd", "llc", "plc"})
#: Languages that elide an article onto the next word ("l'art.").
_ELIDING_LANGUAGES = {"french", "italian"}

#: An unlisted abbreviation has at most this many letters (``resp``); five cost treebank text
#: ("... to party. max and jen ...") for little on the suites.
_SHORT_WORD = 4

#: How much of a sentence's end the joining rules look at (longer than any abbreviation).
_TAIL = 40

#: Verbs that attribute speech: `"Where is everyone?" Lena asked.` is one sentence.
_SPEECH_VERBS = {
    "english": "said asked shouted replied cried whispered added answered recalled wrote says asks",
    "german": "sagte fragte rief antwortete meinte erklärte flüsterte schrieb sagt fragt",
    "french": "dit demanda demande répondit répond cria s'écria ajouta ajoute",
    "spanish": "dijo preguntó gritó respondió añadió contestó dice pregunta",
}
#: An attribution is this many words at most.
_ATTRIBUTION_WORDS = 4

#: A bulleted list item (``* ``, ``• ``) of at most :data:`_ITEM_WORDS` words is one sentence:
#: "* The report is final. Send it tomorrow." is one point of a list. Not ``- ``: a dash opens
#: dialogue in many languages (Polish treebank text lost 1.4 points of boundary F1 with it).
_BULLETED = re.compile(r"[*•‣◦▪●]\s")
_ITEM_WORDS = 30

#: Languages whose ordinals are written "3." ("am 3. Oktober", "der 2. Platz").
_ORDINAL_LANGUAGES = {"german", "danish", "norwegian", "finnish", "czech", "slovak", "polish", "hungarian"}


class _LanguageVars(PunktLanguageVars):  # type: ignore[misc]  # nltk has no type information
    """Punkt's defaults, with typographic quotes (German „…“, French «…») treated like ASCII ones."""

    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u201e\u201a]"
    re_boundary_realignment = re.compile(
        r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb\u2039\u203a]+?(?:\s+|(?=--)|$)', re.MULTILINE
    )

    @property
    def _re_non_word_chars(self) -> str:
        others = re.escape("".join(set(self.sent_end_chars) - {"."}))
        return rf"(?:[)\";}}\]\*:@\'\({{\[\u2018\u2019\u201a\u201c\u201d\u201e\xab\xbb\u2039\u203a{others}])"


def _read_set(language: str, name: str) -> set[str]:
    folder = resources.files("briefing.text") / "punkt" / language
    entry = folder / name
    if not entry.is_file():
        return set()
    return {line.strip() for line in entry.read_text(encoding="utf-8").splitlines() if line.strip()}


def _shipped_parameters(language: str, stop_words: frozenset[str]) -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = _read_set(language, "abbrev_types.txt") | COMPANY_FORMS
    params.sent_starters = _read_set(language, "sent_starters.txt")
    params.collocations = {
        tuple(line.split("\t", 1)) for line in _read_set(language, "collocations.tab") if "\t" in line
    }
    # Single letters are left out: they are initials far more often than words ("J. R. R. Tolkien").
    if language in _ELIDING_LANGUAGES:  # "l'art. 5": Punkt's word is "'art", apostrophe first
        params.abbrev_types |= {f"{apostrophe}{a}" for a in params.abbrev_types for apostrophe in "'’"}
    for word in stop_words | params.sent_starters:
        if len(word) > 1:
            params.ortho_context[word] |= _ORTHO_BEG_UC | _ORTHO_MID_LC
    return params


def _installed_parameters(language: str) -> PunktParameters | None:
    """Trained ``punkt_tab`` parameters when NLTK data is installed, else ``None``."""
    try:
        from nltk.tokenize.punkt import PunktTokenizer

        return PunktTokenizer(language)._params
    except (LookupError, ValueError, OSError):
        return None


def _merge(into: PunktParameters, other: PunktParameters) -> None:
    into.abbrev_types |= other.abbrev_types
    into.collocations |= other.collocations
    into.sent_starters |= other.sent_starters
    for word, flags in other.ortho_context.items():
        into.ortho_context[word] |= flags


class Segmenter:
    """Splits a paragraph into sentences for one language.

    Three passes: the paragraph's layout forces some boundaries (:mod:`.boundaries`: line breaks,
    lists, glued sentences); Punkt splits each piece; rules join back what Punkt cut wrongly and
    move what it put on the wrong side of a boundary (footnote marks, opening quotes).
    """

    def __init__(self, language: str, stop_words: frozenset[str] = frozenset(), use_installed: bool = True):
        self.language = language_name(language)
        params = _shipped_parameters(self.language, stop_words)
        installed = _installed_parameters(self.language) if use_installed else None
        self.uses_installed_data = installed is not None
        if installed is not None:
            _merge(params, installed)
        shipped = "shipped" if params.abbrev_types or params.sent_starters else "no"
        nltk = " + NLTK punkt_tab" if installed is not None else ""
        #: What splits this language's sentences, for a document's record (``briefing inspect``).
        self.name = f"briefing rules + Punkt ({shipped} {self.language} parameters{nltk})"
        self._stop_words = stop_words
        self._abbreviations = frozenset(params.abbrev_types)
        self._starters = params.sent_starters | stop_words
        self._ordinals = self.language in _ORDINAL_LANGUAGES
        self._speech_verbs = frozenset(_SPEECH_VERBS.get(self.language, "").split())
        self._punkt = PunktSentenceTokenizer(params, lang_vars=_LanguageVars())

    def split(self, paragraph: str) -> list[str]:
        """The sentences of one paragraph, stripped, each on one line; a paragraph never shares a
        sentence with another, and no sentence is punctuation alone."""
        sentences: list[str] = []
        for piece in pieces(paragraph, self._stop_words, self._abbreviations):
            if _BULLETED.match(piece) and len(piece.split()) <= _ITEM_WORDS:
                sentences.append(piece)  # a short bulleted item is one point, whatever its stops
            else:
                sentences.extend(self._split_piece(piece))
        return sentences

    def _split_piece(self, text: str) -> list[str]:
        spans: list[list[int]] = []
        for start, end in self._punkt.span_tokenize(text):
            if spans:
                start = _realign(text, spans[-1], start)
                if self._belongs_to_previous(text[spans[-1][0] : spans[-1][1]], text[start:end]):
                    spans[-1][1] = end
                    continue
            spans.append([start, end])
        return [piece for start, end in spans if (piece := text[start:end].strip())]

    def _starts_sentence(self, text: str) -> bool:
        match = _FIRST_WORD.match(text)
        return match is not None and match.group(1).lower() in self._starters

    def _is_abbreviation(self, word: str) -> bool:
        """``word`` (its final period left off) reads as an abbreviation: a known one, an initial, or
        letters with inner periods (``U.S``, ``e.g``)."""
        word = word.lstrip(_QUOTES + "([").lower()
        return word in self._abbreviations or len(word) == 1 or ("." in word and not word.endswith("."))

    def _is_attribution(self, piece: str) -> bool:
        words = [w.strip(".,;:").lower() for w in piece.split()]
        return len(words) <= _ATTRIBUTION_WORDS and any(w in self._speech_verbs for w in words[:2])

    def _belongs_to_previous(self, previous: str, piece: str) -> bool:
        """Rules for what Punkt cannot know; each joins a piece back onto the sentence before it."""
        # The end-anchored patterns below look at the end of the sentence only: a sentence can be long.
        tail = previous[-_TAIL:]
        last = tail.rsplit(maxsplit=1)[-1].rstrip(_CLOSING) if tail.split() else ""
        ends_abbreviated = last.endswith(".") and self._is_abbreviation(last[:-1])
        # "Hauptstr. 5", "S. 12", "gem. § 5", "U.S.C. § 1983": an abbreviation before a number.
        if piece[:1].isdigit() or piece[:1] == "§":
            abbreviation = _SHORT_ABBREVIATION.search(tail)
            if ends_abbreviated or (abbreviation is not None and (abbreviation.group(1) or "A").isupper()):
                return True
        # "Hello Mr . Robinson", "U.S . Route 171": text tokenised with a space before each period
        # keeps an abbreviation's period apart from it; Punkt sees a lone "." and ends the sentence.
        # (Not a lone letter: "taller than I . She left.")
        spaced = tail.rsplit(maxsplit=2)
        before = spaced[-2].rstrip(_CLOSING) if len(spaced) >= 2 else ""
        if (
            spaced[-1:] == ["."]
            and len(before) > 1
            and self._is_abbreviation(before)
            and not self._starts_sentence(piece)
        ):
            return True
        # "Around 300 a.d. Rome began": a phrase of time alone (English, as a.m. is), ended by an abbreviation.
        if ends_abbreviated and self.language == "english" and time_phrase(previous):
            return True
        # "President B.J. Habibie", "J. R. R. Tolkien": initials before a name that starts no sentence.
        if _INITIALS.search(tail) and piece[:1].isupper() and not self._starts_sentence(piece):
            return True
        # "(see. section 4.2) is important", "(Oh. Again!)": a bracket still open is closed in the
        # piece, so the split fell inside the brackets.
        if _inside_brackets(previous, piece):
            return True
        # "Step 1." / "Schritt 2.": a label and its number are no sentence.
        if _LABEL_NUMBER.match(previous):
            return True
        # A list marker introduces the next sentence rather than ending one: "2." / "Steps: 1."
        if list_markers.ALONE.match(piece):
            return False
        if list_markers.ALONE.match(previous) or _COLON_LIST_MARKER.search(tail):
            return True
        # Punctuation alone ("!", the dots of ". . ."), or a piece that goes on from the last:
        # ", fragte sie", "-- it works", "(2019) found".
        first = piece.lstrip(_QUOTES)
        if not any(c.isalnum() for c in piece) or first[:1] in _GOES_ON:
            return True
        if (dash := _DASH_GOES_ON.match(piece)) and dash.group()[-1].islower():
            return True
        if piece[:1] == "(" and not _BRACKETED_MARKER.match(piece) and (piece[1:2].islower() or piece[1:2].isdigit()):
            return True
        # A lower-case start goes on the sentence before only after an abbreviation ("The A.I.
        # boom"), a quoted or bracketed end mark ("Stop!" he said), an ellipsis, or when it says
        # who spoke (… Wehrpflicht? fragte er); web text does start sentences in lower case
        # ("thanks for the help. i will call." / "really? why?"). "iPhone" is a sentence start.
        if first[:1].islower() and not first[1:2].isupper():
            speech = first.split(maxsplit=1)[0].strip(",.;:").lower() in self._speech_verbs
            if ends_short_abbreviation(last, self._stop_words) and not self._starts_sentence(first):
                return True
            if _NAMED_EXCLAMATION.search(tail):
                return True
            return ends_abbreviated or speech or previous.endswith(_TRAILS_ON) or bool(_ASIDE_END.search(tail))
        # `"Where is everyone?" Lena asked.`: a quoted question or exclamation and who said it.
        if _QUOTED_END.search(tail) and self._is_attribution(piece):
            return True
        # "am 3. Oktober", "der 2. Platz": a German-style ordinal, unless a sentence plainly starts.
        return self._ordinals and bool(_ENDS_WITH_ORDINAL.search(tail)) and not self._starts_sentence(piece)


#: Initials at a sentence's end: "B.J.", "J. R.", a capital and a period after a capitalised word.
_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.\s?){2,}$|[A-Z][a-z]+\s[A-Z]\.$")
#: Opening and closing brackets, ASCII and full-width.
_OPEN, _CLOSE = "([（［", ")]）］"
#: A bracketed aside that holds a split is at most this long: a longer one holds sentences.
_ASIDE_CHARACTERS = 80


def _inside_brackets(previous: str, piece: str) -> bool:
    """``previous`` leaves a bracket open within its last :data:`_ASIDE_CHARACTERS` characters
    and ``piece`` closes it."""
    tail = previous[-_ASIDE_CHARACTERS:]
    depth = sum(tail.count(c) for c in _OPEN) - sum(tail.count(c) for c in _CLOSE)
    if depth <= 0 or not any(c in piece for c in _CLOSE):
        return False
    head = piece[:_ASIDE_CHARACTERS]
    return sum(head.count(c) for c in _CLOSE) - sum(head.count(c) for c in _OPEN) >= 1


def ends_short_abbreviation(word: str, stop_words: frozenset[str]) -> bool:
    """``med.``, ``resp.``, ``Mi.``: a short lower-case or capitalised word with a period, which no
    stop word is (not one in capitals: "DVD. give them away", acronyms end sentences).
    Before a lower-case word that starts no sentence, such a word is an abbreviation that nobody
    listed (chosen on public suites' tuning split: it helps there and costs no treebank)."""
    bare = word[:-1].lstrip(_QUOTES + "([")
    short = bare.isalpha() and (bare.islower() or bare.istitle()) and len(bare) <= _SHORT_WORD
    return word.endswith(".") and short and bare.lower() not in stop_words


def _realign(text: str, previous: list[int], start: int) -> int:
    """Moves footnote marks (``martyr.[1] The``) back onto the sentence they close, and an opening
    quote or bracket Punkt left at the end of a sentence onto the next; returns the new start."""
    marks = _FOOTNOTES.match(text, start)
    if marks and text[previous[1] - 1 : previous[1]] in ".!?" + _QUOTES:
        previous[1] = marks.end(1)
        return marks.end()
    opening = _OPENING_AT_END.search(text, previous[0], previous[1])
    if opening:
        previous[1] = opening.start()
        return opening.start(1)
    return start


@cache
def segmenter(language: str, stop_words: frozenset[str] = frozenset()) -> Segmenter:
    return Segmenter(language, stop_words)
