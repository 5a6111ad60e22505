"""Changes as one JSON document: both sides, `changes` in journey order, a `summary`."""

from __future__ import annotations

import json
from typing import TextIO

from journeyctl import __version__
from journeyctl.core.textsafety import json_text
from journeyctl.diff.changes import DiffResult


def write(result: DiffResult, out: TextIO, colour: bool = False) -> None:
    """Write the document; values are plain JSON (dates as ISO strings)."""
    document = {
        "tool": "journeyctl",
        "version": __version__,
        "old": result.old_label,
        "new": result.new_label,
        "changes": [change.to_dict() for change in result.changes],
        "summary": {"changes": len(result.changes), **result.counts()},
    }
    out.write(json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
