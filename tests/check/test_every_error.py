"""Every error in one run: ids, references and emotions are checked on the well-formed parts
of a map that has schema errors (E010-E012), by lint and render alike."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import TODAY

BROKEN = """\
journeyctl: 1
id: checkout
title: Checkout
desription: typo here
scale: {min: 1, max: 5}
stages:
  - id: pay
    name: Pay
    touchpoints:
      - just a string
      - id: pay
        name: Payment
        emotion: 9
        channel: 12
        evidence: [nope]
      - id: form
        emotion: high
        pain_points:
          - id: slow
            description: Slow
            severity: High
        opportunities:
          - id: faster
            description: Make it faster
            addresses: [slow, gone]
  - id: pay
    name: Again
"""


def findings(output: str) -> list[str]:
    """`line:col CODE` of each finding line."""
    return [f"{m[1]}:{m[2]} {m[3]}" for m in re.finditer(r"^[^\n]*?:(\d+):(\d+): (\w\d+) ", output, re.MULTILINE)]


def test_schema_errors_and_id_reference_and_scale_errors_in_one_run(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.journey.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = cli("lint", path, "--today", TODAY)
    assert result.code == 1
    assert findings(result.out) == [
        "4:1 E011",  # desription
        "10:9 E012",  # a touchpoint that is a string; the items after it keep their own positions
        "11:13 E020",  # touchpoint `pay` repeats the stage's id
        "13:18 E022",  # 9 on a 1..5 scale
        "14:18 E012",  # channel: 12
        "15:20 E021",  # evidence: nope
        "16:9 E010",  # touchpoint `form` has no name: still checked for its ids and references
        "17:18 E012",  # emotion: high
        "21:23 E012",  # severity: High
        "25:31 E021",  # addresses: gone (slow is found)
        "26:9 E020",  # the second stage `pay`
    ]
    assert "W1" not in result.out  # practice rules wait for a valid map


def test_render_lists_the_same_errors(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.journey.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    rendered = cli("render", path, "--today", TODAY)
    assert (rendered.code, rendered.out) == (2, "")
    assert findings(rendered.err) == findings(cli("lint", path, "--today", TODAY).out)


def test_an_invalid_scale_judges_no_emotion(cli, tmp_path: Path) -> None:
    path = tmp_path / "scale.journey.yaml"
    path.write_text(BROKEN.replace("{min: 1, max: 5}", "{min: 5, max: 1}"), encoding="utf-8")
    result = cli("lint", path, "--today", TODAY)
    codes = findings(result.out)
    assert "5:8 E012" in codes
    assert not [code for code in codes if code.endswith("E022")]


def test_references_into_parts_that_do_not_validate_are_not_unknown(cli, tmp_path: Path) -> None:
    path = tmp_path / "misspelt.journey.yaml"
    path.write_text(
        "journeyctl: 1\nid: m\ntitle: M\nstages:\n"
        "  - id: one\n    name: One\n    touchpoint:\n      - id: a\n        name: A\n"
        "        pain_points:\n          - id: hurts\n            description: Hurts\n"
        "  - id: two\n    name: Two\n    touchpoints:\n      - id: b\n        name: B\n"
        "        opportunities:\n          - id: fix\n            description: Fix it\n"
        "            addresses: [hurts, missing]\n",
        encoding="utf-8",
    )
    result = cli("lint", path, "--today", TODAY)
    assert findings(result.out) == ["7:5 E011", "21:32 E021"]
    assert "`missing` is not the id of any pain point" in result.out


def test_a_persona_library_with_schema_errors_gets_its_duplicate_ids(cli, tmp_path: Path) -> None:
    path = tmp_path / "personas.yaml"
    path.write_text(
        "journeyctl: 1\nkind: personas\npersonas:\n  - id: ben\n    name: Ben\n    age: 40\n"
        "  - id: ben\n    name: Other Ben\n",
        encoding="utf-8",
    )
    assert findings(cli("lint", path, "--today", TODAY).out) == ["6:5 E011", "7:9 E020"]


def test_a_reference_below_an_item_after_a_dropped_one_is_placed_in_the_file(cli, tmp_path: Path) -> None:
    # The second stage does not validate: the file's third stage is the salvaged map's second,
    # and its touchpoints are not the salvaged second's (the file's fourth stage, with one).
    text = (
        "journeyctl: 1\nid: m\ntitle: M\nstages:\n"
        "  - id: a\n    name: A\n    touchpoints:\n      - {id: t1, name: T}\n"
        "  - id: Not An Id\n    name: B\n"
        "  - id: c\n    name: C\n    touchpoints:\n      - {id: t2, name: T}\n      - {id: t3, name: T, evidence: [nope]}\n"
        "  - id: d\n    name: D\n    touchpoints:\n      - {id: t4, name: T}\n"
    )
    path = tmp_path / "dropped.journey.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("lint", path, "--today", TODAY)
    assert (result.code, result.err, findings(result.out)) == (1, "", ["9:9 E012", "15:38 E021"])
