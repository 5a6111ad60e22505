"""The overview's geometry: stage spans, critical marks and the scale's ends, as the template draws them."""

from __future__ import annotations

from journeyctl.render.curve import CurveInput
from journeyctl.render.overview import OverviewStage, build_overview

STAGES = [
    OverviewStage("find", 1, "Find", (CurveInput("Search", 0, False),)),
    OverviewStage("book", 2, "Book", (CurveInput("Call", -2, True), CurveInput("Form", None, True))),
    OverviewStage("empty", 3, "Empty", (CurveInput("", None, False),)),
    OverviewStage("pay", 4, "Pay", (CurveInput("Invoice", 2, True),)),
]


def test_stages_span_their_columns_and_every_other_is_shaded():
    overview = build_overview(STAGES, -2, 2)
    assert overview.columns == 5
    assert [(s.id, s.span, s.x, s.width, s.centre, s.shaded) for s in overview.stages] == [
        ("find", 1, "0%", "20%", "10%", False),
        ("book", 2, "20%", "40%", "40%", True),
        ("empty", 1, "60%", "20%", "70%", False),
        ("pay", 1, "80%", "20%", "90%", True),
    ]
    assert [(p.x, p.y) for p in overview.curve.points] == [("10%", "63"), ("30%", "90"), ("90%", "36")]


def test_every_critical_moment_gets_a_mark_even_without_an_emotion():
    marks = build_overview(STAGES, -2, 2).marks
    assert [(m.x, m.star_y, m.ring_y) for m in marks] == [
        ("30%", "77", "90"),  # above its ring
        ("50%", "68", None),  # no emotion: on the middle line, without a ring
        ("90%", "60", "36"),  # on the top line: under its ring, clear of the stage numbers
    ]
    assert marks[1].title == "Critical moment: Form (stage 2, Book), no emotion yet"
    assert marks[2].title == "Critical moment: Invoice (stage 4, Pay), emotion 2"


def test_the_scale_shows_its_ends_and_a_whole_middle():
    assert [(g.value, g.y, g.middle) for g in build_overview(STAGES, -2, 2).gridlines] == [
        (2, "36", False),
        (0, "63", True),
        (-2, "90", False),
    ]
    assert [g.value for g in build_overview(STAGES, 1, 10).gridlines] == [10, 1]


def test_the_description_names_every_stage_and_touchpoint():
    assert build_overview(STAGES, -2, 2).description == (
        "The whole journey: 4 stages and 4 touchpoints, emotion on a scale from -2 (worst) to 2 (best)."
        " Stage 1, Find: Search 0."
        " Stage 2, Book: Call -2 (critical moment); Form no emotion (critical moment)."
        " Stage 3, Empty: no touchpoints."
        " Stage 4, Pay: Invoice 2 (critical moment)."
    )
