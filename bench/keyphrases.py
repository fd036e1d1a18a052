"""Are key phrases noun phrases? The key-phrase tagger's themes checked against treebank parts of speech.

Universal Dependencies treebanks give every word its part of speech as a person annotated it.
The tagger is run over a treebank's documents (``# newdoc``, or runs of 20 sentences where the
treebank marks none) as one corpus. Each theme it gives is then found in its document's words,
and judged a noun phrase when, in most of the places it occurs, its head (the last word in
English and German, the first in French and Spanish) is a noun or a proper noun and no word of
it is a verb, an adverb, a pronoun or a function word. Printed per treebank: themes given, themes
found in the words (tokenisation differs: "lithium-ion" is three treebank words), the share of
those that are noun phrases, and the heads' parts of speech where they are not.

Only *dev* splits are read, never the test splits. The English, German and French ones are
those ``bench/segmentation.py`` uses (its docstring says how to clone them); GUM's dev split is
a second English check, made of 30 long documents of many genres::

    git clone --depth 1 https://github.com/UniversalDependencies/UD_English-GUM ~/briefing-eval/ud/UD_English-GUM

``python bench/keyphrases.py`` (or ``bench/run.py --keyphrases-only``) prints the table.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefing.builtins.keyphrase_tagger import KeyPhraseTagger
from briefing.models import Document, Sentence
from briefing.text.phrases import HEAD_FIRST
from briefing.text.words import language_kit

EVAL_DIR = Path(os.environ.get("BRIEFING_EVAL_DIR", Path.home() / "briefing-eval")) / "ud"
TREEBANKS = {
    "en_ewt": ("en", "UD_English-EWT/en_ewt-ud-dev.conllu"),
    "en_gum": ("en", "UD_English-GUM/en_gum-ud-dev.conllu"),
    "de_gsd": ("de", "UD_German-GSD/de_gsd-ud-dev.conllu"),
    "fr_gsd": ("fr", "UD_French-GSD/fr_gsd-ud-dev.conllu"),
}
#: Sentences per document where the treebank marks no documents.
CHUNK = 20
NOUNS = {"NOUN", "PROPN"}
#: Parts of speech no word of a noun phrase (as a theme names one) may have.
NOT_IN_PHRASE = {"VERB", "AUX", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "INTJ"}


@dataclass
class TreebankDocument:
    sentences: list[str]
    words: list[tuple[str, str]]  # (form lower-cased, part of speech), in order


def read_treebank(path: Path) -> list[TreebankDocument]:
    """The treebank's documents: sentence texts, and the words with their parts of speech."""
    sentences: list[tuple[bool, str, list[tuple[str, str]]]] = []  # (opens a document, text, words)
    opens = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            opens = True
        elif line.startswith("# text = "):
            sentences.append((opens, line.removeprefix("# text = "), []))
            opens = False
        elif line and not line.startswith("#") and sentences:
            columns = line.split("\t")
            if columns[0].isdigit():  # a word, not a multiword token's range
                sentences[-1][2].append((columns[1].lower(), columns[3]))
    marked = any(opens for opens, _, _ in sentences)
    documents: list[TreebankDocument] = []
    for number, (opens, text, words) in enumerate(sentences):
        if not documents or (opens if marked else number % CHUNK == 0):
            documents.append(TreebankDocument([], []))
        documents[-1].sentences.append(text)
        documents[-1].words.extend(words)
    return documents


def noun_phrase_tags(tags: list[str], language: str) -> bool:
    """Whether a run of parts of speech is a noun phrase: its head (the last word, or the first in
    head-first languages; a number after it, as in "World War II", does not count) is a noun and
    no word is a verb, an adverb or a function word, save a participle beside the head
    ("washing machine")."""
    ordered = tags[::-1] if language not in HEAD_FIRST else list(tags)
    while len(ordered) > 1 and ordered[0] == "NUM":
        ordered.pop(0)
    if ordered[0] not in NOUNS:
        return False
    modifiers = ordered[1:]
    if modifiers and modifiers[0] == "VERB":
        modifiers = modifiers[1:]
    return not NOT_IN_PHRASE.intersection(modifiers)


def judge(phrase: str, words: list[tuple[str, str]], language: str) -> tuple[bool, str] | None:
    """Whether ``phrase`` is a noun phrase where it occurs in ``words`` (most occurrences), with
    the part of speech of its head where it first occurs; ``None`` when it is not found as whole
    words."""
    parts = phrase.lower().split()
    forms = [form for form, _ in words]
    verdicts, heads = [], []
    for start in range(len(forms) - len(parts) + 1):
        if forms[start : start + len(parts)] == parts:
            tags = [tag for _, tag in words[start : start + len(parts)]]
            verdicts.append(noun_phrase_tags(tags, language))
            heads.append(tags[0] if language in HEAD_FIRST else tags[-1])
    if not verdicts:
        return None
    return sum(verdicts) * 2 > len(verdicts), heads[0]


def treebank_row(name: str, language: str, path: Path) -> tuple[int, int, int, Counter[str], list[str]]:
    """Themes given, themes found, noun phrases among them, heads of the others, and examples."""
    treebank = read_treebank(path)
    documents = [
        Document(
            id=f"{name}-{number}",
            title="",
            text="\n\n".join(tb.sentences),
            origin=f"{name}-{number}",
            language=language,
            sentences=tuple(Sentence(text, 0, i) for i, text in enumerate(tb.sentences)),
        )
        for number, tb in enumerate(treebank)
    ]
    tagger = KeyPhraseTagger()
    kit = language_kit(language)
    given = found = nouns = 0
    heads: Counter[str] = Counter()
    wrong: list[str] = []
    for document, tb in zip(documents, treebank, strict=True):
        for theme in tagger.tag(document, kit, documents):
            given += 1
            judged = judge(theme.name, tb.words, language)
            if judged is None:
                continue
            found += 1
            if judged[0]:
                nouns += 1
            else:
                wrong.append(theme.name)
                heads[judged[1]] += 1
    return given, found, nouns, heads, wrong


def main(arguments: list[str]) -> None:
    """Print the table; ``--examples`` adds the themes that are not noun phrases."""
    print("| treebank (dev) | themes | found in its words | noun phrases | heads of the others |")
    print("|---|---|---|---|---|")
    examples = "--examples" in arguments
    for name, (language, relative) in TREEBANKS.items():
        path = EVAL_DIR / relative
        if not path.is_file():
            print(f"| {name} | not found: {path} (see bench/keyphrases.py) | | | |")
            continue
        given, found, nouns, heads, wrong = treebank_row(name, language, path)
        share = f"{100 * nouns / found:.1f}% ({nouns})" if found else "-"
        others = ", ".join(f"{tag} {count}" for tag, count in heads.most_common(4))
        print(f"| {name} | {given} | {found} | {share} | {others} |")
        if examples:
            print("   not noun phrases:", ", ".join(wrong[:40]))


if __name__ == "__main__":
    main(sys.argv[1:])
