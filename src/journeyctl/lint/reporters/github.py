"""Findings as GitHub Actions workflow commands (annotations), and a step summary table.

GitHub shows only the first ten annotations of each kind per step, so when the
run has a step summary file the findings are also written there as a table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from journeyctl.core.findings import FileResult, Finding
from journeyctl.core.markdown import escape_markdown
from journeyctl.core.textsafety import annotation_property, annotation_text
from journeyctl.lint.reporters.locations import display_path
from journeyctl.lint.reporters.tally import Tally

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
# A step summary holds at most 1 MiB; past this many rows the table is cut.
MAX_SUMMARY_ROWS = 1000


def format_annotation(finding: Finding) -> str:
    """`::error file=…,line=…,col=…,title=CODE name::message` for one finding."""
    properties = {
        "file": display_path(finding.path),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": f"{finding.code} {finding.name}",
    }
    joined = ",".join(f"{key}={annotation_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{annotation_text(finding.message)}"


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write one annotation per finding as they come, then the summary line (not with `quiet`)."""
    for result in tally.watch(results):
        for finding in result.findings:
            out.write(format_annotation(finding) + "\n")
    if not quiet:
        out.write(tally.sentence() + "\n")


def summary_markdown(results: Iterable[FileResult], tally: Tally) -> str:
    """The step summary: a heading, the summary line and a table of the findings."""
    findings = [finding for result in results for finding in result.findings]
    lines = ["## journeyctl lint", "", escape_markdown(tally.sentence()), ""]
    if findings:
        lines += ["| Severity | File | Line | Rule | Message |", "| --- | --- | --- | --- | --- |"]
        lines += [_row(finding) for finding in findings[:MAX_SUMMARY_ROWS]]
        if len(findings) > MAX_SUMMARY_ROWS:
            lines += [
                "",
                f"… and {len(findings) - MAX_SUMMARY_ROWS} more findings (run `journeyctl lint` to see them all).",
            ]
        lines.append("")
    return "\n".join(lines) + "\n"


def _row(finding: Finding) -> str:
    cells = (
        finding.severity,
        display_path(finding.path),
        f"{finding.line}:{finding.column}",
        f"{finding.code} {finding.name}",
        finding.message,
    )
    return "| " + " | ".join(escape_markdown(cell) for cell in cells) + " |"
