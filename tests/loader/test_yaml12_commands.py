"""Issue 18's two constructs through the real commands: lint, render, diff (from a real git
repository) and fmt, each a real process on real files.

`questions: [Who is looking for the solution?, Why now?]` and a literal block whose lines
start with a tab are valid YAML 1.2 that libyaml refuses; the loader reads them again with
ruamel.yaml's pure parser.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import TODAY, run_journeyctl

NAME = "trial.journey.yaml"
# In fmt's layout.
MAP = (
    "journeyctl: 1\n"
    "id: trial\n"
    "title: Trial to paid\n"
    "owner: Growth team\n"
    "persona: priya\n"
    "personas:\n"
    "  - id: priya\n"
    "    name: Priya\n"
    "last_reviewed: 2026-11-01\n"
    "stages:\n"
    "  - id: discover\n"
    "    name: Discover\n"
    "    description: |\n"
    "      \tcolumn one\tcolumn two\n"
    "      \tfirst answer\tsecond answer\n"
    "    questions: [Who is looking for the solution?, Why now?]\n"
    "    touchpoints:\n"
    "      - id: pricing-page\n"
    "        name: Pricing page\n"
    "        channel: website\n"
    "        critical: true\n"
    "        emotion: 0\n"
)
DESCRIPTION = "\tcolumn one\tcolumn two\n\tfirst answer\tsecond answer\n"


def write(folder: Path, text: str = MAP) -> Path:
    path = folder / NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_lint_reads_the_map(tmp_path: Path) -> None:
    write(tmp_path)
    result = run_journeyctl("lint", NAME, "--today", TODAY, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "All clear: no findings in 1 file.\n", "")


def test_lint_positions_findings_in_a_map_the_fallback_read(tmp_path: Path) -> None:
    write(tmp_path, MAP.replace("channel: website", "channel: web"))
    result = run_journeyctl("lint", NAME, "--today", TODAY, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{NAME}:20:18: W110 unknown-channel `web` is not a known channel. Did you mean `website`?"
    )


def test_render_shows_the_questions_and_the_tabs(tmp_path: Path) -> None:
    write(tmp_path)
    html = run_journeyctl("render", NAME, "-o", "page.html", "--today", TODAY, cwd=tmp_path)
    markdown = run_journeyctl("render", NAME, "-f", "markdown", "--today", TODAY, cwd=tmp_path)
    assert (html.returncode, html.stderr, markdown.returncode, markdown.stderr) == (0, "", 0, "")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert f'<span class="stage-description text">{DESCRIPTION}</span>' in page
    assert "<li>Who is looking for the solution?</li>\n<li>Why now?</li>" in page
    assert "- Who is looking for the solution?\n- Why now?\n" in markdown.stdout
    assert "column one\tcolumn two<br>" in markdown.stdout


def git(repo: Path, *args: str) -> None:
    home = str(repo.parent / "home")
    environment = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        env=environment,
        capture_output=True,
        check=True,
    )


def test_diff_reads_both_sides_from_git_and_the_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo)
    git(repo, "add", NAME)
    git(repo, "commit", "-q", "-m", "map")
    write(repo, MAP.replace("Why now?]", "Why now?, What does it cost?]").replace("\tsecond", "\tthird"))
    result = run_journeyctl("diff", f"HEAD:{NAME}", NAME, cwd=repo, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        'Stage "Discover" (discover)\n'
        "  ~ stage discover: description\n"
        '      - "\\tcolumn one\\tcolumn two\\n\\tfirst answer\\tsecond answer\\n"\n'
        '      + "\\tcolumn one\\tcolumn two\\n\\tfirst answer\\tthird answer\\n"\n'
        "  ~ stage discover: questions\n"
        '      - ["Who is looking for the solution?", "Why now?"]\n'
        '      + ["Who is looking for the solution?", "Why now?", "What does it cost?"]\n'
        "\n"
        "2 changes: 2 changed.\n"
    )


def test_fmt_rewrites_the_map_and_keeps_both(tmp_path: Path) -> None:
    messy = MAP.replace("  - id: discover\n    name: Discover\n", "  - name: Discover\n    id: discover\n")
    path = write(tmp_path, messy)
    result = run_journeyctl("fmt", NAME, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == MAP
    check = run_journeyctl("fmt", "--check", NAME, cwd=tmp_path)
    assert (check.returncode, check.stdout, check.stderr) == (0, "1 file already formatted.\n", "")
