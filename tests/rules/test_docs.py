"""The rule docstrings are the user documentation: they must exist and be true."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings
from journeyctl.rules import RULES

TODAY = date(2026, 11, 23)


def codes_found(tmp_path: Path, snippet: str) -> set[str]:
    target = tmp_path / "example.journey.yaml"
    target.write_text(snippet, encoding="utf-8")
    return {finding.code for finding in Checker("lint", Settings(), TODAY).check_file(str(target)).findings}


@pytest.mark.parametrize("code", list(RULES))
def test_docstring_has_a_summary_and_both_examples(code: str) -> None:
    rule = RULES[code]
    assert rule.summary.endswith("."), rule.summary
    assert len(rule.doc.strip().splitlines()) > 3, "explain why the rule exists"
    assert set(rule.examples()) == {"Fails", "Passes"}


@pytest.mark.parametrize("code", list(RULES))
def test_failing_example_fails_and_passing_example_passes(tmp_path: Path, code: str) -> None:
    examples = RULES[code].examples()
    assert code in codes_found(tmp_path, examples["Fails"])
    assert code not in codes_found(tmp_path, examples["Passes"])


def test_rules_lists_every_rule(cli) -> None:
    result = cli("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == list(RULES)
    for line, rule in zip(lines, RULES.values(), strict=False):
        assert line == f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.summary}"


@pytest.mark.parametrize("code", list(RULES))
def test_rules_code_and_name_print_the_documentation(cli, code: str) -> None:
    rule = RULES[code]
    expected = f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.doc.strip()}\n"
    for asked in (code, code.lower(), rule.name):
        result = cli("rules", asked)
        assert (result.code, result.out, result.err) == (0, expected, "")


@pytest.mark.parametrize("asked", ["E999", "no-such-rule", ""])
def test_unknown_rule_is_a_usage_error(cli, asked: str) -> None:
    result = cli("rules", asked)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"journeyctl: `{asked}` is not a rule code or name (see `journeyctl rules`).\n"


def test_readme_rule_table_matches_the_registry() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith(("| E0", "| I0", "| W1"))]
    assert rows == [f"| {r.code} | `{r.name}` | {r.severity} | {r.summary} |" for r in RULES.values()]
