"""fmt over files: which files, what happens to each, and what the user is told.

Each file's outcome is data (unchanged, changed, failed or skipped) until the
report at the end. A file is written only when its text changes, atomically;
a file that fails is never touched.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from journeyctl.check.service import Checked, Checker, check_paths
from journeyctl.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, InvalidInput, JourneyctlError
from journeyctl.core.findings import Finding, format_finding
from journeyctl.core.textsafety import terminal_text
from journeyctl.formatter.engine import format_document
from journeyctl.source.discovery import Search
from journeyctl.source.loader import BOM
from journeyctl.system.atomic import write_atomically

WRITE, CHECK, DIFF = "write", "check", "diff"


@dataclass
class Outcome:
    """What fmt makes of one file."""

    path: str
    status: str  # "unchanged", "changed", "failed" or "skipped"
    before: str = ""
    after: str = ""
    bom: bool = False
    findings: list[Finding] = field(default_factory=list)
    message: str = ""


def format_checked(checked: Checked) -> Outcome:
    """Format one checked file in memory; a file found in a folder that is not a map is skipped."""
    path = checked.path
    if checked.skipped:
        return Outcome(path, "skipped")
    try:
        document, _ = checked.require()
        after = format_document(checked.text, document)
    except InvalidInput as invalid:
        return Outcome(path, "failed", findings=invalid.findings)
    except JourneyctlError as error:
        return Outcome(path, "failed", message=str(error))
    status = "unchanged" if after == checked.text else "changed"
    return Outcome(path, status, checked.text, after, checked.bom)


def format_paths(paths: list[str], jobs: int | None = None, search: Search | None = None) -> Iterator[Outcome]:
    """The outcome for every file the paths name, searched like `lint` does, in
    order; formatted in parallel processes when there are many."""
    outcomes = check_paths(paths, Checker("fmt"), format_checked, jobs, largest_chunk=8, search=search)
    yield from (outcome for outcome in outcomes if outcome.status != "skipped")


def run(paths: list[str], mode: str, out: TextIO, err: TextIO, search: Search | None = None) -> int:
    """Format, check or diff; report; the exit code (0, 1 changes found, 2 errors).

    What `search` notes (a path that does not exist, a folder without maps) is the caller's to tell.
    """
    counts = {"changed": 0, "unchanged": 0, "failed": 0}
    notes = err if mode == DIFF else out
    for outcome in format_paths(paths, search=search):
        if outcome.status == "changed" and mode == WRITE:
            outcome = _write(outcome)
        counts[outcome.status] += 1
        for finding in outcome.findings:
            err.write(format_finding(finding) + "\n")
        if outcome.message:
            err.write(f"journeyctl: {terminal_text(outcome.message)}\n")
        if outcome.status != "changed":
            continue
        if mode == DIFF:
            out.writelines(unified_diff(outcome.path, outcome.before, outcome.after))
        notes.write(("Reformatted: " if mode == WRITE else "Would reformat: ") + terminal_text(outcome.path) + "\n")
    notes.write(summary(counts, mode) + "\n")
    if counts["failed"]:
        return EXIT_ERROR
    return EXIT_FINDINGS if counts["changed"] and mode != WRITE else EXIT_CLEAN


def unified_diff(path: str, old: str, new: str) -> list[str]:
    """The change from `old` to `new` text of a file, as a unified diff (`--- path` / `+++ path`)."""
    before = old.replace("\r\n", "\n").splitlines(keepends=True)
    after = new.replace("\r\n", "\n").splitlines(keepends=True)
    label = terminal_text(path)
    lines = list(difflib.unified_diff(before, after, fromfile=label, tofile=label))
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]


def summary(counts: dict[str, int], mode: str) -> str:
    """`2 files reformatted, 1 file left unchanged.` and the like."""
    changed = "reformatted" if mode == WRITE else "would be reformatted"
    parts = [
        _files(counts["changed"], changed),
        _files(counts["unchanged"], "left unchanged" if mode == WRITE else "already formatted"),
    ]
    if counts["failed"]:
        parts.append(_files(counts["failed"], "not formatted (errors above)"))
    if not any(counts.values()):
        return "No journey maps found."
    return ", ".join(part for part in parts if part) + "."


def _files(count: int, what: str) -> str:
    return f"{count} file{'s' if count != 1 else ''} {what}" if count else ""


def _write(outcome: Outcome) -> Outcome:
    try:
        write_atomically(outcome.path, (BOM if outcome.bom else b"") + outcome.after.encode("utf-8"))
    except JourneyctlError as error:
        outcome.status, outcome.message = "failed", str(error)
    return outcome
