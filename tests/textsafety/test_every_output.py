"""The one character corpus through every output: nothing dangerous passes raw, nothing ordinary is changed.

Each test puts HOSTILE (every character of the policy) and ORDINARY (text in many scripts) in a
map, or in a file's name, and checks the output of one command against the forms characters.py
spells out.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from characters import (
    HOSTILE,
    HOSTILE_NAME,
    ORDINARY,
    ORDINARY_NAME,
    annotation,
    journey_yaml,
    markdown,
    page,
    raw_in,
    terminal,
    yaml_quoted,
)

from conftest import TODAY


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two maps in the working folder: HOSTILE in one named HOSTILE_NAME, ORDINARY in one named ORDINARY_NAME."""
    (tmp_path / HOSTILE_NAME).write_text(journey_yaml(HOSTILE), encoding="utf-8")
    (tmp_path / ORDINARY_NAME).write_text(journey_yaml(ORDINARY), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(cli, *options: str):
    return cli("lint", HOSTILE_NAME, ORDINARY_NAME, "--select", "W110", "--quiet", *options)


def test_lint_text(cli, maps: Path) -> None:
    result = lint(cli)
    suffix = " is not a known channel. Add it to the `channels` setting if your project uses it."
    assert result.out.splitlines() == [
        f"{terminal(HOSTILE_NAME)}:10:40: W110 unknown-channel `{terminal(HOSTILE)}`{suffix}",
        f"{ORDINARY_NAME}:10:40: W110 unknown-channel `{ORDINARY}`{suffix}",
    ]
    assert raw_in(result.out, "\n") == set()


@pytest.mark.parametrize("form", ["json", "sarif"])
def test_lint_json_and_sarif_escape_losslessly(cli, maps: Path, form: str) -> None:
    result = lint(cli, "--format", form)
    assert raw_in(result.out, "\n") == set()
    assert ORDINARY in result.out and (ORDINARY_NAME in result.out or form == "sarif")  # SARIF: URIs, percent-encoded
    document = json.loads(result.out)
    if form == "json":
        assert [finding["path"] for finding in document["findings"]] == [HOSTILE_NAME, ORDINARY_NAME]
        messages = [finding["message"] for finding in document["findings"]]
    else:
        messages = [result["message"]["text"] for result in document["runs"][0]["results"]]
    assert messages[0].startswith(f"`{HOSTILE}` is not a known channel.")
    assert messages[1].startswith(f"`{ORDINARY}` is not a known channel.")


def test_lint_github_annotations_and_step_summary(cli, maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(maps / "summary.md"))
    result = lint(cli, "--format", "github")
    first, second = result.out.splitlines()
    assert first.startswith(f"::warning file={annotation(HOSTILE_NAME)},line=10,col=40,title=W110 unknown-channel::")
    assert f"::`{annotation(HOSTILE)}` is not a known channel." in first
    assert second.startswith(f"::warning file={ORDINARY_NAME},line=10,col=40,") and f"`{ORDINARY}`" in second
    assert raw_in(result.out, "\n") == set()
    summary = (maps / "summary.md").read_text(encoding="utf-8")
    assert f"\\`{markdown(HOSTILE)}\\` is not a known channel." in summary
    assert f"\\`{ORDINARY}\\`" in summary
    assert raw_in(summary, "\t\n") == set()  # a tab is text in a Markdown table cell


@pytest.fixture
def sides(tmp_path: Path) -> tuple[str, str]:
    """An old map and a new one in which the touchpoint is renamed HOSTILE, then ORDINARY."""
    (tmp_path / "old.yaml").write_text(journey_yaml("Web"), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(journey_yaml("Web", name=HOSTILE + ORDINARY), encoding="utf-8")
    return str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")


def test_diff_text(cli, sides: tuple[str, str]) -> None:
    out = cli("diff", *sides).out
    # JSON quoting first (`\u001b`, `\n`), then the terminal's escapes for what JSON leaves raw.
    quoted = json.dumps(HOSTILE, ensure_ascii=False)[:-1]
    assert "      + " + terminal(quoted) + ORDINARY + '"\n' in out
    assert raw_in(out, "\n") == set()


def test_diff_markdown(cli, sides: tuple[str, str]) -> None:
    out = cli("diff", *sides, "--format", "markdown").out
    assert f'"Card" → "{markdown(HOSTILE)}{ORDINARY}" |\n' in out
    assert raw_in(out, "\t\n") == set()


def test_diff_json(cli, sides: tuple[str, str]) -> None:
    out = cli("diff", *sides, "--format", "json").out
    assert raw_in(out, "\n") == set()
    assert json.loads(out)["changes"][0]["after"] == HOSTILE + ORDINARY


def test_git_diff_driver_names_the_file_safely(maps: Path) -> None:
    from journeyctl.diff.gitdriver import external_diff

    out = io.StringIO()
    args = [HOSTILE_NAME, ORDINARY_NAME, "0" * 40, "100644", HOSTILE_NAME, "1" * 40, "100644"]
    assert external_diff(args, out) == 0
    assert out.getvalue().splitlines()[0] == f"diff --journeyctl a/{terminal(HOSTILE_NAME)} b/{terminal(HOSTILE_NAME)}"
    assert raw_in(out.getvalue(), "\n") == set()


@pytest.mark.parametrize("form", ["html", "markdown"])
def test_render(cli, maps: Path, form: str) -> None:
    hostile = cli("render", HOSTILE_NAME, "--format", form, "--today", TODAY)
    assert (hostile.code, hostile.err) == (0, "")
    if form == "html":
        assert f"<title>{page(HOSTILE)} · Journey map</title>" in hostile.out
        assert f"<h1>{page(HOSTILE)}</h1>" in hostile.out
        assert raw_in(hostile.out, "\t\n\r") == set()  # white space to HTML
    else:
        assert f"# {markdown(HOSTILE)}\n" in hostile.out
        block = hostile.out.split("```mermaid\n", 1)[1].split("```", 1)[0].splitlines()
        # One statement per line: pictures for the policy, then Mermaid's own look-alikes and spaces.
        assert block[1] == "    title " + " ".join(page(HOSTILE).split())
        assert len(block) == 4
        assert raw_in(hostile.out, "\t\n") == set()  # a tab is text in a Markdown paragraph
    ordinary = cli("render", ORDINARY_NAME, "--format", form, "--today", TODAY).out
    assert ordinary.count(ORDINARY) >= 4
    assert raw_in(ordinary, "\n") == set()


def test_a_link_with_a_bidirectional_override_is_not_a_link() -> None:
    from journeyctl.core.markdown import markdown_url
    from journeyctl.render.links import safe_link

    assert safe_link("https://example.com/\u202egnp.exe") is None
    assert safe_link("https://example.com/\u200btrack") is None
    assert safe_link("https://example.com/👩\u200d💻") == "https://example.com/👩\u200d💻"
    assert raw_in(markdown_url("https://example.com/" + HOSTILE)) == set()


def test_fmt_messages(cli, maps: Path) -> None:
    (maps / HOSTILE_NAME).write_text(journey_yaml(HOSTILE).replace("owner: ", "owner:   "), encoding="utf-8")
    result = cli("fmt", "--check", HOSTILE_NAME)
    assert result.out == f"Would reformat: {terminal(HOSTILE_NAME)}\n1 file would be reformatted.\n"
    key = yaml_quoted(HOSTILE)
    duplicated = journey_yaml(ORDINARY).replace("owner: Team\n", f"{key}: 1\n{key}: 2\n")
    (maps / ORDINARY_NAME).write_text(duplicated, encoding="utf-8")
    result = cli("fmt", ORDINARY_NAME)
    assert result.err.startswith(f"{ORDINARY_NAME}:5:1: E002 duplicate-key The key `{terminal(HOSTILE)}` appears twice")
    assert len(result.err.splitlines()) == 1 and raw_in(result.err + result.out, "\n") == set()


def test_command_line_errors(cli, maps: Path) -> None:
    # Two maps with one id make one site page: a usage error naming both files.
    result = cli("render", ".", "-o", "site", "--today", TODAY)
    assert result.code == 2
    assert result.err == (
        f"journeyctl: {ORDINARY_NAME} and {terminal(HOSTILE_NAME)} both have the id `m`; "
        "pages are named after map ids, so each map needs its own.\n"
    )
    unknown = journey_yaml(HOSTILE).replace("id: t,", f"id: t, {yaml_quoted(HOSTILE)}: 1,")
    (maps / HOSTILE_NAME).write_text(unknown, encoding="utf-8")
    result = cli("render", HOSTILE_NAME, "--today", TODAY)
    assert result.code == 2
    assert result.err.startswith(f"{terminal(HOSTILE_NAME)}:10:")
    assert f"E011 unknown-field `{terminal(HOSTILE)}` is not a key" in result.err
    assert len(result.err.splitlines()) == 1 and raw_in(result.err, "\n") == set()
