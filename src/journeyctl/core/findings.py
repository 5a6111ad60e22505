"""What every check produces: a positioned finding about one file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
