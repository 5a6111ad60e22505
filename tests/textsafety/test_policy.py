"""The policy's one judgement call: a zero-width joiner is text inside a word or an emoji, and shown anywhere else."""

from __future__ import annotations

import pytest
from characters import HOSTILE, ORDINARY

from journeyctl.core.textsafety import page_text, terminal_text

ZWJ, ZWNJ = "\u200d", "\u200c"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("tp" + ZWJ + "pay", "tp\\u200dpay"),  # between ASCII letters: ids, paths, channels
        (ZWJ + "👩", "\\u200d👩"),  # at the start
        ("👩" + ZWJ, "👩\\u200d"),  # at the end
        ("👩" + ZWJ + ZWJ + "💻", "👩\\u200d\\u200d💻"),  # doubled: each next to the other
        ("👩 " + ZWJ + "💻", "👩 \\u200d💻"),  # next to a space
        ("é" + ZWNJ + "\u202e", "é\\u200c\\u202e"),  # next to another character of the policy
        ("Auf" + ZWNJ + "lage", "Auf\\u200clage"),  # a ligature hint in Latin text: shown too
        ("👩" + ZWJ + "💻", "👩" + ZWJ + "💻"),  # an emoji sequence
        ("می" + ZWNJ + "خواهم", "می" + ZWNJ + "خواهم"),  # Persian spelling
        ("क्" + ZWJ + "ष", "क्" + ZWJ + "ष"),  # a Devanagari conjunct
    ],
)
def test_a_joiner_stays_only_where_it_joins(text: str, shown: str) -> None:
    assert terminal_text(text) == shown


@pytest.mark.parametrize("show", [terminal_text, page_text])
def test_showing_twice_changes_nothing_more(show) -> None:
    # Outputs escape in layers (a JSON-quoted value, then a line): the second pass must not escape the first.
    once = show(HOSTILE + ORDINARY)
    assert show(once) == once
    assert once.endswith(ORDINARY)
