"""`journeyctl lint --fix` and `--diff` as a user meets them: what is left alone, what is said,
the exit codes, a file that cannot be written, a fix that would change more than it should."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_fix_cases import BASE, NO_EMOTION

from conftest import TODAY, run_journeyctl
from journeyctl.check.fixes import Fix
from journeyctl.lint import fixing


def write(folder: Path, text: str, name: str = "map.journey.yaml") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def fix(cli, path: Path, *options: str):
    return cli("lint", "--fix", "--isolated", "--today", TODAY, *options, path)


@pytest.mark.parametrize(
    ("spoilt", "code", "remaining"),
    [
        # Two near-misses each: `kid` is as close to `id` as to `kind`, `src-a3` to `src-a1` as to `src-a2`.
        (BASE.replace("    kind: interview", "    kid: interview"), "E011", "2 findings remain"),
        (BASE.replace("src-a1, src-a2]", "src-a1, src-a3]"), "E021", "1 finding remains"),
        (BASE.replace("severity: high", "severity: urgent"), "E012", "1 finding remains"),
        (BASE.replace("channel: website", "channel: E Mail"), "W110", "1 finding remains"),
        (BASE.replace("- id: card\n", "- id: card  # journeyctl: ignore[W14]\n"), "I001", "1 finding remains"),
    ],
    ids=[
        "a key with two candidates",
        "a reference with two candidates",
        "no such choice",
        "no such channel",
        "an unknown rule",
    ],
)
def test_what_is_not_certain_is_not_fixed_and_still_reported(
    cli, tmp_path: Path, spoilt: str, code: str, remaining: str
) -> None:
    path = write(tmp_path, spoilt)
    result = fix(cli, path)
    assert path.read_text(encoding="utf-8") == spoilt
    assert f" {code} " in result.out
    assert result.out.endswith(f"\nNothing fixed; {remaining}.\n")
    assert result.code == (0 if code == "I001" else 1)


def test_a_key_with_two_candidates_keeps_its_hint(cli, tmp_path: Path) -> None:
    path = write(tmp_path, BASE.replace("src-a1, src-a2]", "src-a1, src-a3]"))
    result = fix(cli, path)
    assert result.out == (
        f"{path}:28:44: E021 unknown-reference `src-a3` is not the id of any source in this file. "
        "Did you mean `src-a2`?\nFound 1 error and 0 warnings in 1 of 1 file.\nNothing fixed; 1 finding remains.\n"
    )


def test_one_run_fixes_what_an_earlier_fix_reveals(cli, tmp_path: Path) -> None:
    # References are checked once the map is valid; the suppression silences W104 once W104 can run.
    spoilt = (
        NO_EMOTION.replace("    name: Pay\n", "    nmae: Pay\n")
        .replace("addresses: [declined]", "addresses: [declnied]")
        .replace("- id: card\n", "- id: card  # journeyctl: ignore[W104]\n")
        .replace("- id: retry\n", "- id: retry  # journeyctl: ignore[W103]\n")
    )
    path = write(tmp_path, spoilt)
    result = fix(cli, path)
    assert path.read_text(encoding="utf-8") == NO_EMOTION.replace(
        "- id: card\n", "- id: card  # journeyctl: ignore[W104]\n"
    )
    assert (result.code, result.out) == (0, "All clear: no findings in 1 file.\nFixed 3 findings; none remain.\n")


def test_a_suppression_of_a_rule_turned_off_is_kept(cli, tmp_path: Path) -> None:
    spoilt = BASE.replace("- id: card\n", "- id: card  # journeyctl: ignore[W104]\n")
    path = write(tmp_path, spoilt)
    result = fix(cli, path, "--ignore", "W104")
    assert path.read_text(encoding="utf-8") == spoilt
    assert " I001 unused-suppression " in result.out


def test_remaining_findings_are_reported_and_decide_the_exit_code(cli, tmp_path: Path) -> None:
    path = write(tmp_path, NO_EMOTION.replace("severity: high", "severity: High"))
    result = fix(cli, path)
    assert result.code == 1
    assert result.out == (
        f"{path}:23:9: W104 missing-emotion Touchpoint `card` has no emotion: how does the customer feel here?\n"
        "Found 0 errors and 1 warning in 1 of 1 file.\nFixed 1 finding; 1 remains.\n"
    )


def test_layout_and_comments_are_kept_in_a_map_fmt_would_change(cli, tmp_path: Path) -> None:
    messy = "journeyctl: 1\nid: x   # the id\ntitle: X\nstages:\n-   {id: a, name: A, nmae: B}  # flow\n"
    path = write(tmp_path, messy)
    result = fix(cli, path, "--select", "E011")
    assert path.read_text(encoding="utf-8") == messy  # `name` is there already: no rename to a duplicate key
    assert " E011 " in result.out
    path = write(tmp_path, messy.replace(" name: A,", ""))
    fix(cli, path)
    assert (
        path.read_text(encoding="utf-8")
        == "journeyctl: 1\nid: x   # the id\ntitle: X\nstages:\n-   {id: a, name: B}  # flow\n"
    )


def test_line_endings_and_byte_order_mark_are_kept(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.journey.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.replace("severity: high", "severity: High").replace("\n", "\r\n").encode())
    assert fix(cli, path).code == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode()


def test_the_report_in_json_is_json_and_gets_no_summary(cli, tmp_path: Path) -> None:
    path = write(tmp_path, NO_EMOTION.replace("severity: high", "severity: High"))
    result = fix(cli, path, "--format", "json")
    assert [finding["code"] for finding in json.loads(result.out)["findings"]] == ["W104"]
    assert (result.code, result.err) == (1, "")


def test_diff_shows_the_change_and_writes_nothing(cli, tmp_path: Path) -> None:
    spoilt = BASE.replace("severity: high", "severity: High").replace("    name: Pay\n", "    nmae: Pay\n")
    path = write(tmp_path, spoilt)
    before = path.stat().st_mtime_ns
    result = cli("lint", "--diff", "--isolated", "--today", TODAY, path)
    assert (result.code, result.err) == (1, "Would fix 2 findings.\n")
    assert result.out == (
        f"--- {path}\n+++ {path}\n"
        "@@ -17,7 +17,7 @@\n"
        " last_reviewed: 2026-11-01\n stages:\n   - id: pay\n-    nmae: Pay\n+    name: Pay\n"
        "     description: Paying for the order\n     touchpoints:\n       - id: card\n"
        "@@ -33,7 +33,7 @@\n"
        "         pain_points:\n           - id: declined\n             description: The card is declined\n"
        "-            severity: High\n+            severity: high\n"
        "             evidence: [src-interviews]\n         opportunities:\n           - id: retry\n"
    )
    assert path.read_text(encoding="utf-8") == spoilt and path.stat().st_mtime_ns == before


def test_diff_with_nothing_to_fix(cli, tmp_path: Path) -> None:
    path = write(tmp_path, NO_EMOTION)
    result = cli("lint", "--diff", "--isolated", "--today", TODAY, path)
    assert (result.code, result.out, result.err) == (0, "", "Nothing to fix.\n")


def test_diff_tells_of_a_file_that_does_not_load(cli, tmp_path: Path) -> None:
    path = write(tmp_path, "journeyctl: 1\nstages: [\n")
    result = cli("lint", "--diff", "--isolated", path)
    assert result.out == ""
    assert result.err.startswith(f"{path}:2:9: E001 yaml-syntax ") and result.err.endswith("\nNothing to fix.\n")


def test_diff_is_not_a_report_format(cli, tmp_path: Path) -> None:
    result = cli("lint", "--diff", "--format", "json", write(tmp_path, BASE))
    assert (result.code, result.err) == (
        2,
        "journeyctl: --diff prints a diff: it cannot be combined with --format or --output.\n",
    )


def test_a_file_in_a_read_only_folder_is_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    spoilt = NO_EMOTION.replace("severity: high", "severity: High")
    path = write(folder, spoilt)
    folder.chmod(0o555)
    try:
        result = run_journeyctl(
            "lint", "--fix", "--isolated", "--today", TODAY, "map.journey.yaml", cwd=folder, obey_permissions=True
        )
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == "journeyctl: Cannot write map.journey.yaml: Permission denied.\n"
    assert result.stdout.splitlines() == [
        "map.journey.yaml:35:23: E012 invalid-value `severity` cannot be `High`; use one of: `low`, `medium`, `high` or `critical`.",
        "Found 1 error and 0 warnings in 1 of 1 file.",
        "Nothing fixed; 1 finding remains.",
    ]
    assert path.read_text(encoding="utf-8") == spoilt and os.listdir(folder) == ["map.journey.yaml"]


def wrong_fixes(replacement: str):
    """Fixes as a buggy fixer might give them: the severity's value replaced by `replacement`."""

    def found(checked, checker) -> list[Fix]:
        return [
            Fix(
                finding,
                (finding.line, finding.column),
                (finding.line, finding.column + 4),
                replacement,
                "wrong",
                ("stages", 0, "touchpoints", 0, "pain_points", 0, "severity"),
                value="high",
            )
            for finding in checked.findings
            if finding.code == "E012"
        ]

    return found


@pytest.mark.parametrize(
    ("replacement", "reason"),
    [
        ("low", "the data would change beyond the fixes"),
        (
            "[",
            "the result would not load (The list opened here with `[` is not closed with `]`, or a comma is missing between its items)",
        ),
    ],
)
def test_a_fix_that_would_change_more_than_it_means_writes_nothing(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replacement: str, reason: str
) -> None:
    spoilt = BASE.replace("severity: high", "severity: High")
    path = write(tmp_path, spoilt)
    monkeypatch.setattr(fixing, "fixes", wrong_fixes(replacement))
    result = fix(cli, path)
    assert path.read_text(encoding="utf-8") == spoilt
    assert result.code == 2
    assert result.err == (
        f"journeyctl: {path}: not fixed, because {reason}; the file is left as it is. "
        "Please report this map as a journeyctl bug.\n"
    )
    assert " E012 invalid-value " in result.out
