"""Noun phrases without a part-of-speech model: runs of content words between stop words and
punctuation (the RAKE idea), judged word by word by how a language builds its noun phrases and by
how the text itself uses each word.

The key-phrase tagger chooses among them, and the thematic brief names its themes with them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import TIME_WORDS
from .names import is_acronym
from .words import WORD, LanguageKit, filler_words

BREAK = re.compile(r"[,;:()\[\]{}\"“”„«»!?…–—/|]|\.(?!\w)|\s-\s")

_GERMAN_ADJECTIVE = re.compile(r"(e|en|er|es|em)$")
#: Words and numbers (with what is glued to them: "4.5", "3D-Druck", "1990er") as a sentence
#: writes them: a number breaks a phrase ("approximately 4.5 trillion yen" is no "approximately
#: trillion yen").
_TOKEN = re.compile(rf"{WORD}|\d[\w.,'’-]*")
#: English past tenses without ``-ed`` that are seldom a noun or an adjective: like ``-ed``, they
#: may not end a phrase or follow a name ("council spent", "Son said").
_IRREGULAR_PAST = frozenset(
    """said told made took gave went came saw began brought bought thought knew grew drew wrote
    spoke spent sent paid held kept met sold stood won led lost meant built felt heard taught
    caught fought sought chose rode drove flew threw wore tore swore forgot froze woke broke
    became ran sat sang rang shook struck understood""".split()
)


def noun_phrase(phrase: Sequence[str], language: str) -> bool:
    """Whether words look like a noun phrase, with no part-of-speech model: "Son presented" and
    "Dann gilt" are a name or an adverb before a verb, not a theme.

    In German, where nouns are capitalised, the last word must be, and lower-case words before it
    must have an adjective's ending. In English, a phrase may not end in a past tense or an
    adverb (``-ed``, ``-ly``, or a common irregular past such as ``spent``), nor put a past tense
    right after a name.
    """
    return may_end(phrase[-1], language) and all(
        may_join(a, b, language) for a, b in zip(phrase, phrase[1:], strict=False)
    )


def may_end(word: str, language: str) -> bool:
    """Whether ``word`` may end a noun phrase (see :func:`noun_phrase`)."""
    if language == "de":
        return word[:1].isupper()
    if language == "en":
        return not (word.islower() and (word.endswith(("ed", "ly")) or word in _IRREGULAR_PAST))
    return True


def may_join(word: str, following: str, language: str) -> bool:
    """Whether ``word`` may stand right before ``following`` inside a noun phrase."""
    if language == "de":
        return word[:1].isupper() or bool(_GERMAN_ADJECTIVE.search(word))
    if language == "en":
        past = following.endswith("ed") or following in _IRREGULAR_PAST
        return not (word[:1].isupper() and following.islower() and past)
    return True


#: Where a language's noun phrases put their head: last ("economic growth") unless listed here
#: ("croissance économique").
HEAD_FIRST = frozenset({"fr", "es", "it", "pt"})
#: Words right before a noun phrase (determiners, possessives), and right before a verb or an
#: adjective (subject pronouns, modals, auxiliaries, clitics, copulas, words of degree), in the
#: languages briefing knows them for.
_BEFORE_NOUN = {
    "en": frozenset("the a an this these those my your his its our their every each another".split()),
    "fr": frozenset(
        "le la les l un une des du au aux ce cet cette ces mon ma mes son sa ses leur leurs notre nos votre vos".split()
    ),
}
_BEFORE_VERB = {
    "en": frozenset(
        "i you we they he she to will would can could should must may might shall do does did don "
        "doesn didn won wouldn can't cannot couldn shouldn is are was were be been being am seems seem "
        "become became very so too quite really pretty rather more most less least extremely".split()
    ),
    "fr": frozenset(
        "je j tu il elle nous vous ils elles on ne n se s qui a ont est sont été était étaient avait "
        "avaient sera seront très trop si assez plus moins".split()
    ),
}


#: Endings of adjectives, as a lone word needs a determiner before it somewhere to count as a noun.
_ADJECTIVE_ENDING = {
    "en": re.compile(r"(ous|ful|ive|able|ible|al|ic|less|ish|est)$"),
    "fr": re.compile(r"(eux|euse|if|ive|able|ible|al|ale|aux|ique|el|elle)$"),
}


@dataclass
class WordRoles:
    """How a document uses each word (lower-cased), for telling nouns from verbs and modifiers
    with no part-of-speech model: how often it stands where a noun phrase has its head (the end of
    a run of content words, or the start in head-first languages), how often it follows a word
    that opens a noun phrase, and how often it follows a word that comes before a verb or an
    adjective, or comes right before a determiner (a verb before its object)."""

    heads: Counter[str] = field(default_factory=Counter)
    after_noun_cue: Counter[str] = field(default_factory=Counter)
    after_other_cue: Counter[str] = field(default_factory=Counter)

    def saw(self, run: Sequence[str], ends: Sequence[bool], before: str, after: str, language: str) -> None:
        """Count one run of content words, with the words before and after it. A word that cannot
        end a noun phrase (``ends`` is false: ``-ed``, a past tense) starts a new run: "the crews
        met officials"."""
        for cut in range(1, len(run)):
            if not ends[cut]:
                self.saw(run[:cut], ends[:cut], before, run[cut].lower(), language)
                self.saw(run[cut:], ends[cut:], "", after, language)
                return
        head = run[0] if language in HEAD_FIRST else run[-1]
        self.heads[head.lower()] += 1
        opens = _BEFORE_NOUN.get(language, frozenset())
        if before in opens:
            self.after_noun_cue[head.lower()] += 1  # "the economic outlook": the cue is the head's
        elif before in _BEFORE_VERB.get(language, ()) and run[0].islower():  # "to Paris": a name is no verb
            self.after_other_cue[run[0]] += 1
        if after in opens and run[-1].islower():  # "emphasizing the evolution": a verb and its object
            self.after_other_cue[run[-1]] += 1

    def not_noun(self, word: str) -> bool:
        """Whether the document uses ``word`` as a verb or an adjective: more often after their cues
        than after a noun's."""
        lowered = word.lower()
        return self.after_other_cue[lowered] > self.after_noun_cue[lowered]

    def may_head(self, phrase: Sequence[str], language: str) -> bool:
        """Whether ``phrase`` can be a noun phrase here: its head stands at least once where heads
        stand ("economic" only ever before a noun is a modifier), and no word of it is a verb.
        Languages without cue words are not judged."""
        if language not in _BEFORE_NOUN:
            return True
        head = phrase[0] if language in HEAD_FIRST else phrase[-1]
        if len(phrase) == 1 and head.islower() and not self.after_noun_cue[head]:
            ending = _ADJECTIVE_ENDING.get(language)
            if ending is not None and ending.search(head):
                return False  # "economic", "affordable" alone, never after "the" or "a"
        return self.heads[head.lower()] > 0 and not any(self.not_noun(w) for w in phrase)


