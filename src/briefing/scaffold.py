"""``briefing plugins new``: a working, installable plugin package to start from.

The package has a pyproject with the entry point, the plugin module, a README and tests that run
briefing's conformance checks (:mod:`briefing.testing`), so ``pip install`` and ``pytest`` work
before the author changes a line.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from .interfaces import KINDS

_NAME = re.compile(r"^[a-z][a-z0-9-]*[a-z0-9]$|^[a-z]$")


class ScaffoldError(Exception):
    """The package cannot be written (a bad name, or the folder exists)."""


PYPROJECT = Template("""[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "$package"
version = "0.1.0"
description = "$description"
readme = "README.md"
requires-python = ">=3.10"
# briefing itself is not listed: the plugin is installed into the environment briefing runs in,
# and a listed "briefing" would let pip fetch whatever package of that name an index holds.
dependencies = []

[project.optional-dependencies]
test = ["pytest>=8"]

# briefing finds the plugin through this entry point: name = module.
[project.entry-points.briefing]
$name = "$module"

[tool.setuptools.packages.find]
where = ["src"]
""")

README = Template("""# $package

$description, as a plugin for briefing, the terminal briefing tool.

```sh
pip install -e .            # into the environment briefing runs in
briefing plugins list       # $name shows up as a $kind from an entry point
briefing plugins check $name
$usage
```

Develop: `pip install -e '.[test]' && pytest`. The tests run briefing's conformance checks
(`briefing.testing.check_$kind`) and one test of what this $kind does. See briefing's
`docs/plugins.md` for every hook and what it must return.
""")

USAGE = {
    "summarizer": "briefing brief sources/ --summarizer $name",
    "tagger": 'briefing brief sources/ --format json   # themes with tagger "$name"',
    "loader": "briefing brief notes.$name",
    "cleaner": 'briefing brief sources/   # every installed cleaner runs (or: cleaners = [..., "$name"])',
    "exporter": "briefing brief sources/ --format $name",
}

MODULES = {
    "summarizer": Template('''"""$description."""

from briefing import PLUGIN_API, Summarizer, hookimpl


class $cls(Summarizer):
    """Rates a sentence by how common its content words are in the whole document.

    Words a document keeps coming back to mark its main point; a sentence full of them is a good
    summary sentence. Dividing by the sentence's length keeps long sentences from winning alone.
    """

    name = "$name"
    description = "$description"
    api_version = PLUGIN_API

    def rate(self, document, kit):
        stems = [kit.content_stems(sentence.text) for sentence in document.sentences]
        counts = {}
        for sentence_stems in stems:
            for stem in sentence_stems:
                counts[stem] = counts.get(stem, 0) + 1
        return [sum(counts[s] for s in sentence_stems) / (1 + len(sentence_stems)) for sentence_stems in stems]


@hookimpl
def register_summarizers(register):
    register($cls)
'''),
    "tagger": Template('''"""$description."""

from briefing import PLUGIN_API, Tagger, Theme, hookimpl


class $cls(Tagger):
    """Tags a document with "open questions" when it asks some: the sentences ending in "?"."""

    name = "$name"
    description = "$description"
    api_version = PLUGIN_API

    def tag(self, document, kit, corpus):
        questions = tuple(s.text for s in document.sentences if s.text.rstrip().endswith("?"))
        if not questions:
            return []
        score = len(questions) / len(document.sentences)
        return [Theme("open questions", round(score, 4), questions[:3], self.name, "theme")]


@hookimpl
def register_taggers(register):
    register($cls)
'''),
    "loader": Template('''"""$description."""

from briefing import PLUGIN_API, Document, Loader, LoadError, hookimpl


class $cls(Loader):
    """Loads ``.$name`` files: UTF-8 text, the first line is the title, blank lines end paragraphs."""

    name = "$name"
    description = "$description"
    api_version = PLUGIN_API
    suffixes = (".$name",)

    def load(self, source):
        try:
            text = source.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        if "\\x00" in text:
            raise LoadError("a binary file, not text")
        title, _, body = text.strip().partition("\\n")
        if not body.strip():
            raise LoadError("no text after the title line")
        yield Document(id=source.origin, title=title.strip(), text=body.strip(), origin=source.origin)


@hookimpl
def register_loaders(register):
    register($cls)
'''),
    "cleaner": Template('''"""$description."""

import re

from briefing import PLUGIN_API, Cleaner, hookimpl

#: A paragraph that is only a picture's caption or credit: "Photo: ...", "Image credit: ...".
CREDIT = re.compile(r"^(photo|image|picture|illustration)( credit)?s?\\s*:", re.IGNORECASE)


class $cls(Cleaner):
    """Drops picture credits and captions that scrapers leave between paragraphs."""

    name = "$name"
    description = "$description"
    api_version = PLUGIN_API

    def clean(self, paragraphs, document):
        return [p for p in paragraphs if not (CREDIT.match(p) and len(p.split()) <= 20)]


@hookimpl
def register_cleaners(register):
    register($cls)
'''),
    "exporter": Template('''"""$description."""

from briefing import PLUGIN_API, Exporter, hookimpl


class $cls(Exporter):
    """One line per topic-brief sentence: ``topic | sentence | source title``, for grep and sort."""

    name = "$name"
    description = "$description"
    api_version = PLUGIN_API
    suffix = ".txt"

    def render(self, briefing):
        lines = []
        for brief in briefing.briefs:
            titles = {entry.document.id: entry.document.title for entry in brief.documents}
            for sentence in brief.brief:
                lines.append(f"{brief.topic} | {sentence.text} | {titles.get(sentence.document, '')}")
        return "\\n".join(lines) + "\\n"


@hookimpl
def register_exporters(register):
    register($cls)
'''),
}

TESTS = {
    "summarizer": Template("""from briefing import language_kit
from briefing.testing import check_summarizer, sample_document

from $module import $cls


def test_conforms():
    check_summarizer($cls)


def test_prefers_sentences_on_the_main_point():
    document = sample_document(
        "Bees visit clover. Bees carry clover pollen to the hive. The weather was mild. Bees love clover."
    )
    scores = $cls().rate(document, language_kit("en"))
    assert scores[1] > scores[2]
"""),
    "tagger": Template("""from briefing import language_kit
from briefing.testing import check_tagger, sample_document

from $module import $cls


def test_conforms():
    check_tagger($cls)


def test_finds_questions_with_their_evidence():
    document = sample_document("Will the bridge open in May? Engineers think so. Who pays for it?")
    [theme] = $cls().tag(document, language_kit("en"), [document])
    assert theme.name == "open questions"
    assert theme.evidence == ("Will the bridge open in May?", "Who pays for it?")
"""),
    "loader": Template("""from briefing.testing import check_loader

from $module import $cls


def test_conforms():
    check_loader($cls, b"A title\\nFirst paragraph of the note.\\n\\nSecond paragraph.\\n", "note.$name")
"""),
    "cleaner": Template("""from briefing import Document
from briefing.testing import check_cleaner

from $module import $cls


def test_conforms():
    check_cleaner($cls)


def test_drops_credits_and_keeps_prose():
    paragraphs = ["The pier reopened on Monday.", "Photo: Jane Doe / Harbour Gazette", "Fishers were relieved."]
    document = Document(id="d", title="Pier", text="\\n\\n".join(paragraphs), origin="d.txt")
    assert $cls().clean(paragraphs, document) == [paragraphs[0], paragraphs[2]]
"""),
    "exporter": Template("""from briefing.testing import check_exporter, sample_briefing

from $module import $cls


def test_conforms():
    check_exporter($cls)


def test_one_line_per_brief_sentence():
    briefing = sample_briefing()
    lines = $cls().render(briefing).splitlines()
    assert len(lines) == sum(len(b.brief) for b in briefing.briefs)
    assert all(line.count(" | ") >= 2 for line in lines)
"""),
}


def _description(name: str, kind: str) -> str:
    return {
        "summarizer": f"{name}: a word-frequency summarizer",
        "tagger": f"{name}: tags documents that ask open questions",
        "loader": f"{name}: loads .{name} text files",
        "cleaner": f"{name}: drops picture credits and captions",
        "exporter": f"{name}: one line per brief sentence",
    }[kind]


def new_plugin(name: str, kind: str, parent: Path) -> Path:
    """Write the package for plugin ``name`` of ``kind`` under ``parent``; returns its folder."""
    if not _NAME.match(name):
        raise ScaffoldError(f"{name!r} is not a plugin name: use lower-case letters, digits and hyphens")
    if kind not in KINDS:
        raise ScaffoldError(f"unknown kind {kind!r} (kinds: {', '.join(KINDS)})")
    package = f"briefing-{name}"
    module = f"briefing_{name.replace('-', '_')}"
    values = {
        "name": name,
        "kind": kind,
        "package": package,
        "module": module,
        "cls": "".join(part.title() for part in name.split("-")) + kind.title(),
        "description": _description(name, kind),
    }
    values["usage"] = Template(USAGE[kind]).substitute(values)
    root = parent / package
    if root.exists():
        raise ScaffoldError(f"{root} already exists")
    files = {
        root / "pyproject.toml": PYPROJECT.substitute(values),
        root / "README.md": README.substitute(values),
        root / "src" / module / "__init__.py": MODULES[kind].substitute(values),
        root / "tests" / f"test_{module}.py": TESTS[kind].substitute(values),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
