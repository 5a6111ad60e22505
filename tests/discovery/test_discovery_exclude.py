"""The exclude settings and --exclude, per-file-ignores by git's glob rules, and what a search costs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from discovery_support import BROKEN, CLEAN, named_in_findings, write_tree

from conftest import EXAMPLES, SRC, TODAY
from journeyctl.config.settings import matches


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Broken maps in ordinary, hidden and package folders (no git repository); the working folder."""
    write_tree(
        tmp_path,
        {
            "maps/checkout.journey.yaml": BROKEN,
            "maps/archive/old.journey.yaml": BROKEN,
            "maps/archive/keep.journey.yaml": BROKEN,
            "maps/.drafts/idea.journey.yaml": BROKEN,
            "node_modules/pkg/fixture.journey.yaml": BROKEN,
            "archive/top.journey.yaml": BROKEN,
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def checked(cli, *args: str) -> list[str]:
    return named_in_findings(cli("lint", *args).out)


def test_by_default_hidden_folders_and_node_modules_are_left_out(cli, project: Path) -> None:
    assert checked(cli, ".") == [
        "archive/top.journey.yaml",
        "maps/checkout.journey.yaml",
        "maps/archive/keep.journey.yaml",
        "maps/archive/old.journey.yaml",
    ]


def test_exclude_replaces_the_default_list(cli, project: Path) -> None:
    write_tree(project, {"journeyctl.toml": 'exclude = ["archive/"]\n', ".git-like/.git/x.journey.yaml": BROKEN})
    # Hidden folders and node_modules are searched now; a folder named .git never is.
    assert checked(cli, ".") == [
        "maps/checkout.journey.yaml",
        "maps/.drafts/idea.journey.yaml",
        "node_modules/pkg/fixture.journey.yaml",
    ]


def test_extend_exclude_adds_to_the_default_list(cli, project: Path) -> None:
    (project / "journeyctl.toml").write_text('extend-exclude = ["**/archive/*", "!keep.journey.yaml"]\n')
    assert checked(cli, ".") == ["maps/checkout.journey.yaml", "maps/archive/keep.journey.yaml"]


def test_config_patterns_are_relative_to_the_config_folder(cli, project: Path, monkeypatch) -> None:
    (project / "journeyctl.toml").write_text('extend-exclude = ["/maps/archive/"]\n')
    monkeypatch.chdir(project / "maps")
    assert checked(cli, ".") == ["checkout.journey.yaml"]
    assert checked(cli, "..") == ["../archive/top.journey.yaml", "../maps/checkout.journey.yaml"]


def test_command_line_exclude_adds_and_is_relative_to_the_working_folder(cli, project: Path, monkeypatch) -> None:
    (project / "journeyctl.toml").write_text('extend-exclude = ["old.journey.yaml"]\n')
    monkeypatch.chdir(project / "maps")
    assert checked(cli, ".", "--exclude", "/archive/") == ["checkout.journey.yaml"]
    assert checked(cli, "..") == [
        "../archive/top.journey.yaml",
        "../maps/checkout.journey.yaml",
        "../maps/archive/keep.journey.yaml",
    ]
    # `/archive/` is maps/archive, given from maps/.
    assert checked(cli, "..", "--exclude", "/archive/") == [
        "../archive/top.journey.yaml",
        "../maps/checkout.journey.yaml",
    ]
    assert checked(cli, "..", "--exclude", "checkout.journey.yaml", "--exclude", "archive") == []


@pytest.mark.parametrize("command", [["fmt", "--check"], ["render", "-o", "site"]])
def test_fmt_and_render_take_exclude_too(cli, project: Path, command: list[str]) -> None:
    write_tree(project, {"maps/checkout.journey.yaml": CLEAN, "journeyctl.toml": 'extend-exclude = ["archive/"]\n'})
    result = cli(*command, ".", "--exclude", "node_modules/")
    assert (result.code, result.err) == (0, "")
    assert cli(*command, ".", "--exclude", "/maps/checkout.journey.yaml").code == 2  # no maps left, see below


def test_a_file_named_explicitly_is_checked_whatever_exclude_says(cli, project: Path) -> None:
    (project / "journeyctl.toml").write_text('extend-exclude = ["*.journey.yaml"]\n')
    assert checked(cli, "maps/checkout.journey.yaml", "maps/.drafts/idea.journey.yaml") == [
        "maps/checkout.journey.yaml",
        "maps/.drafts/idea.journey.yaml",
    ]
    assert checked(cli, "maps/.drafts") == []  # a named folder, but every map in it is excluded
    assert checked(cli, "maps/.drafts", "--isolated") == ["maps/.drafts/idea.journey.yaml"]


def test_a_hidden_folder_named_explicitly_is_searched(cli, project: Path) -> None:
    assert checked(cli, "maps/.drafts") == ["maps/.drafts/idea.journey.yaml"]
    assert checked(cli, "node_modules") == ["node_modules/pkg/fixture.journey.yaml"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            'exclude = "archive/"',
            'journeyctl.toml: `exclude` must be a list of gitignore-style patterns, like ["drafts/", "*.generated.yaml"], not `"archive/"`.',
        ),
        (
            "extend-exclude = [1]",
            'journeyctl.toml: `extend-exclude` must be a list of gitignore-style patterns, like ["drafts/", "*.generated.yaml"], not `[1]`.',
        ),
        ('respect-gitignore = "no"', 'journeyctl.toml: `respect-gitignore` must be true or false, not `"no"`.'),
        (
            '[per-file-ignores]\n"!legacy/*.yaml" = ["W104"]',
            "journeyctl.toml: `per-file-ignores`: `!legacy/*.yaml` would never match: in gitignore syntax a line starting with `!` is a negation; write `\\!legacy/*.yaml` for a name that starts with it.",
        ),
    ],
)
def test_invalid_settings(cli, project: Path, setting: str, message: str) -> None:
    (project / "journeyctl.toml").write_text(setting + "\n", encoding="utf-8")
    for command in (["lint", "."], ["fmt", "."], ["render", ".", "-o", "site"], ["config"]):
        result = cli(*command)
        assert (result.code, result.err) == (2, f"journeyctl: {message}\n")


