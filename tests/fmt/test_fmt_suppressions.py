"""Suppression comments silence the same findings after fmt as before.

Each case is linted, formatted and linted again: the findings (and what each
suppression leaves unused) must be the same, lines apart. The cases are every
suppression of the lint suppression tests (tests/lint_ci) and of fmt's, and the
places where a comment could belong to a list item or to the key on its first line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, TODAY

HEADER = """\
journeyctl: 1
id: checkout
title: Checkout
owner: Web team
persona: ben
personas: [{id: ben, name: Ben}]
last_reviewed: 2026-11-02
"""
# Three touchpoints without an emotion (W104) in two stages (the lint suppression tests' map).
STAGES = """\
stages:
  - id: browse
    name: Browse
    touchpoints:
      - id: search
        name: Search
        critical: true
      - id: product
        name: Product page
  - id: pay
    name: Pay
    touchpoints:
      - id: payment
        name: Payment
"""
PRODUCT = "      - id: product\n"
# Keys out of their order, so that fmt moves what is on an item's first line.
SHUFFLED = STAGES.replace(
    "      - id: product\n        name: Product page\n", "      - name: Product page\n        id: product\n"
)
FMT_MAP = """\
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
CASES = {
    # tests/lint_ci/test_suppressions.py
    "on-a-line": HEADER + STAGES.replace(PRODUCT, "      - id: product  # journeyctl: ignore[W104]\n"),
    "by-name-among-rules": HEADER
    + STAGES.replace(
        PRODUCT, "      - id: product  # journeyctl: ignore[W110, missing-emotion] checked with the team\n"
    ),
    "alone-on-its-line": HEADER + STAGES.replace(PRODUCT, "      # journeyctl: ignore[W104]\n\n" + PRODUCT),
    "on-a-list-key": HEADER + STAGES.replace("    touchpoints:\n", "    touchpoints:  # journeyctl: ignore[W104]\n", 1),
    "file-wide-first": "# journeyctl: ignore-file[W104]\n" + HEADER + STAGES,
    "file-wide-last": HEADER + STAGES + "# journeyctl: ignore-file[missing-emotion]\n",
    "unused-on-a-line": HEADER.replace("owner: Web team\n", "owner: Web team  # journeyctl: ignore[W113]\n") + STAGES,
    "unused-block-and-file": "# journeyctl: ignore-file[W105]\n"
    + HEADER
    + STAGES.replace("stages:\n", "stages:  # journeyctl: ignore[W104, W101]\n"),
    "not-understood": HEADER.replace("owner: Web team\n", "owner: Web team  # journeyctl: ignore[W1O4]\n")
    .replace("title: Checkout\n", "title: Checkout  # journeyctl: ignroe[W104]\n")
    .replace("id: checkout\n", "id: checkout  # journeyctl: ignore[]\n")
    .replace("persona: ben\n", "persona: ben  # journeyctl: ignore[I001]\n")
    + STAGES,
    "text-that-looks-like-one": HEADER.replace(
        "title: Checkout\n",
        'title: "Checkout # journeyctl: ignore[W104]"\ndescription: |\n  Write # journeyctl: ignore[W104] to silence it.\n',
    )
    + STAGES,
    "after-text-that-looks-like-one": HEADER
    + STAGES.replace(
        "      - id: product\n        name: Product page\n",
        '      - {id: product, name: "Product # journeyctl: ignore[W113]"}  # journeyctl: ignore[W104]\n',
    ),
    "lint-ci-data": (ROOT / "tests" / "lint_ci" / "data" / "checkout.journey.yaml").read_text(encoding="utf-8"),
    # tests/fmt
    "fmt-map": FMT_MAP,
    "fmt-golden": (Path(__file__).parent / "golden" / "item-first-line.input.yaml").read_text(encoding="utf-8"),
    # An item's first line holds a key fmt moves down.
    "item-finding-on-a-moved-key": HEADER
    + SHUFFLED.replace("      - name: Product page\n", "      - name: Product page  # journeyctl: ignore[W104]\n"),
    "key-finding-on-a-moved-key": HEADER
    + SHUFFLED.replace(
        "      - name: Product page\n", "      - channel: fax  # journeyctl: ignore[W110]\n        name: Product page\n"
    ),
    "item-finding-before-a-moved-key": HEADER
    + SHUFFLED.replace(
        "      - name: Product page\n", "      # journeyctl: ignore[W104]\n      - name: Product page\n"
    ),
    "key-finding-before-a-moved-key": HEADER
    + SHUFFLED.replace(
        "      - name: Product page\n",
        "      # journeyctl: ignore[W110]\n      - channel: fax\n        name: Product page\n",
    ),
    "map-finding-on-a-moved-key": "title: Checkout  # journeyctl: ignore[W113]\n"
    + HEADER.replace("title: Checkout\n", "").replace("owner: Web team\n", "")
    + STAGES,
    "unused-on-a-moved-key": HEADER
    + SHUFFLED.replace("      - name: Product page\n", "      - name: Product page  # journeyctl: ignore[W110]\n"),
}
# lint is clean with these suppressions, but the maps are not valid without them: fmt leaves them alone.
REFUSED = {
    "on-a-mapping-key": HEADER + "scale:  # journeyctl: ignore[E012]\n  min: 2\n  max: 1\n" + STAGES,
    "validation-error": HEADER + "colour: red  # journeyctl: ignore[unknown-field]\n" + STAGES,
    "persona-library": "journeyctl: 1\nkind: personas\npersonas:\n  - {id: ben, name: Ben, age: 3}  # journeyctl: ignore[E011]\n",
}
_LINES = re.compile(r"\b(on lines?) [0-9-]+")


