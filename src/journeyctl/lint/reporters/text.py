"""Findings as lines of text: `path:line:col: CODE name message`, grouped by file.

The line itself is core's (`finding_spans`), shared with fmt, git-diff and the command
line's errors; on a colour terminal the place is bold and the rule in its severity's colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from journeyctl.core.findings import FileResult, finding_spans
from journeyctl.lint.reporters.tally import Tally
from journeyctl.system.terminal import line_writer


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write findings as they come, then a summary line (not with `quiet`)."""
    write_line = line_writer(out, colour)
    for result in tally.watch(results):
        for finding in result.findings:
            write_line(finding_spans(finding))
    if not quiet:
        out.write(tally.sentence() + "\n")
        if tally.fixing:
            out.write(tally.fix_sentence() + "\n")
