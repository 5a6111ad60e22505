"""Golden cases: messy maps and the exact canonical text fmt gives them.

Set JOURNEYCTL_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate
change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from meaning import assert_same_meaning

from journeyctl.formatter.engine import format_text

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(path.name.removesuffix(".input.yaml") for path in GOLDEN.glob("*.input.yaml"))


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", CASES)
def test_golden(name):
    source = read(GOLDEN / f"{name}.input.yaml")
    expected_file = GOLDEN / f"{name}.expected.yaml"
    formatted = format_text(source, f"{name}.input.yaml")
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN"):
        expected_file.write_bytes(formatted.encode("utf-8"))
    assert formatted == read(expected_file)


@pytest.mark.parametrize("name", CASES)
def test_golden_output_is_a_fixed_point(name):
    expected = read(GOLDEN / f"{name}.expected.yaml")
    assert format_text(expected, f"{name}.expected.yaml") == expected


@pytest.mark.parametrize("name", CASES)
def test_golden_meaning_and_comments_are_kept(name):
    source = read(GOLDEN / f"{name}.input.yaml")
    assert_same_meaning(source, format_text(source, "input.yaml"))


def test_there_are_golden_cases():
    assert len(CASES) >= 9
    assert all((GOLDEN / f"{name}.expected.yaml").exists() for name in CASES)
