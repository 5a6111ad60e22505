"""Findings as lines of text: `path:line:col: CODE name message`, grouped by file."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from journeyctl.core.findings import FileResult, Finding
from journeyctl.lint.reporters.tally import Tally

_COLOURS = {"error": "31", "warning": "33", "info": "36"}
# Map content is untrusted: control characters (terminal escapes, line breaks)
# and bidirectional overrides (which reorder what a terminal shows) never
# reach the terminal raw.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def visible(text: str) -> str:
    """Control characters (newlines, terminal escapes) from a map shown as `\\n`, `\\x1b`: one finding, one line."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def format_finding(f: Finding, colour: bool = False) -> str:
    """One finding as `path:line:col: CODE name message`."""
    # A line that starts with `::` is a command to GitHub Actions (`::error`,
    # `::add-mask::`): a file name chosen in a pull request must not start one.
    path = f"./{f.path}" if f.path.startswith("::") else f.path
    where = _paint(f"{visible(path)}:{f.line}:{f.column}:", "1", colour)
    code = _paint(f"{f.code} {f.name}", _COLOURS[f.severity], colour)
    return f"{where} {code} {visible(f.message)}"


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write findings as they come, then a summary line (not with `quiet`)."""
    for result in tally.watch(results):
        for finding in result.findings:
            out.write(format_finding(finding, colour) + "\n")
    if not quiet:
        out.write(tally.sentence() + "\n")
