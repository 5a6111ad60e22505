"""Paths named in vain (missing, a folder without maps), broken links, and maps in JSON-style flow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from discovery_support import BROKEN, CLEAN, named_in_findings, write_tree

from conftest import TODAY, run_journeyctl

NO_MAPS = "journeyctl: no journey maps found under {}; pass --allow-empty if that is expected\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean map, a folder of maps, a folder of other YAML and an empty folder; the working folder."""
    write_tree(
        tmp_path,
        {
            "checkout.journey.yaml": CLEAN,
            "maps/refund.journey.yaml": CLEAN.replace("id: checkout", "id: refund"),
            "ci/workflow.yaml": "on: push\njobs: {}\n",
        },
    )
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- a path that does not exist ---

COMMANDS = {
    "lint": ["lint", "--today", TODAY],
    "fmt": ["fmt", "--check"],
    "render": ["render", "-o", "site", "--today", TODAY],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_path_that_does_not_exist(cli, folder: Path, command: str) -> None:
    result = cli(*COMMANDS[command], "checkout.journey.yaml", "nope.journey.yaml", "gone/")
    assert result.code == 2
    assert result.err == (
        "journeyctl: nope.journey.yaml: no such file or folder\njourneyctl: gone/: no such file or folder\n"
    )
    # Not a checked file, and not a finding.
    assert "nope" not in result.out
    expected_out = {
        "lint": "All clear: no findings in 1 file.\n",
        "fmt": "1 file already formatted.\n",
        "render": "",
    }
    assert result.out == expected_out[command]


def test_render_writes_nothing_when_a_path_does_not_exist(cli, folder: Path) -> None:
    assert cli("render", "maps", "nope.journey.yaml", "-o", "site", "--today", TODAY).code == 2
    assert not (folder / "site").exists()
    assert cli("render", "maps", "-o", "site", "--today", TODAY).code == 0
    assert (folder / "site" / "refund.html").is_file()


def test_diff_of_a_path_that_does_not_exist(cli, folder: Path) -> None:
    result = cli("diff", "checkout.journey.yaml", "nope.journey.yaml")
    assert (result.code, result.out, result.err) == (2, "", "journeyctl: nope.journey.yaml: no such file or folder\n")


def test_a_missing_path_as_a_real_process(folder: Path) -> None:
    done = run_journeyctl("lint", "nope.journey.yaml", "-f", "json", cwd=folder)
    assert done.returncode == 2
    assert json.loads(done.stdout)["summary"]["files"] == 0
    assert done.stderr == "journeyctl: nope.journey.yaml: no such file or folder\n"


# --- a broken link named explicitly: a file that cannot be read (E001), counted and positioned ---


@pytest.mark.parametrize("command", COMMANDS)
def test_a_broken_link_named_explicitly(cli, folder: Path, command: str) -> None:
    (folder / "link.journey.yaml").symlink_to("deleted.journey.yaml")
    result = cli(*COMMANDS[command], "link.journey.yaml")
    assert result.code == 2
    finding = (
        "link.journey.yaml:1:1: E001 yaml-syntax The file cannot be read: "
        "it is a symbolic link to deleted.journey.yaml, which does not exist.\n"
    )
    if command == "lint":
        assert result.out == finding + "Found 1 error and 0 warnings in 1 of 1 file.\n"
    else:
        assert result.err == finding


# --- a folder with no maps ---


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("named", ["empty", "ci"])
def test_a_folder_without_maps_fails_with_a_warning(cli, folder: Path, command: str, named: str) -> None:
    result = cli(*COMMANDS[command], named)
    assert result.code == 2
    assert result.err == NO_MAPS.format(named + "/")
    assert not (folder / "site").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_without_maps_beside_others(cli, folder: Path, command: str) -> None:
    result = cli(*COMMANDS[command], "maps", "empty/")
    assert (result.code, result.err) == (2, NO_MAPS.format("empty/"))
    allowed = cli(*COMMANDS[command], "maps", "empty/", "--allow-empty")
    assert (allowed.code, allowed.err) == (0, "journeyctl: warning: no journey maps found under empty/\n")


def test_allow_empty_keeps_the_other_exit_codes(cli, folder: Path) -> None:
    (folder / "maps" / "broken.journey.yaml").write_text(BROKEN, encoding="utf-8")
    result = cli("lint", "maps", "empty", "--allow-empty", "--today", TODAY)
    assert result.code == 1
    assert named_in_findings(result.out) == ["maps/broken.journey.yaml"]


def test_allow_empty_with_nothing_at_all(cli, folder: Path) -> None:
    warning = "journeyctl: warning: no journey maps found under empty/\n"
    lint = cli("lint", "empty", "--allow-empty")
    assert (lint.code, lint.out, lint.err) == (0, "No journey maps checked.\n", warning)
    render = cli("render", "empty", "-o", "site", "--allow-empty")
    assert (render.code, render.out, render.err) == (0, "", warning)
    assert not (folder / "site").exists()


def test_a_folder_of_persona_libraries_holds_maps(cli, folder: Path) -> None:
    write_tree(folder, {"people/personas.yaml": "journeyctl: 1\nkind: personas\npersonas:\n  - {id: ben, name: Ben}\n"})
    assert cli("lint", "people").code == 0
    # render has no page to make of it: its own message, not the empty-folder one.
    result = cli("render", "people", "-o", "site")
    assert (result.code, result.err) == (
        2,
        "journeyctl: No journey maps to render in people (persona libraries are not pages).\n",
    )


# --- maps in JSON-style flow are found in folders ---

FLOW_MAPS = {
    "json.journey.yaml": json.dumps(
        {
            "journeyctl": 1,
            "id": "json",
            "title": "JSON",
            "stages": [{"id": "a", "name": "A", "touchpoints": [{"id": "t", "name": "T", "channel": "fax"}]}],
        }
    ),
    "pretty.journey.yaml": "# written by a script\n---\n"
    + json.dumps(
        {"id": "pretty", "title": "P", "journeyctl": 1, "stages": [{"id": "a", "name": "A", "emotion": 9}]}, indent=2
    ),
    "flow.yaml": "{ title: Flow, journeyctl: 1, id: flow, stages: [{id: a, name: A}], x-note: 'journeyctl: 2' }\n",
    "not-a-map.yaml": '{"name": "package", "description": "journeyctl: not a key here", "list": [1, 2]}\n',
    "nested.yaml": 'settings: {"journeyctl": 1}\n',
}


def test_maps_in_json_style_flow_are_found_in_folders(cli, folder: Path) -> None:
    write_tree(folder / "flow", FLOW_MAPS)
    result = cli("lint", "flow", "--today", TODAY, "--select", "E010,E011,E012,W110")
    assert result.code == 1
    assert named_in_findings(result.out) == ["flow/json.journey.yaml", "flow/pretty.journey.yaml"]
    assert result.out.splitlines()[-1] == "Found 1 error and 1 warning in 2 of 3 files."
