"""The report's figures on the portfolio of report_support.py, each worked out by hand there and here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_support import TODAY, portfolio  # noqa: F401  (fixture)


@pytest.fixture
def report(cli, portfolio: Path, monkeypatch: pytest.MonkeyPatch):
    """`journeyctl report maps -f json --today TODAY ARGS...` from the portfolio's parent folder: the document."""
    monkeypatch.chdir(portfolio.parent)

    def run(*args: str) -> dict:
        result = cli("report", "maps", "-f", "json", "--today", TODAY, *args)
        assert (result.code, result.err) == (0, ""), result.err
        return json.loads(result.out)

    return run


def ranking(document: dict) -> list[tuple]:
    return [
        (item["rank"], item.get("map"), item.get("id"), item["score"], item["share"], item["cumulative"], item["vital"])
        for item in document["pareto"]["items"]
    ]


def test_pareto_by_occurrences(report):
    document = report()
    pareto = document["pareto"]
    # Total 50 + 30 + 50 + 20 + 10 + 10 = 170. alpha/p1 and beta/q1 tie on 50 and high: the map id decides;
    # gamma's two 10s tie on severity and map: the pain point id decides (a-s0 before s1).
    # Rank 4 is the first whose cumulative share (150/170) reaches 80 %: the vital few are ranks 1 to 4.
    assert (pareto["by"], pareto["weight"], pareto["total"]) == ("pain-point", "occurrences", 170)
    assert ranking(document) == [
        (1, "alpha", "p1", 50, 0.2941, 0.2941, True),
        (2, "beta", "q1", 50, 0.2941, 0.5882, True),
        (3, "alpha", "p2", 30, 0.1765, 0.7647, True),
        (4, "beta", "q2", 20, 0.1176, 0.8824, True),
        (5, "gamma", "a-s0", 10, 0.0588, 0.9412, False),
        (6, "gamma", "s1", 10, 0.0588, 1.0, False),
    ]
    first = pareto["items"][0]
    assert first == {
        "map": "alpha",
        "stage": "Stage of alpha",
        "touchpoint": "Touchpoint a1",
        "id": "p1",
        "description": "Shipping cost shows late",
        "rank": 1,
        "severity": "high",
        "occurrences": 50,
        "score": 50,
        "share": 0.2941,
        "cumulative": 0.2941,
        "vital": True,
        "tags": ["shipping-cost"],
        "addressed_by": [{"map": "alpha", "id": "o1", "status": "planned"}],
    }
    assert [(pain["map"], pain["id"]) for pain in pareto["unquantified"]] == [("alpha", "p3")]
    assert pareto["unquantified"][0]["addressed_by"] == [{"id": "o3", "status": "done"}]


def test_pareto_weighted_by_severity(report):
    document = report("--weight", "severity")
    # 50 x high 3 = 150 twice, 30 x critical 4 = 120, then three 20s: gamma's two mediums (10 x 2)
    # before beta's low (20 x 1), severity deciding. Total 480; 420/480 reaches 80 % at rank 3.
    assert document["pareto"]["total"] == 480
    assert ranking(document) == [
        (1, "alpha", "p1", 150, 0.3125, 0.3125, True),
        (2, "beta", "q1", 150, 0.3125, 0.625, True),
        (3, "alpha", "p2", 120, 0.25, 0.875, True),
        (4, "gamma", "a-s0", 20, 0.0417, 0.9167, False),
        (5, "gamma", "s1", 20, 0.0417, 0.9583, False),
        (6, "beta", "q2", 20, 0.0417, 1.0, False),
    ]
    assert [item["occurrences"] for item in document["pareto"]["items"]] == [50, 50, 30, 10, 10, 20]


