"""Changes as text for a terminal or a pager: grouped by stage, the emotion curve, a summary."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from journeyctl.diff.changes import Change, DiffResult
from journeyctl.diff.curve import LEGEND, curve_lines
from journeyctl.diff.values import json_quote, safe_text
from journeyctl.diff.wording import SIGNS, Style, field_values, journey_heading, outcome, stage_heading, subject

_COLOURS = {"added": "32", "removed": "31", "changed": "33", "moved": "36"}
# A change whose values do not fit on one line shows them on two lines, - and +.
_INLINE_WIDTH = 72
# Text values in JSON quoting, so that quotes and line breaks inside them are unambiguous.
TEXT = Style(escape=safe_text, quote=json_quote)


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def write(result: DiffResult, out: TextIO, colour: bool = False) -> None:
    """Write the changes grouped under the journey and each stage, in journey order."""
    if not result.changes:
        out.write(result.summary() + "\n")
        return
    for stage, changes in groupby(result.changes, key=lambda change: change.stage):
        heading = journey_heading(result, TEXT) if stage is None else stage_heading(result, stage, TEXT)
        out.write(_paint(heading, "1", colour) + "\n")
        for change in changes:
            out.write(format_change(change, result, colour))
    curve = curve_lines(result)
    if curve:
        out.write("\n" + LEGEND + "\n" + "".join(f"  {line}\n" for line in curve))
    out.write("\n" + result.summary() + "\n")


def format_change(change: Change, result: DiffResult, colour: bool = False) -> str:
    """One change as one line (two more for long values), indented under its heading."""
    sign = _paint(SIGNS[change.kind], _COLOURS[change.kind], colour)
    what = subject(change, TEXT)
    if change.kind != "changed":
        return f"  {sign} {what} {outcome(change, result, TEXT)}\n"
    name, before, after = field_values(change, TEXT)
    line = f"  {sign} {what}: {name} {before} → {after}"
    if len(line) <= _INLINE_WIDTH:
        return line + "\n"
    removed = _paint(f"- {before}", _COLOURS["removed"], colour)
    added = _paint(f"+ {after}", _COLOURS["added"], colour)
    return f"  {sign} {what}: {name}\n      {removed}\n      {added}\n"
