"""The report's lists as text: actions by owner, the prioritisation matrix, moments that matter, map health."""

from __future__ import annotations

from journeyctl.report.columns import (
    WIDTH,
    Ink,
    block,
    cut,
    heading,
    number,
    one_line,
    path_text,
    percent,
    plural,
    row,
    say,
    where,
)
from journeyctl.report.portfolio import QUADRANTS, Action, Moment, Portfolio
from journeyctl.report.summary import MapHealth

STATUS_WORDS = {
    "idea": "idea",
    "planned": "planned",
    "in-progress": "in progress",
    "done": "done",
    "dropped": "dropped",
}
_QUADRANT_WORDS = {"quick-win": "quick win", "big-bet": "big bet", "fill-in": "fill-in", "time-sink": "time sink"}


def actions_text(portfolio: Portfolio, ink: Ink) -> list[str]:
    owner = portfolio.options.owner
    listed = portfolio.actions
    lines = heading("Actions" + (f" of {one_line(owner)}" if owner else ""), ink)
    counts = portfolio.statuses
    opened = f"{counts['in-progress']:,} in progress, {counts['planned']:,} planned, {plural(counts['idea'], 'idea')}"
    overdue = sum(action.overdue for action in listed)
    found = plural(len(listed), "open opportunity", "open opportunities") + f" ({opened})"
    lines += say(f"{found}; {counts['done']:,} done, {counts['dropped']:,} dropped; {overdue:,} overdue.")
    for group in portfolio.groups:
        name = "Unowned: give each an owner" if group.owner is None else one_line(group.owner)
        title = f"{name} ({len(group.actions):,})"
        lines += ["", ink.alert(cut(title, WIDTH)) if group.owner is None else cut(title, WIDTH)]
        for action in group.actions:
            lines += _action_lines(action, ink)
    return lines


def _action_lines(action: Action, ink: Ink) -> list[str]:
    item = action.opportunity
    due = (item.due.isoformat() if item.due else "no due date") + (" overdue" if action.overdue else "")
    text = block(item.description, 67, 2)
    first = row([(due, 18, False), (STATUS_WORDS[item.status], 11, False), (text[0], 67, False)], 2)
    details = [where(item.map, item.stage, item.touchpoint, item.id)]
    if item.impact is not None or item.effort is not None:
        details.append(_rating(item.impact, item.effort))
    if action.quadrant:
        details.append(_QUADRANT_WORDS[action.quadrant])
    more = [*text[1:], cut(" · ".join(details), 67)]
    return [ink.alert(first) if action.overdue else first, *(" " * 33 + line for line in more)]


def _rating(impact: object, effort: object) -> str:
    return f"impact {impact if impact is not None else '-'}, effort {effort if effort is not None else '-'}"


def matrix_text(portfolio: Portfolio, ink: Ink) -> list[str]:
    rated = sum(len(q.actions) for q in portfolio.quadrants)
    lines = heading("Prioritisation matrix", ink)
    lines += say(
        f"{plural(rated, 'open opportunity', 'open opportunities')} with impact and effort "
        f"({portfolio.unrated:,} without). High impact: 4 or 5; low effort: 1 or 2."
    )
    count = {q.name: len(q.actions) for q in portfolio.quadrants}
    lines += [
        "",
        row([("", 13, False), ("low effort", 18, False), ("high effort", 18, False)], 2),
        row(
            [
                ("high impact", 13, False),
                (f"quick wins {count['quick-win']}", 18, False),
                (f"big bets {count['big-bet']}", 18, False),
            ],
            2,
        ),
        row(
            [
                ("low impact", 13, False),
                (f"fill-ins {count['fill-in']}", 18, False),
                (f"time sinks {count['time-sink']}", 18, False),
            ],
            2,
        ),
    ]
    for quadrant, (_, label, high, low) in zip(portfolio.quadrants, QUADRANTS, strict=True):
        if not quadrant.actions:
            continue
        kind = f"{'high' if high else 'low'} impact, {'low' if low else 'high'} effort"
        lines += ["", f"{label} ({kind}): {len(quadrant.actions):,}"]
        for action in quadrant.actions:
            item = action.opportunity
            text = one_line(f"{item.map} › {item.id}: {item.description}")
            lines.append(row([(f"I{item.impact} E{item.effort}", 5, False), (text, 91, False)], 2))
    return lines


def moments_text(portfolio: Portfolio, ink: Ink) -> list[str]:
    moments = portfolio.moments
    critical = sum(m.touchpoint.critical for m in moments)
    lowest = sum(m.lowest for m in moments)
    lines = heading("Moments that matter", ink)
    lines += say(
        f"{plural(critical, 'critical touchpoint')} and the {plural(lowest, 'lowest emotion')}, compared "
        "from 0 (worst) to 1 (best) on each map's own scale."
    )
    if moments:
        lines += ["", row([("0..1", 5, True), ("Emotion", 13, False), ("Touchpoint", 78, False)])]
    for moment in moments:
        lines += _moment_lines(moment)
    return lines


def _moment_lines(moment: Moment) -> list[str]:
    point = moment.touchpoint
    normalised = point.normalised
    level = "-" if normalised is None else f"{normalised:.2f}"
    emotion = "none" if point.emotion is None else f"{point.emotion} of {point.scale[0]}..{point.scale[1]}"
    where = one_line(("critical · " if point.critical else "") + f"{point.map} › {point.stage} › {point.name}")
    lines = [row([(level, 5, True), (emotion, 13, False), (where, 78, False)])]
    for _, text, severity in point.pain_points:
        lines.append(" " * 21 + cut(one_line(f"{severity}: {text}"), 78))
    return lines


_HEALTH_COLUMNS = (
    ("Map", 28, False),
    ("State", 7, False),
    ("Reviewed", 16, False),
    ("TPs", 4, True),
    ("Emo.", 5, True),
    ("Evid.", 5, True),
    ("Addr.", 5, True),
    ("Crit.", 5, True),
    ("Happy", 5, True),
    ("Err", 4, True),
    ("Warn", 4, True),
)


def health_text(portfolio: Portfolio, ink: Ink) -> list[str]:
    lines = heading("Map health", ink)
    lines += [
        "TPs touchpoints; Emo. with an emotion; Evid. pain points with evidence; Addr. pain points addressed;",
        "Crit. critical moments; Happy touchpoints above the middle of the scale; Err, Warn lint findings.",
        "",
        row(list(_HEALTH_COLUMNS)),
    ]
    for health in portfolio.maps:
        lines += _health_lines(health, ink)
    return lines


def _health_lines(health: MapHealth, ink: Ink) -> list[str]:
    reviewed = health.last_reviewed.isoformat() if health.last_reviewed else "never"
    values = [
        one_line(health.id),
        health.state,
        reviewed + (" stale" if health.stale else ""),
        number(health.touchpoints, 4),
        percent(health.with_emotion.fraction),
        percent(health.with_evidence.fraction),
        percent(health.addressed.fraction),
        number(health.critical, 5),
        percent(health.happiness.fraction),
        "-" if health.errors is None else number(health.errors, 4),
        "-" if health.warnings is None else number(health.warnings, 4),
    ]
    line = row([(value, width, right) for value, (_, width, right) in zip(values, _HEALTH_COLUMNS, strict=True)])
    line = ink.alert(line) if health.stale else line
    owner = f"owner {one_line(health.owner)}" if health.owner else "no owner"
    return [line, "   " + cut(f"{path_text(health.path)} · {owner}", WIDTH - 3)]