# --- per-file-ignores follow git's glob rules ---


@pytest.mark.parametrize(
    ("pattern", "matched"),
    [
        ("legacy/*.yaml", ["legacy/a.yaml"]),
        ("legacy/**/*.yaml", ["legacy/a.yaml", "legacy/x/b.yaml", "legacy/x/y/c.yaml"]),
        ("/legacy/", ["legacy/a.yaml", "legacy/x/b.yaml", "legacy/x/y/c.yaml"]),
        ("legacy/", ["legacy/a.yaml", "legacy/x/b.yaml", "legacy/x/y/c.yaml", "new/legacy/d.yaml"]),
        ("*.yaml", ["legacy/a.yaml", "legacy/x/b.yaml", "legacy/x/y/c.yaml", "new/legacy/d.yaml", "e.yaml"]),
        ("/legacy/x/*", ["legacy/x/b.yaml", "legacy/x/y/c.yaml"]),  # as in git: y/ matches, and all in it
        ("/legacy/x/*.yaml", ["legacy/x/b.yaml"]),
        ("x/", ["legacy/x/b.yaml", "legacy/x/y/c.yaml"]),
        ("**/legacy/*.yaml", ["legacy/a.yaml", "new/legacy/d.yaml"]),
    ],
)
def test_per_file_ignores_globs_match_as_in_git(tmp_path: Path, monkeypatch, pattern: str, matched: list[str]) -> None:
    paths = ["legacy/a.yaml", "legacy/x/b.yaml", "legacy/x/y/c.yaml", "new/legacy/d.yaml", "e.yaml"]
    monkeypatch.chdir(tmp_path)
    assert [path for path in paths if matches(path, pattern)] == matched
    # Relative to the config file's folder, wherever journeyctl runs from.
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert [path for path in paths if matches(os.path.join("..", path), pattern, str(tmp_path))] == matched


def test_per_file_ignores_in_a_run(cli, project: Path) -> None:
    clean = {"a": CLEAN, "x/b": CLEAN}
    write_tree(
        project,
        {
            f"legacy/{name}.journey.yaml": text.replace("channel: website", "channel: fax")
            for name, text in clean.items()
        },
    )
    (project / "journeyctl.toml").write_text('[per-file-ignores]\n"legacy/*.yaml" = ["W110"]\n', encoding="utf-8")
    assert checked(cli, "legacy", "--today", TODAY) == ["legacy/x/b.journey.yaml"]
    (project / "journeyctl.toml").write_text('[per-file-ignores]\n"legacy/**/*.yaml" = ["W110"]\n', encoding="utf-8")
    assert cli("lint", "legacy", "--today", TODAY).out == "All clear: no findings in 2 files.\n"


# --- what a search costs: pathspec only when a folder is searched or a glob matched ---


def imported_modules(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journeyctl", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def test_one_map_and_the_version_do_not_import_pathspec(tmp_path: Path) -> None:
    one_map = str(EXAMPLES / "saas-trial-to-paid.journey.yaml")
    for args in (["--version"], ["lint", "--today", TODAY, one_map], ["fmt", "--check", one_map]):
        assert not {"pathspec", "journeyctl.source.ignores"} & imported_modules(*args, cwd=tmp_path), args
    folder = imported_modules("lint", "--today", TODAY, str(EXAMPLES), cwd=tmp_path)
    assert {"pathspec", "journeyctl.source.ignores"} <= folder
