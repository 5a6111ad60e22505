"""README.md welcomes and starts: short, the two set-up commands as CI runs them, a picture, links into the docs."""

from __future__ import annotations

import re

from conftest import ROOT

README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")
# Relative links and images: `[text](target)`, anchors and absolute URLs aside.
_LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)#\s]+)(?:#[^)]*)?\)")


def test_it_is_under_ten_kilobytes() -> None:
    assert README.stat().st_size < 10_000


def test_the_two_set_up_commands_are_there_as_written() -> None:
    blocks = re.findall(r"^```sh\n(.*?)^```$", TEXT, re.MULTILINE | re.DOTALL)
    assert "pip install . && journeyctl lint examples/\n" in blocks
    assert "pip install -e '.[test]' && python -m pytest\n" in blocks


def test_every_relative_link_and_image_exists() -> None:
    targets = [match.group("target") for match in _LINK.finditer(TEXT) if "://" not in match.group("target")]
    assert "docs/images/journey-map.png" in targets
    assert [target for target in targets if not (ROOT / target).exists()] == []


def test_every_guide_is_linked() -> None:
    guides = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "docs" / "guides").glob("*.md"))
    assert [guide for guide in guides if f"({guide})" not in TEXT] == []
