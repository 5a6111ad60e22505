"""Findings as one JSON document: `findings` and a `summary`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from journeyctl import __version__
from journeyctl.core.findings import FileResult
from journeyctl.core.textsafety import json_text
from journeyctl.lint.reporters.tally import Tally


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write one JSON document once every file is checked."""
    findings = [finding.to_dict() for result in tally.watch(results) for finding in result.findings]
    summary = {"files": tally.files, "unreadable": tally.unreadable, **{f"{k}s": v for k, v in tally.counts.items()}}
    document = {"tool": "journeyctl", "version": __version__, "findings": findings, "summary": summary}
    out.write(json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
