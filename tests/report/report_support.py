"""A small portfolio whose every figure is worked out by hand in the tests (never by calling the code).

Three maps on three emotion scales, a broken map, and a persona library:

alpha (scale -2..2), reviewed 2026-11-01 (fresh on TODAY, 2026-11-23)
  a1 critical, emotion -2 (0.00)   p1 high, 50, [shipping-cost], evidence   <- o1 planned
                                   p2 critical, 30, [slow-support]          <- o2 dropped
  a2 emotion 1 (0.75)              p3 medium, no occurrences                <- o3 done
  a3 emotion 0 (0.50)
  a4 no emotion
  o1 Ann, due 2026-12-01, planned, impact 5, effort 1 (quick win)
beta (scale 1..10), reviewed 2026-11-10
  b1 emotion 1 (0.00)              q1 high, 50, [shipping-cost]             <- r1 idea
  b2 emotion 10 (1.00)             q2 low, 20, [shipping-cost, slow-support]
  b3 emotion 4 (0.33)
  b4 emotion 6 (0.56)
  r1 "ann" (Ann, as --owner tells owners apart), due 2026-10-01 (overdue), idea, impact 2, effort 4 (time sink)
  r2 no owner, no due, in-progress, impact 4, effort 5 (big bet)
  r3 Bo, due 2027-01-01, planned, impact 3, effort 2 (fill-in)
gamma (scale 0..4), reviewed 2025-01-01 (stale)
  g0 critical, no emotion
  g1 emotion 0 (0.00)              s1 medium, 10, untagged
                                   a-s0 medium, 10, untagged (ties with s1: the id decides)
  t1 no owner, idea, impact 3 only (not rated)
broken: `state: past` on line 4, column 8 (E012)
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ruamel.yaml import YAML

TODAY = "2026-11-23"


def touchpoint(ident: str, emotion: int | None = None, critical: bool = False, **extra: object) -> dict:
    found: dict = {"id": ident, "name": f"Touchpoint {ident}"}
    if emotion is not None:
        found["emotion"] = emotion
    if critical:
        found["critical"] = True
    return {**found, **extra}


def journey(ident: str, scale: tuple[int, int], reviewed: str, touchpoints: list[dict], owner: str) -> dict:
    return {
        "journeyctl": 1,
        "id": ident,
        "title": f"The {ident} journey",
        "owner": owner,
        "persona": "personas.yaml#pat",
        "last_reviewed": reviewed,
        "scale": {"min": scale[0], "max": scale[1]},
        "sources": [{"id": "survey", "kind": "survey"}],
        "stages": [{"id": f"{ident}-stage", "name": f"Stage of {ident}", "touchpoints": touchpoints}],
    }


ALPHA = journey(
    "alpha",
    (-2, 2),
    "2026-11-01",
    [
        touchpoint(
            "a1",
            -2,
            critical=True,
            pain_points=[
                {
                    "id": "p1",
                    "description": "Shipping cost shows late",
                    "severity": "high",
                    "occurrences": 50,
                    "tags": ["shipping-cost"],
                    "evidence": ["survey"],
                },
                {
                    "id": "p2",
                    "description": "Support is slow",
                    "severity": "critical",
                    "occurrences": 30,
                    "tags": ["slow-support"],
                },
            ],
            opportunities=[
                {
                    "id": "o1",
                    "description": "Estimate shipping in the cart",
                    "addresses": ["p1"],
                    "owner": "Ann",
                    "due": "2026-12-01",
                    "status": "planned",
                    "impact": 5,
                    "effort": 1,
                },
                {"id": "o2", "description": "Hire a support agent", "addresses": ["p2"], "status": "dropped"},
            ],
        ),
        touchpoint(
            "a2",
            1,
            pain_points=[{"id": "p3", "description": "The form is long", "severity": "medium"}],
            opportunities=[{"id": "o3", "description": "Shorten the form", "addresses": ["p3"], "status": "done"}],
        ),
        touchpoint("a3", 0),
        touchpoint("a4"),
    ],
    "Team Alpha",
)
BETA = journey(
    "beta",
    (1, 10),
    "2026-11-10",
    [
        touchpoint(
            "b1",
            1,
            pain_points=[
                {
                    "id": "q1",
                    "description": "Shipping is expensive",
                    "severity": "high",
                    "occurrences": 50,
                    "tags": ["shipping-cost"],
                },
                {
                    "id": "q2",
                    "description": "Nobody answers about shipping",
                    "severity": "low",
                    "occurrences": 20,
                    "tags": ["shipping-cost", "slow-support"],
                },
            ],
            opportunities=[
                {
                    "id": "r1",
                    "description": "Free shipping threshold",
                    "addresses": ["q1"],
                    "owner": "ann",
                    "due": "2026-10-01",
                    "impact": 2,
                    "effort": 4,
                },
                {"id": "r2", "description": "Rebuild the warehouse", "status": "in-progress", "impact": 4, "effort": 5},
                {
                    "id": "r3",
                    "description": "Reword the FAQ",
                    "owner": "Bo",
                    "due": "2027-01-01",
                    "status": "planned",
                    "impact": 3,
                    "effort": 2,
                },
            ],
        ),
        touchpoint("b2", 10),
        touchpoint("b3", 4),
        touchpoint("b4", 6),
    ],
    "Team Beta",
)
GAMMA = journey(
    "gamma",
    (0, 4),
    "2025-01-01",
    [
        touchpoint("g0", critical=True),
        touchpoint(
            "g1",
            0,
            pain_points=[
                {"id": "s1", "description": "The app crashes", "occurrences": 10},
                {"id": "a-s0", "description": "The app is slow", "occurrences": 10},
            ],
            opportunities=[{"id": "t1", "description": "Profile the app", "impact": 3}],
        ),
    ],
    "Team Gamma",
)
BROKEN = """\
journeyctl: 1
id: broken
title: Broken
state: past
stages:
  - {id: s, name: S}
"""
PERSONAS = {"journeyctl": 1, "kind": "personas", "personas": [{"id": "pat", "name": "Pat"}]}


def as_yaml(data: dict) -> str:
    """A map as block-style YAML (a folder's maps are found by their `journeyctl:` line)."""
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[attr-defined]
    yaml.dump(data, out)
    return out.getvalue()


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """The portfolio in a folder: maps/ with the three maps, the broken one and the persona library."""
    folder = tmp_path / "maps"
    folder.mkdir()
    for data in (ALPHA, BETA, GAMMA):
        (folder / f"{data['id']}.journey.yaml").write_text(as_yaml(data), encoding="utf-8")
    (folder / "broken.journey.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "personas.yaml").write_text(as_yaml(PERSONAS), encoding="utf-8")
    (folder / "not-a-map.yaml").write_text("name: someone else's YAML\n", encoding="utf-8")
    return folder
