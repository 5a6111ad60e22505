"""SourceMap.locate: 1-based line and column of keys and values, by data path."""

from __future__ import annotations

import pytest

from journeyctl.source.loader import parse_document

MAP = """\
# Checkout journey
journeyctl: 1
id: checkout
title: "Checkout"
scale: {min: 1, max: 5}
tags: [web, mobile]
stages:
  - id: pay
    name: Pay
    description: |
      Several lines
      of text
    touchpoints:
      - id: card
        name: Card form
        emotion: -1
        pain_points:
          - {id: declined, description: Declined}
  -   id: after
      name: After
"""


@pytest.fixture(scope="module")
def source():
    return parse_document(MAP, "map.journey.yaml").source


@pytest.mark.parametrize(
    ("path", "at_key", "position"),
    [
        ((), False, (2, 1)),
        (("journeyctl",), False, (2, 13)),
        (("journeyctl",), True, (2, 1)),
        (("title",), False, (4, 8)),
        (("scale",), False, (5, 8)),
        (("scale",), True, (5, 1)),
        (("scale", "max"), False, (5, 22)),
        (("scale", "max"), True, (5, 17)),
        (("tags", 1), False, (6, 13)),
        (("tags", 1), True, (6, 13)),
        (("stages",), False, (8, 3)),
        (("stages", 0), False, (8, 5)),
        (("stages", 0, "description"), False, (10, 18)),
        (("stages", 0, "touchpoints", 0, "emotion"), False, (16, 18)),
        (("stages", 0, "touchpoints", 0, "emotion"), True, (16, 9)),
        (("stages", 0, "touchpoints", 0, "pain_points", 0, "description"), False, (18, 41)),
        (("stages", 1), False, (19, 7)),
        (("stages", 1, "name"), True, (20, 7)),
    ],
)
def test_keys_and_values(source, path, at_key, position) -> None:
    assert source.locate(path, at_key) == position


@pytest.mark.parametrize(
    ("path", "at_key", "position"),
    [
        (("owner",), False, (2, 1)),
        (("owner",), True, (2, 1)),
        (("scale", "mid"), False, (5, 8)),
        (("scale", "mid"), True, (5, 1)),
        (("tags", 5), False, (6, 7)),
        (("stages", 0, "touchpoints", 0, "critical"), False, (14, 9)),
        (("stages", 0, "touchpoints", 3, "emotion"), False, (14, 7)),
        (("stages", 0, "touchpoints", 3, "emotion"), True, (13, 5)),
        (("stages", 0, "name", "deeper"), False, (9, 11)),
        (("stages", "name"), False, (8, 3)),
        (("tags", "web"), False, (6, 7)),
        (("scale", 0), False, (5, 8)),
    ],
)
def test_missing_paths_give_the_nearest_existing_ancestor(source, path, at_key, position) -> None:
    assert source.locate(path, at_key) == position


def test_crlf_line_endings() -> None:
    text = MAP.replace("\n", "\r\n")
    source = parse_document(text, "m").source
    assert source.locate(("stages", 0, "touchpoints", 0, "emotion")) == (16, 18)
    assert source.locate(("stages", 1, "name"), at_key=True) == (20, 7)


def test_columns_count_characters_not_bytes() -> None:
    source = parse_document("journeyctl: 1\ntitle: Zürich 🥾\nowner: {naïve: é, x: 1}\n", "m").source
    assert source.locate(("owner", "x")) == (3, 22)


def test_positions_after_a_utf8_bom(tmp_path) -> None:
    from journeyctl.source.loader import load_document

    path = tmp_path / "bom.journey.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + b"journeyctl: 1\nid: checkout\n")
    document = load_document(str(path))
    assert document.data == {"journeyctl": 1, "id": "checkout"}
    assert document.source.locate(("journeyctl",), at_key=True) == (1, 1)
    assert document.source.locate(("id",)) == (2, 5)


def test_extension_keys_are_not_in_the_data_but_positions_stay_right() -> None:
    source = parse_document("journeyctl: 1\nx-note: {a: 1}\nid: checkout\n", "m").source
    assert source.locate(("id",)) == (3, 5)


@pytest.mark.parametrize(
    ("position", "found"),
    [
        ((2, 1), (("journeyctl",), True)),
        ((2, 11), (("journeyctl",), True)),  # just after the key: still on it
        ((2, 13), (("journeyctl",), False)),
        ((4, 10), (("title",), False)),
        ((5, 8), (("scale",), False)),  # on the `{` of a flow mapping
        ((5, 19), (("scale", "max"), True)),
        ((6, 14), (("tags", 1), False)),
        ((8, 5), (("stages", 0, "id"), True)),
        ((8, 10), (("stages", 0, "id"), False)),
        ((11, 9), (("stages", 0, "description"), False)),  # inside a block scalar
        ((16, 19), (("stages", 0, "touchpoints", 0, "emotion"), False)),
        ((18, 44), (("stages", 0, "touchpoints", 0, "pain_points", 0, "description"), False)),
        ((20, 7), (("stages", 1, "name"), True)),
        ((1, 3), None),  # a comment before the top-level mapping
    ],
)
def test_path_at_a_position(source, position, found) -> None:
    assert source.path_at(*position) == found


def test_path_at_finds_an_item_among_thousands() -> None:
    items = "".join(f"  - {{id: t{index}, name: T}}\n" for index in range(5000))
    source = parse_document("journeyctl: 1\nitems:\n" + items, "m").source
    assert source.path_at(4001, 12) == (("items", 3998, "id"), False)


@pytest.mark.parametrize(
    ("path", "at_key", "span"),
    [
        (("title",), False, ((4, 8), (4, 18))),
        (("title",), True, ((4, 1), (4, 6))),
        (("tags", 1), False, ((6, 13), (6, 19))),
        (("scale",), False, ((5, 8), (5, 24))),
        (("stages", 0, "description"), False, ((10, 18), (13, 1))),
        (("stages", 7), False, None),
    ],
)
def test_span_of_a_key_or_value(source, path, at_key, span) -> None:
    assert source.span(path, at_key) == span
