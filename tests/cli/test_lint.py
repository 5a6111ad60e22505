"""`journeyctl lint`: exit codes, exact text and JSON output, rule selection, folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TODAY, run_journeyctl
from journeyctl import __version__

CLEAN = """\
journeyctl: 1
id: checkout
title: Checkout
owner: Payments team
persona: ben
personas:
  - {id: ben, name: Ben}
last_reviewed: 2026-11-01
stages:
  - id: pay
    name: Pay
    touchpoints:
      - {id: card, name: Card form, channel: website, emotion: 1, critical: true}
"""
WARNINGS = CLEAN.replace("channel: website, emotion: 1,", "channel: web-site,")
ERRORS = """\
journeyctl: 1
id: Broken Map
title: Broken
stages:
  - id: one
    nmae: One
"""
WARNING_LINES = [
    "warn.journey.yaml:13:9: W104 missing-emotion Touchpoint `card` has no emotion: how does the customer feel here?",
    "warn.journey.yaml:13:46: W110 unknown-channel `web-site` is not a known channel. Did you mean `website`?",
]
ERROR_LINES = [
    "broken.journey.yaml:2:5: E012 invalid-value `Broken Map` is not a valid id: use 1 to 64 lowercase letters, digits, `-` or `_`, starting with a letter or digit.",
    "broken.journey.yaml:5:5: E010 missing-field Stage `one` is missing the required key `name`.",
    "broken.journey.yaml:6:5: E011 unknown-field `nmae` is not a key of the format. Did you mean `name`? Keys of your own must start with `x-`.",
]


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a clean map, one with warnings and one with errors; the working directory."""
    (tmp_path / "clean.journey.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "warn.journey.yaml").write_text(WARNINGS, encoding="utf-8")
    (tmp_path / "broken.journey.yaml").write_text(ERRORS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_clean_map_exits_0(cli, maps: Path) -> None:
    result = cli("lint", "clean.journey.yaml", "--today", TODAY)
    assert (result.code, result.out, result.err) == (0, "All clear: no findings in 1 file.\n", "")


def test_warnings_exit_1(cli, maps: Path) -> None:
    result = cli("lint", "warn.journey.yaml", "--today", TODAY)
    assert result.code == 1
    assert lines(result.out) == [*WARNING_LINES, "Found 0 errors and 2 warnings in 1 of 1 file."]
    assert result.err == ""


def test_errors_exit_1(cli, maps: Path) -> None:
    result = cli("lint", "broken.journey.yaml", "--today", TODAY)
    assert result.code == 1
    assert lines(result.out) == [*ERROR_LINES, "Found 3 errors and 0 warnings in 1 of 1 file."]


def test_folder_lists_files_in_name_order(cli, maps: Path) -> None:
    result = cli("lint", ".", "--today", TODAY)
    assert result.code == 1
    assert lines(result.out) == [*ERROR_LINES, *WARNING_LINES, "Found 3 errors and 2 warnings in 2 of 3 files."]


def test_quiet_prints_findings_only(cli, maps: Path) -> None:
    assert cli("lint", "-q", "warn.journey.yaml", "--today", TODAY).out == "\n".join(WARNING_LINES) + "\n"
    result = cli("lint", "--quiet", "clean.journey.yaml", "--today", TODAY)
    assert (result.code, result.out) == (0, "")


def test_one_warning_in_the_summary_is_singular(cli, maps: Path) -> None:
    result = cli("lint", "warn.journey.yaml", "clean.journey.yaml", "--select", "W110", "--today", TODAY)
    assert lines(result.out) == [WARNING_LINES[1], "Found 0 errors and 1 warning in 1 of 2 files."]


def test_missing_path_exits_2_after_linting_the_others(cli, maps: Path) -> None:
    result = cli("lint", "clean.journey.yaml", "nope.journey.yaml", "warn.journey.yaml", "--today", TODAY)
    assert result.code == 2
    # Not a finding and not a checked file: the command line names something that is not there.
    assert lines(result.out) == [WARNING_LINES[0], WARNING_LINES[1], "Found 0 errors and 2 warnings in 1 of 2 files."]
    assert result.err == "journeyctl: nope.journey.yaml: no such file or folder\n"


def test_a_path_through_a_file_does_not_exist(cli, maps: Path) -> None:
    result = cli("lint", "clean.journey.yaml/inside.yaml", "--today", TODAY)
    assert (result.code, result.out) == (2, "No journey maps checked.\n")
    assert result.err == "journeyctl: clean.journey.yaml/inside.yaml: no such file or folder\n"


def test_file_without_read_permission_exits_2(maps: Path) -> None:
    (maps / "clean.journey.yaml").chmod(0)
    result = run_journeyctl("lint", "clean.journey.yaml", "--today", TODAY, cwd=maps, obey_permissions=True)
    assert (result.returncode, result.stderr) == (2, "")
    assert lines(result.stdout) == [
        "clean.journey.yaml:1:1: E001 yaml-syntax The file cannot be read: Permission denied.",
        "Found 1 error and 0 warnings in 1 of 1 file.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "23/11/2026"], "journeyctl: --today must be a date written YYYY-MM-DD, not `23/11/2026`.\n"),
        (["--today", "2026-02-30"], "journeyctl: --today must be a date written YYYY-MM-DD, not `2026-02-30`.\n"),
        (["--select", "E999"], "journeyctl: --select: `E999` is not a rule code or name (see `journeyctl rules`).\n"),
        (
            ["--ignore", "W104,typo-rule"],
            "journeyctl: --ignore: `typo-rule` is not a rule code or name (see `journeyctl rules`).\n",
        ),
        (
            ["--format", "xml"],
            "journeyctl: --format must be one of text, json, sarif, github, gitlab, junit, not `xml`.\n",
        ),
    ],
)
def test_bad_option_values_exit_2_with_one_line(cli, maps: Path, args: list[str], message: str) -> None:
    result = cli("lint", "clean.journey.yaml", *args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_unknown_option_exits_2_with_one_line(cli, maps: Path) -> None:
    result = cli("lint", "clean.journey.yaml", "--colour")
    assert (result.code, result.out) == (2, "")
    assert result.err == "journeyctl: unknown option `--colour` for lint (see `journeyctl lint --help`).\n"


def test_no_path_exits_2(cli, maps: Path) -> None:
    result = cli("lint")
    assert (result.code, result.out) == (2, "")
    assert result.err == "journeyctl: lint needs PATH... (see `journeyctl lint --help`).\n"


@pytest.mark.parametrize(
    "select",
    [
        ["--select", "W110"],
        ["--select", "unknown-channel"],
        ["--select", "w110"],
        ["--select", "W104", "--select", "W110"],
    ],
)
def test_select_by_code_or_name(cli, maps: Path, select: list[str]) -> None:
    result = cli("lint", "warn.journey.yaml", "-q", *select, "--today", TODAY)
    expected = WARNING_LINES if "W104" in select else WARNING_LINES[1:]
    assert lines(result.out) == expected


@pytest.mark.parametrize("ignore", ["W104,W110", "missing-emotion,unknown-channel", "W104, unknown-channel"])
def test_ignore_by_code_or_name(cli, maps: Path, ignore: str) -> None:
    result = cli("lint", "warn.journey.yaml", "--ignore", ignore, "--today", TODAY)
    assert (result.code, result.out) == (0, "All clear: no findings in 1 file.\n")


def test_select_and_ignore_apply_to_load_errors_too(cli, maps: Path) -> None:
    (maps / "tabs.journey.yaml").write_text("journeyctl: 1\nstages:\n\t- id: a\n", encoding="utf-8")
    assert cli("lint", "tabs.journey.yaml", "--ignore", "yaml-syntax").code == 0
    result = cli("lint", "tabs.journey.yaml", "--select", "E001", "-q")
    assert (
        result.out
        == "tabs.journey.yaml:3:1: E001 yaml-syntax A tab character is used for indentation; YAML allows only spaces there.\n"
    )


def test_json_output(cli, maps: Path) -> None:
    result = cli("lint", ".", "--format", "json", "--today", TODAY)
    assert result.code == 1
    document = json.loads(result.out)
    assert list(document) == ["tool", "version", "findings", "summary"]
    assert (document["tool"], document["version"]) == ("journeyctl", __version__)
    assert document["summary"] == {"files": 3, "unreadable": 0, "errors": 3, "warnings": 2, "infos": 0}
    assert document["findings"][0] == {
        "path": "broken.journey.yaml",
        "line": 2,
        "column": 5,
        "code": "E012",
        "name": "invalid-value",
        "severity": "error",
        "message": "`Broken Map` is not a valid id: use 1 to 64 lowercase letters, digits, `-` or `_`, starting with a letter or digit.",
    }
    shown = [
        f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['name']} {f['message']}" for f in document["findings"]
    ]
    assert shown == [*ERROR_LINES, *WARNING_LINES]


def test_json_output_when_clean_and_unreadable(cli, maps: Path) -> None:
    (maps / "missing.yaml").symlink_to("deleted.yaml")
    result = cli("lint", "clean.journey.yaml", "missing.yaml", "-f", "json", "--today", TODAY)
    assert result.code == 2
    document = json.loads(result.out)
    assert document["summary"] == {"files": 2, "unreadable": 1, "errors": 1, "warnings": 0, "infos": 0}
    assert [f["code"] for f in document["findings"]] == ["E001"]


def test_json_keeps_non_ascii_text(cli, maps: Path) -> None:
    (maps / "cafe.journey.yaml").write_text(
        "journeyctl: 1\nid: Café\ntitle: x\nstages: [{id: a, name: A}]\n", encoding="utf-8"
    )
    result = cli("lint", "cafe.journey.yaml", "-f", "json", "--select", "E012")
    assert json.loads(result.out)["findings"][0]["message"].startswith("`Café` is not a valid id")
    assert "Café" in result.out


def test_folders_are_searched_recursively_skipping_other_yaml_and_hidden_folders(
    cli, tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "maps" / "emea").mkdir(parents=True)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / "maps" / "emea" / "refund.journey.yml").write_text(WARNINGS, encoding="utf-8")
    (tmp_path / "maps" / "checkout.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "maps" / "docker-compose.yml").write_text("services:\n  web: {image: nginx}\n", encoding="utf-8")
    (tmp_path / "maps" / "notes.txt").write_text(ERRORS, encoding="utf-8")
    (tmp_path / ".github" / "workflows" / "broken.journey.yaml").write_text(ERRORS, encoding="utf-8")
    (tmp_path / "maps" / ".drafts").mkdir()
    (tmp_path / "maps" / ".drafts" / "broken.journey.yaml").write_text(ERRORS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("lint", ".", "--today", TODAY, "--select", "W110")
    assert lines(result.out) == [
        "maps/emea/refund.journey.yml:13:46: W110 unknown-channel `web-site` is not a known channel. Did you mean `website`?",
        "Found 0 errors and 1 warning in 1 of 2 files.",
    ]


def test_a_file_named_explicitly_must_be_a_map(cli, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "docker-compose.yml").write_text("services:\n  web: {image: nginx}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("lint", "docker-compose.yml")
    assert result.code == 1
    assert lines(result.out) == [
        "docker-compose.yml:1:1: E003 unsupported-file This is not a journeyctl file: the top-level key `journeyctl: 1` (the format version) is missing. Supported versions: 1.",
        "Found 1 error and 0 warnings in 1 of 1 file.",
    ]


def test_empty_folder(cli, tmp_path: Path) -> None:
    result = cli("lint", tmp_path)
    assert (result.code, result.out) == (2, "No journey maps checked.\n")
    assert (
        result.err == f"journeyctl: no journey maps found under {tmp_path}/; pass --allow-empty if that is expected\n"
    )


def test_persona_library_resolved_from_another_working_directory(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As pre-commit runs it: from the repository root, one file at a time.
    team = tmp_path / "repo" / "maps" / "team"
    team.mkdir(parents=True)
    (team / "personas.yaml").write_text(
        "journeyctl: 1\nkind: personas\npersonas:\n  - {id: ben, name: Ben}\n", encoding="utf-8"
    )
    inline = "persona: ben\npersonas:\n  - {id: ben, name: Ben}\n"
    (team / "checkout.journey.yaml").write_text(CLEAN.replace(inline, "persona: personas.yaml#ben\n"), encoding="utf-8")
    (team / "refund.journey.yaml").write_text(CLEAN.replace(inline, "persona: personas.yaml#anna\n"), encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    for cwd, prefix in (
        (tmp_path / "repo", "maps/team/"),
        (tmp_path / "elsewhere", "../repo/maps/team/"),
        (team, ""),
        (tmp_path, f"{team}/"),
    ):
        monkeypatch.chdir(cwd)
        result = cli("lint", f"{prefix}checkout.journey.yaml", f"{prefix}refund.journey.yaml", "--today", TODAY)
        assert (result.code, result.err) == (1, "")
        assert lines(result.out) == [
            f"{prefix}refund.journey.yaml:5:10: E021 unknown-reference The persona library `personas.yaml` defines no persona `anna`.",
            "Found 1 error and 0 warnings in 1 of 2 files.",
        ]


def test_maps_with_a_byte_order_mark_are_found_in_folders(cli, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "bom.journey.yaml").write_bytes(b"\xef\xbb\xbf" + CLEAN.encode())
    (tmp_path / "utf16.journey.yaml").write_bytes(CLEAN.encode("utf-16"))
    (tmp_path / "other-utf16.yaml").write_bytes("services: {}\n".encode("utf-16"))
    monkeypatch.chdir(tmp_path)
    result = cli("lint", ".", "--today", TODAY)
    assert lines(result.out) == [
        "utf16.journey.yaml:1:1: E001 yaml-syntax The file is saved as UTF-16; save it as UTF-8.",
        "Found 1 error and 0 warnings in 1 of 2 files.",
    ]


def test_control_characters_from_the_map_never_reach_the_terminal_raw(cli, tmp_path: Path, monkeypatch) -> None:
    hostile = CLEAN.replace("channel: website", 'channel: "\\e]0;owned\\a\\e[2J\\u202e"').replace(
        "id: checkout\n", 'id: checkout\n"x\\nE999 fake": 1\n'
    )
    (tmp_path / "escapes.journey.yaml").write_text(hostile, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("lint", "escapes.journey.yaml", "-q")
    assert (
        result.out
        == "escapes.journey.yaml:3:1: E011 unknown-field `x\\nE999 fake` is not a key of the format. Keys of your own must start with `x-`.\n"
    )
    (tmp_path / "escapes.journey.yaml").write_text(hostile.replace('"x\\nE999 fake": 1\n', ""), encoding="utf-8")
    result = cli("lint", "escapes.journey.yaml", "-q", "--select", "W110")
    assert result.out == (
        "escapes.journey.yaml:13:46: W110 unknown-channel `\\x1b]0;owned\\x07\\x1b[2J\\u202e` is not a known channel."
        " Add it to the `channels` setting if your project uses it.\n"
    )
