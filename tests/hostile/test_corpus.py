"""The hostile corpus: every file gets its expected, positioned answer from every command.

The cases and their answers are data, in expected.yaml; the files are in corpus/
or made by builders.py in a temporary folder.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from builders import BUILDERS
from ruamel.yaml import YAML

from conftest import TODAY, Run, run_journeyctl

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = YAML(typ="safe").load((HERE / "expected.yaml").read_text(encoding="utf-8"))
COMMANDS = {
    "render": ("render", "--today", TODAY),
    "diff": ("diff",),
    "fmt": ("fmt", "--check"),
}
# Control characters no page may carry (tab, line feed and carriage return are text).
RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def case_id(case: dict[str, Any]) -> str:
    return str(case.get("file") or case["build"]).removesuffix(".journey.yaml")


@pytest.fixture(params=CASES, ids=case_id)
def case(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], str]:
    """The case, and the path to give on the command line (relative to the working folder, tmp_path)."""
    spec = request.param
    if "file" in spec:
        shutil.copyfile(HERE / "corpus" / spec["file"], tmp_path / spec["file"])
        path = tmp_path / spec["file"]
    else:
        path = BUILDERS[spec["build"]](tmp_path)
    monkeypatch.chdir(tmp_path)
    yield spec, str(path.relative_to(tmp_path))
    for inside in tmp_path.rglob("*"):  # let pytest clean up what was made unreadable
        if not inside.is_symlink():
            inside.chmod(0o755)


def journeyctl(cli, spec: dict[str, Any], *args: str) -> Run:
    if spec.get("process"):
        done = run_journeyctl(*args, cwd=Path.cwd(), obey_permissions=spec.get("build") == "unreadable")
        return Run(done.returncode, done.stdout, done.stderr)
    return cli(*args)


def test_lint(cli, case) -> None:
    spec, path = case
    expected = spec["lint"]
    result = journeyctl(cli, spec, "lint", path, "--today", TODAY)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert result.code == expected["exit"], result
    *findings, summary = result.out.splitlines()
    assert summary.startswith(("Found ", "All clear: ")), result.out
    if "codes" in expected:
        assert Counter(line.split(" ")[1] for line in findings) == expected["codes"]
        return
    assert len(findings) == len(expected["findings"]), result.out
    for line, wanted in zip(findings, expected["findings"], strict=False):
        where_code, part = wanted.split(" ", 2)[:2], wanted.split(" ", 2)[2]
        assert line.startswith(f"{where_code[0]}: {where_code[1]} "), (line, wanted)
        assert part in line, (line, wanted)


def test_other_commands(cli, case) -> None:
    spec, path = case
    errors = [
        wanted.split(" ", 2) for wanted in spec["lint"].get("findings", []) if wanted.split(" ")[1].startswith("E")
    ]
    for command in spec.get("commands", COMMANDS):
        args = (*COMMANDS[command], path, path) if command == "diff" else (*COMMANDS[command], path)
        result = journeyctl(cli, spec, *args)
        assert "Traceback" not in result.err and "internal error" not in result.err, (command, result.err)
        if errors:
            assert result.code == 2, (command, result)
            assert result.out == ("1 file not formatted (errors above).\n" if command == "fmt" else ""), (
                command,
                result,
            )
            shown = result.err.splitlines()
            for where, code, part in errors:
                assert any(line.startswith(f"{where}: {code} ") and part in line for line in shown), (
                    command,
                    result.err,
                )
        elif command == "render":
            assert (result.code, result.err) == (0, ""), result.err
            assert result.out.startswith("<!DOCTYPE html>")
            assert not RAW_CONTROLS.search(result.out)
        elif command == "diff":
            assert (result.code, result.out, result.err) == (0, "No changes.\n", "")
        else:
            assert result.code in (0, 1) and result.err == "", result


def test_every_corpus_file_has_an_expected_answer() -> None:
    named = {case["file"] for case in CASES if "file" in case}
    assert named == {path.name for path in (HERE / "corpus").iterdir()}
    assert {case["build"] for case in CASES if "build" in case} == set(BUILDERS)


def test_report(cli, case) -> None:
    """The portfolio report never stops on a hostile file: a file lint finds errors in is skipped with the first."""
    spec, path = case
    if spec.get("commands") == []:
        return
    result = journeyctl(cli, spec, "report", path, "--format", "json", "--today", TODAY)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    errors = [
        wanted.split(" ", 2) for wanted in spec["lint"].get("findings", []) if wanted.split(" ")[1].startswith("E")
    ]
    if result.code == 2:  # a persona library alone: nothing to report
        assert result.err.startswith("journeyctl: No journey maps to report in "), result.err
        assert not errors
        return
    assert result.code == 0, result
    document = json.loads(result.out)
    if errors:
        where, code, part = errors[0]
        skipped = document["skipped"][0]
        assert f"{skipped['path']}:{skipped['line']}:{skipped['column']}" == where and skipped["code"] == code
        assert part in skipped["message"]
    else:
        assert document["skipped"] == [] and len(document["maps"]) == 1
