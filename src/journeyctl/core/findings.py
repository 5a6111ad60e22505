"""What every check produces: a positioned finding about one file, and its line on a terminal."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from journeyctl.core.textsafety import terminal_text

# How a finding's line looks on a colour terminal: rich style names, by severity.
SEVERITY_STYLES = {"error": "red", "warning": "yellow", "info": "cyan"}


@dataclass(frozen=True)
class Finding:
    """One problem in one file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: str
    message: str

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    """What a check reports before it is stamped with a code and a position.

    `path` is the data path of the offending value (or of its key, `at_key`).
    """

    path: tuple[str | int, ...]
    message: str
    at_key: bool = False


@dataclass
class FileResult:
    """The outcome for one file: its findings, or that it was skipped (not a map) or unreadable."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    skipped: bool = False
    unreadable: bool = False
    fixed: int = 0  # findings `lint --fix` fixed in it


def finding_spans(finding: Finding) -> tuple[tuple[str, str], ...]:
    """A finding's line `path:line:col: CODE name message` as (text, style) spans: the place in bold,
    the rule in its severity's colour; path and message as terminal_text shows them."""
    # A line that starts with `::` is a command to GitHub Actions (`::error`,
    # `::add-mask::`): a file name chosen in a pull request must not start one.
    path = f"./{finding.path}" if finding.path.startswith("::") else finding.path
    return (
        (f"{terminal_text(path)}:{finding.line}:{finding.column}:", "bold"),
        (" ", ""),
        (f"{finding.code} {finding.name}", SEVERITY_STYLES[finding.severity]),
        (f" {terminal_text(finding.message)}", ""),
    )


def format_finding(finding: Finding) -> str:
    """A finding as one plain line, `path:line:col: CODE name message` (lint's text, fmt, git-diff, errors)."""
    return "".join(text for text, _ in finding_spans(finding))
