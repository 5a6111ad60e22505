"""Every rule against its cases in tests/rules/cases/<CODE>.yaml, through the real engine.

A case is `{name, snippet, expect: ["LINE:COL", ...]}`, with optional `files`
(other files written next to the snippet, e.g. a persona library), `messages`
(the exact messages of the findings, in order) and `encoding` (how the snippet
is saved, for the encoding cases of E001). Only findings of the file's own code
are compared, so a case shows exactly where that rule fires and where it does not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings
from journeyctl.rules import RULES

CASES = Path(__file__).parent / "cases"
TODAY = date(2026, 11, 23)
CASE_KEYS = {"name", "snippet", "expect", "files", "messages", "encoding"}


def load_cases(code: str) -> list[dict[str, Any]]:
    return YAML(typ="safe").load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))


def all_cases() -> list[Any]:
    return [
        pytest.param(code, case, id=f"{code}-{case['name']}")
        for code in RULES
        if (CASES / f"{code}.yaml").exists()
        for case in load_cases(code)
    ]


def lint_case(tmp_path: Path, case: dict[str, Any]) -> list[Any]:
    for name, content in (case.get("files") or {}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    target = tmp_path / "case.journey.yaml"
    target.write_bytes(case["snippet"].encode(case.get("encoding", "utf-8")))
    return Checker("lint", Settings(), TODAY).check_file(str(target)).findings


@pytest.mark.parametrize(("code", "case"), all_cases())
def test_case(tmp_path: Path, code: str, case: dict[str, Any]) -> None:
    findings = [f for f in lint_case(tmp_path, case) if f.code == code]
    assert [f"{f.line}:{f.column}" for f in findings] == case["expect"], [f.message for f in findings]
    if "messages" in case:
        assert [f.message for f in findings] == case["messages"]
    assert all(f.name == RULES[code].name and f.severity == RULES[code].severity for f in findings)


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_has_a_failing_and_a_passing_case(code: str) -> None:
    assert (CASES / f"{code}.yaml").exists(), f"write tests/rules/cases/{code}.yaml"
    cases = load_cases(code)
    assert all(set(case) <= CASE_KEYS and {"name", "snippet", "expect"} <= set(case) for case in cases)
    assert len({case["name"] for case in cases}) == len(cases), "case names must be unique"
    assert any(case["expect"] for case in cases), "no failing case"
    assert any(not case["expect"] for case in cases), "no passing case"


def test_no_case_file_without_a_rule() -> None:
    assert sorted(path.stem for path in CASES.glob("*.yaml")) == sorted(RULES)
