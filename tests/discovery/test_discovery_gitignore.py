"""Folder searches in real git repositories: what git ignores is not checked, as with ruff."""

from __future__ import annotations

from pathlib import Path

import pytest
from discovery_support import BROKEN, CLEAN, git, init_repository, named_in_findings, write_tree

from conftest import TODAY
from journeyctl.source.discovery import Selection, expand_paths


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository, the working folder: two good maps, and broken ones where no search should look."""
    repo = init_repository(tmp_path / "repo")
    write_tree(
        repo,
        {
            ".gitignore": "# build output\nbuild/\n*.tmp.yaml\n",
            "maps/checkout.journey.yaml": CLEAN,
            "maps/refund.journey.yaml": CLEAN.replace("id: checkout", "id: refund"),
            "maps/scratch.tmp.yaml": BROKEN,
            "build/site/checkout.journey.yaml": BROKEN,
            "build/copy.journey.yaml": BROKEN,
            "node_modules/some-package/fixture.journey.yaml": BROKEN,
            "web/node_modules/other/fixture.journey.yaml": BROKEN,
            ".venv/lib/python3.11/site-packages/pkg/data.journey.yaml": BROKEN,
            "env/pyvenv.cfg": "home = /usr/bin\n",
            "env/lib/python3.11/site-packages/pkg/data.journey.yaml": BROKEN,
            "env/top.journey.yaml": BROKEN,
            ".github/workflows/ci.journey.yaml": BROKEN,
        },
    )
    monkeypatch.chdir(repo)
    return repo


def test_lint_of_a_repository_checks_neither_ignored_folders_nor_packages_nor_virtualenvs(cli, repo: Path) -> None:
    result = cli("lint", ".", "--today", TODAY)
    assert (result.code, result.out, result.err) == (0, "All clear: no findings in 2 files.\n", "")


def test_the_same_folders_without_respecting_gitignore(cli, repo: Path) -> None:
    result = cli("lint", ".", "--today", TODAY, "--no-respect-gitignore")
    assert result.code == 1
    # node_modules, virtualenvs and hidden folders are still left out: only .gitignore stops counting.
    assert named_in_findings(result.out) == [
        "build/copy.journey.yaml",
        "build/site/checkout.journey.yaml",
        "maps/scratch.tmp.yaml",
    ]


def test_respect_gitignore_setting(cli, repo: Path) -> None:
    (repo / "journeyctl.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert named_in_findings(cli("lint", ".", "--today", TODAY).out) == [
        "build/copy.journey.yaml",
        "build/site/checkout.journey.yaml",
        "maps/scratch.tmp.yaml",
    ]


def test_fmt_and_render_search_folders_the_same_way(cli, repo: Path) -> None:
    fmt = cli("fmt", "--check", ".")
    assert (fmt.code, fmt.out, fmt.err) == (0, "2 files already formatted.\n", "")
    render = cli("render", ".", "-o", "site", "--today", TODAY)
    assert (render.code, render.err) == (0, "")
    assert sorted(path.name for path in (repo / "site").glob("*.html")) == [
        "checkout.html",
        "dashboard.html",
        "index.html",
        "refund.html",
    ]


def test_a_search_from_a_subfolder_obeys_the_ignore_files_above_it(cli, repo: Path, monkeypatch) -> None:
    write_tree(repo, {"maps/generated/auto.journey.yaml": BROKEN})
    (repo / ".gitignore").write_text("/maps/generated/\n", encoding="utf-8")
    monkeypatch.chdir(repo / "maps")
    result = cli("lint", ".", "--today", TODAY)
    assert result.code == 1
    # Only the root .gitignore changed: scratch.tmp.yaml is checked again, generated/ is not.
    assert named_in_findings(result.out) == ["scratch.tmp.yaml"]


def test_nested_gitignore_is_anchored_at_its_folder(cli, repo: Path) -> None:
    write_tree(
        repo,
        {
            "maps/.gitignore": "/local.journey.yaml\ndrafts/\n",
            "maps/local.journey.yaml": BROKEN,
            "maps/team/local.journey.yaml": BROKEN,
            "maps/team/drafts/idea.journey.yaml": BROKEN,
            "drafts/elsewhere.journey.yaml": BROKEN,
        },
    )
    result = cli("lint", ".", "--today", TODAY)
    # `/local.journey.yaml` is maps/local only; `drafts/` applies below maps/, not beside it.
    assert named_in_findings(result.out) == ["drafts/elsewhere.journey.yaml", "maps/team/local.journey.yaml"]


def test_negation_keeps_a_file_but_nothing_inside_an_ignored_folder(cli, repo: Path) -> None:
    rules = "archive/*\n!archive/keep.journey.yaml\ngenerated/\n!generated/keep.journey.yaml\n"
    write_tree(
        repo,
        {
            ".gitignore": (repo / ".gitignore").read_text(encoding="utf-8") + rules,
            "archive/keep.journey.yaml": BROKEN,
            "archive/old.journey.yaml": BROKEN,
            "archive/older/one.journey.yaml": BROKEN,
            "generated/keep.journey.yaml": BROKEN,
        },
    )
    result = cli("lint", ".", "--today", TODAY)
    # As in git: a file in an ignored folder cannot be kept again.
    assert named_in_findings(result.out) == ["archive/keep.journey.yaml"]


def test_git_info_exclude(cli, repo: Path) -> None:
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("maps/refund.journey.yaml\n", encoding="utf-8")
    assert cli("lint", ".", "--today", TODAY).out == "All clear: no findings in 1 file.\n"


def test_a_gitignore_beats_info_exclude(cli, repo: Path) -> None:
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("*.journey.yaml\n", encoding="utf-8")
    (repo / "maps" / ".gitignore").write_text("!checkout.journey.yaml\n", encoding="utf-8")
    assert cli("lint", ".", "--today", TODAY).out == "All clear: no findings in 1 file.\n"


def test_a_worktree_reads_the_shared_info_exclude(cli, repo: Path, monkeypatch) -> None:
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "start")
    git(repo, "worktree", "add", "-q", "../other")
    other = repo.parent / "other"
    assert (other / ".git").is_file()
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("secret/\n", encoding="utf-8")
    write_tree(other, {"secret/x.journey.yaml": BROKEN, "open/y.journey.yaml": BROKEN})
    monkeypatch.chdir(other)
    assert named_in_findings(cli("lint", ".", "--today", TODAY).out) == ["open/y.journey.yaml"]


def test_gitignore_outside_a_repository_is_not_read(cli, tmp_path: Path, monkeypatch) -> None:
    # As git and ruff: without a repository a .gitignore means nothing.
    write_tree(tmp_path / "plain", {".gitignore": "build/\n", "build/x.journey.yaml": BROKEN})
    monkeypatch.chdir(tmp_path / "plain")
    assert named_in_findings(cli("lint", ".").out) == ["build/x.journey.yaml"]


def test_a_repository_nested_in_the_search_has_its_own_ignore_files(cli, repo: Path) -> None:
    nested = init_repository(repo / "vendor" / "maps-repo")
    write_tree(nested, {".gitignore": "private/\n", "private/p.journey.yaml": BROKEN, "x.tmp.yaml": BROKEN})
    # The outer `*.tmp.yaml` does not reach into another repository; the inner `private/` does apply.
    assert named_in_findings(cli("lint", ".", "--today", TODAY).out) == ["vendor/maps-repo/x.tmp.yaml"]


def test_paths_named_explicitly_are_always_checked(cli, repo: Path) -> None:
    result = cli(
        "lint",
        "build/copy.journey.yaml",
        "node_modules/some-package/fixture.journey.yaml",
        "env/top.journey.yaml",
        "--today",
        TODAY,
    )
    assert named_in_findings(result.out) == [
        "build/copy.journey.yaml",
        "node_modules/some-package/fixture.journey.yaml",
        "env/top.journey.yaml",
    ]


def test_a_folder_named_explicitly_is_searched_even_when_ignored(cli, repo: Path) -> None:
    assert named_in_findings(cli("lint", "build", "--today", TODAY).out) == [
        "build/copy.journey.yaml",
        "build/site/checkout.journey.yaml",
    ]
    assert named_in_findings(cli("lint", "node_modules", "env", "--today", TODAY).out) == [
        "node_modules/some-package/fixture.journey.yaml",
        "env/top.journey.yaml",
    ]


GIT_PATTERNS = {
    ".gitignore": (
        "# a comment, then git's corner cases\n"
        "*.tmp.yaml\n/top-only.yaml\nbuild/\nlogs/*\n!logs/keep.yaml\ngenerated/\n!generated/keep.yaml\n"
        "docs/**/draft.yaml\n\\#hash.yaml\ntrailing.yaml   \na/**/b.yaml\n**/deep/x.yaml\n[Cc]aps.yaml\n"
        "nested/dir\n"
    ),
    "sub/.gitignore": "/local.yaml\n*.yml\n!keep.yml\n",
}
GIT_FILES = [
    "top-only.yaml",
    "sub/top-only.yaml",
    "x.tmp.yaml",
    "sub/y.tmp.yaml",
    "build/a.yaml",
    "sub/build/b.yaml",
    "logs/a.yaml",
    "logs/keep.yaml",
    "logs/sub/c.yaml",
    "generated/keep.yaml",
    "generated/other.yaml",
    "docs/draft.yaml",
    "docs/x/y/draft.yaml",
    "docs/final.yaml",
    "#hash.yaml",
    "trailing.yaml",
    "a/b.yaml",
    "a/x/y/b.yaml",
    "b.yaml",
    "q/deep/x.yaml",
    "deep/x.yaml",
    "Caps.yaml",
    "caps.yaml",
    "CAPS.yaml",
    "nested/dir/in.yaml",
    "other/nested/dir/in.yaml",
    "sub/local.yaml",
    "sub/more/local.yaml",
    "sub/z.yml",
    "sub/keep.yml",
    "other/z.yml",
    "secret.yaml",
    "sub/secret.yaml",
    ".hidden/h.yaml",
    "plain.yaml",
]


def test_the_same_files_as_git_itself(tmp_path: Path) -> None:
    repo = init_repository(tmp_path / "repo")
    write_tree(repo, {**GIT_PATTERNS, **dict.fromkeys(GIT_FILES, "x: 1\n")})
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("secret.yaml\n", encoding="utf-8")
    by_git = git(repo, "ls-files", "--others", "--exclude-standard", "--", "*.yaml", "*.yml").splitlines()
    found = [path for path, _ in expand_paths([str(repo)], Selection(exclude=()))]
    assert sorted(str(Path(path).relative_to(repo)) for path in found) == sorted(by_git)
    assert 10 < len(by_git) < len(GIT_FILES)  # the patterns both keep and leave out
