"""The change reporters, by `--format` name. Each is a module with a `write` function."""

from __future__ import annotations

from typing import Protocol, TextIO

from journeyctl.diff import report_json, report_markdown, report_text
from journeyctl.diff.changes import DiffResult


class ChangeReporter(Protocol):
    def __call__(self, result: DiffResult, out: TextIO, colour: bool = ...) -> None: ...


CHANGE_REPORTERS: dict[str, ChangeReporter] = {
    "text": report_text.write,
    "markdown": report_markdown.write,
    "json": report_json.write,
}
