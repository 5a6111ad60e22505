"""Golden files for the lint-in-CI tests: compare, or rewrite with JOURNEYCTL_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
GOLDEN = HERE / "golden"


def assert_golden(name: str, actual: str) -> None:
    """`actual` must equal the golden file `name`; with JOURNEYCTL_UPDATE_GOLDEN=1 it becomes it."""
    path = GOLDEN / name
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {path}: run with JOURNEYCTL_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")
