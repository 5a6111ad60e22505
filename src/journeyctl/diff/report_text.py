"""Changes as text for a terminal or a pager: grouped by stage, the emotion curve, a summary."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from journeyctl.core.textsafety import terminal_text
from journeyctl.diff.changes import Change, DiffResult
from journeyctl.diff.curve import LEGEND, curve_lines
from journeyctl.diff.values import json_quote
from journeyctl.diff.wording import SIGNS, Style, field_values, journey_heading, outcome, stage_heading, subject
from journeyctl.system.terminal import Span, line_writer

# rich styles of the signs (and of the before and after lines), on a colour terminal.
_STYLES = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan"}
# A change whose values do not fit on one line shows them on two lines, - and +.
_INLINE_WIDTH = 72
# Text values in JSON quoting, so that quotes and line breaks inside them are unambiguous.
TEXT = Style(escape=terminal_text, quote=json_quote)


def write(result: DiffResult, out: TextIO, colour: bool = False) -> None:
    """Write the changes grouped under the journey and each stage, in journey order."""
    if not result.changes:
        out.write(result.summary() + "\n")
        return
    write_line = line_writer(out, colour)
    for stage, changes in groupby(result.changes, key=lambda change: change.stage):
        heading = journey_heading(result, TEXT) if stage is None else stage_heading(result, stage, TEXT)
        write_line([(heading, "bold")])
        for change in changes:
            for line in change_lines(change, result):
                write_line(line)
    curve = curve_lines(result)
    if curve:
        out.write("\n" + LEGEND + "\n" + "".join(f"  {line}\n" for line in curve))
    out.write("\n" + result.summary() + "\n")


def change_lines(change: Change, result: DiffResult) -> list[list[Span]]:
    """One change as one line (two more for long values), indented under its heading, as spans."""
    sign = (SIGNS[change.kind], _STYLES[change.kind])
    what = subject(change, TEXT)
    if change.kind != "changed":
        return [[("  ", ""), sign, (f" {what} {outcome(change, result, TEXT)}", "")]]
    name, before, after = field_values(change, TEXT)
    rest = f" {what}: {name} {before} → {after}"
    if len(f"  {SIGNS[change.kind]}{rest}") <= _INLINE_WIDTH:
        return [[("  ", ""), sign, (rest, "")]]
    return [
        [("  ", ""), sign, (f" {what}: {name}", "")],
        [("      ", ""), (f"- {before}", _STYLES["removed"])],
        [("      ", ""), (f"+ {after}", _STYLES["added"])],
    ]
