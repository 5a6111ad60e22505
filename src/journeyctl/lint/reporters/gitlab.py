"""Findings as a GitLab Code Quality report: a JSON array of Code Climate issues.

GitLab shows them in the merge request's Code Quality widget and on the changed
lines. It tells an issue that was already there from a new one by `fingerprint`,
so a fingerprint must not change when unrelated lines move: it is made of the
file, the rule and the message, plus a counter for identical findings in one file,
never of line numbers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, TextIO

from journeyctl.core.findings import FileResult, Finding
from journeyctl.lint.reporters.locations import display_path
from journeyctl.lint.reporters.tally import Tally

# GitLab's severities: info, minor, major, critical, blocker.
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write the report once every file is checked."""
    issues = [issue for result in tally.watch(results) for issue in _issues(result.findings)]
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _issues(findings: list[Finding]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str, str], int] = {}
    issues = []
    for finding in findings:
        path = display_path(finding.path)
        key = (path, finding.code, finding.message)
        seen[key] = seen.get(key, -1) + 1
        issues.append(
            {
                "description": f"{finding.code} {finding.name}: {finding.message}",
                "check_name": finding.code,
                "fingerprint": _fingerprint(*key, seen[key]),
                "severity": SEVERITIES[finding.severity],
                "location": {"path": path, "lines": {"begin": finding.line}},
            }
        )
    return issues


def _fingerprint(path: str, code: str, message: str, occurrence: int) -> str:
    text = "\0".join((path, code, message, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
