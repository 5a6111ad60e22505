"""YAML 1.2 that libyaml refuses: read again with ruamel.yaml's pure parser (source/composer.py).

The constructs are those of the YAML test suite's valid cases (yaml/yaml-test-suite; the case
id is named beside each) that journeyctl refused with E001 until the fallback read them,
written here as small maps. The rest checks that a document read by the fallback gets what
one read by libyaml gets: the same node tree and positions, and the same limits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from conftest import EXAMPLES, ROOT
from journeyctl.core.errors import LoadError
from journeyctl.source.composer import compose_text
from journeyctl.source.loader import parse_document

HEAD = "journeyctl: 1\n"
# Valid YAML 1.2 that libyaml refuses, appended to a text to make the fallback read it.
FALLBACK = "x-why: [Why now?]\n"

# name (suite case), text, data read
READ = [
    (
        "a `?` ending plain text in a flow list (issue 18)",
        "questions: [Who is looking for the solution?, Why now?]\n",
        {"questions": ["Who is looking for the solution?", "Why now?"]},
    ),
    (
        "a `?` ending a key in a flow mapping",
        "answers: {Why now?: Budget season}\n",
        {"answers": {"Why now?": "Budget season"}},
    ),
    (
        "tabs in a literal block's content (issue 18)",
        "description: |\n  \tcolumn one\tcolumn two\n  next\n",
        {"description": "\tcolumn one\tcolumn two\nnext\n"},
    ),
    ("a tab starting a literal block's content (96NN)", "description: |-\n \tbar\n", {"description": "\tbar"}),
    (
        "a tab starting a literal block at the end of the file (96NN)",
        "description: |-\n \tbar",
        {"description": "\tbar"},
    ),
    ("a literal block of one tab (Y79Y)", "description: |\n \t\ntitle: T\n", {"description": "\t\n", "title": "T"}),
    (
        "an anchor defined again: later aliases take the new one (3GZX)",
        "x-a: &who Payments\nowner: *who\nx-b: &who Growth\nreviewer: *who\n",
        {"owner": "Payments", "reviewer": "Growth"},
    ),
    (
        "anchor names with a colon (2SXE) and other signs (W5VH)",
        'owner: &team: Payments\nreviewer: *team:\nx-c: &:@*!$"<who>: Growth\napprover: *:@*!$"<who>:\n',
        {"owner": "Payments", "reviewer": "Payments", "approver": "Growth"},
    ),
    (
        "a flow mapping over lines: a space before `:`, a key without a value (4ABK)",
        'links: {\ndocs : "https://example.com/docs",\nhttps://example.com/faq,\n}\n',
        {"links": {"docs": "https://example.com/docs", "https://example.com/faq": None}},
    ),
]
READ_WHOLE = [
    # A value starting with `:` in a flow mapping: ruamel reads it in a flow mapping at the top only.
    ("a value starting with `:` in braces (58MP)", "{journeyctl: 1, mood: :x}\n", {"journeyctl": 1, "mood": ":x"}),
]
# Valid YAML with a key left out: read, then refused as a map's key (E012), not as a syntax error.
MISSING_KEY = "A key is missing before this `:`."
EMPTY_KEYS = [
    ("a block mapping without keys (2JQS, NHX8, SM9W)", ": a\n", (2, 1)),
    ("an entry without a key after one (S3PD)", "title: T\n: # both empty\n", (3, 1)),
    ("a second value for an explicit key (6M2F)", "? &a a\n: &b b\n: *a\n", (4, 1)),
    ("completely empty flow nodes (FRK4)", "x: {\n  ? foo :,\n  : bar,\n}\n", (4, 3)),
]


PARSER_TAB = "YAML allows this tab character, but journeyctl's YAML parser stops at it: write a space instead, or put the value in quotes if the tab is part of it."
TAB_INDENT = "A tab character is used for indentation; YAML allows only spaces there."
# Both parsers refuse: name, text, the error reported (line, column, message).
REFUSED = [
    (
        "the pure parser read further: its error",
        'questions: [Why now?]\ntitle: "Checkout\n',
        (3, 8, 'The text quoted here is never closed: add the closing ".'),
    ),
    (
        "the pure parser read further: its wording of a badly indented item",
        "questions: [Why now?]\nstages:\n  - id: a\n - id: b\n",
        (5, 2, "This line does not line up with the lines around it: check its indentation."),
    ),
    ("a tab between tokens before libyaml's error: the tab", "owner:\tMe\nquestions: [Why now?]\n", (2, 7, PARSER_TAB)),
    ("a tab between tokens after libyaml's error: the tab", "questions: [Why now?]\nowner:\tMe\n", (3, 7, PARSER_TAB)),
    ("a tab inside plain text, which the pure parser stops at", "title: To\tdo\nq: [Why now?]\n", (2, 10, PARSER_TAB)),
    (
        "libyaml's false alarm in a block's content is believed last",
        "description: |\n  \tx\nowner:\tMe\n",
        (4, 7, PARSER_TAB),
    ),
    ("a tab indenting a line after a block: indentation", "description: |\n    four\n  \tx\n", (4, 3, TAB_INDENT)),
    ("a tab in the indentation, in both", "stages:\n\t- id: pay\n", (3, 1, TAB_INDENT)),
]


def libyaml_refuses(text: str) -> bool:
    try:
        YAML(typ="safe", pure=False).compose(text)
    except YAMLError:
        return True
    return False


@pytest.mark.parametrize(("text", "data"), [pytest.param(t, d, id=n) for n, t, d in READ])
def test_libyaml_refuses_and_the_map_is_read(text: str, data: dict[str, Any]) -> None:
    assert libyaml_refuses(HEAD + text)
    assert parse_document(HEAD + text, "map.journey.yaml").data == {"journeyctl": 1, **data}


@pytest.mark.parametrize(("text", "data"), [pytest.param(t, d, id=n) for n, t, d in READ_WHOLE])
def test_libyaml_refuses_and_the_whole_map_is_read(text: str, data: dict[str, Any]) -> None:
    assert libyaml_refuses(text)
    assert parse_document(text, "map.journey.yaml").data == data


@pytest.mark.parametrize(("text", "position"), [pytest.param(t, p, id=n) for n, t, p in EMPTY_KEYS])
def test_a_missing_key_is_a_key_error_not_a_syntax_error(text: str, position: tuple[int, int]) -> None:
    assert libyaml_refuses(HEAD + text)
    with pytest.raises(LoadError) as caught:
        parse_document(HEAD + text, "map.journey.yaml")
    assert (caught.value.code, (caught.value.line, caught.value.column), caught.value.message) == (
        "E012",
        position,
        MISSING_KEY,
    )


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=n) for n, t, e in REFUSED])
def test_when_both_refuse_the_error_believed_most_is_reported(text: str, expected: tuple[int, int, str]) -> None:
    with pytest.raises(LoadError) as caught:
        parse_document(HEAD + text, "map.journey.yaml")
    assert (caught.value.code, caught.value.line, caught.value.column, caught.value.message) == ("E001", *expected)


def nodes(node: Any, seen: set[int] | None = None) -> list[tuple[Any, ...]]:
    """Every node of a tree in document order: kind, tag, text, style and where it starts and ends."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return [("alias", node.start_mark.line, node.start_mark.column)]
    seen.add(id(node))
    start, end = node.start_mark, node.end_mark
    text = node.value if node.id == "scalar" else None
    shown = [
        (node.id, node.tag, text, getattr(node, "style", None) or None, start.line, start.column, end.line, end.column)
    ]
    children = node.value if node.id == "sequence" else [part for pair in node.value for part in pair]
    for child in children if node.id != "scalar" else []:
        shown += nodes(child, seen)
    return shown


