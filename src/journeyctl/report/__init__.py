"""`journeyctl report`: the portfolio view of many maps.

check service (every map, lint's rules) -> summary (plain data, per map, in workers)
-> portfolio (pareto, actions, matrix, moments, health) -> text, markdown, json or html
"""

from __future__ import annotations

import os
from typing import Optional, TextIO

from journeyctl.check.service import Checker, check_paths
from journeyctl.config.settings import Settings
from journeyctl.core.errors import UsageError
from journeyctl.report.portfolio import Portfolio, ReportOptions, build_portfolio
from journeyctl.report.summarise import Summariser
from journeyctl.report.summary import MapSummary
from journeyctl.source.discovery import expand_paths
from journeyctl.system.atomic import check_not_read, check_writable, write_atomically
from journeyctl.system.streams import write_stdout

FORMATS = ("text", "markdown", "json", "html")
# The format of `-o FILE` without --format, by the file's suffix.
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html"}


def summarise_paths(
    paths: list[str], settings: Settings, options: ReportOptions, jobs: Optional[int] = None
) -> list[MapSummary]:
    """The summary of every map and every file that does not load, in the order the paths name them."""
    checker = Checker("report", settings, options.today)
    summariser = Summariser(options.today, settings.review_every_days)
    return [summary for summary in check_paths(paths, checker, summariser, jobs) if summary is not None]


def report_paths(
    paths: list[str],
    settings: Settings,
    options: ReportOptions,
    format_name: Optional[str],
    output: Optional[str],
    stdout: TextIO,
    colour: bool = False,
    templates: Optional[str] = None,
    jobs: Optional[int] = None,
) -> Portfolio:
    """The `report` command: the portfolio of the maps `paths` name, to `output` or stdout.

    Without a format, `-o report.html` writes HTML (.md Markdown, .json JSON); anything else is text.
    """
    if format_name is None:
        format_name = SUFFIXES.get(os.path.splitext(output or "")[1].lower(), "text")
    if format_name not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not `{format_name}`.")
    if output:
        check_writable(output)
    summaries = summarise_paths(paths, settings, options, jobs)
    if not summaries:
        raise UsageError(f"No journey maps to report in {', '.join(paths)} (persona libraries are not maps).")
    portfolio = build_portfolio(summaries, options)
    text = format_report(portfolio, format_name, colour and output is None, templates)
    if output:
        check_not_read(output, [path for path, _ in expand_paths(paths)])
        write_atomically(output, text)
    else:
        write_stdout(stdout, text)
    return portfolio


def format_report(portfolio: Portfolio, format_name: str, colour: bool = False, templates: Optional[str] = None) -> str:
    """The report in one format; HTML and Markdown are drawn with render's templates."""
    if format_name == "json":
        from journeyctl.report.document import report_json

        return report_json(portfolio)
    if format_name == "text":
        from journeyctl.report.text import report_text

        return report_text(portfolio, colour)
    from journeyctl.render import FORMATS as PAGES
    from journeyctl.render import make_environment
    from journeyctl.report.pages import report_page

    return report_page(portfolio, PAGES[format_name], make_environment(templates))
