"""`journeyctl lint --fix` on every fixable case: the exact text it writes, what it leaves alone,
and that fmt and --fix never fight (either order, then `fmt --check`; --fix twice)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import TODAY

# Lint-clean and in fmt's canonical layout: each case spoils it in one place.
BASE = """\
journeyctl: 1
id: checkout
title: Checkout
state: current
owner: Web team
persona: ben
personas:
  - id: ben
    name: Ben
sources:
  - id: src-interviews
    kind: interview
  - id: src-a1
    kind: survey
  - id: src-a2
    kind: survey
last_reviewed: 2026-11-01
stages:
  - id: pay
    name: Pay
    description: Paying for the order
    touchpoints:
      - id: card
        name: Card form
        channel: website
        critical: true
        emotion: -1
        evidence: [src-interviews, src-a1, src-a2]
        metrics:
          - name: Conversion
            value: 3
            better: higher
        pain_points:
          - id: declined
            description: The card is declined
            severity: high
            evidence: [src-interviews]
        opportunities:
          - id: retry
            description: A retry button
            addresses: [declined]
            owner: Payments
            due: 2027-01-01
            status: in-progress
"""
NO_EMOTION = BASE.replace("        emotion: -1\n", "")


@dataclass(frozen=True)
class Case:
    code: str
    before: str
    after: str
    base: str = BASE
    fixed: int = 1
    channels: tuple[str, ...] = ()

    def text(self, which: str) -> str:
        assert self.base.count(self.after) == 1, self.after
        return self.base.replace(self.after, self.before) if which == "before" else self.base


CASES = {
    "E011 a near-miss key": Case("E011", "    desription: Paying", "    description: Paying"),
    "E011 a swap of letters": Case("E011", "    nmae: Pay\n", "    name: Pay\n"),
    # Canonical with the unknown key last; once renamed, fmt's order puts it before `severity`.
    "E011 a renamed key moves to its place": Case(
        "E011",
        "            severity: high\n            desription: The card is declined\n",
        "            description: The card is declined\n            severity: high\n",
    ),
    "E012 severity": Case("E012", "severity: High", "severity: high"),
    "E012 status with a space": Case("E012", "status: In Progress", "status: in-progress"),
    "E012 state": Case("E012", "state: Current", "state: current"),
    "E012 source kind": Case("E012", "kind: Interview", "kind: interview"),
    "E012 better": Case("E012", "better: HIGHER", "better: higher"),
    "E012 quotes are kept": Case(
        "E012",
        'status: "In Progress"',
        'status: "in-progress"',
        BASE.replace("status: in-progress", 'status: "in-progress"'),
    ),
    "W110 a channel's case": Case("W110", "channel: Email", "channel: email", BASE.replace("website", "email")),
    "W110 a channel of the config": Case(
        "W110", "channel: In Store", "channel: in-store", BASE.replace("website", "in-store"), channels=("in-store",)
    ),
    "E021 evidence": Case("E021", "evidence: [src-intervews]", "evidence: [src-interviews]"),
    "E021 addresses": Case("E021", "addresses: [declnied]", "addresses: [declined]"),
    "E021 persona": Case("E021", "persona: bne", "persona: ben"),
    # An id YAML would read as a boolean without quotes is written with them.
    "E021 an id that needs quotes": Case(
        "E021",
        "evidence: [tru]",
        'evidence: ["true"]',
        BASE.replace("  - id: src-a1\n", '  - id: "true"\n    kind: survey\n  - id: src-a1\n').replace(
            "evidence: [src-interviews]\n", 'evidence: ["true"]\n'
        ),
    ),
    "I001 the whole comment": Case(
        "I001", "      - id: card  # journeyctl: ignore[W104, W113]\n", "      - id: card\n", fixed=2
    ),
    "I001 one code of two": Case(
        "I001",
        "      - id: card  # journeyctl: ignore[W106, W104]\n",
        "      - id: card  # journeyctl: ignore[W104]\n",
        NO_EMOTION.replace("      - id: card\n", "      - id: card  # journeyctl: ignore[W104]\n"),
    ),
    "I001 the first code of two": Case(
        "I001",
        "        pain_points:  # journeyctl: ignore[missing-emotion, W106]\n",
        "        pain_points:  # journeyctl: ignore[W106]\n",
        BASE.replace("        pain_points:\n", "        pain_points:  # journeyctl: ignore[W106]\n").replace(
            "            evidence: [src-interviews]\n", ""
        ),
    ),
    "I001 a comment alone on its line": Case(
        "I001", "          # journeyctl: ignore[W103]\n          - id: retry\n", "          - id: retry\n"
    ),
    "I001 another comment stays": Case(
        "I001",
        "      - id: card  # journeyctl: ignore[W104]  # the form\n",
        "      - id: card  # the form\n",
        BASE.replace("      - id: card\n", "      - id: card  # the form\n"),
    ),
    "I001 a whole-file suppression": Case(
        "I001", "journeyctl: 1\n# journeyctl: ignore-file[W101]\n", "journeyctl: 1\n"
    ),
    "I001 a suppression of I001": Case("I001", "  - id: pay  # journeyctl: ignore[I001]\n", "  - id: pay\n"),
}


def lint(cli, path: Path, case: Case, *options: str):
    """`journeyctl lint` with the case's channels in a config file."""
    config = path.parent / "journeyctl.toml"
    config.write_text(f"channels = {list(case.channels)!r}\n".replace("'", '"'), encoding="utf-8")
    return cli("lint", "--config", config, "--today", TODAY, *options, path)


