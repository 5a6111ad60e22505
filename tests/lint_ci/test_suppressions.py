"""Inline suppressions: on a line, on a block, file-wide; unusable ones reported as I001."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY
from journeyctl.check.suppressions import may_have_directives
from journeyctl.source.loader import parse_document

HEADER = """\
journeyctl: 1
id: checkout
title: Checkout
owner: Web team
persona: ben
personas: [{id: ben, name: Ben}]
last_reviewed: 2026-11-02
"""
# Three touchpoints without an emotion (W104) in two stages.
STAGES = """\
stages:
  - id: browse
    name: Browse
    touchpoints:
      - id: search
        name: Search
        critical: true
      - id: product
        name: Product page
  - id: pay
    name: Pay
    touchpoints:
      - id: payment
        name: Payment
"""


@pytest.fixture
def lint(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Lint a map text (isolated from config files); returns the finding lines."""
    monkeypatch.chdir(tmp_path)

    def run(text: str, *args: str) -> list[str]:
        Path("m.yaml").write_text(text, encoding="utf-8")
        result = cli("lint", "m.yaml", "--isolated", "--today", TODAY, "--quiet", *args)
        assert result.err == ""
        return result.out.splitlines()

    return run


def w104(line: int, touchpoint: str) -> str:
    return f"m.yaml:{line}:9: W104 missing-emotion Touchpoint `{touchpoint}` has no emotion: how does the customer feel here?"


ALL = [w104(12, "search"), w104(15, "product"), w104(20, "payment")]


def test_without_suppressions(lint):
    assert lint(HEADER + STAGES) == ALL


def test_on_a_line_by_code(lint):
    text = HEADER + STAGES.replace("      - id: product\n", "      - id: product  # journeyctl: ignore[W104]\n")
    assert lint(text) == [ALL[0], ALL[2]]


def test_on_a_line_by_name_among_several_rules(lint):
    text = HEADER + STAGES.replace(
        "      - id: product\n",
        "      - id: product  # journeyctl: ignore[W110, missing-emotion] checked with the team\n",
    )
    assert lint(text) == [
        ALL[0],
        "m.yaml:15:43: I001 unused-suppression W110 unknown-channel is not reported on line 15, so this suppression silences nothing: remove it.",
        ALL[2],
    ]


def test_alone_on_its_line_it_applies_to_the_next_line(lint):
    text = HEADER + STAGES.replace("      - id: product\n", "      # journeyctl: ignore[W104]\n\n      - id: product\n")
    assert lint(text) == [ALL[0], w104(22, "payment")]


def test_on_a_key_whose_value_is_a_list_covers_the_block(lint):
    text = HEADER + STAGES.replace("    touchpoints:\n", "    touchpoints:  # journeyctl: ignore[W104]\n", 1)
    assert lint(text) == [ALL[2]]


def test_on_a_key_whose_value_is_a_mapping_covers_the_block(lint):
    text = HEADER + "scale:\n  min: 2\n  max: 1\n" + STAGES
    assert lint(text) == ["m.yaml:9:3: E012 invalid-value The scale's `min` must be lower than its `max`."]
    assert lint(text.replace("scale:\n", "scale:  # journeyctl: ignore[E012]\n")) == []


def test_file_wide_anywhere(lint):
    assert lint("# journeyctl: ignore-file[W104]\n" + HEADER + STAGES) == []
    assert lint(HEADER + STAGES + "# journeyctl: ignore-file[missing-emotion]\n") == []


def test_validation_errors_can_be_suppressed(lint):
    text = HEADER + "colour: red\n" + STAGES
    assert lint(text) == [
        "m.yaml:8:1: E011 unknown-field `colour` is not a key of the format. Keys of your own must start with `x-`."
    ]
    assert lint(text.replace("colour: red\n", "colour: red  # journeyctl: ignore[unknown-field]\n")) == []


def test_unused_suppression_on_a_line(lint):
    text = HEADER.replace("owner: Web team\n", "owner: Web team  # journeyctl: ignore[W113]\n") + STAGES
    assert lint(text) == [
        "m.yaml:4:39: I001 unused-suppression W113 missing-owner is not reported on line 4, so this suppression silences nothing: remove it.",
        *ALL,
    ]


def test_unused_suppression_on_a_block_and_file_wide(lint):
    text = (
        "# journeyctl: ignore-file[W105]\n"
        + HEADER
        + STAGES.replace("stages:\n", "stages:  # journeyctl: ignore[W104, W101]\n")
    )
    assert lint(text) == [
        "m.yaml:1:27: I001 unused-suppression W105 stale-map is not reported in this file, so this suppression silences nothing: remove it.",
        "m.yaml:9:37: I001 unused-suppression W101 empty-stage is not reported on lines 9-22, so this suppression silences nothing: remove it.",
    ]


