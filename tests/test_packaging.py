"""What a packager meets: one version, a license, type information, extras for what the run
does not need (issue 29)."""

from __future__ import annotations

import importlib.metadata
import sys

from briefing import __version__

from .conftest import REPO, SOURCES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_version_is_written_once_and_read_by_the_build():
    assert "version" not in project() and "version" in project()["dynamic"]
    assert importlib.metadata.version("briefing") == __version__


def test_license_type_information_and_changelog_ship():
    assert (REPO / "LICENSE").is_file() and project()["license-files"] == ["LICENSE"]
    assert (REPO / "src" / "briefing" / "py.typed").is_file()
    package_data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "py.typed" in package_data["package-data"]["briefing"]
    assert f"## [{__version__}]" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_rouge_score_is_an_extra_and_a_run_needs_it_not(cli, monkeypatch, tmp_path):
    assert not any(d.startswith("rouge-score") for d in project()["dependencies"])
    assert any(d.startswith("rouge-score") for d in project()["optional-dependencies"]["evaluate"])
    monkeypatch.setitem(sys.modules, "rouge_score", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "rouge_score.rouge_scorer", None)
    monkeypatch.delitem(sys.modules, "briefing.evaluation.rouge", raising=False)
    code, out, _ = cli("brief", str(SOURCES), "--no-cache", "--workers", "1")
    assert code == 0 and "Topic:" in out
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.txt").write_text("One sentence here. Another one there.", encoding="utf-8")
    (folder / "a.ref.txt").write_text("One sentence here.", encoding="utf-8")
    code, _, err = cli("evaluate", str(folder))
    assert code == 2 and "pip install 'briefing[evaluate]'" in err
