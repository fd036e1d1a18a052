"""What a check finds, and how checks run: each failure is a finding, whatever the plugin raised."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..hookspecs import PLUGIN_API
from ..interfaces import Plugin


class ConformanceError(AssertionError):
    """A plugin failed one or more conformance checks; the message lists them."""


@dataclass(frozen=True)
class CheckResult:
    """One check on one plugin: ``status`` is "ok", "warn" or "fail"."""

    check: str
    status: str
    detail: str = ""


def api_check(cls: type[Plugin]) -> CheckResult:
    declared = cls.api_version
    if declared is None:
        return CheckResult("declares the plugin API version", "warn", f"set api_version = {PLUGIN_API} on the class")
    if declared != PLUGIN_API:
        return CheckResult("declares the plugin API version", "fail", f"{declared}, but briefing speaks {PLUGIN_API}")
    return CheckResult("declares the plugin API version", "ok", str(declared))


def run_checks(checks: Sequence[tuple[str, Callable[[], None]]]) -> list[CheckResult]:
    results = []
    for name, check in checks:
        try:
            check()
        except Exception as exc:  # every failure is a finding, whatever the plugin raised
            results.append(CheckResult(name, "fail", f"{type(exc).__name__}: {exc}"))
        else:
            results.append(CheckResult(name, "ok"))
    return results


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ConformanceError(message)
