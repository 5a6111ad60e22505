"""50,000-deep nesting must not crash the process (libyaml recurses in C): a real subprocess."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY, run_journeyctl

DEPTH = 50_000
TOO_DEEP = "E003 unsupported-file The file nests deeper than 64 levels; a journey map needs fewer than ten."


def test_deep_nesting_is_refused_without_crashing(tmp_path: Path) -> None:
    # At the same node as a map nested just past the limit is (the 65th level below the root).
    files = {
        "flow.journey.yaml": "journeyctl: 1\nid: " + "[" * DEPTH + "]" * DEPTH + "\n",
        "braces.journey.yaml": "journeyctl: 1\nid: " + "{a: " * DEPTH + "1" + "}" * DEPTH + "\n",
        "block.journey.yaml": "journeyctl: 1\nid:\n" + "- " * DEPTH + "x\n",
        "keys.journey.yaml": "journeyctl: 1\nid:\n" + "? " * DEPTH + "x\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_journeyctl("lint", *files, "--today", TODAY, cwd=tmp_path)
    assert result.stderr == ""
    assert result.returncode == 1
    assert result.stdout == (
        f"flow.journey.yaml:2:69: {TOO_DEEP}\n"
        f"braces.journey.yaml:2:261: {TOO_DEEP}\n"
        f"block.journey.yaml:3:129: {TOO_DEEP}\n"
        f"keys.journey.yaml:3:131: {TOO_DEEP}\n"
        "Found 4 errors and 0 warnings in 4 of 4 files.\n"
    )