def test_unknown_rules_and_unclear_comments_are_reported(lint):
    text = HEADER.replace("owner: Web team\n", "owner: Web team  # journeyctl: ignore[W1O4]\n")
    text = text.replace("title: Checkout\n", "title: Checkout  # journeyctl: ignroe[W104]\n")
    text = text.replace("id: checkout\n", "id: checkout  # journeyctl: ignore[]\n")
    text = text.replace("persona: ben\n", "persona: ben  # journeyctl: ignore[I001]\n")
    assert lint(text + STAGES) == [
        "m.yaml:2:36: I001 unused-suppression This suppression names no rule: write the codes to silence, like `# journeyctl: ignore[W104]`.",
        "m.yaml:3:18: I001 unused-suppression This `# journeyctl:` comment is not understood: write `# journeyctl: ignore[CODE]` or `# journeyctl: ignore-file[CODE]`.",
        "m.yaml:4:39: I001 unused-suppression `W1O4` in this suppression is not a rule code or name (see `journeyctl rules`).",
        "m.yaml:5:36: I001 unused-suppression I001 cannot be silenced in a comment: turn it off with the `ignore` setting.",
        *ALL,
    ]


def test_text_that_looks_like_a_comment_is_not_one(lint):
    text = HEADER.replace(
        "title: Checkout\n",
        'title: "Checkout # journeyctl: ignore[W104]"\ndescription: |\n  Write # journeyctl: ignore[W104] to silence it.\n',
    )
    assert lint(text + STAGES) == [
        w104(line, name) for line, name in ((14, "search"), (17, "product"), (22, "payment"))
    ]


def test_a_real_comment_after_text_that_looks_like_one(lint):
    product = '      - {id: product, name: "Product # journeyctl: ignore[W113]"}  # journeyctl: ignore[W104]\n'
    text = HEADER + STAGES.replace("      - id: product\n        name: Product page\n", product)
    assert lint(text) == [ALL[0], w104(19, "payment")]


def test_a_suppression_of_a_rule_that_is_off_silences_nothing(lint):
    text = HEADER + STAGES.replace("      - id: product\n", "      - id: product  # journeyctl: ignore[W104]\n")
    assert lint(text, "--ignore", "W104") == [
        "m.yaml:15:43: I001 unused-suppression W104 missing-emotion is not reported on line 15, so this suppression silences nothing: remove it.",
    ]


def test_unused_suppressions_can_be_turned_off_and_raised(lint, cli, tmp_path):
    text = HEADER.replace("owner: Web team\n", "owner: Web team  # journeyctl: ignore[W113, W9]\n") + STAGES
    assert lint(text, "--ignore", "I001") == ALL
    (tmp_path / "journeyctl.toml").write_text(
        'select = ["I001"]\nseverity = { unused-suppression = "warning" }\n', encoding="utf-8"
    )
    result = cli("lint", "m.yaml", "--today", TODAY)
    assert result.code == 1
    assert result.out.splitlines()[-1] == "Found 0 errors and 2 warnings in 1 of 1 file."


def test_info_findings_alone_exit_0(cli, lint):
    text = HEADER.replace("owner: Web team\n", "owner: Web team  # journeyctl: ignore[W113]\n") + STAGES
    assert len(lint(text, "--ignore", "W104")) == 1
    assert cli("lint", "m.yaml", "--isolated", "--today", TODAY, "--ignore", "W104").code == 0


def test_a_file_that_does_not_load_is_not_searched_for_suppressions(lint):
    text = "journeyctl: 1\ntitle: Checkout  # journeyctl: ignore[E002]\ntitle: Again\n"
    assert lint(text) == [
        "m.yaml:3:1: E002 duplicate-key The key `title` appears twice in this mapping (first on line 2); remove one."
    ]


def test_suppressions_in_a_persona_library(lint):
    text = "journeyctl: 1\nkind: personas\npersonas:\n  - {id: ben, name: Ben, age: 3}  # journeyctl: ignore[E011]\n"
    assert lint(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("journeyctl: 1\ntitle: x\n", False),
        ("journeyctl: 1\ntitle: x  # journeyctl: ignore[W104]\n", True),
        ('# journeyctl: ignore-file[W104]\n"journeyctl": 1\n', True),
        ("title: x\n", False),
    ],
)
def test_the_cheap_test_for_directives(text, expected):
    assert may_have_directives(text) is expected


def test_block_end_and_in_scalar_positions():
    text = "journeyctl: 1\nstages:\n  - id: a\n    touchpoints:\n      - {id: t, name: 'x # y'}\n\ntags: [a,\n  b]\nend: 1\n"
    source = parse_document(text, "m.yaml").source
    assert [source.block_end(line) for line in range(1, 10)] == [1, 6, 3, 6, 5, 6, 8, 8, 9]
    assert (source.in_scalar(5, 26), source.in_scalar(5, 31), source.in_scalar(1, 13)) == (True, False, True)


def test_the_unused_suppression_rule_documents_a_failing_and_a_passing_example(tmp_path):
    from datetime import date

    from journeyctl.check.service import Checker
    from journeyctl.config.settings import Settings
    from journeyctl.rules import RULES

    examples = RULES["I001"].examples()
    codes = {}
    for heading in ("Fails", "Passes"):
        path = tmp_path / f"{heading}.yaml"
        path.write_text(examples[heading], encoding="utf-8")
        codes[heading] = [
            f.code for f in Checker("lint", Settings(), date.fromisoformat(TODAY)).check_file(str(path)).findings
        ]
    assert "I001" in codes["Fails"]
    assert "I001" not in codes["Passes"]
