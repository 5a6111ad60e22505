"""Changes as GitHub-flavoured Markdown, for a pull-request comment or $GITHUB_STEP_SUMMARY.

Map content is untrusted: every piece of it goes through `escape_markdown`, so
it can neither break the table, nor add links, images, HTML or mentions.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from journeyctl.core.markdown import escape_markdown
from journeyctl.diff.changes import Change, DiffResult
from journeyctl.diff.curve import LEGEND, curve_lines
from journeyctl.diff.wording import Style, field_values, journey_heading, outcome, stage_heading, subject


def _quote(text: str) -> str:
    return f'"{text}"'


MARKDOWN = Style(escape=escape_markdown, quote=_quote)


def write(result: DiffResult, out: TextIO, colour: bool = False) -> None:
    """Write a heading, the summary, a table per group (journey, each stage) and the curve."""
    out.write("### Journey map changes\n\n")
    old, new = escape_markdown(result.old_label), escape_markdown(result.new_label)
    out.write(f"**{old}** → **{new}**: {result.summary()}\n")
    for stage, changes in groupby(result.changes, key=lambda change: change.stage):
        heading = journey_heading(result, MARKDOWN) if stage is None else stage_heading(result, stage, MARKDOWN)
        out.write(f"\n#### {heading}\n\n| Change | Item | Details |\n| --- | --- | --- |\n")
        for change in changes:
            out.write(format_row(change, result))
    curve = curve_lines(result)
    if curve:
        out.write(f"\n{LEGEND}\n\n```text\n" + "".join(f"{line}\n" for line in curve) + "```\n")


def format_row(change: Change, result: DiffResult) -> str:
    """One change as a table row."""
    what = subject(change, MARKDOWN)
    if change.kind == "changed":
        name, before, after = field_values(change, MARKDOWN)
        details = f"**{name}**: {before} → {after}"
    else:
        details = outcome(change, result, MARKDOWN)
    return f"| {change.kind} | {what} | {details} |\n"
