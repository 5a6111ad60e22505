"""`lint --fix` undoes exactly the slips it is sure of, in any layout, and never has to refuse its own fixes."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from property_support import at_most
from strategies import EDITS, EXAMPLE_TEXTS, JOURNEY_EXAMPLES, laid_out_maps

from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings
from journeyctl.core.positions import Path
from journeyctl.lint.fixing import fix_checked
from journeyctl.model.validation import choices
from journeyctl.model.walk import walk_data
from journeyctl.source.lines import TextLines
from journeyctl.source.loader import parse_document

CHECKER = Checker("lint", Settings(), date(2026, 11, 23))
_KEY_VALUE = re.compile(r"^(?P<indent>[ -]*)(?P<key>[a-z_]+): (?P<value>[A-Za-z][\w-]*)(?P<rest>.*)$")


def choice_values(data: dict[str, Any]) -> list[Path]:
    """Where the map's items hold a value from a fixed list of choices (`severity`, `status`...)."""
    return [
        (*path, key)
        for path, _, item in walk_data(data)
        for key, value in item.items()
        if isinstance(value, str) and value in choices(data, (*path, key))
    ]


@st.composite
def slipped_maps(draw: Any) -> tuple[str, str, int]:
    """A valid map's text, and the same text with some of its choices written `In Progress` for `in-progress`."""
    _, text, _ = draw(laid_out_maps())
    document = parse_document(text, "map.journey.yaml")
    found = choice_values(document.data)
    chosen = draw(st.lists(st.sampled_from(found), unique=True, min_size=1, max_size=4)) if found else []
    lines, spans = TextLines(text), []
    for path in chosen:
        span = document.source.span(path)
        assert span is not None
        spans.append((lines.offset(span[0]), lines.offset(span[1])))
    slipped = text
    for start, end in sorted(spans, reverse=True):
        written = slipped[start:end]
        quote = written[0] if written[0] in "'\"" else ""
        inner = written[len(quote) : len(written) - len(quote)]
        slipped = slipped[:start] + quote + inner.replace("-", " ").title() + quote + slipped[end:]
    return text, slipped, len(chosen)


@at_most(40)
@given(slipped_maps())
def test_choices_in_the_wrong_case_are_put_back_exactly(case: tuple[str, str, int]) -> None:
    text, slipped, count = case
    fixed, applied = fix_checked(CHECKER.check_text(slipped, "map.journey.yaml"), CHECKER)
    assert (fixed.text, applied) == (text, count)


def _slip(line: str, draw: Any) -> str:
    """A key missing a letter, or a value in another case (`pay` as `Pay`), as people type them."""
    match = _KEY_VALUE.match(line)
    if match is None:
        return line
    key, value = match["key"], match["value"]
    if draw(st.booleans()):
        at = draw(st.integers(0, len(key) - 1))
        key = key[:at] + key[at + 1 :]
    else:
        value = value.replace("-", " ").title()
    return f"{match['indent']}{key}: {value}{match['rest']}"


@st.composite
def slipped_examples(draw: Any) -> str:
    """An example map with a few slips of the keyboard, and maybe an edit that breaks it further."""
    lines = EXAMPLE_TEXTS[draw(st.sampled_from(JOURNEY_EXAMPLES))].split("\n")
    for at in draw(st.lists(st.integers(0, len(lines) - 1), min_size=1, max_size=6)):
        lines[at] = _slip(lines[at], draw)
    if draw(st.integers(0, 3)) == 0:
        draw(st.sampled_from(EDITS))(lines, draw(st.integers(0, len(lines) - 1)), draw)
    return "\n".join(lines)


@at_most(40)
@given(slipped_examples())
def test_fixes_load_as_meant_and_leave_nothing_to_fix(text: str) -> None:
    fixed, _ = fix_checked(CHECKER.check_text(text, "map.journey.yaml"), CHECKER)
    assert fix_checked(fixed, CHECKER)[1] == 0
