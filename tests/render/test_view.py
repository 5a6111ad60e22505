"""The view model: curve geometry, counts, sort orders, review status, metric targets."""

from __future__ import annotations

from datetime import date

import pytest

from journeyctl.model import validate_map
from journeyctl.render.curve import CurveInput, build_curve
from journeyctl.render.mermaid import mermaid_score
from journeyctl.render.view import build_view

TODAY = date(2026, 11, 23)


def journey(**extra):
    data = {
        "journeyctl": 1,
        "id": "m",
        "title": "T",
        "stages": [
            {
                "id": "s1",
                "name": "One",
                "touchpoints": [
                    {
                        "id": "a",
                        "name": "A",
                        "emotion": 2,
                        "pain_points": [
                            {"id": "p-low", "description": "low", "severity": "low", "occurrences": 50},
                            {"id": "p-crit", "description": "crit", "severity": "critical"},
                        ],
                    },
                    {
                        "id": "b",
                        "name": "B",
                        "critical": True,
                        "metrics": [
                            {"name": "wait", "value": 30, "target": 20, "unit": "min", "better": "lower"},
                            {"name": "nps", "value": 41.5, "target": 40},
                            {"name": "calls", "value": 1200},
                        ],
                    },
                ],
            },
            {"id": "s2", "name": "Two"},
            {
                "id": "s3",
                "name": "Three",
                "touchpoints": [
                    {
                        "id": "c",
                        "name": "C",
                        "emotion": -2,
                        "pain_points": [
                            {"id": "p-high", "description": "high", "severity": "high", "occurrences": 3},
                            {"id": "p-high-more", "description": "high more", "severity": "high", "occurrences": 9},
                        ],
                        "opportunities": [
                            {"id": "o-done", "description": "done", "status": "done"},
                            {
                                "id": "o-late",
                                "description": "late",
                                "status": "planned",
                                "owner": "x",
                                "due": "2026-11-22",
                                "addresses": ["p-high"],
                            },
                            {
                                "id": "o-wip",
                                "description": "wip",
                                "status": "in-progress",
                                "owner": "y",
                                "due": "2027-01-01",
                                "addresses": ["p-high", "p-crit"],
                            },
                            {"id": "o-idea", "description": "idea"},
                        ],
                    },
                ],
            },
        ],
        **extra,
    }
    return validate_map(data)


def test_curve_points_are_column_centres_on_the_maps_scale():
    curve = build_curve(
        [
            CurveInput("A", 2, False),
            CurveInput("B", None, True),
            CurveInput("", None, False),
            CurveInput("C", -2, False),
        ],
        -2,
        2,
    )
    assert [(p.x, p.y, p.label_y, p.tone) for p in curve.points] == [
        ("12.5%", "30", "18", "positive"),
        ("87.5%", "126", "114", "negative"),
    ]
    assert [(s.x1, s.x2, s.bridged) for s in curve.segments] == [("12.5%", "87.5%", True)]
    assert [(b.x, b.width) for b in curve.bands] == [("25%", "25%")]
    assert [(g.value, g.y, g.middle) for g in curve.gridlines] == [
        (2, "30", False),
        (1, "54", False),
        (0, "78", True),
        (-1, "102", False),
        (-2, "126", False),
    ]
    assert curve.description == (
        "Emotion at each touchpoint on a scale from -2 (worst) to 2 (best): A 2; C -2. Without an emotion: B."
    )


def test_a_wide_scale_gets_five_gridlines():
    curve = build_curve([CurveInput("A", 7, False)], 0, 100)
    assert [g.value for g in curve.gridlines] == [100, 75, 50, 25, 0]
    assert curve.points[0].y == "119.28"


@pytest.mark.parametrize(
    ("low", "high", "scores"),
    [
        (-2, 2, [1, 2, 3, 4, 5]),
        (1, 5, [1, 2, 3, 4, 5]),
        (0, 10, [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5]),
        (1, 7, [1, 2, 2, 3, 4, 4, 5]),
        (0, 1, [1, 5]),
    ],
)
def test_mermaid_scores_are_rescaled_and_rounded_half_up(low, high, scores):
    assert [mermaid_score(e, low, high) for e in range(low, high + 1)] == scores


