"""fmt copies each value from the file: the text of scalars, anchors and tags, re-indented where it moves."""

from __future__ import annotations

import pytest
from meaning import assert_same_meaning

from journeyctl.core.errors import JourneyctlError
from journeyctl.formatter.engine import canonical_text, format_text

HEAD = "journeyctl: 1\nid: a\ntitle: A\nstages:\n  - id: s\n    name: S\n"
CASES = {
    "block scalar re-indented under its key": (
        "stages:\n-   id: s\n    name: S\n    description: >-\n            folded\n            text\n\n              more\n",
        "stages:\n  - id: s\n    name: S\n    description: >-\n      folded\n      text\n\n        more\n",
    ),
    "indentation digit kept, counted from the key": (
        "stages:\n    -   id: s\n        name: S\n        description: |2\n             two extra\n            base\n",
        "stages:\n  - id: s\n    name: S\n    description: |2\n         two extra\n        base\n",
    ),
    "kept trailing lines of a |+ block": (
        "stages:\n  - name: S\n    description: |+\n      kept\n\n\n    id: s\n",
        "stages:\n  - id: s\n    name: S\n    description: |+\n      kept\n\n\n",
    ),
    "quoted text over lines, in brackets": (
        HEAD + "tags: [\"a\n   b\", 'c\n        d', e]\n",
        HEAD.replace("stages:", "tags: [\"a\n  b\", 'c\n  d', e]\nstages:"),
    ),
    "escaped line break in double quotes": (
        HEAD + 'owner: "a\\\n        b"\n',
        HEAD.replace("stages:", 'owner: "a\\\n  b"\nstages:'),
    ),
    "anchor written where the value comes first": (
        "x-b: &z 5\n" + HEAD + "review_every_days: *z\n",
        "x-b: &z 5\n" + HEAD.replace("stages:", "review_every_days: *z\nstages:"),
    ),
    "anchored mapping used again": (
        HEAD + "x-a: &base\n  k: v\nx-b: *base\n",
        HEAD + "x-a: &base\n  k: v\nx-b: *base\n",
    ),
    "tags on values and collections": (
        HEAD + "x-t: !!str 3\nx-m: !!map {a: 1}\nx-s: !custom\n- a\n",
        HEAD + "x-t: !!str 3\nx-m: !!map\n  a: 1\nx-s: !custom\n  - a\n",
    ),
    "lists of lists": (
        HEAD + "x-n:\n- - a\n  - b\n-\n  - c\n- [d, e]\n",
        HEAD + "x-n:\n  - - a\n    - b\n  - - c\n  - [d, e]\n",
    ),
    "the same data spelled one way": (
        HEAD + "x-v: [True, FALSE, ~, +1, +1.5, 0x1F, 1_000, .NaN]\nx-e: ~\nx-l:\n  - null\n",
        HEAD + "x-v: [true, false, null, 1, +1.5, 0x1F, 1_000, .NaN]\nx-e:\nx-l:\n  -\n",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_values_are_copied_and_reindented(name):
    source, expected = CASES[name]
    text = source if source.startswith(("journeyctl", "x-")) else HEAD.split("stages:")[0] + source
    want = expected if expected.startswith(("journeyctl", "x-")) else HEAD.split("stages:")[0] + expected
    formatted = format_text(text, "map.yaml")
    assert formatted == want
    assert format_text(formatted, "map.yaml") == formatted
    assert_same_meaning(text, formatted)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_are_kept(newline):
    source = (HEAD + "owner: Ops   # the team\n").replace("\n", newline)
    expected = HEAD.replace("stages:", "owner: Ops  # the team\nstages:").replace("\n", newline)
    assert format_text(source, "map.yaml") == expected


def test_a_key_over_several_lines_is_left_as_it_is():
    with pytest.raises(JourneyctlError) as refused:
        format_text(HEAD + "x-k:\n  ? |\n    long\n  : v\n", "map.yaml")
    assert str(refused.value) == (
        "map.yaml: not formatted: fmt does not lay out a key written over several lines "
        "(or a key that is a block list or mapping); the file is left as it is."
    )


def test_new_data_is_written_as_fmt_lays_it_out():
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    tags = CommentedSeq(["a", "b"])
    tags.fa.set_flow_style()
    stage = CommentedMap([("name", "S"), ("id", "s"), ("description", LiteralScalarString("one\ntwo\n"))])
    data = CommentedMap([("title", "T: new"), ("journeyctl", 1), ("id", "t"), ("tags", tags), ("stages", [stage])])
    text = canonical_text(data)
    assert text == (
        "journeyctl: 1\nid: t\ntitle: 'T: new'\ntags: [a, b]\nstages:\n"
        "  - id: s\n    name: S\n    description: |\n      one\n      two\n"
    )
    assert format_text(text, "map.yaml") == text
