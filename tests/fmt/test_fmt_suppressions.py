"""fmt keeps `# journeyctl:` suppressions on the lines they silence."""

from __future__ import annotations

import json

from conftest import TODAY

MAP = """\
# journeyctl: ignore-file[missing-owner]
title: Suppressions survive formatting
journeyctl: 1
id: suppressions
stages:
    -   name: Pay
        id: pay
        touchpoints:  # journeyctl: ignore[unsupported-pain-point]
            -   name: Payment page  # journeyctl: ignore[missing-emotion] no research yet
                id: payment-page
                channel: web-site  # journeyctl: ignore[unknown-channel]
                pain_points:
                    -   description: The card form times out.
                        id: pain-timeout
            # journeyctl: ignore[W104]
            -   id: receipt
                name: Receipt
"""


def findings(cli, path) -> list[tuple[str, str]]:
    report = json.loads(cli("lint", path, "--format", "json", "--today", TODAY).out)
    return sorted((finding["code"], finding["message"]) for finding in report["findings"])


def test_the_same_findings_are_silenced_after_fmt(cli, tmp_path):
    path = tmp_path / "suppressions.journey.yaml"
    path.write_text(MAP)
    before = findings(cli, path)
    assert cli("fmt", path).code == 0
    assert path.read_text() != MAP
    assert findings(cli, path) == before
    codes = {code for code, _ in before}
    assert not codes & {"W104", "W106", "W110", "W113", "I001"}, "the suppressions work before formatting"
    assert "W102" in codes, "unsuppressed rules still report"
