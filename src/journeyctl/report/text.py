"""The report as plain text for the terminal: tables that fit 100 columns.

Colour is only ever added by `Ink`, after the layout, and only on a terminal
(never with NO_COLOR): headings in bold, what needs action in red.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.report.columns import WIDTH, cut, display_width, number, one_line, path_text, percent, row, wrap
from journeyctl.report.pareto import Pareto, ParetoRow
from journeyctl.report.portfolio import QUADRANTS, Action, Moment, Portfolio
from journeyctl.report.summary import MapHealth, PainSummary

STATUS_WORDS = {
    "idea": "idea",
    "planned": "planned",
    "in-progress": "in progress",
    "done": "done",
    "dropped": "dropped",
}
_QUADRANT_WORDS = {"quick-win": "quick win", "big-bet": "big bet", "fill-in": "fill-in", "time-sink": "time sink"}


@dataclass(frozen=True)
class Ink:
    """Terminal colour, or none: the one place that knows escape codes."""

    colour: bool = False

    def heading(self, text: str) -> str:
        return f"\033[1m{text}\033[0m" if self.colour else text

    def alert(self, text: str) -> str:
        return f"\033[31m{text}\033[0m" if self.colour else text


def report_text(portfolio: Portfolio, colour: bool = False) -> str:
    """The whole report as text."""
    ink = Ink(colour)
    sections = portfolio.options.sections
    lines = [ink.heading(_title(portfolio))]
    writers = {"pareto": _pareto, "actions": _actions, "matrix": _matrix, "moments": _moments, "health": _health}
    for name in sections:
        lines += ["", *writers[name](portfolio, ink)]
    if portfolio.skipped:
        lines += ["", *_skipped(portfolio, ink)]
    return "\n".join(lines) + "\n"


def _title(portfolio: Portfolio) -> str:
    maps, skipped = len(portfolio.maps), len(portfolio.skipped)
    text = f"Journey portfolio report, {portfolio.options.today.isoformat()}: {_plural(maps, 'map')}"
    return text + (f", {skipped:,} skipped (listed at the end)" if skipped else "")


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _heading(text: str, ink: Ink) -> list[str]:
    shown = cut(text, WIDTH)
    return [ink.heading(shown), "─" * display_width(shown)]


def _say(text: str) -> list[str]:
    """A sentence, wrapped to the report's width."""
    return wrap(text, WIDTH)


def _where(map_id: str, stage: str, touchpoint: str, ident: str) -> str:
    """`map › item-id · stage › touchpoint`: the ids first, so that a cut line still names the item."""
    return one_line(f"{map_id} › {ident} · {stage} › {touchpoint}")


_MEMBER_AT = 8


def _pareto_columns(weight: str) -> list[tuple[str, int, bool]]:
    """Rank, (occurrences when the score weighs them), score, share, cumulative share, severity."""
    seen = [("Seen", 9, True)] if weight == "severity" else []
    return [("Rank", 5, True), *seen, ("Score", 9, True), ("Share", 6, True), ("Cum.", 6, True), ("Severity", 8, False)]


def _pareto(portfolio: Portfolio, ink: Ink) -> list[str]:
    pareto = portfolio.pareto
    weight = "occurrences" if pareto.weight == "occurrences" else "occurrences × severity weight (low 1 ... critical 4)"
    lines = _heading("Pareto of pain points" + (" by tag" if pareto.by == "tag" else ""), ink)
    vital = "the vital few (*) reach 80 % of it" if pareto.total else "nothing is vital"
    lines += _say(f"Score = {weight}. Total {pareto.total:,}; {vital}.")
    columns = _pareto_columns(pareto.weight)
    text_at = 1 + sum(width + 1 for _, width, _ in columns)
    if not pareto.rows:
        lines.append("No pain point has `occurrences` yet: nothing to rank.")
    else:
        label = "Tag" if pareto.by == "tag" else "Pain point"
        lines += ["", row([*columns, (label, WIDTH - text_at, False)])]
        for ranked in pareto.rows:
            lines += _pareto_row(ranked, pareto, text_at, ink)
    if pareto.unquantified:
        lines += ["", f"Not ranked, without `occurrences`: {len(pareto.unquantified):,}"]
        for pain in pareto.unquantified:
            text = _block(pain.description, WIDTH - 12)
            lines.append(row([(pain.severity, 8, False), (text[0], WIDTH - 12, False)], indent=2))
            lines += [" " * 11 + line for line in text[1:]]
            lines.append(" " * 11 + cut(_where(pain.map, pain.stage, pain.touchpoint, pain.id), WIDTH - 11))
    return lines