def findings(cli, path: Path) -> list[tuple[str, str]]:
    """lint's findings, without positions (fmt moves lines); I001 says which line, so that goes too."""
    result = cli("lint", path, "--isolated", "--format", "json", "--today", TODAY)
    report = json.loads(result.out)
    return sorted((item["code"], _LINES.sub(r"\1 N", item["message"])) for item in report["findings"])


@pytest.mark.parametrize("name", CASES)
def test_the_same_findings_are_silenced_after_fmt(cli, tmp_path, name):
    path = tmp_path / "map.journey.yaml"
    path.write_text(CASES[name], encoding="utf-8")
    before = findings(cli, path)
    assert cli("fmt", path).code == 0
    assert findings(cli, path) == before, path.read_text(encoding="utf-8")
    assert cli("fmt", "--check", path).code == 0


def test_the_cases_are_reformatted_and_their_suppressions_work(cli, tmp_path):
    for name, text in CASES.items():
        path = tmp_path / f"{name}.journey.yaml"
        path.write_text(text, encoding="utf-8")
    assert cli("fmt", "--check", tmp_path).out.endswith(f"{len(CASES)} files would be reformatted.\n")
    # Without its suppression, each of these would report more.
    for name in (
        "on-a-line",
        "item-finding-on-a-moved-key",
        "key-finding-on-a-moved-key",
        "map-finding-on-a-moved-key",
    ):
        path = tmp_path / f"{name}.journey.yaml"
        unsuppressed = tmp_path / "plain.yaml"
        unsuppressed.write_text(re.sub(r"  # journeyctl: ignore\[.*", "", CASES[name]), encoding="utf-8")
        assert len(findings(cli, unsuppressed)) > len(findings(cli, path)), name


def test_a_suppression_follows_the_key_whose_finding_it_silences(cli, tmp_path):
    path = tmp_path / "map.journey.yaml"
    path.write_text(CASES["key-finding-on-a-moved-key"], encoding="utf-8")
    cli("fmt", path)
    assert "      - id: product\n        name: Product page\n        channel: fax  # journeyctl: ignore[W110]\n" in (
        path.read_text(encoding="utf-8")
    )


def test_a_suppression_of_the_item_stays_on_its_first_line(cli, tmp_path):
    path = tmp_path / "map.journey.yaml"
    path.write_text(CASES["item-finding-on-a-moved-key"], encoding="utf-8")
    cli("fmt", path)
    assert "      - id: product  # journeyctl: ignore[W104]\n        name: Product page\n" in path.read_text(
        encoding="utf-8"
    )


def test_a_suppression_of_the_map_stays_on_its_first_line(cli, tmp_path):
    path = tmp_path / "map.journey.yaml"
    path.write_text(CASES["map-finding-on-a-moved-key"], encoding="utf-8")
    cli("fmt", path)
    assert path.read_text(encoding="utf-8").startswith("journeyctl: 1  # journeyctl: ignore[W113]\nid: checkout\n")


def test_a_suppression_of_both_the_item_and_its_key_is_left_for_the_user_to_split(cli, tmp_path):
    text = HEADER + SHUFFLED.replace(
        "      - name: Product page\n",
        "      - channel: fax  # journeyctl: ignore[W110, W104]\n        name: Product page\n",
    )
    path = tmp_path / "map.journey.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("fmt", path)
    assert result.code == 2
    assert result.err == (
        f"journeyctl: {path}:15: not formatted: this suppression silences findings of the list item and of the "
        "key written on its first line, which fmt puts on different lines. Split it in two (one comment on the "
        "item's first line, one on that key's line) and run fmt again; the file is left as it is.\n"
    )
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name", REFUSED)
def test_a_map_valid_only_through_its_suppressions_is_left_as_it_is(cli, tmp_path, name):
    path = tmp_path / "map.journey.yaml"
    path.write_text(REFUSED[name], encoding="utf-8")
    assert findings(cli, path) == []
    assert cli("fmt", path).code == 2
    assert path.read_text(encoding="utf-8") == REFUSED[name]
