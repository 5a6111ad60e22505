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


# The rules as users know them (code, name, default severity, summary): an expectation written down
# independently of the registry, which the tests below hold the registry and `journeyctl rules` to.
RULE_TABLE = [
    ("E001", "yaml-syntax", "error", "The file is not valid YAML, or cannot be read as UTF-8 text."),
    ("E002", "duplicate-key", "error", "A mapping repeats a key."),
    ("E003", "unsupported-file", "error", "The file is YAML, but not a journeyctl file this version can read."),
    ("E010", "missing-field", "error", "A required key is absent."),
    ("E011", "unknown-field", "error", "A key that is neither in the format nor a vendor extension (`x-...`)."),
    ("E012", "invalid-value", "error", "A value has the wrong type or is not allowed."),
    ("E020", "duplicate-id", "error", "Two items of one file share an id."),
    ("E021", "unknown-reference", "error", "A reference names nothing that exists."),
    ("E022", "emotion-out-of-scale", "error", "A touchpoint's `emotion` lies outside the map's `scale`."),
    ("W101", "empty-stage", "warning", "A stage has no touchpoints."),
    ("W102", "unaddressed-pain-point", "warning", "No opportunity addresses the pain point."),
    ("W103", "vague-opportunity", "warning", "An open opportunity has no `owner` or no `due` date."),
    ("W104", "missing-emotion", "warning", "A touchpoint has no `emotion`."),
    ("W105", "stale-map", "warning", "The map was never reviewed, or its last review is overdue."),
    ("W106", "unsupported-pain-point", "warning", "A pain point cites no `evidence`."),
    ("W107", "critical-moments", "warning", "The map marks no critical touchpoint, or more than three."),
    ("W108", "unexplained-low", "warning", "A touchpoint at the bottom of the scale has no pain point."),
    (
        "W109",
        "overdue-opportunity",
        "warning",
        "An opportunity's `due` date has passed and it is not `done` or `dropped`.",
    ),
    ("W110", "unknown-channel", "warning", "A touchpoint's `channel` is not in the channel vocabulary."),
    ("W111", "too-complex", "warning", "The map has more than 9 stages, or a stage has more than 12 touchpoints."),
    ("W112", "missing-persona", "warning", "The journey names no `persona`."),
    ("W113", "missing-owner", "warning", "The journey has no `owner`."),
    ("I001", "unused-suppression", "info", "A `# journeyctl: ignore[...]` comment silences nothing."),
]


def test_rules_lists_every_rule_in_aligned_columns(cli) -> None:
    result = cli("rules")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert (
        lines[0]
        == "E001  yaml-syntax              error    The file is not valid YAML, or cannot be read as UTF-8 text."
    )
    assert (
        lines[13]
        == "W105  stale-map                warning  The map was never reviewed, or its last review is overdue."
    )
    assert (
        lines[-1] == "I001  unused-suppression       info     A `# journeyctl: ignore[...]` comment silences nothing."
    )
    # Every rule in the table's order, the name from column 7, the severity from 32, the summary from 41.
    columns = [(line[:4], line[4:6], line[6:30].rstrip(), line[31:39].rstrip(), line[40:]) for line in lines]
    assert columns == [(code, "  ", name, severity, summary) for code, name, severity, summary in RULE_TABLE]


def test_rules_code_prints_the_documentation(cli) -> None:
    result = cli("rules", "W112")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(
        "W112 missing-persona (warning)\n\nThe journey names no `persona`.\n\nA journey is always someone's journey."
    )
    assert result.out.endswith(
        "persona: ben\npersonas:\n  - id: ben\n    name: Ben\nstages:\n  - id: pay\n    name: Pay\n```\n"
    )


@pytest.mark.parametrize(("code", "name", "severity", "summary"), RULE_TABLE, ids=[row[0] for row in RULE_TABLE])
def test_rules_code_and_name_print_the_rule_docstring(cli, code: str, name: str, severity: str, summary: str) -> None:
    answer, *others = [cli("rules", asked) for asked in (code, code.lower(), name)]
    assert others == [answer, answer]
    assert (answer.code, answer.err) == (0, "")
    heading, blank, first, *_ = answer.out.split("\n")
    assert (heading, blank, first) == (f"{code} {name} ({severity})", "", summary)
    assert answer.out == f"{heading}\n\n{RULES[code].doc.strip()}\n", "the rest is the rule's docstring"


@pytest.mark.parametrize("asked", ["E999", "no-such-rule", ""])
def test_unknown_rule_is_a_usage_error(cli, asked: str) -> None:
    result = cli("rules", asked)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"journeyctl: `{asked}` is not a rule code or name (see `journeyctl rules`).\n"


def test_the_registry_holds_the_rules_of_the_table() -> None:
    assert [(r.code, r.name, r.severity, r.summary) for r in RULES.values()] == RULE_TABLE