def candidate_phrases(
    text: str, kit: LanguageKit, longest: int = 3, roles: WordRoles | None = None
) -> list[tuple[tuple[str, ...], str]]:
    """(stems, words as written) of every run of 1..``longest`` content words in ``text`` that is
    a noun phrase (:func:`noun_phrase`, judged word by word once per run); ``roles`` counts how
    the text uses its words."""
    found: list[tuple[tuple[str, ...], str]] = []
    weak = filler_words(kit.code)
    stops = kit.stop_words
    language = kit.code
    for chunk in BREAK.split(text):
        run: list[str] = []
        before = ""
        for word in [*_TOKEN.findall(chunk), ""]:
            lowered = word.lower()
            content = word[:1].isalpha() and lowered not in stops and lowered not in weak and lowered not in TIME_WORDS
            if content and (len(word) > 2 or is_acronym(word)):
                run.append(word)
                continue
            if not run:
                before = lowered
                continue
            ends = [may_end(w, language) for w in run]
            if roles is not None:
                roles.saw(run, ends, before, lowered, language)
            before = lowered
            stems = [kit.stem(w) for w in run]
            joins = [may_join(a, b, language) for a, b in zip(run, run[1:], strict=False)]
            for size in range(1, min(longest, len(run)) + 1):
                for start in range(len(run) - size + 1):
                    if ends[start + size - 1] and all(joins[start : start + size - 1]):
                        found.append((tuple(stems[start : start + size]), " ".join(run[start : start + size])))
            run = []
    return found
