"""Findings as lines of text: `path:line:col: CODE name message`, grouped by file."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from journeyctl.findings import Finding
from journeyctl.lint import FileResult
from journeyctl.reporters.tally import Tally

_COLOURS = {"error": "31", "warning": "33", "info": "36"}
# Map content is untrusted: control characters (terminal escapes, line breaks)
# and bidirectional overrides in a message must not reach the terminal raw.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters written as escapes (`\\n`, `\\x1b`, `\\u202e`)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\n\t\r":
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def format_finding(f: Finding, colour: bool = False) -> str:
    """One finding as `path:line:col: CODE name message`."""
    where = _paint(f"{printable(f.path)}:{f.line}:{f.column}:", "1", colour)
    code = _paint(f"{f.code} {f.name}", _COLOURS[f.severity], colour)
    return f"{where} {code} {printable(f.message)}"


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write findings as they come, then a summary line (not with `quiet`)."""
    for result in tally.watch(results):
        for finding in result.findings:
            out.write(format_finding(finding, colour) + "\n")
    if not quiet:
        out.write(tally.sentence() + "\n")
