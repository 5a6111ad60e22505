"""fmt on the example maps: idempotent, meaning and comments kept."""

from __future__ import annotations

import pytest
from meaning import assert_same_meaning

from conftest import EXAMPLES
from journeyctl.formatter.engine import format_text

MAPS = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_fmt_is_idempotent_and_keeps_meaning(path):
    source = path.read_text(encoding="utf-8")
    once = format_text(source, str(path))
    assert format_text(once, str(path)) == once
    if once != source:
        assert_same_meaning(source, once)


@pytest.mark.parametrize("path", [p for p in MAPS if p.name.endswith(".journey.yaml")], ids=lambda p: p.name)
def test_example_journeys_are_already_canonical(path):
    source = path.read_text(encoding="utf-8")
    assert format_text(source, str(path)) == source


def test_persona_library_example_only_moves_role_after_description():
    path = EXAMPLES / "personas.yaml"
    source = path.read_text(encoding="utf-8")
    formatted = format_text(source, str(path))
    assert sorted(formatted.splitlines()) == sorted(source.splitlines())
    without_roles = [line for line in source.splitlines() if not line.startswith("    role: ")]
    assert [line for line in formatted.splitlines() if not line.startswith("    role: ")] == without_roles
