"""Whatever a file holds, `lint` answers in findings and an exit code, never with a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from property_support import assert_answered, at_most, journeyctl, workdir  # noqa: F401  (fixture)
from strategies import RANDOM_BYTES, RANDOM_TEXT, deep_nesting, edited_examples, huge_scalars, laid_out_maps

from conftest import TODAY
from journeyctl.source.yamlerrors import LINE_BREAKS

SUMMARIES = ("Found ", "All clear: ")
ERRORS = ",".join(f"E{number:03}" for number in (1, 2, 3, 10, 11, 12, 20, 21, 22))


def lint_bytes(folder: Path, raw: bytes, *options: str) -> list[str]:
    """Lint `raw` as a map file; its finding lines (the summary line checked and dropped)."""
    outcome = journeyctl("lint", _write(folder, raw), "--today", TODAY, *options)
    assert_answered(outcome)
    *findings, summary = outcome.out.splitlines()
    assert summary.startswith(SUMMARIES), outcome
    assert (outcome.code == 0) == (summary.startswith("All clear")), outcome
    return findings


@given(RANDOM_BYTES | RANDOM_TEXT)
def test_random_bytes_and_text(workdir, raw):
    lint_bytes(workdir, raw)


@given(edited_examples(), st.sampled_from(["text", "json", "sarif", "github"]))
def test_broken_edits_of_the_examples_in_every_format(workdir, raw, output_format):
    outcome = journeyctl("lint", _write(workdir, raw), "--today", TODAY, "--format", output_format)
    assert_answered(outcome)


@given(edited_examples())
@example(raw=b"# yaml-language-server: $schema=x\n# Example journey map: \r0\n# default -2..2\n#\n# Check it\nj")
def test_every_finding_points_into_the_file(workdir, raw):
    # Lines as YAML counts them: a lone carriage return breaks a line too.
    lines = LINE_BREAKS.split(raw.decode("utf-8", "replace"))
    for finding in lint_bytes(workdir, raw):
        line, column = (int(part) for part in finding.split(":")[1:3])
        assert 1 <= line <= len(lines), finding
        assert 1 <= column <= len(lines[line - 1]) + 1, finding


@given(deep_nesting())
def test_deep_nesting_is_refused_in_words(workdir, raw):
    assert [finding.split(" ", 1)[1] for finding in lint_bytes(workdir, raw)] == [
        "E003 unsupported-file The file nests deeper than 64 levels; a journey map needs fewer than ten.",
    ]


@given(huge_scalars())
def test_huge_values(workdir, raw):
    lint_bytes(workdir, raw)


@at_most(40)
@given(laid_out_maps())
def test_a_valid_map_in_any_layout_has_no_errors(workdir, case):
    _, text, _ = case
    assert lint_bytes(workdir, text.encode("utf-8"), "--select", ERRORS) == [], text


def _write(folder: Path, raw: bytes) -> Path:
    path = folder / "map.journey.yaml"
    path.write_bytes(raw)
    return path