def test_pareto_by_tag_across_maps(report):
    pareto = report("--by", "tag")["pareto"]
    # shipping-cost: alpha/p1 50 + beta/q1 50 + beta/q2 20 = 120; slow-support: alpha/p2 30 + beta/q2 20 = 50
    # (q2 has both tags and counts for each); the untagged pain points stand alone. Total 190.
    assert pareto["total"] == 190
    keys = ("rank", "tag", "severity", "occurrences", "score", "cumulative", "vital")
    rows = [tuple(item[key] for key in keys) for item in pareto["items"]]
    assert rows == [
        (1, "shipping-cost", "high", 120, 120, 0.6316, True),
        (2, "slow-support", "critical", 50, 50, 0.8947, True),
        (3, None, "medium", 10, 10, 0.9474, False),
        (4, None, "medium", 10, 10, 1.0, False),
    ]
    members = [[(pain["map"], pain["id"]) for pain in item["pain_points"]] for item in pareto["items"]]
    assert members == [
        [("alpha", "p1"), ("beta", "q1"), ("beta", "q2")],
        [("alpha", "p2"), ("beta", "q2")],
        [("gamma", "a-s0")],
        [("gamma", "s1")],
    ]
    assert pareto["items"][1]["addressed_by"] == [{"map": "alpha", "id": "o2", "status": "dropped"}]


def test_actions_by_owner_and_the_matrix(report):
    document = report("--section", "actions,matrix")
    actions = [(a["owner"], a["map"], a["id"], a["due"], a["overdue"], a["quadrant"]) for a in document["actions"]]
    # Unowned first (by due date, none here: then by map); Ann and ann are one owner; by due date within.
    assert actions == [
        (None, "beta", "r2", None, False, "big-bet"),
        (None, "gamma", "t1", None, False, None),
        ("ann", "beta", "r1", "2026-10-01", True, "time-sink"),
        ("Ann", "alpha", "o1", "2026-12-01", False, "quick-win"),
        ("Bo", "beta", "r3", "2027-01-01", False, "fill-in"),
    ]
    assert document["statuses"] == {"idea": 2, "planned": 2, "in-progress": 1, "done": 1, "dropped": 1}
    matrix = {name: [a["id"] for a in items] for name, items in document["matrix"].items() if name != "unrated"}
    assert matrix == {"quick-win": ["o1"], "big-bet": ["r2"], "fill-in": ["r3"], "time-sink": ["r1"]}
    assert document["matrix"]["unrated"] == 1
    assert "pareto" not in document and "maps" not in document and document["sections"] == ["actions", "matrix"]


def test_owner_filters_actions_and_matrix(report):
    document = report("--owner", "  ANN ", "--section", "actions,matrix")
    assert [a["id"] for a in document["actions"]] == ["r1", "o1"]
    assert document["statuses"] == {"idea": 1, "planned": 1, "in-progress": 0, "done": 0, "dropped": 0}
    assert [a["id"] for a in document["matrix"]["quick-win"]] == ["o1"]
    assert document["matrix"]["big-bet"] == [] and document["matrix"]["unrated"] == 0


def test_moments_compare_maps_on_different_scales(report):
    moments = report("--moments", "3")["moments"]
    # -2 on -2..2, 1 on 1..10 and 0 on 0..4 are each map's worst: 0 on the common footing.
    # g0 is critical without an emotion: listed, last.
    shown = [(m["map"], m["id"], m["emotion"], m["normalised"], m["critical"], m["lowest"]) for m in moments]
    assert shown == [
        ("alpha", "a1", -2, 0.0, True, True),
        ("beta", "b1", 1, 0.0, False, True),
        ("gamma", "g1", 0, 0.0, False, True),
        ("gamma", "g0", None, None, True, False),
    ]
    assert moments[0]["pain_points"] == [
        {"id": "p1", "description": "Shipping cost shows late", "severity": "high"},
        {"id": "p2", "description": "Support is slow", "severity": "critical"},
    ]
    assert moments[1]["scale"] == {"min": 1, "max": 10}
    everything = report()["moments"]
    # 4 on 1..10 is 3/9, 0 on -2..2 is 2/4, 6 on 1..10 is 5/9, 1 on -2..2 is 3/4, 10 on 1..10 is 1.
    assert [(m["id"], m["normalised"]) for m in everything] == [
        ("a1", 0.0),
        ("b1", 0.0),
        ("g1", 0.0),
        ("b3", 0.3333),
        ("a3", 0.5),
        ("b4", 0.5556),
        ("a2", 0.75),
        ("b2", 1.0),
        ("g0", None),
    ]