MAPS = sorted([*EXAMPLES.glob("*.yaml"), *(ROOT / "src/journeyctl/starters").glob("*.yaml")])
# Empty keys and values, which the two parsers place differently (the loader moves the pure parser's).
EMPTY = (
    "journeyctl:\ntitle:   # none yet\n\n\nowner :\n? explicit\n:\nstages:\n  - id:\n    name:\n"
    "scale: {min: , max: # later\n  , x: 1}\ntags: [a: , b]\nlast_reviewed:\r\nid:"
)


@pytest.mark.parametrize(
    "text", [*(path.read_text(encoding="utf-8") for path in MAPS), EMPTY], ids=[*(p.name for p in MAPS), "empty"]
)
def test_the_fallback_composes_the_tree_libyaml_composes(text: str) -> None:
    text = text if text.endswith("\n") else text + "\n"
    assert not libyaml_refuses(text) and libyaml_refuses(text + FALLBACK)
    fast, fallback = nodes(compose_text(text)), nodes(compose_text(text + FALLBACK))
    # All but the root's end (the appended line) and the appended key and value.
    assert fallback[1:-3] == fast[1:] and fallback[0][:-2] == fast[0][:-2]


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
def test_the_fallback_gives_the_same_data_and_positions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast, fallback = parse_document(text, str(path)), parse_document(text + FALLBACK, str(path))
    assert fallback.data == fast.data
    for line in range(1, text.count("\n") + 1):
        assert fallback.source.block_end(line) == fast.source.block_end(line)


