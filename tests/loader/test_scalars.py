"""YAML 1.2 scalar rules, extension keys and keys as written."""

from __future__ import annotations

import math

import pytest

from journeyctl.source.loader import parse_document


def load(text: str) -> dict:
    return parse_document("journeyctl: 1\n" + text, "map.journey.yaml").data


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF", "tRuE"])
def test_yaml_1_1_booleans_stay_text(word: str) -> None:
    assert load(f"value: {word}\n")["value"] == word


@pytest.mark.parametrize(
    ("written", "value"), [("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False)]
)
def test_only_true_and_false_are_booleans(written: str, value: bool) -> None:
    assert load(f"value: {written}\n")["value"] is value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("0x10", 16),
        ("0o17", 15),
        ("017", 17),
        ("1_000", 1000),
        ("+12", 12),
        ("-7", -7),
        ("0", 0),
    ],
)
def test_integers(written: str, value: int) -> None:
    loaded = load(f"value: {written}\n")["value"]
    assert type(loaded) is int and loaded == value


@pytest.mark.parametrize(
    ("written", "value"),
    [("1.5", 1.5), ("1e3", 1000.0), (".5", 0.5), ("-1.25e-2", -0.0125), (".inf", math.inf), ("-.Inf", -math.inf)],
)
def test_floats(written: str, value: float) -> None:
    loaded = load(f"value: {written}\n")["value"]
    assert type(loaded) is float and loaded == value


def test_nan_is_a_float() -> None:
    assert math.isnan(load("value: .nan\n")["value"])


@pytest.mark.parametrize(
    "written", ["2026-11-23", "2026-11-23T10:00:00Z", "12:30", "1:20:30", "0x", "1e", "_1", "0b2", "v1.0", "1.2.3"]
)
def test_dates_times_and_lookalikes_stay_text(written: str) -> None:
    assert load(f"value: {written}\n")["value"] == written


@pytest.mark.parametrize("written", ["~", "null", "Null", "NULL", ""])
def test_nulls(written: str) -> None:
    assert load(f"value: {written}\n")["value"] is None


def test_quoted_values_are_always_text() -> None:
    assert load("a: '1'\nb: \"true\"\nc: '2026-11-23'\nd: 'null'\n") == {
        "journeyctl": 1,
        "a": "1",
        "b": "true",
        "c": "2026-11-23",
        "d": "null",
    }


def test_percent_yaml_1_1_directive_does_not_bring_back_1_1_booleans() -> None:
    assert parse_document("%YAML 1.1\n---\njourneyctl: 1\nvalue: yes\n", "m").data["value"] == "yes"


def test_extension_keys_are_dropped_at_every_level() -> None:
    data = load(
        "x-top: 1\n"
        "scale: {min: 1, max: 5, x-label: stars}\n"
        "stages:\n"
        "  - id: pay\n"
        "    x-figma: https://figma.example.com\n"
        "    touchpoints:\n"
        "      - id: card\n"
        "        x-notes: {deep: [1, 2, {x-deeper: 3}]}\n"
        "        metrics:\n"
        "          - {name: conversion, value: 1, x-source: ga4}\n"
    )
    assert data == {
        "journeyctl": 1,
        "scale": {"min": 1, "max": 5},
        "stages": [{"id": "pay", "touchpoints": [{"id": "card", "metrics": [{"name": "conversion", "value": 1}]}]}],
    }


def test_only_the_x_dash_prefix_marks_an_extension() -> None:
    assert load("X-upper: 1\nx_under: 2\nxray: 3\n") == {"journeyctl": 1, "X-upper": 1, "x_under": 2, "xray": 3}


def test_keys_are_text_as_written() -> None:
    data = load("0x10: a\ntrue: b\n~: c\n1.50: d\n'quoted': e\n")
    assert list(data) == ["journeyctl", "0x10", "true", "~", "1.50", "quoted"]


def test_quoted_and_plain_spellings_of_a_key_are_one_key() -> None:
    from journeyctl.core.errors import LoadError

    with pytest.raises(LoadError) as caught:
        load("title: a\n'title': b\n")
    assert (caught.value.code, caught.value.line, caught.value.column) == ("E002", 3, 1)


def test_anchors_and_aliases_within_budget_are_copied() -> None:
    data = load("x-team: &team Payments\nowner: *team\nx-tags: &tags [a, b]\ntags: *tags\n")
    assert data == {"journeyctl": 1, "owner": "Payments", "tags": ["a", "b"]}