def test_map_health(report):
    maps = {row["id"]: row for row in report("--section", "health")["maps"]}
    assert list(maps) == ["alpha", "beta", "gamma"]
    figures = {
        key: [maps[name][key] for name in ("alpha", "beta", "gamma")]
        for key in ("touchpoints", "with_emotion", "with_evidence", "addressed", "critical", "happiness", "stale")
    }
    assert figures == {
        "touchpoints": [4, 4, 2],
        "with_emotion": [0.75, 1.0, 0.5],  # a4 has none; g0 has none
        "with_evidence": [0.3333, 0.0, 0.0],  # only p1 cites a source
        "addressed": [0.6667, 0.5, 0.0],  # p2's only opportunity was dropped
        "critical": [1, 0, 1],
        # above the middle: 1 of (-2, 1, 0) on -2..2; 10 and 6 of (1, 10, 4, 6) on 1..10; not 0 on 0..4
        "happiness": [0.3333, 0.5, 0.0],
        "stale": [False, False, True],  # gamma was reviewed 2025-01-01, more than 90 days ago
    }
    assert maps["gamma"]["review_due"] == "2025-04-01" and maps["alpha"]["last_reviewed"] == "2026-11-01"
    assert maps["alpha"]["path"] == "maps/alpha.journey.yaml" and maps["alpha"]["owner"] == "Team Alpha"


def test_lint_counts_are_what_lint_finds(cli, report):
    maps = report("--section", "health")["maps"]
    for row in maps:
        findings = json.loads(cli("lint", row["path"], "-f", "json", "--today", TODAY).out)["findings"]
        counted = [sum(f["severity"] == severity for f in findings) for severity in ("error", "warning")]
        assert [row["errors"], row["warnings"]] == counted, row["path"]
    assert any(row["warnings"] for row in maps)


def test_a_broken_map_among_good_ones_is_skipped_with_its_first_error(report):
    document = report()
    assert document["skipped"] == [
        {
            "path": "maps/broken.journey.yaml",
            "code": "E012",
            "line": 4,
            "column": 8,
            "message": "`state` cannot be `past`; use one of: `current` or `future`.",
        }
    ]
    assert [row["id"] for row in document["maps"]] == ["alpha", "beta", "gamma"]


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("overdue", "--fail-on overdue: 1 overdue opportunity."),
        ("stale", "--fail-on stale: 1 stale map."),
        (
            "unaddressed-vital",
            "--fail-on unaddressed-vital: 2 vital-few pain points that no open or done opportunity addresses.",
        ),
    ],
)
def test_fail_on_each_kind(cli, portfolio, monkeypatch, kind, reason):
    monkeypatch.chdir(portfolio.parent)
    result = cli("report", "maps", "--today", TODAY, "--fail-on", kind, "-f", "json")
    assert (result.code, result.err) == (1, f"journeyctl: {reason}\n")
    assert json.loads(result.out)["fail_on"]["failed"] == [kind]


def test_fail_on_passes_when_nothing_holds(cli, portfolio, monkeypatch):
    monkeypatch.chdir(portfolio.parent)
    (portfolio / "gamma.journey.yaml").unlink()  # the stale map
    result = cli("report", "maps", "--today", TODAY, "--fail-on", "stale", "--owner", "Bo", "--fail-on", "overdue")
    assert (result.code, result.err) == (0, "")