BOMB = (
    "l0: &l0 ["
    + ", ".join(["lol"] * 9)
    + "]\n"
    + "".join(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]\n" for level in range(1, 9))
)
LIMITS = [
    ("duplicate key", "title: A\ntitle: B\n"),
    ("duplicate key deep", "stages:\n  - id: a\n    name: A\n    name: B\n"),
    ("python tag", "owner: !!python/object/apply:os.system [ls]\n"),
    ("int tag on text", "owner: !!int abc\n"),
    ("yes stays text", "owner: yes\nlevel: 0o17\nratio: .inf\nempty: ~\nwhen: 2026-11-23\n"),
    ("alias bomb", BOMB),
    ("recursive alias", "stages: &s\n  - *s\n"),
    ("key that is a list", "[a, b]: c\n"),
    ("number too long", "emotion: " + "9" * 101 + "\n"),
    ("an escape naming half of a UTF-16 pair", 'owner: "Ben \\ud800"\n'),
    ("an escaped UTF-16 pair", 'owner: "Ben \\ud83d\\ude00"\n'),
    ("a long escape naming half of a pair, in a key", 'x:\n  "a \\U0000dc00": 1\n'),
    ("an escape past U+10FFFF", 'owner: "\\U00110000"\n'),
    ("a backslash and u in plain text", "owner: C:\\ud800\n"),
    *[
        (f"{shape} nested {depth} deep", text)
        for depth in (80, 300, 2000)
        for shape, text in {
            "flow": "id: " + "[" * depth + "]" * depth + "\n",
            "braces": "id: " + "{a: " * depth + "1" + "}" * depth + "\n",
            "block": "id:\n" + "- " * depth + "x\n",
            "indented": "".join(" " * level + f"k{level}:\n" for level in range(depth)),
        }.items()
    ],
    # Under the depths at which libyaml's composer is walked first, but deeper than Python recurses.
    (
        "indented then flow",
        "".join(" " * level + f"k{level}:\n" for level in range(160)) + " " * 160 + "[" * 330 + "]" * 330,
    ),
]


def outcome(text: str) -> Any:
    try:
        return parse_document(text, "map.journey.yaml").data
    except LoadError as error:
        return (error.code, error.line, error.column, error.message)


@pytest.mark.parametrize("text", [pytest.param(t, id=n) for n, t in LIMITS])
def test_the_fallback_applies_the_same_checks_at_the_same_places(text: str) -> None:
    """Duplicate keys, tags, the core schema, the alias budget and the depth limit."""
    assert libyaml_refuses(HEAD + text + FALLBACK)
    assert outcome(HEAD + text + FALLBACK) == outcome(HEAD + text)


def test_a_yaml_1_1_directive_does_not_bring_back_1_1_booleans_in_the_fallback() -> None:
    # Under `%YAML 1.1` the pure parser too ends plain text at `?` in brackets: a tab in a block it reads.
    text = "%YAML 1.1\n---\njourneyctl: 1\nvalue: yes\nlevel: 0o17\nx-why: |\n \tnote\n"
    assert libyaml_refuses(text)
    assert parse_document(text, "m").data == {"journeyctl": 1, "value": "yes", "level": 15}


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ('owner: "Ben \\ud800"\n', (2, 15)),
        ('x:\n  "a \\U0000dc00": 1\n', (3, 8)),
        ('owner: "\\ud83d\\ude00"\n', (2, 11)),
    ],
)
def test_an_escape_naming_no_character_is_refused_where_libyaml_marks_it(text: str, position: tuple[int, int]) -> None:
    """libyaml refuses it; the pure parser would read it into text that cannot be written out."""
    with pytest.raises(LoadError) as caught:
        parse_document(HEAD + text, "map.journey.yaml")
    assert (caught.value.code, caught.value.line, caught.value.column) == ("E001", *position)
    assert caught.value.message.startswith("This `\\u` or `\\U` escape names no character")
