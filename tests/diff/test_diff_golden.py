"""Golden cases: tests/diff/cases/<case>/{old,new}.yaml and the expected json, text and markdown.

A case without old.yaml (new.yaml) diffs against /dev/null: an added (deleted)
map. Run with JOURNEYCTL_UPDATE_GOLDEN=1 to rewrite the expected files, then
read the changes in `git diff` before committing them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from journeyctl import __version__
from journeyctl.model.walk import ENTITIES

CASES = Path(__file__).parent / "cases"
UPDATE = os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1"
EXPECTED = {"json": "expected.json", "text": "expected.txt", "markdown": "expected.md"}
NAMES = sorted(case.name for case in CASES.iterdir() if case.is_dir())
UNCHANGED = {"explicit-defaults", "reformatted", "x-keys"}


def sides(case: Path) -> tuple[str, str]:
    old, new = case / "old.yaml", case / "new.yaml"
    return (old.name if old.exists() else os.devnull, new.name if new.exists() else os.devnull)


def expected_changes(name: str) -> list[dict]:
    return json.loads((CASES / name / EXPECTED["json"]).read_text(encoding="utf-8"))["changes"]


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with JOURNEYCTL_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("format", EXPECTED)
@pytest.mark.parametrize("name", NAMES)
def test_golden(name: str, format: str, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES / name
    monkeypatch.chdir(case)
    result = cli("diff", *sides(case), "--format", format, "--exit-code")
    assert result.err == ""
    output = result.out
    if format == "json":
        document = json.loads(output)
        assert document.pop("version") == __version__
        output = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    check_golden(case / EXPECTED[format], output)
    assert result.code == (1 if expected_changes(name) else 0)


@pytest.mark.parametrize("name", sorted(UNCHANGED))
def test_formatting_defaults_and_extensions_are_no_changes(name: str) -> None:
    assert expected_changes(name) == []


def test_cases_cover_every_entity_and_kind() -> None:
    seen = {(change["entity"], change["kind"]) for name in NAMES for change in expected_changes(name)}
    for entity in ENTITIES:
        assert {(entity, kind) for kind in ("added", "removed", "changed")} <= seen, entity
    movable = ("persona", "stage", "touchpoint", "pain_point", "opportunity", "metric")
    assert {(entity, "moved") for entity in movable} <= seen
