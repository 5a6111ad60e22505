"""README's Configuration section is true: its full example is what `journeyctl config` shows, every setting is listed."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from journeyctl.config.keys import KEYS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(after: str, language: str) -> str:
    return README.split(after, 1)[1].split(f"```{language}\n", 1)[1].split("```", 1)[0]


def test_the_full_example_is_what_journeyctl_config_shows(cli, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text(_block("A full example, in `pyproject.toml`:", "toml"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    command, *shown = _block("### `journeyctl config`", "console").splitlines(keepends=True)
    assert command.startswith("$ journeyctl config ")
    result = cli(*command.split()[2:])
    assert (result.code, result.out) == (0, "".join(shown))


def test_every_setting_is_in_the_table() -> None:
    rows = [
        line.split("|")[1].strip()
        for line in README.split("## Configuration", 1)[1].split("### `journeyctl config`")[0].splitlines()
        if line.startswith("| `")
    ]
    assert [row.strip("`") for row in rows] == list(KEYS)
