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


def test_end_of_line_comments_sit_two_spaces_after_the_value():
    source = (
        "journeyctl: 1                 # version\nid: a\ntitle: A long title that pushes past   # note\n"
        "owner: Ops\t# after a tab\nstages:  # the stages\n- id: s\n  name: S\n"
    )
    lines = format_text(source, "map.yaml").splitlines()
    assert lines[:4] == [
        "journeyctl: 1  # version",
        "id: a",
        "title: A long title that pushes past  # note",
        "owner: Ops  # after a tab",
    ]
    assert lines[4:6] == ["stages:  # the stages", "  - id: s"]


def test_an_end_of_line_comment_follows_the_key_it_was_written_on():
    source = (
        "journeyctl: 1\nid: a\ntitle: A\nsources:\n  - kind: survey  # about the kind\n    id: src\n"
        "stages:\n  - name: First   # about the name\n    id: first\n    touchpoints:\n"
        "      - emotion: 1  # about the emotion\n        name: T\n        id: t\n"
    )
    assert format_text(source, "map.yaml") == (
        "journeyctl: 1\nid: a\ntitle: A\nsources:\n  - id: src\n    kind: survey  # about the kind\n"
        "stages:\n  - id: first\n    name: First  # about the name\n    touchpoints:\n"
        "      - id: t\n        name: T\n        emotion: 1  # about the emotion\n"
    )


def test_an_end_of_line_comment_on_a_dash_alone_stays_on_the_item_first_line():
    source = "journeyctl: 1\nid: a\ntitle: A\nstages:\n  -   # the first stage\n    name: S\n    id: s\n"
    assert format_text(source, "map.yaml").splitlines()[3:6] == [
        "stages:",
        "  - id: s  # the first stage",
        "    name: S",
    ]


CLOSING = """\
journeyctl: 1
id: a
title: A
stages:
  - id: first
    name: First
    touchpoints:
      - name: T
        id: t
        # still about touchpoint t
      # after the last touchpoint
    # still about the first stage
  - id: second
    name: Second
    touchpoints:
      - id: u
        name: U
        # the end of touchpoint u, at the end of the file
"""


def test_a_comment_at_the_end_of_a_block_keeps_its_indentation():
    assert format_text(CLOSING, "map.yaml") == CLOSING.replace(
        "      - name: T\n        id: t\n", "      - id: t\n        name: T\n"
    )


def test_a_comment_at_the_end_of_a_block_follows_it_when_keys_move():
    source = (
        "journeyctl: 1\nid: a\ntitle: A\nstages:\n  - id: s\n    touchpoints:\n      - id: t\n        name: T\n"
        "        # the end of t\n    name: S\n"
    )
    assert format_text(source, "map.yaml") == (
        "journeyctl: 1\nid: a\ntitle: A\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n"
        "        name: T\n        # the end of t\n"
    )


def test_a_comment_line_indented_like_the_next_key_leads_it():
    source = (
        "journeyctl: 1\nid: a\ntitle: A\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n"
        "        name: T\n  # about the second stage\n  - id: s2\n    name: S2\n"
    )
    assert format_text(source, "map.yaml") == source


def test_comment_indentation_follows_the_new_indentation():
    source = "journeyctl: 1\nid: a\ntitle: A\nstages:\n        # the stage\n    -   id: s\n        name: S\n"
    assert format_text(source, "map.yaml").splitlines()[4:6] == ["  # the stage", "  - id: s"]
