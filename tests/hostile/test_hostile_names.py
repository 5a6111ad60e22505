"""File names are chosen by whoever opens the pull request: they must not forge output lines."""

from __future__ import annotations

from pathlib import Path

import pytest

# A map without `title`: one finding at 1:1 for each file.
MAP = "journeyctl: 1\nid: x\nstages: [{id: s, name: S}]\n"
NAMES = {
    "::error file=x::pwned.journey.yaml": "./::error file=x::pwned.journey.yaml",
    "evil\nE999 fake.journey.yaml": "evil\\nE999 fake.journey.yaml",
    "esc\x1b[31mred.journey.yaml": "esc\\x1b[31mred.journey.yaml",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in NAMES:
        (tmp_path / name).write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", [["lint", "."], ["render", ".", "-o", "site"], ["fmt", "."]])
def test_each_finding_is_one_line_that_names_its_file(cli, folder: Path, command: list[str]) -> None:
    result = cli(*command, *(["--today", "2026-11-23"] if command[0] != "fmt" else []))
    lines = (result.out if command[0] == "lint" else result.err).splitlines()
    shown = sorted(line.split(":1:1: E010 missing-field ")[0] for line in lines if ":1:1: E010 missing-field " in line)
    assert shown == sorted(NAMES.values())
    assert not [line for line in (result.out + result.err).splitlines() if line.startswith("::") or "\x1b" in line]


def test_github_annotations_escape_file_names(cli, folder: Path) -> None:
    result = cli("lint", ".", "--format", "github")
    files = sorted(
        line.split("file=", 1)[1].split(",line=")[0] for line in result.out.splitlines() if line.startswith("::error")
    )
    assert files == [
        "%3A%3Aerror file=x%3A%3Apwned.journey.yaml",
        "esc\\x1b[31mred.journey.yaml",
        "evil%0AE999 fake.journey.yaml",
    ]
    assert len(result.out.splitlines()) == 4


@pytest.mark.parametrize("mode", ["--check", "--diff"])
def test_fmt_names_each_file_on_one_line(cli, folder: Path, mode: str) -> None:
    for name in NAMES:
        (folder / name).write_text(MAP.replace("id: x\n", "id: x\ntitle:    X\n"), encoding="utf-8")
    result = cli("fmt", mode, ".")
    notes = result.out if mode == "--check" else result.err
    assert sorted(line.removeprefix("Would reformat: ") for line in notes.splitlines()[:-1]) == sorted(
        name.removeprefix("./") for name in NAMES.values()
    )
    assert "\x1b" not in result.out + result.err


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_the_report_names_each_skipped_file_safely(cli, folder: Path, fmt: str) -> None:
    result = cli("report", ".", "-f", fmt, "--today", "2026-11-23")
    assert result.code == 0
    assert "\x1b" not in result.out and not [line for line in result.out.splitlines() if line.startswith("::")]
    if fmt == "json":
        import json

        skipped = json.loads(result.out)["skipped"]
        assert sorted(s["path"] for s in skipped) == sorted(name.removeprefix("./") for name in NAMES)
    if fmt == "text":
        assert "\nevil\\nE999 fake.journey.yaml:1:1: E010\n" in result.out  # the line break made visible
        assert "\nesc\\x1b[31mred.journey.yaml:1:1: E010\n" in result.out
        assert "\n./::error file=x::pwned.journey.yaml:1:1: E010\n" in result.out
