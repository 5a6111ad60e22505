"""The diff of two sides: read both, then hand them to the differ."""

from __future__ import annotations

from journeyctl.diff.changes import DiffResult
from journeyctl.diff.differ import diff_maps
from journeyctl.diff.sources import read_side


def compare(old_spec: str, new_spec: str) -> DiffResult:
    """The changes from OLD to NEW (each a file, `/dev/null` or `REV:PATH`).

    Raises InvalidInput when a side does not load, GitError when git cannot
    give a side, UsageError for a folder.
    """
    old, new = read_side(old_spec), read_side(new_spec)
    return DiffResult(old.label, new.label, old.model, new.model, diff_maps(old.model, new.model))
