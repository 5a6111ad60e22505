"""A team's templates are trusted code, but what fails in them is one positioned line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY

SAAS = EXAMPLES / "saas-trial-to-paid.journey.yaml"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"map.html.j2": b'{% include "map.html.j2" %}'},
            "template templates/map.html.j2:1: RecursionError: maximum recursion depth exceeded",
        ),
        ({"map.html.j2": b"<p>\n{{ 1 / 0 }}"}, "template templates/map.html.j2:2: ZeroDivisionError: division by zero"),
        ({"map.html.j2": b"\xff\xfe{{ journey.title }}"}, "template map.html.j2 is not UTF-8 text; save it as UTF-8."),
        (
            {"map.html.j2": b'{% include "part.j2" %}', "part.j2": b"\xff"},
            "template templates/map.html.j2:1: UnicodeDecodeError: ",
        ),
    ],
    ids=["includes itself", "divides by zero", "not UTF-8", "includes a file that is not UTF-8"],
)
def test_a_failing_template(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes], message: str
) -> None:
    (tmp_path / "templates").mkdir()
    for name, content in files.items():
        (tmp_path / "templates" / name).write_bytes(content)
    monkeypatch.chdir(tmp_path)
    result = cli("render", SAAS, "--templates", "templates", "--today", TODAY, "-o", "page.html")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"journeyctl: {message}") and result.err.count("\n") == 1, result.err
    assert not (tmp_path / "page.html").exists()
