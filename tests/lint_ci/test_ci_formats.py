"""`--format gitlab` (GitLab Code Quality) and `--format junit` (JUnit XML), checked against their formats."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
import xmlschema
from lint_ci_support import DATA

from conftest import TODAY

# GitLab's documented Code Quality fields (docs.gitlab.com, ci/testing/code_quality: "Code Quality
# report format"): the ones it reads are required, severity is one of five words.
CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


@pytest.fixture(scope="session")
def junit_schema(tmp_path_factory: pytest.TempPathFactory) -> xmlschema.XMLSchema:
    """The Jenkins JUnit XSD (junit-10.xsd) that pytest validates its own JUnit reports against,
    taken from pytest's source distribution on PyPI."""
    folder = tmp_path_factory.mktemp("pytest-sdist")
    version = pytest.__version__
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            "-d",
            str(folder),
            f"pytest=={version}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        pytest.fail(f"cannot download pytest {version}'s source for its JUnit XSD: {done.stderr.strip()[-500:]}")
    (archive,) = folder.glob("pytest-*.tar.gz")
    with tarfile.open(archive) as tar:
        member = f"pytest-{version}/testing/example_scripts/junit-10.xsd"
        tar.extract(member, folder, filter="data")
    return xmlschema.XMLSchema(str(folder / member))


def lint(cli, *args) -> tuple[int, str]:
    result = cli("lint", *args, "--today", TODAY)
    return result.code, result.out


def broken_folder(tmp_path: Path) -> Path:
    """The test map twice, one of them with an emotion off the scale and a duplicate id."""
    folder = tmp_path / "maps"
    folder.mkdir()
    text = (DATA / "checkout.journey.yaml").read_text(encoding="utf-8")
    (folder / "a.journey.yaml").write_text(text, encoding="utf-8")
    broken = text.replace("emotion: -1", "emotion: 7").replace('"e-mail\\nnewsletter"', '"fax\\a"')
    (folder / "b.journey.yaml").write_text(broken, encoding="utf-8")
    return folder


def test_gitlab_report_fits_the_code_quality_format(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = lint(cli, DATA, "--format", "gitlab")
    issues = json.loads(out)
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    text_code, text = lint(cli, DATA)
    assert code == text_code == 1
    assert len(issues) == len(text.splitlines()) - 1  # one issue per finding line, less the summary
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    first = text.splitlines()[0]
    path, line = first.split(":")[0], int(first.split(":")[1])
    assert (issues[0]["location"], issues[0]["check_name"]) == (
        {"path": Path(path).as_posix().removeprefix(str(tmp_path) + "/"), "lines": {"begin": line}},
        first.split()[1],
    )


TWINS = """journeyctl: 1
id: twins
title: Twins
stages:
  - id: s
    name: S
    touchpoints:
      - id: a
        name: A
        channel: fax
      - id: b
        name: B
        channel: fax
"""


def test_gitlab_fingerprints_survive_moved_lines_and_tell_twins_apart(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "twins.journey.yaml"
    target.write_text(TWINS, encoding="utf-8")
    before = json.loads(lint(cli, target.name, "--format", "gitlab")[1])
    target.write_text("# A comment that moves every line down.\n\n" + TWINS, encoding="utf-8")
    after = json.loads(lint(cli, target.name, "--format", "gitlab")[1])
    assert [issue["fingerprint"] for issue in after] == [issue["fingerprint"] for issue in before]
    assert [issue["location"]["lines"]["begin"] for issue in after] == [
        issue["location"]["lines"]["begin"] + 2 for issue in before
    ]
    fax = [issue for issue in after if issue["check_name"] == "W110"]
    assert len(fax) == 2 and fax[0]["description"] == fax[1]["description"]
    assert fax[0]["fingerprint"] != fax[1]["fingerprint"]


def test_gitlab_severities(cli):
    issues = json.loads(lint(cli, DATA, "--format", "gitlab")[1])
    severities = {issue["check_name"]: issue["severity"] for issue in issues}
    assert severities == {"I001": "info", "W110": "minor", "E022": "major"}


def test_junit_report_fits_the_jenkins_schema(cli, tmp_path, monkeypatch, junit_schema):
    broken_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out = lint(cli, "maps", "--format", "junit")
    junit_schema.validate(out.encode("utf-8"))
    root = ElementTree.fromstring(out)
    suites = {suite.get("name"): suite for suite in root}
    assert list(suites) == ["maps/a.journey.yaml", "maps/b.journey.yaml"]
    findings = json.loads(lint(cli, "maps", "--format", "json")[1])["findings"]
    failing = [f for f in findings if f["severity"] != "info"]
    for name, suite in suites.items():
        expected = [
            f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['name']} {f['message']}".replace("\a", "\ufffd")
            for f in failing
            if f["path"] == name
        ]
        assert [case.find("failure").text for case in suite.iter("testcase")] == expected
        assert suite.get("failures") == str(len(expected))
    assert root.get("failures") == str(len(failing))
    assert code == 1
    assert "\u0007" not in out
    assert "`fax\ufffd` is not a known channel." in out


def test_junit_clean_files_pass_and_info_findings_are_not_failures(cli, tmp_path, monkeypatch, junit_schema):
    monkeypatch.chdir(tmp_path)
    clean = tmp_path / "clean.journey.yaml"
    clean.write_text(
        "journeyctl: 1\nid: clean\ntitle: Clean\nowner: Team\nlast_reviewed: 2026-11-01\npersona: p\n"
        "personas:\n  - id: p\n    name: P\nstages:\n  - id: s\n    name: S\n    touchpoints:\n"
        "      - id: t\n        name: T\n        channel: email\n        emotion: 0\n        owner: Team\n"
        "        critical: true  # journeyctl: ignore[W104]\n",
        encoding="utf-8",
    )
    code, out = lint(cli, clean.name, "--format", "junit")
    junit_schema.validate(out.encode("utf-8"))
    suite = ElementTree.fromstring(out).find("testsuite")
    cases = suite.findall("testcase")
    infos = lint(cli, clean.name)[1].splitlines()[:-1]
    assert len(infos) == 1 and " I001 " in infos[0]
    assert (code, [case.get("name") for case in cases], suite.get("failures")) == (0, ["journeyctl lint"], "0")
    assert suite.find("system-out").text.splitlines() == infos
