"""Findings as `serve` shows them: `file:line:col`, and the lines of the file they point at."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeyctl.core.findings import Finding
from journeyctl.source.yamlerrors import LINE_BREAKS

# A line longer than this is shown as a window around the column (a minified file is one long line).
_WIDEST = 240
# Excerpts past this many findings would make the page long without helping: the findings are still listed.
MAX_EXCERPTS = 50


@dataclass(frozen=True)
class SourceLine:
    """One line of the file; on the finding's own line, `at` is the character the column points at."""

    number: int
    before: str
    at: str = ""
    after: str = ""
    target: bool = False


@dataclass(frozen=True)
class FindingView:
    """A finding with where it is, written as lint writes it, and its lines."""

    finding: Finding
    location: str
    lines: tuple[SourceLine, ...]


def finding_views(findings: Sequence[Finding], text: str, context: int) -> list[FindingView]:
    """Each finding with `context` lines either side of its own (none when the text is unknown)."""
    lines = LINE_BREAKS.split(text) if text else []
    views = []
    for index, finding in enumerate(findings):
        shown = _excerpt(lines, finding, context) if index < MAX_EXCERPTS else ()
        views.append(FindingView(finding, f"{finding.path}:{finding.line}:{finding.column}", shown))
    return views


def _excerpt(lines: list[str], finding: Finding, context: int) -> tuple[SourceLine, ...]:
    if not 1 <= finding.line <= len(lines):
        return ()
    first, last = max(1, finding.line - context), min(len(lines), finding.line + context)
    if finding.line < last == len(lines) and not lines[-1]:  # the "line" after the file's final line break
        last -= 1
    return tuple(_line(number, lines[number - 1], finding) for number in range(first, last + 1))


def _line(number: int, text: str, finding: Finding) -> SourceLine:
    if number != finding.line:
        return SourceLine(number, _clip(text))
    index = min(max(finding.column - 1, 0), len(text))
    start = 0 if len(text) <= _WIDEST else max(0, index - _WIDEST // 2)
    end = start + _WIDEST
    before = ("…" if start else "") + text[start:index]
    after = text[index + 1 : end] + ("…" if end < len(text) else "")
    # A column just past the end of the line (a missing value) is marked as a space.
    return SourceLine(number, before, text[index : index + 1] or " ", after, target=True)


def _clip(text: str) -> str:
    return text if len(text) <= _WIDEST else text[:_WIDEST] + "…"
