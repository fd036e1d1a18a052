"""MkDocs hook: the configuration page's key table, generated from briefing's own settings."""

from __future__ import annotations

from typing import Any

from briefing.config_reference import reference_table

MARKER = "<!-- reference: briefing.toml keys -->"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if MARKER in markdown:
        return markdown.replace(MARKER, reference_table())
    return markdown
