"""The configuration guide lists every setting. (Its full example is what `journeyctl config` shows:
tests/docs/test_doc_sessions.py writes the example's pyproject.toml and replays the session.)"""

from __future__ import annotations

from conftest import ROOT
from journeyctl.config.keys import KEYS

GUIDE = (ROOT / "docs" / "guides" / "configuration.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_table() -> None:
    rows = [
        line.split("|")[1].strip()
        for line in GUIDE.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0].splitlines()
        if line.startswith("| `")
    ]
    assert [row.strip("`") for row in rows] == list(KEYS)
