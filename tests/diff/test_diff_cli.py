"""`journeyctl diff`: exit codes, sides that do not load, colour, escaping of map content."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, SRC

CASES = Path(__file__).parent / "cases"
PAY = """journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: card
        name: {name}
        emotion: {emotion}
"""


def write(path: Path, name: str = "Card form", emotion: int = 0) -> Path:
    path.write_text(PAY.format(name=name, emotion=emotion), encoding="utf-8")
    return path


def test_exit_code_only_with_the_flag(tmp_path: Path, cli) -> None:
    old, new = write(tmp_path / "old.yaml"), write(tmp_path / "new.yaml", emotion=-1)
    assert cli("diff", old, new).code == 0
    assert cli("diff", old, new, "--exit-code").code == 1
    assert cli("diff", old, old, "--exit-code").code == 0
    assert cli("diff", old, new, "--format", "json", "--exit-code").code == 1


def test_a_side_that_does_not_load_is_an_error_not_no_changes(tmp_path: Path, cli) -> None:
    old = write(tmp_path / "old.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("journeyctl: 1\nid: checkout\ntitle: [Checkout\n", encoding="utf-8")
    for args in ((old, broken), (broken, old)):
        result = cli("diff", *args, "--exit-code")
        assert result.code == 2
        assert result.out == ""
        assert (
            result.err
            == f"{broken}:3:8: E001 yaml-syntax The list opened here with `[` is not closed with `]`, or a comma is missing between its items.\n"
        )


def test_an_invalid_map_gives_lint_findings(tmp_path: Path, cli) -> None:
    old = write(tmp_path / "old.yaml")
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(PAY.format(name="Card form", emotion="low") + "        chanel: web\n", encoding="utf-8")
    result = cli("diff", old, invalid)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"{invalid}:10:18: E012 invalid-value `emotion` must be a whole number, but this is text (`low`).",
        f"{invalid}:11:9: E011 unknown-field `chanel` is not a key of the format. Did you mean `channel`? Keys of your own must start with `x-`.",
    ]


def test_duplicate_ids_cannot_be_matched(tmp_path: Path, cli) -> None:
    old = write(tmp_path / "old.yaml")
    duplicate = write(tmp_path / "dup.yaml")
    duplicate.write_text(duplicate.read_text().replace("id: card", "id: pay"), encoding="utf-8")
    result = cli("diff", old, duplicate)
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == f"{duplicate}:8:13: E020 duplicate-id The id `pay` of this touchpoint is already used by a stage; ids must be unique in a file.\n"
    )


def test_missing_file_folder_and_format(tmp_path: Path, cli) -> None:
    old = write(tmp_path / "old.yaml")
    missing = cli("diff", old, tmp_path / "nope.yaml")
    assert (missing.code, missing.err) == (2, f"journeyctl: {tmp_path / 'nope.yaml'}: no such file or folder\n")
    folder = cli("diff", old, tmp_path)
    assert (folder.code, folder.err) == (2, f"journeyctl: {tmp_path} is a folder; diff compares two map files.\n")
    bad = cli("diff", old, old, "--format", "sarif")
    assert (bad.code, bad.err) == (2, "journeyctl: --format must be one of text, markdown, json, not `sarif`.\n")


def test_dev_null_is_no_map(tmp_path: Path, cli) -> None:
    result = cli("diff", os.devnull, write(tmp_path / "new.yaml"), "--format", "json")
    assert result.code == 0
    assert '"entity": "journey",\n      "id": "checkout",\n      "kind": "added"' in result.out


def test_control_characters_in_map_text_are_shown_not_obeyed(tmp_path: Path, cli) -> None:
    old = write(tmp_path / "old.yaml")
    new = write(tmp_path / "new.yaml", name='"Card\\e[2J\\u202Eform\\nx"')
    result = cli("diff", old, new)
    assert result.out.splitlines()[1] == '  ~ touchpoint card: name "Card form" → "Card\\u001b[2J\\u202eform\\nx"'
    assert "\x1b" not in result.out and "\u202e" not in result.out


def test_markdown_escapes_map_content(tmp_path: Path, cli) -> None:
    old = write(tmp_path / "old.yaml")
    hostile = '"a | b <script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e/i.png) *em* `code` @team #12 $x$ ~~s~~ &amp;\\nnext"'
    new = write(tmp_path / "new.yaml", name=hostile)
    row = cli("diff", old, new, "--format", "markdown").out.splitlines()[8]
    assert row == (
        '| changed | touchpoint card | **name**: "Card form" → "a \\| b &lt;script&gt;alert(1)&lt;/script&gt; '
        "\\[x\\](javascript:alert(1)) !\\[i\\](http://e/i.png) \\*em\\* \\`code\\` \\@team \\#12 \\$x\\$ \\~\\~s\\~\\~ "
        '&amp;amp;<br>next" |'
    )


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run journeyctl with stdout on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "journeyctl", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(SRC), **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode()


def test_colour_on_a_terminal_unless_no_color() -> None:
    args = ["diff", str(CASES / "touchpoints" / "old.yaml"), str(CASES / "touchpoints" / "new.yaml")]
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    coloured = run_on_a_terminal(args, {**env, "NO_COLOR": ""})
    assert "\x1b[33m~\x1b[0m touchpoint card: channel" in coloured
    assert "\x1b[" not in run_on_a_terminal(args, {"NO_COLOR": "1"})


def test_examples_against_themselves_and_each_other(cli) -> None:
    checkout = EXAMPLES / "online-store-checkout.journey.yaml"
    assert cli("diff", checkout, checkout, "--exit-code").out == "No changes.\n"
    result = cli("diff", checkout, EXAMPLES / "saas-trial-to-paid.journey.yaml", "--exit-code")
    assert result.code == 1
    assert result.out.splitlines()[-1] == "96 changes: 42 added, 46 removed, 8 changed."
