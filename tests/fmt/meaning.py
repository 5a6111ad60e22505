"""Assertions that a reformatted map means exactly what the original meant."""

from __future__ import annotations

import math
from typing import Any

from ruamel.yaml import YAML

from journeyctl.model import validate_map
from journeyctl.source.loader import parse_document


def plain(value: Any) -> Any:
    """Round-trip data as plain Python, with types kept apart (True is not 1)."""
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if hasattr(value, "tag") and hasattr(value, "value"):  # a tagged scalar (`!!str 3`, `!custom x`)
        return ("tagged", str(value.tag), plain(value.value))
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            number = float(value) if kind is float else None
            return (kind.__name__, "nan" if number is not None and math.isnan(number) else kind(value))
    return (type(value).__name__, value)


def comments(text: str) -> list[str]:
    """Every comment, found by ruamel's own round-trip scanner (not fmt's reader)."""
    found = []
    for token in YAML(typ="rt").scan(text):
        for part in _comment_parts(getattr(token, "_comment", None)):
            found.extend(line.strip() for line in part.split("\n") if line.strip().startswith("#"))
    return sorted(found)


def _comment_parts(item: Any) -> list[str]:
    """The text of a token's comments, however ruamel nests them."""
    if item is None:
        return []
    if isinstance(item, str):
        return [item]
    if isinstance(item, list):
        return [part for child in item for part in _comment_parts(child)]
    return [item.value] if isinstance(getattr(item, "value", None), str) else []


def assert_same_meaning(before: str, after: str) -> None:
    """Same model, same data (x- keys included), same comments."""
    old, new = parse_document(before, "before.yaml"), parse_document(after, "after.yaml")
    assert validate_map(old.data) == validate_map(new.data)
    assert old.data == new.data
    assert plain(YAML(typ="rt").load(before)) == plain(YAML(typ="rt").load(after))
    assert comments(before) == comments(after)
