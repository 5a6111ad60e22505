"""`fmt` never changes what a map means, never drops a comment, and never touches a file it refuses."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from property_support import assert_answered, at_most, journeyctl, workdir  # noqa: F401  (fixture)
from ruamel.yaml import YAML
from strategies import RANDOM_BYTES, deep_nesting, edited_examples, laid_out_maps

from journeyctl.model import validate_map
from journeyctl.source.loader import parse_document


def comment_lines(text: str) -> list[str]:
    """The text of every comment, as ruamel.yaml's own scanner finds them (not fmt's reader)."""
    found = []
    for token in YAML(typ="rt").scan(text):
        for part in _parts(getattr(token, "_comment", None)):
            found += [line.strip() for line in part.split("\n") if line.strip().startswith("#")]
    return sorted(found)


def _parts(item: Any) -> list[str]:
    if item is None:
        return []
    if isinstance(item, str):
        return [item]
    if isinstance(item, list):
        return [part for child in item for part in _parts(child)]
    return [item.value] if isinstance(getattr(item, "value", None), str) else []


def fmt_bytes(folder, raw: bytes):
    path = folder / "map.journey.yaml"
    path.write_bytes(raw)
    outcome = journeyctl("fmt", path)
    assert_answered(outcome)
    assert "journeyctl bug" not in outcome.text, (outcome, raw)
    return path, outcome


def assert_same_map(before: bytes, after: bytes) -> None:
    old, new = before.decode("utf-8-sig"), after.decode("utf-8-sig")
    assert validate_map(parse_document(old, "before").data) == validate_map(parse_document(new, "after").data)
    assert comment_lines(old) == comment_lines(new)


@at_most(40)
@given(laid_out_maps())
def test_a_valid_map_keeps_its_meaning_and_every_comment(workdir, case):
    _, text, comments = case
    raw = text.encode("utf-8")
    path, outcome = fmt_bytes(workdir, raw)
    assert outcome.code == 0, outcome
    after = path.read_bytes()
    assert_same_map(raw, after)
    formatted = after.decode("utf-8")
    for comment in comments:
        assert comment.rstrip() in formatted, comment
    assert (b"\r\n" in after) == ("\r\n" in text)
    again = journeyctl("fmt", "--check", path)
    assert (again.code, again.err) == (0, ""), formatted


@at_most(40)
@given(edited_examples() | RANDOM_BYTES | deep_nesting())
def test_a_broken_file_is_left_byte_for_byte(workdir, raw):
    path, outcome = fmt_bytes(workdir, raw)
    after = path.read_bytes()
    if outcome.code == 2:
        assert after == raw
    else:
        assert outcome.code == 0, outcome
        assert_same_map(raw, after)


@given(edited_examples(), st.sampled_from(["--check", "--diff"]))
def test_check_and_diff_write_nothing(workdir, raw, mode):
    path = workdir / "map.journey.yaml"
    path.write_bytes(raw)
    outcome = journeyctl("fmt", mode, path)
    assert_answered(outcome)
    assert path.read_bytes() == raw
