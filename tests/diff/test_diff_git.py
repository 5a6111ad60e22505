"""Diff inside a real git repository: REV:PATH sides, the external diff driver, git-setup."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SRC

CASES = Path(__file__).parent / "cases"
MAP = "maps/checkout.journey.yaml"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(repo: Path, message: str, files: dict[str, Path | str | None]) -> None:
    """Write (copy a Path, write a str) or delete (None) files, then commit them all."""
    for name, content in files.items():
        target = repo / name
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty repository on branch main, isolated from the user's git configuration."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", str(SRC))
    monkeypatch.delenv("GIT_EXTERNAL_DIFF", raising=False)
    repository = tmp_path / "repo"
    repository.mkdir()
    git(repository, "init", "-q", "-b", "main")
    monkeypatch.chdir(repository)
    return repository


def expected(case: str, name: str = "expected.json") -> str:
    return (CASES / case / name).read_text(encoding="utf-8")


def moved_history(repo: Path) -> None:
    commit(repo, "v1", {MAP: CASES / "touchpoint-moved" / "old.yaml"})
    commit(repo, "v2", {MAP: CASES / "touchpoint-moved" / "new.yaml"})


def test_both_sides_from_git(repo: Path, cli) -> None:
    moved_history(repo)
    result = cli("diff", f"HEAD~1:{MAP}", f"main:{MAP}", "--format", "json", "--exit-code")
    assert result.code == 1
    document = json.loads(result.out)
    assert (document["old"], document["new"]) == (f"HEAD~1:{MAP}", f"main:{MAP}")
    assert document["changes"] == json.loads(expected("touchpoint-moved"))["changes"]


def test_rev_path_is_relative_to_the_current_folder(repo: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    moved_history(repo)
    monkeypatch.chdir(repo / "maps")
    result = cli("diff", "HEAD~1:checkout.journey.yaml", "checkout.journey.yaml")
    assert result.code == 0
    assert result.out == expected("touchpoint-moved", "expected.txt")
    absolute = cli("diff", f"HEAD~1:{repo / MAP}", "HEAD:./checkout.journey.yaml", "--exit-code")
    assert (absolute.code, absolute.out) == (1, result.out)


def test_an_existing_file_wins_over_rev_path(tmp_path: Path, repo: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copyfile(CASES / "stages" / "old.yaml", outside / "HEAD:old.yaml")
    monkeypatch.chdir(outside)
    result = cli("diff", "HEAD:old.yaml", CASES / "stages" / "new.yaml", "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["changes"] == json.loads(expected("stages"))["changes"]


def test_git_errors_are_one_plain_line(tmp_path: Path, repo: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    moved_history(repo)
    unknown = cli("diff", f"nope:{MAP}", MAP)
    assert (unknown.code, unknown.out) == (2, "")
    assert unknown.err == f"journeyctl: cannot read nope:{MAP} from git: invalid object name 'nope'.\n"
    absent = cli("diff", "HEAD:maps/other.journey.yaml", MAP)
    assert (absent.code, absent.err) == (
        2,
        "journeyctl: cannot read HEAD:maps/other.journey.yaml from git: path 'maps/other.journey.yaml' does not exist in 'HEAD'.\n",
    )
    monkeypatch.chdir(tmp_path)
    outside = cli("diff", f"HEAD:{MAP}", repo / MAP)
    assert (outside.code, outside.err) == (
        2,
        f"journeyctl: cannot read HEAD:{MAP} from git: not a git repository (or any of the parent directories): .git.\n",
    )


def test_a_broken_map_in_history_is_a_positioned_error(repo: Path, cli) -> None:
    moved_history(repo)
    commit(repo, "break it", {MAP: "journeyctl: 1\nid: checkout\ntitle: [Checkout\n"})
    result = cli("diff", f"HEAD~1:{MAP}", f"HEAD:{MAP}", "--exit-code")
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == f"HEAD:{MAP}:3:8: E001 yaml-syntax The list opened here with `[` is not closed with `]`, or a comma is missing between its items.\n"
    )


DRIVER = f"{shlex.quote(sys.executable)} -m journeyctl git-diff"


def use_the_driver(repo: Path, cli) -> None:
    """git-setup: the driver runs this Python (PYTHONPATH points it at this checkout's code)."""
    result = cli("git-setup")
    assert result.code == 0
    commit(repo, "diff maps with journeyctl", {})
    assert git(repo, "config", "--get", "diff.journeyctl.command") == DRIVER + "\n"


def test_git_diff_shows_maps_by_meaning(repo: Path, cli) -> None:
    use_the_driver(repo, cli)
    commit(repo, "v1", {MAP: CASES / "touchpoint-moved" / "old.yaml", "notes.txt": "one\n"})
    commit(repo, "v2", {MAP: CASES / "touchpoint-moved" / "new.yaml", "notes.txt": "two\n"})
    output = git(repo, "diff", "HEAD~1", "HEAD")
    index = [git(repo, "rev-parse", "--short", f"{rev}:notes.txt").strip() for rev in ("HEAD~1", "HEAD")]
    assert output == (
        f"diff --journeyctl a/{MAP} b/{MAP}\n"
        + expected("touchpoint-moved", "expected.txt")
        + f"diff --git a/notes.txt b/notes.txt\nindex {index[0]}..{index[1]} 100644\n"
        "--- a/notes.txt\n+++ b/notes.txt\n@@ -1 +1 @@\n-one\n+two\n"
    )
    log = git(repo, "log", "-p", "--ext-diff", "-1", "--format=%s")
    assert log.startswith(f'v2\n\ndiff --journeyctl a/{MAP} b/{MAP}\nStage "Delivery" (delivery)\n')
    assert f"diff --git a/{MAP} b/{MAP}\n" in git(repo, "log", "-p", "-1", "--format=%s")


def test_added_and_deleted_maps(repo: Path, cli) -> None:
    use_the_driver(repo, cli)
    commit(repo, "add", {"maps/returns.journey.yaml": CASES / "added-map" / "new.yaml"})
    added = git(repo, "diff", "HEAD~1", "HEAD")
    assert added == "diff --journeyctl a/maps/returns.journey.yaml b/maps/returns.journey.yaml\n" + expected(
        "added-map", "expected.txt"
    )
    commit(repo, "delete", {"maps/returns.journey.yaml": None})
    deleted = git(repo, "diff", "HEAD~1", "HEAD")
    assert deleted == "diff --journeyctl a/maps/returns.journey.yaml b/maps/returns.journey.yaml\n" + expected(
        "deleted-map", "expected.txt"
    )


def test_a_broken_map_falls_back_to_a_plain_diff(repo: Path, cli) -> None:
    use_the_driver(repo, cli)
    commit(
        repo,
        "v1",
        {MAP: CASES / "touchpoint-moved" / "old.yaml", "maps/stages.journey.yaml": CASES / "stages" / "old.yaml"},
    )
    broken = (
        (CASES / "touchpoint-moved" / "old.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Delivery", "name: [Delivery")
    )
    commit(repo, "v2", {MAP: broken, "maps/stages.journey.yaml": CASES / "stages" / "new.yaml"})
    done = subprocess.run(["git", "diff", "HEAD~1", "HEAD"], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout == (
        f"diff --journeyctl a/{MAP} b/{MAP}\n"
        f"journeyctl: b/{MAP}:6:11: E001 yaml-syntax The list opened here with `[` is not closed with `]`, "
        "or a comma is missing between its items; showing a plain diff instead.\n"
        f"--- a/{MAP}\n+++ b/{MAP}\n@@ -3,7 +3,7 @@\n title: Checkout\n stages:\n   - id: delivery\n"
        "-    name: Delivery\n+    name: [Delivery\n     touchpoints:\n       - id: tracking\n         name: Tracking page\n"
        "diff --journeyctl a/maps/stages.journey.yaml b/maps/stages.journey.yaml\n" + expected("stages", "expected.txt")
    )


def test_a_rename_gives_both_names(repo: Path, cli) -> None:
    use_the_driver(repo, cli)
    commit(repo, "v1", {MAP: CASES / "touchpoint-moved" / "old.yaml"})
    changed = (
        (CASES / "touchpoint-moved" / "old.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Tracking page", "name: Tracking")
    )
    commit(repo, "rename", {MAP: None, "maps/delivery.journey.yaml": changed})
    output = git(repo, "diff", "-M", "HEAD~1", "HEAD")
    blobs = [
        git(repo, "rev-parse", "--short", f"{rev}").strip()
        for rev in (f"HEAD~1:{MAP}", "HEAD:maps/delivery.journey.yaml")
    ]
    assert output.splitlines()[:7] == [
        f"diff --journeyctl a/{MAP} b/maps/delivery.journey.yaml",
        "similarity index 94%",
        f"rename from {MAP}",
        "rename to maps/delivery.journey.yaml",
        f"index {blobs[0]}..{blobs[1]} 100644",
        'Stage "Delivery" (delivery)',
        '  ~ touchpoint tracking: name "Tracking page" → "Tracking"',
    ]


def test_git_setup_is_idempotent(repo: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".gitattributes").write_text("*.png binary", encoding="utf-8")
    (repo / "maps").mkdir()
    monkeypatch.chdir(repo / "maps")
    first = cli("git-setup")
    assert first.code == 0
    assert first.out == (
        "Added `*.journey.yaml diff=journeyctl`, `personas.yaml diff=journeyctl`, `*.personas.yaml diff=journeyctl`"
        f" to {repo / '.gitattributes'}; commit it so that everyone's git uses it.\n"
        f"Set git config diff.journeyctl.command to `{DRIVER}`.\n"
        "`git diff` now shows journey maps by meaning; `git log -p` needs `--ext-diff` for it.\n"
    )
    attributes, config = (repo / ".gitattributes").read_bytes(), (repo / ".git" / "config").read_bytes()
    assert attributes == (
        b"*.png binary\n*.journey.yaml diff=journeyctl\npersonas.yaml diff=journeyctl\n*.personas.yaml diff=journeyctl\n"
    )
    assert git(repo, "config", "--get", "diff.journeyctl.command") == DRIVER + "\n"
    second = cli("git-setup")
    assert second.out == (
        ".gitattributes already has `diff=journeyctl` for *.journey.yaml, personas.yaml, *.personas.yaml.\n"
        f"git config diff.journeyctl.command is already `{DRIVER}`.\n"
        "`git diff` now shows journey maps by meaning; `git log -p` needs `--ext-diff` for it.\n"
    )
    assert (repo / ".gitattributes").read_bytes() == attributes
    assert (repo / ".git" / "config").read_bytes() == config


def test_git_setup_updates_a_stale_driver_and_keeps_a_teams_own(repo: Path, cli) -> None:
    (repo / ".gitattributes").write_text("*.journey.yaml diff=journeyctl\n", encoding="utf-8")
    stale = "/old/venv/bin/python -m journeyctl git-diff"
    git(repo, "config", "diff.journeyctl.command", stale)
    updated = cli("git-setup")
    assert f"Set git config diff.journeyctl.command to `{DRIVER}` (it was `{stale}`).\n" in updated.out
    assert "Added `personas.yaml diff=journeyctl`, `*.personas.yaml diff=journeyctl`" in updated.out
    git(repo, "config", "diff.journeyctl.command", "our-wrapper --semantic")
    kept = cli("git-setup")
    assert "git config diff.journeyctl.command is set to `our-wrapper --semantic`; leaving it as it is.\n" in kept.out
    assert git(repo, "config", "--get", "diff.journeyctl.command") == "our-wrapper --semantic\n"


def test_the_driver_works_without_journeyctl_on_path(repo: Path, cli) -> None:
    use_the_driver(repo, cli)
    commit(repo, "v1", {MAP: CASES / "touchpoint-moved" / "old.yaml"})
    commit(repo, "v2", {MAP: CASES / "touchpoint-moved" / "new.yaml"})
    git_folder = os.path.dirname(shutil.which("git") or "/usr/bin/git")
    env = {**os.environ, "PATH": git_folder}
    done = subprocess.run(["git", "diff", "HEAD~1", "HEAD"], cwd=repo, env=env, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"diff --journeyctl a/{MAP} b/{MAP}\n" + expected("touchpoint-moved", "expected.txt")


def test_a_closed_pipe_does_not_stop_git(repo: Path, cli) -> None:
    use_the_driver(repo, cli)
    many = {f"maps/m{n}.journey.yaml": CASES / "touchpoint-moved" / "old.yaml" for n in range(3)}
    commit(repo, "v1", many)
    commit(repo, "v2", {name: CASES / "touchpoint-moved" / "new.yaml" for name in many})
    done = subprocess.run(
        ["bash", "-c", "git diff HEAD~1 HEAD | head -1; exit ${PIPESTATUS[0]}"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "diff --journeyctl a/maps/m0.journey.yaml b/maps/m0.journey.yaml\n"


def test_git_setup_outside_a_repository(tmp_path: Path, repo: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("git-setup")
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == "journeyctl: git-setup works inside a git repository, and this folder is not in one (or git is not installed).\n"
    )
    assert not (tmp_path / ".gitattributes").exists()