def lint_fix(cli, path: Path, case: Case):
    return lint(cli, path, case, "--fix")


@pytest.fixture(params=list(CASES), ids=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[request.param]


def written(tmp_path: Path, case: Case) -> Path:
    from journeyctl.formatter.engine import format_text

    path = tmp_path / "map.journey.yaml"
    before = case.text("before")
    assert before != case.text("after")
    assert format_text(before, str(path), "journey") == before, "the case must start in fmt's canonical layout"
    path.write_text(before, encoding="utf-8")
    return path


def test_the_fix_writes_exactly_the_fixed_map(cli, tmp_path: Path, case: Case) -> None:
    path = written(tmp_path, case)
    result = lint_fix(cli, path, case)
    assert path.read_text(encoding="utf-8") == case.text("after")
    s = "s" if case.fixed > 1 else ""
    assert (result.code, result.err) == (0, "")
    assert result.out == f"All clear: no findings in 1 file.\nFixed {case.fixed} finding{s}; none remain.\n"


def test_the_finding_is_reported_before_the_fix(cli, tmp_path: Path, case: Case) -> None:
    path = written(tmp_path, case)
    result = lint(cli, path, case)
    assert f" {case.code} " in result.out
    assert path.read_text(encoding="utf-8") == case.text("before")


def test_fix_then_fmt_and_fix_again_change_nothing(cli, tmp_path: Path, case: Case) -> None:
    path = written(tmp_path, case)
    lint_fix(cli, path, case)
    fixed = path.read_text(encoding="utf-8")
    assert cli("fmt", "--check", path).code == 0
    again = lint_fix(cli, path, case)
    assert (again.code, again.out) == (0, "All clear: no findings in 1 file.\nNothing to fix.\n")
    assert path.read_text(encoding="utf-8") == fixed


def test_fmt_then_fix_then_fmt_change_nothing(cli, tmp_path: Path, case: Case) -> None:
    path = written(tmp_path, case)
    formatted = cli("fmt", path)
    # fmt lays out only maps that fit the format: one with schema errors is left as it is (exit 2).
    assert formatted.code == (2 if case.code in ("E011", "E012") else 0)
    assert path.read_text(encoding="utf-8") == case.text("before")
    lint_fix(cli, path, case)
    result = cli("fmt", "--check", path)
    assert (result.code, result.out) == (0, "1 file already formatted.\n")
    assert path.read_text(encoding="utf-8") == case.text("after")


def test_every_fixable_rule_has_a_case_and_says_so_in_its_docstring() -> None:
    from journeyctl.check.fixes import FIXABLE
    from journeyctl.rules import RULES

    assert {code for code, rule in RULES.items() if rule.fixable} == FIXABLE
    assert {case.code for case in CASES.values()} == FIXABLE


def test_rules_shows_what_is_fixable(cli) -> None:
    shown = cli("rules", "E012").out
    assert "\nFixable: `journeyctl lint --fix` rewrites a choice written in another case" in shown
    assert "Fixable:" not in cli("rules", "W104").out
