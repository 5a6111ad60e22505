"""The portfolio of maps: report."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Optional

import typer

from journeyctl.cli.messages import fail, tell
from journeyctl.cli.options import (
    AllowEmpty,
    ConfigFile,
    Exclude,
    ExtendSelect,
    Ignore,
    Isolated,
    NoGitignore,
    Paths,
    Select,
    configuration,
    search_for,
    today_option,
)
from journeyctl.cli.usage import Command
from journeyctl.cli.values import Choice, WholeNumber

commands = typer.Typer()


def _report_formats() -> Iterable[str]:
    from journeyctl.report import FORMATS

    return FORMATS


def _weights() -> Iterable[str]:
    from journeyctl.report.pareto import WEIGHTS

    return WEIGHTS


def _groupings() -> Iterable[str]:
    from journeyctl.report.pareto import GROUPINGS

    return GROUPINGS


ReportFormat = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        help="The report's format (default: from the --output file's suffix, else text).",
        click_type=Choice(_report_formats),
        show_default=False,
    ),
]
ReportOutput = Annotated[
    Optional[str],
    typer.Option("--output", "-o", help="Write the report to this file instead of printing it.", metavar="FILE"),
]
ReportSection = Annotated[
    Optional[list[str]],
    typer.Option(
        help="Only these sections (comma-separated): pareto, actions, matrix, moments, health.",
        metavar="SECTIONS",
        show_default=False,
    ),
]
ReportWeight = Annotated[
    str,
    typer.Option(
        help="The Pareto score: occurrences, or severity (occurrences x low 1 ... critical 4).",
        click_type=Choice(_weights),
    ),
]
ReportBy = Annotated[
    str, typer.Option(help="Rank pain points, or their root causes (tags).", click_type=Choice(_groupings))
]
ReportOwner = Annotated[
    Optional[str],
    typer.Option(help="Only the actions (and matrix) of this owner.", show_default=False, metavar="NAME"),
]
ReportMoments = Annotated[
    int,
    typer.Option(
        help="How many of the lowest-emotion touchpoints to show.", click_type=WholeNumber(minimum=0), metavar="N"
    ),
]
ReportFailOn = Annotated[
    Optional[list[str]],
    typer.Option(
        help="Exit 1 when any holds (comma-separated): overdue, stale, unaddressed-vital.",
        metavar="CONDITIONS",
        show_default=False,
    ),
]
ReportToday = Annotated[Optional[date], today_option("The date for stale maps and overdue actions")]
ReportTemplates = Annotated[
    Optional[str],
    typer.Option(
        help="A folder of templates that override the built-in ones (html, markdown).",
        metavar="DIR",
        show_default=False,
    ),
]


@commands.command(cls=Command, short_help="Report on a portfolio: costly pain points, actions, health.")
def report(
    paths: Paths,
    format: ReportFormat = None,
    output: ReportOutput = None,
    section: ReportSection = None,
    weight: ReportWeight = "occurrences",
    by: ReportBy = "pain-point",
    owner: ReportOwner = None,
    moments: ReportMoments = 10,
    fail_on: ReportFailOn = None,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    today: ReportToday = None,
    templates: ReportTemplates = None,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
) -> None:
    """Report on a portfolio of maps: the pain points that cost the most, actions by owner, map health."""
    from journeyctl.report import report_paths
    from journeyctl.report.options import report_options
    from journeyctl.system.terminal import wants_colour

    options = report_options(today or date.today(), section, weight, by, owner, moments, fail_on)
    settings = configuration(config, isolated, select, extend_select, ignore).settings
    search = search_for(exclude, no_respect_gitignore, allow_empty, settings)
    colour = wants_colour(sys.stdout)
    portfolio = report_paths(paths, settings, options, format, output, sys.stdout, colour, templates, search=search)
    code = tell(search)
    if portfolio is None:
        raise typer.Exit(code)
    for reason in portfolio.failure_reasons():
        fail(reason)
    raise typer.Exit(code or (1 if portfolio.failed else 0))
