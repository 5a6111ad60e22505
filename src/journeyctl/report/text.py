"""The report as plain text for the terminal: tables that fit 100 columns.

Colour is only ever added by `Ink`, after the layout, and only on a terminal
(never with NO_COLOR): headings in bold, what needs action in red.
"""

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
    wrap,
)
from journeyctl.report.pareto import Pareto, ParetoRow
from journeyctl.report.portfolio import Portfolio
from journeyctl.report.summary import PainSummary
from journeyctl.report.text_sections import STATUS_WORDS, actions_text, health_text, matrix_text, moments_text


def report_text(portfolio: Portfolio) -> str:
    """The whole report as plain text."""
    return "\n".join(report_lines(portfolio)) + "\n"


def report_lines(portfolio: Portfolio) -> list[str]:
    """The report's lines; headings and alerts carry their terminal style (columns.Styled)."""
    ink = Ink()
    sections = portfolio.options.sections
    lines = [ink.heading(_title(portfolio))]
    writers = {
        "pareto": _pareto,
        "actions": actions_text,
        "matrix": matrix_text,
        "moments": moments_text,
        "health": health_text,
    }
    for name in sections:
        lines += ["", *writers[name](portfolio, ink)]
    if portfolio.skipped:
        lines += ["", *_skipped(portfolio, ink)]
    return lines


def _title(portfolio: Portfolio) -> str:
    maps, skipped = len(portfolio.maps), len(portfolio.skipped)
    text = f"Journey portfolio report, {portfolio.options.today.isoformat()}: {plural(maps, 'map')}"
    return text + (f", {skipped:,} skipped (listed at the end)" if skipped else "")


_MEMBER_AT = 8


def _pareto_columns(weight: str) -> list[tuple[str, int, bool]]:
    """Rank, (occurrences when the score weighs them), score, share, cumulative share, severity."""
    seen = [("Seen", 9, True)] if weight == "severity" else []
    return [("Rank", 5, True), *seen, ("Score", 9, True), ("Share", 6, True), ("Cum.", 6, True), ("Severity", 8, False)]


def _pareto(portfolio: Portfolio, ink: Ink) -> list[str]:
    pareto = portfolio.pareto
    weight = "occurrences" if pareto.weight == "occurrences" else "occurrences × severity weight (low 1 ... critical 4)"
    lines = heading("Pareto of pain points" + (" by tag" if pareto.by == "tag" else ""), ink)
    vital = "the vital few (*) reach 80 % of it" if pareto.total else "nothing is vital"
    lines += say(f"Score = {weight}. Total {pareto.total:,}; {vital}.")
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
            text = block(pain.description, WIDTH - 12)
            lines.append(row([(pain.severity, 8, False), (text[0], WIDTH - 12, False)], indent=2))
            lines += [" " * 11 + line for line in text[1:]]
            lines.append(" " * 11 + cut(where(pain.map, pain.stage, pain.touchpoint, pain.id), WIDTH - 11))
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
        head = f"{ranked.tag}: {plural(len(ranked.pain_points), 'pain point')} in {plural(maps, 'map')}"
        lines = [row([*cells, (one_line(head), width, False)])]
        # A tag's pain points get the width of the table, each on one line; so does what follows.
        indent, width = " " * _MEMBER_AT, WIDTH - _MEMBER_AT
        lines += [indent + cut("- " + _pain_line(pain), width) for pain in ranked.pain_points]
    else:
        text = block(("untagged: " if pareto.by == "tag" else "") + first.description, width)
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


def _where_of(pain: PainSummary) -> str:
    return where(pain.map, pain.stage, pain.touchpoint, pain.id)


def _pain_line(pain: PainSummary) -> str:
    return one_line(f"{pain.map} › {pain.id} ({pain.occurrences or 0:,}): {pain.description}")


def _skipped(portfolio: Portfolio, ink: Ink) -> list[str]:
    lines = heading("Skipped", ink)
    count = len(portfolio.skipped)
    lines += say(f"{plural(count, 'file does', 'files do')} not load; run `journeyctl lint` for every problem.")
    for skipped in portfolio.skipped:
        code = f" {skipped.code}" if skipped.code else ""
        place = f"{path_text(skipped.path)}:{skipped.line}:{skipped.column}:{code}"
        lines += ["", *(ink.alert(line) for line in wrap(place, WIDTH))]
        lines += ["  " + line for line in wrap(one_line(skipped.message), WIDTH - 2)]
    return lines