def test_columns_counts_and_lanes():
    view = build_view(journey(), None, TODAY)
    assert [(c.id, c.placeholder) for c in view.columns] == [("a", False), ("b", False), ("s2", True), ("c", False)]
    assert view.counts.stages == 3 and view.counts.touchpoints == 3 and view.counts.critical == 1
    assert view.counts.pain_points == 4 and view.counts.open_opportunities == 3
    assert view.lanes == frozenset({"emotion", "metrics", "pain_points", "opportunities"})
    assert [s.name for s in view.mermaid] == ["One", "Three"]
    assert view.mermaid[0].tasks == (("A", 5),)


def test_pain_points_by_severity_then_occurrences():
    view = build_view(journey(), None, TODAY)
    assert [p.id for p in view.pain_points] == ["p-crit", "p-high-more", "p-high", "p-low"]
    assert [p.id for p in view.columns[0].pain_points] == ["p-crit", "p-low"]
    by_id = {p.id: p for p in view.pain_points}
    assert [r.id for r in by_id["p-high"].addressed_by] == ["o-late", "o-wip"]
    assert by_id["p-low"].addressed_by == ()


def test_opportunities_by_status_then_due_date():
    view = build_view(journey(), None, TODAY)
    assert [o.id for o in view.opportunities] == ["o-wip", "o-late", "o-idea", "o-done"]
    late = view.opportunities[1]
    assert late.overdue and late.open and late.status_label == "Planned"
    assert [r.text for r in view.opportunities[0].addresses] == ["high", "crit"]
    assert not view.opportunities[3].open and not view.opportunities[3].overdue


def test_metrics_against_targets():
    metrics = build_view(journey(), None, TODAY).metrics
    assert [(m.value, m.target_label, m.met, m.status_label) for m in metrics] == [
        ("30 min", "at most 20 min", False, "Above target"),
        ("41.5", "at least 40", True, "On target"),
        ("1200", None, None, "No target"),
    ]


@pytest.mark.parametrize(
    ("extra", "today", "stale", "label"),
    [
        ({}, TODAY, True, "Never reviewed"),
        ({"last_reviewed": "2026-09-01"}, date(2026, 11, 30), False, "Next review due 2026-11-30"),
        ({"last_reviewed": "2026-09-01"}, date(2026, 12, 1), True, "Review overdue since 2026-11-30"),
        ({"last_reviewed": "2026-11-01", "review_every_days": 7}, TODAY, True, "Review overdue since 2026-11-08"),
    ],
)
def test_review_status(extra, today, stale, label):
    review = build_view(journey(**extra), None, today).review
    assert (review.stale, review.label) == (stale, label)


def test_pain_point_tags_and_opportunity_ratings_reach_both_pages():
    from journeyctl.render import FORMATS, make_environment, render_map

    rated = journey()
    pain = rated.stages[2].touchpoints[0].pain_points[0]
    pain.tags = ["slow-support", "handoffs"]
    late, wip, idea = rated.stages[2].touchpoints[0].opportunities[1:]
    late.impact, late.effort, wip.effort = 4, 2, 5
    view = build_view(rated, None, TODAY)
    by_id = {o.id: o for o in view.opportunities}
    assert {p.id: p.tags for p in view.pain_points}["p-high"] == ("slow-support", "handoffs")
    assert (by_id["o-late"].rating, by_id["o-wip"].rating, by_id["o-idea"].rating) == (
        "Impact 4 of 5, effort 2 of 5",
        "Effort 5 of 5",
        "",
    )
    environment = make_environment()
    html = render_map(rated, None, FORMATS["html"], environment, TODAY)
    assert '<ul class="tags" aria-label="Tags"><li>slow-support</li><li>handoffs</li></ul>' in html
    assert '<span class="meta">Impact 4 of 5, effort 2 of 5</span>' in html
    markdown = render_map(rated, None, FORMATS["markdown"], environment, TODAY)
    assert "| high<br>Tags: slow-support, handoffs |" in markdown
    assert "| late<br>Impact 4 of 5, effort 2 of 5 |" in markdown
    assert "| wip<br>Effort 5 of 5 |" in markdown
