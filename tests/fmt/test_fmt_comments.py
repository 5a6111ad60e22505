"""Comments follow the keys they describe when fmt reorders them."""

from __future__ import annotations

from journeyctl.formatter.engine import format_text

MAP = """\
journeyctl: 1
title: Comments travel
stages:
  - id: first
    name: First
# Who to ask about this map.
owner: Research team  # since 2026
id: comments-travel
"""


def test_a_comment_above_a_moved_key_moves_with_it():
    lines = format_text(MAP, "map.yaml").splitlines()
    assert lines == [
        "journeyctl: 1",
        "id: comments-travel",
        "title: Comments travel",
        "# Who to ask about this map.",
        "owner: Research team  # since 2026",
        "stages:",
        "  - id: first",
        "    name: First",
    ]


def test_a_comment_after_a_nested_block_stays_with_the_next_key():
    source = "journeyctl: 1\nid: a\ntitle: A\nstages:\n  - id: s\n    name: S\n    # about the touchpoints\n    touchpoints: []\n# about the tags\ntags: [x]\n"
    assert format_text(source, "map.yaml") == (
        "journeyctl: 1\nid: a\ntitle: A\n# about the tags\ntags: [x]\nstages:\n  - id: s\n    name: S\n"
        "    # about the touchpoints\n    touchpoints: []\n"
    )


def test_an_end_of_line_comment_keeps_its_column_when_it_fits():
    source = "journeyctl: 1                 # version\nid: a\ntitle: A long title that pushes past   # note\nstages:\n- id: s\n  name: S\n"
    lines = format_text(source, "map.yaml").splitlines()
    assert lines[0] == "journeyctl: 1                 # version"
    assert lines[2] == "title: A long title that pushes past   # note"
    assert lines[4] == "  - id: s"


def test_comment_indentation_follows_the_new_indentation():
    source = "journeyctl: 1\nid: a\ntitle: A\nstages:\n        # the stage\n    -   id: s\n        name: S\n"
    assert format_text(source, "map.yaml").splitlines()[4:6] == ["  # the stage", "  - id: s"]
