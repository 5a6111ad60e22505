"""The reporters, by `--format` name. Each is a module with a `write` function."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TextIO

from journeyctl.lint import FileResult
from journeyctl.reporters import json, text
from journeyctl.reporters.tally import Tally


class Reporter(Protocol):
    def __call__(self, results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = ..., quiet: bool = ...) -> None: ...


REPORTERS: dict[str, Reporter] = {"text": text.write, "json": json.write}

__all__ = ["REPORTERS", "Reporter", "Tally"]
