"""Configuration files are trusted, but a broken one is still one plain line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES

TOO_DEEP = "journeyctl.toml: this is not valid TOML for journeyctl: its arrays or tables nest thousands of levels deep."


@pytest.mark.parametrize(
    "content",
    [
        "x = " + "[" * 5000 + "]" * 5000 + "\n",
        "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
    ],
    ids=["arrays", "inline tables"],
)
def test_a_deeply_nested_config_file(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    (tmp_path / "journeyctl.toml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("lint", EXAMPLES / "personas.yaml")
    assert (result.code, result.out, result.err) == (2, "", f"journeyctl: {TOO_DEEP}\n")