def _pareto_row(ranked: ParetoRow, pareto: Pareto, text_at: int, ink: Ink) -> list[str]:
    seen = [(number(ranked.occurrences, 9), 9, True)] if pareto.weight == "severity" else []
    cells = [
        (("* " if ranked.vital else "") + str(ranked.rank), 5, True),
        *seen,
        (number(ranked.score, 9), 9, True),
        (percent(ranked.share, 1), 6, True),
        (percent(ranked.cumulative, 1), 6, True),
        (ranked.severity, 8, False),
    ]
    width, indent = WIDTH - text_at, " " * text_at
    first = ranked.first
    if ranked.tag is not None:
        maps = len({pain.map for pain in ranked.pain_points})
        head = f"{ranked.tag}: {_plural(len(ranked.pain_points), 'pain point')} in {_plural(maps, 'map')}"
        lines = [row([*cells, (one_line(head), width, False)])]
        # A tag's pain points get the width of the table, each on one line; so does what follows.
        indent, width = " " * _MEMBER_AT, WIDTH - _MEMBER_AT
        lines += [indent + cut("- " + _pain_line(pain), width) for pain in ranked.pain_points]
    else:
        text = _block(("untagged: " if pareto.by == "tag" else "") + first.description, width)
        more = [*text[1:], cut(_where_of(first), width)]
        if first.tags and pareto.by != "tag":
            more.append(cut("tags: " + ", ".join(first.tags), width))
        lines = [row([*cells, (text[0], width, False)]), *(indent + line for line in more)]
    if ranked.unaddressed:
        several = pareto.by == "tag" and len(ranked.pain_points) > 1
        left = f" for {len(ranked.unaddressed):,} of them" if several else ""
        lines.append(indent + ink.alert(cut(f"no open or done opportunity{left}", width)))
    addressed = ", ".join(f"{ident} ({STATUS_WORDS[status]})" for _, ident, status in ranked.addressed_by)
    if addressed:
        lines.append(indent + cut(one_line("addressed by: " + addressed), width))
    return lines


def _block(text: str, width: int, most: int = 3) -> list[str]:
    """Map text wrapped to `width`, in at most `most` lines (the last one cut)."""
    lines = wrap(one_line(text), width)
    if len(lines) <= most:
        return lines
    return [*lines[: most - 1], cut(" ".join(lines[most - 1 :]), width)]


def _where_of(pain: PainSummary) -> str:
    return _where(pain.map, pain.stage, pain.touchpoint, pain.id)


def _pain_line(pain: PainSummary) -> str:
    return one_line(f"{pain.map} › {pain.id} ({pain.occurrences or 0:,}): {pain.description}")


def _actions(portfolio: Portfolio, ink: Ink) -> list[str]:
    owner = portfolio.options.owner
    listed = portfolio.actions
    lines = _heading("Actions" + (f" of {one_line(owner)}" if owner else ""), ink)
    counts = portfolio.statuses
    opened = f"{counts['in-progress']:,} in progress, {counts['planned']:,} planned, {_plural(counts['idea'], 'idea')}"
    overdue = sum(action.overdue for action in listed)
    found = _plural(len(listed), "open opportunity", "open opportunities") + f" ({opened})"
    lines += _say(f"{found}; {counts['done']:,} done, {counts['dropped']:,} dropped; {overdue:,} overdue.")
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
    text = _block(item.description, 67, 2)
    first = row([(due, 18, False), (STATUS_WORDS[item.status], 11, False), (text[0], 67, False)], 2)
    details = [_where(item.map, item.stage, item.touchpoint, item.id)]
    if item.impact is not None or item.effort is not None:
        details.append(_rating(item.impact, item.effort))
    if action.quadrant:
        details.append(_QUADRANT_WORDS[action.quadrant])
    more = [*text[1:], cut(" · ".join(details), 67)]
    return [ink.alert(first) if action.overdue else first, *(" " * 33 + line for line in more)]


def _rating(impact: object, effort: object) -> str:
    return f"impact {impact if impact is not None else '-'}, effort {effort if effort is not None else '-'}"


def _matrix(portfolio: Portfolio, ink: Ink) -> list[str]:
    rated = sum(len(q.actions) for q in portfolio.quadrants)
    lines = _heading("Prioritisation matrix", ink)
    lines += _say(
        f"{_plural(rated, 'open opportunity', 'open opportunities')} with impact and effort "
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


def _moments(portfolio: Portfolio, ink: Ink) -> list[str]:
    moments = portfolio.moments
    critical = sum(m.touchpoint.critical for m in moments)
    lowest = sum(m.lowest for m in moments)
    lines = _heading("Moments that matter", ink)
    lines += _say(
        f"{_plural(critical, 'critical touchpoint')} and the {_plural(lowest, 'lowest emotion')}, compared "
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


def _health(portfolio: Portfolio, ink: Ink) -> list[str]:
    lines = _heading("Map health", ink)
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


def _skipped(portfolio: Portfolio, ink: Ink) -> list[str]:
    lines = _heading("Skipped", ink)
    count = len(portfolio.skipped)
    lines += _say(f"{_plural(count, 'file does', 'files do')} not load; run `journeyctl lint` for every problem.")
    for skipped in portfolio.skipped:
        where = f"{path_text(skipped.path)}:{skipped.line}:{skipped.column}:" + (
            f" {skipped.code}" if skipped.code else ""
        )
        lines += ["", *(ink.alert(line) for line in wrap(where, WIDTH))]
        lines += ["  " + line for line in wrap(one_line(skipped.message), WIDTH - 2)]
    return lines
