"""`diff` between any two files answers, and a map compared with itself has no changes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from property_support import assert_answered, at_most, journeyctl, workdir  # noqa: F401  (fixture)
from strategies import EXAMPLE_TEXTS, JOURNEY_EXAMPLES, RANDOM_BYTES, deep_nesting, edited_examples, laid_out_maps

FORMATS = st.sampled_from(["text", "markdown", "json"])


@given(st.sampled_from(JOURNEY_EXAMPLES), edited_examples() | RANDOM_BYTES | deep_nesting(), FORMATS, st.booleans())
def test_an_example_against_a_broken_file_either_way(workdir, example, raw, output_format, reverse):
    old, new = workdir / "old.journey.yaml", workdir / "new.journey.yaml"
    old.write_text(EXAMPLE_TEXTS[example], encoding="utf-8")
    new.write_bytes(raw)
    sides = (new, old) if reverse else (old, new)
    outcome = journeyctl("diff", *sides, "--format", output_format, "--exit-code")
    assert_answered(outcome)
    if outcome.code == 2:
        assert outcome.out == "", outcome


@at_most(30)
@given(laid_out_maps(), laid_out_maps(), FORMATS)
def test_two_valid_maps(workdir, first, second, output_format):
    old, new = workdir / "old.journey.yaml", workdir / "new.journey.yaml"
    old.write_text(first[1], encoding="utf-8", newline="")
    new.write_text(second[1], encoding="utf-8", newline="")
    assert_answered(journeyctl("diff", old, new, "--format", output_format))
    same = journeyctl("diff", old, old, "--exit-code")
    assert (same.code, same.err) == (0, ""), first[1]
