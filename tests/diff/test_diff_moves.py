"""A stage is moved only when its order against the other stages of both versions changed.

Of two items that swapped places, the one that comes first in the new order is
the one reported as moved (the longest run in order keeps the later one).
"""

from __future__ import annotations

import pytest

from journeyctl.diff.differ import diff_maps
from journeyctl.diff.sources import load_side


def journey(*stages: str) -> object:
    lines = ["journeyctl: 1", "id: j", "title: J", "stages:"]
    lines += [f"  - {{id: {stage}, name: {stage.upper()}}}" for stage in stages]
    return load_side("test.yaml", "\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("old", "new", "moves"),
    [
        ("abcde", "eabcd", [("e", 5, 1)]),
        ("abcde", "bcdea", [("a", 1, 5)]),
        ("abcd", "dcba", [("d", 4, 1), ("c", 3, 2), ("b", 2, 3)]),
        ("abcd", "xaybzcd", []),
        ("abcd", "acd", []),
        ("abcdef", "abdcef", [("d", 4, 3)]),
        ("abcdef", "fxbcde", [("f", 6, 1)]),
    ],
)
def test_only_stages_out_of_relative_order_move(old: str, new: str, moves: list[tuple[str, int, int]]) -> None:
    changes = diff_maps(journey(*old), journey(*new))  # type: ignore[arg-type]
    assert [(c.id, c.from_, c.to) for c in changes if c.kind == "moved"] == moves
    assert {c.id for c in changes if c.kind == "added"} == set(new) - set(old)
    assert {c.id for c in changes if c.kind == "removed"} == set(old) - set(new)
