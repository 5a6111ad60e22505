"""`journeyctl fmt` on real files: --check, --diff, writing, errors, line endings."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import run_journeyctl

MESSY = "title: Messy\njourneyctl: 1\nid: messy\nstages:\n-   id: s   # the stage\n    name: S\n"
CANONICAL = "journeyctl: 1\nid: messy\ntitle: Messy\nstages:\n  - id: s  # the stage\n    name: S\n"
BROKEN = "journeyctl: 1\nid: Broken Id\ntitle: Broken\nstages:\n-   id: s\n    name: S\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "messy.journey.yaml").write_text(MESSY)
    (tmp_path / "tidy.journey.yaml").write_text(CANONICAL)
    (tmp_path / "docker-compose.yaml").write_text("services:\n    web:   {image: nginx}\n")
    return tmp_path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_check_lists_files_that_would_change_and_writes_nothing(cli, folder):
    before = snapshot(folder)
    result = cli("fmt", "--check", folder)
    assert result.code == 1
    assert (
        result.out
        == f"Would reformat: {folder}/messy.journey.yaml\n1 file would be reformatted, 1 file already formatted.\n"
    )
    assert result.err == ""
    assert snapshot(folder) == before


def test_check_on_formatted_files_exits_0(cli, folder):
    result = cli("fmt", "--check", folder / "tidy.journey.yaml")
    assert (result.code, result.out, result.err) == (0, "1 file already formatted.\n", "")


def test_diff_prints_a_unified_diff_and_writes_nothing(cli, folder):
    before = snapshot(folder)
    path = folder / "messy.journey.yaml"
    result = cli("fmt", "--diff", path)
    assert result.code == 1
    assert result.out == (
        f"--- {path}\n+++ {path}\n@@ -1,6 +1,6 @@\n-title: Messy\n journeyctl: 1\n id: messy\n+title: Messy\n"
        " stages:\n--   id: s   # the stage\n+  - id: s  # the stage\n     name: S\n"
    )
    assert result.err == f"Would reformat: {path}\n1 file would be reformatted.\n"
    assert snapshot(folder) == before


def test_diff_without_changes_prints_nothing_and_exits_0(cli, folder):
    result = cli("fmt", "--diff", folder / "tidy.journey.yaml")
    assert (result.code, result.out, result.err) == (0, "", "1 file already formatted.\n")


def test_fmt_rewrites_only_files_that_change(cli, folder):
    before = snapshot(folder)
    result = cli("fmt", folder)
    assert result.code == 0
    assert result.out == f"Reformatted: {folder}/messy.journey.yaml\n1 file reformatted, 1 file left unchanged.\n"
    after = snapshot(folder)
    assert (folder / "messy.journey.yaml").read_text() == CANONICAL
    assert after["tidy.journey.yaml"] == before["tidy.journey.yaml"]
    assert after["docker-compose.yaml"] == before["docker-compose.yaml"]
    assert cli("fmt", "--check", folder).code == 0


def test_fmt_keeps_the_file_mode(cli, folder):
    path = folder / "messy.journey.yaml"
    path.chmod(0o640)
    assert cli("fmt", path).code == 0
    assert path.stat().st_mode & 0o777 == 0o640


def test_an_invalid_map_is_left_byte_identical_with_exit_2(cli, folder):
    broken = folder / "broken.journey.yaml"
    broken.write_text(BROKEN)
    result = cli("fmt", folder)
    assert result.code == 2
    assert broken.read_text() == BROKEN
    assert result.err == (
        f"{broken}:2:5: E012 invalid-value `Broken Id` is not a valid id: use 1 to 64 lowercase letters, "
        "digits, `-` or `_`, starting with a letter or digit.\n"
    )
    assert (folder / "messy.journey.yaml").read_text() == CANONICAL, "the other files are still formatted"
    assert result.out.endswith("1 file reformatted, 1 file left unchanged, 1 file not formatted (errors above).\n")


def test_a_file_that_is_not_yaml_is_left_alone_with_its_position(cli, tmp_path):
    path = tmp_path / "bad.journey.yaml"
    path.write_text("journeyctl: 1\ntitle: [unclosed\n")
    result = cli("fmt", "--check", path)
    assert result.code == 2
    assert re.fullmatch(rf"{re.escape(str(path))}:2:\d+: E001 yaml-syntax [^\n]+\n", result.err), result.err
    assert path.read_text() == "journeyctl: 1\ntitle: [unclosed\n"


def test_a_named_yaml_file_that_is_not_a_map_is_an_error(cli, folder):
    result = cli("fmt", folder / "docker-compose.yaml")
    assert result.code == 2
    assert result.err.startswith(
        f"{folder}/docker-compose.yaml:1:1: E003 unsupported-file This is not a journeyctl file"
    )


def test_a_missing_file_is_an_error(cli, tmp_path):
    result = cli("fmt", tmp_path / "nowhere.journey.yaml")
    assert result.code == 2
    assert result.err == f"journeyctl: {tmp_path}/nowhere.journey.yaml: no such file or folder\n"


def test_a_folder_without_maps(cli, tmp_path):
    result = cli("fmt", "--check", tmp_path)
    assert (result.code, result.out) == (2, "No journey maps found.\n")
    assert (
        result.err == f"journeyctl: no journey maps found under {tmp_path}/; pass --allow-empty if that is expected\n"
    )
    assert cli("fmt", "--check", "--allow-empty", tmp_path).code == 0


def test_crlf_stays_crlf(cli, tmp_path):
    path = tmp_path / "windows.journey.yaml"
    path.write_bytes(MESSY.replace("\n", "\r\n").encode())
    assert cli("fmt", path).code == 0
    assert path.read_bytes() == CANONICAL.replace("\n", "\r\n").encode()


def test_a_final_newline_is_added_and_a_bom_kept(cli, tmp_path):
    path = tmp_path / "bom.journey.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + CANONICAL.rstrip("\n").encode())
    assert cli("fmt", path).code == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + CANONICAL.encode()


def test_fmt_as_a_real_process(folder):
    result = run_journeyctl("fmt", "--check", folder)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"Would reformat: {folder}{os.sep}messy.journey.yaml"


def test_a_lone_cr_file_stays_cr(cli, tmp_path):
    path = tmp_path / "classic-mac.journey.yaml"
    path.write_bytes(MESSY.replace("\n", "\r").encode())
    assert cli("fmt", path).code == 0
    assert path.read_bytes() == CANONICAL.replace("\n", "\r").encode()


def test_tabs_before_comments_become_spaces(cli, tmp_path):
    path = tmp_path / "tabs.journey.yaml"
    path.write_text(CANONICAL.replace("title: Messy\n", "title: Messy\t# a tab before\n"))
    assert cli("fmt", path).code == 0
    assert path.read_text() == CANONICAL.replace("title: Messy\n", "title: Messy  # a tab before\n")


def test_many_files_are_formatted_in_parallel_in_order(cli, tmp_path):
    for number in range(20):
        (tmp_path / f"map-{number:02}.journey.yaml").write_text(MESSY if number % 3 == 0 else CANONICAL)
    result = cli("fmt", tmp_path)
    assert result.code == 0
    changed = [f"Reformatted: {tmp_path}/map-{number:02}.journey.yaml" for number in range(0, 20, 3)]
    assert result.out.splitlines() == [*changed, "7 files reformatted, 13 files left unchanged."]
    assert all(path.read_text() == CANONICAL for path in tmp_path.iterdir())
