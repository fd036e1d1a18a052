"""docs/plugins.md and the README stay true: hook texts match hookspecs.py, examples work, every key is listed."""

from __future__ import annotations

import inspect
import re
import textwrap

import pytest

from briefing import Cleaner, Exporter, Loader, Summarizer, Tagger, hookspecs, interfaces
from briefing.testing import check_cleaner, check_exporter, check_loader, check_summarizer, check_tagger

from .conftest import REPO

GUIDE = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
HOOKS = [name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("register_")]


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_every_hook_has_a_section_with_its_docstring():
    documented = re.findall(r"^### `(\w+)\((?:register|cli)\)`", GUIDE, re.MULTILINE)
    assert sorted(documented) == sorted(HOOKS)
    for name in HOOKS:
        assert squeeze(inspect.getdoc(getattr(hookspecs, name))) in squeeze(GUIDE), name


@pytest.mark.parametrize(
    "cls, method",
    [
        ("Summarizer", "rate"),
        ("Tagger", "tag"),
        ("Tagger", "analyse"),
        ("Tagger", "analysis"),
        ("Loader", "load"),
        ("Cleaner", "clean"),
        ("Loader", "accepts"),
        ("Exporter", "render"),
    ],
)
def test_every_plugin_method_is_documented_as_in_the_code(cls, method):
    assert squeeze(inspect.getdoc(getattr(getattr(interfaces, cls), method))) in squeeze(GUIDE)


def test_the_guides_example_plugins_work():
    blocks = re.findall(r"```python\n(.*?)```", GUIDE, re.DOTALL)
    examples = [b for b in blocks if "from briefing import" in b and "@hookimpl" in b]  # whole plugin modules
    checked = set()
    for block in examples:
        namespace: dict[str, object] = {}
        exec(compile(textwrap.dedent(block), "docs/plugins.md", "exec"), namespace)
        for value in namespace.values():
            if not inspect.isclass(value) or value in (Summarizer, Tagger, Loader, Exporter, Cleaner):
                continue
            if issubclass(value, Summarizer):
                check_summarizer(value, {"words": ["pier"]})
            elif issubclass(value, Tagger):
                check_tagger(value)
            elif issubclass(value, Loader):
                check_loader(value, b"#+TITLE: Harbour notes\nThe pier closes in May.\n", "notes.org")
            elif issubclass(value, Exporter):
                check_exporter(value)
            elif issubclass(value, Cleaner):
                check_cleaner(value)
            else:
                continue
            checked.add(value.kind)
    assert checked == {"summarizer", "tagger", "loader", "exporter", "cleaner"}


def test_the_key_table_lists_every_binding_of_the_main_screen():
    from textual.binding import Binding

    from briefing.tui.screens.main import MainScreen

    page = (REPO / "docs" / "reading-room.md").read_text(encoding="utf-8")
    table = page.split("| Key | Action | Binding id |", 1)[1]
    table = table.split("\n\n", 1)[0]
    for binding in MainScreen.BINDINGS:
        assert isinstance(binding, Binding)
        assert f"`{binding.id}`" in table, binding.id


def test_the_configuration_page_lists_every_key_with_the_default_a_run_uses():
    """The key table is generated into the page from the settings (docs/_hooks), so no page can
    state another default; the hook's marker must stay in the page."""
    from briefing.config import KEYS
    from briefing.config_reference import reference, reference_table
    from briefing.settings import FetchOptions, Settings

    page = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert "<!-- reference: briefing.toml keys -->" in page
    rows = {key: default for key, _, default, _ in reference()}
    assert list(rows) == list(KEYS)
    assert (
        rows["summarizer"] == f'`"{Settings().summarizer}"`'
        and rows["fetch_timeout"] == f"`{FetchOptions().timeout:g}`"
    )
    assert rows["topic_threshold"] == f"`{Settings().topic_threshold}`"
    assert all(f"| `{key}` |" in reference_table() for key in KEYS)


def test_every_docs_page_is_in_the_site_navigation():
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))

    def pages(entries):
        for entry in entries:
            for value in entry.values():
                yield from pages(value) if isinstance(value, list) else [value]

    listed = set(pages(config["nav"]))
    assert listed == {p.name for p in (REPO / "docs").glob("*.md")}
    assert all((REPO / "docs" / page).is_file() for page in listed)
