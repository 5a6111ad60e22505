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
from journeyctl.source.discovery import Search
from journeyctl.system.atomic import check_not_read, check_writable, write_atomically
from journeyctl.system.streams import write_stdout

FORMATS = ("text", "markdown", "json", "html")
# The format of `-o FILE` without --format, by the file's suffix.
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html"}


def summarise_paths(
    paths: list[str],
    settings: Settings,
    options: ReportOptions,
    jobs: Optional[int] = None,
    search: Optional[Search] = None,
) -> list[MapSummary]:
    """The summary of every map and every file that does not load, in the order the paths name them."""
    checker = Checker("report", settings, options.today)
    summariser = Summariser(options.today, settings.review_every_days, moments=options.moments)
    summaries = check_paths(paths, checker, summariser, jobs, search=search, progress="Reading maps")
    return [summary for summary in summaries if summary is not None]


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
    search: Optional[Search] = None,
) -> Optional[Portfolio]:
    """The `report` command: the portfolio of the maps `paths` name, to `output` or stdout.

    Without a format, `-o report.html` writes HTML (.md Markdown, .json JSON); anything else is text.
    None, with nothing written, when a path does not exist or a named folder holds no map:
    `search` notes which, for the caller to tell.
    """
    if format_name is None:
        format_name = SUFFIXES.get(os.path.splitext(output or "")[1].lower(), "text")
    if format_name not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not `{format_name}`.")
    if output:
        check_writable(output)
    search = search if search is not None else Search()
    summaries = summarise_paths(paths, settings, options, jobs, search)
    if search.exit_code() or (search.empty and not summaries):
        return None
    if not summaries:
        raise UsageError(f"No journey maps to report in {', '.join(paths)} (persona libraries are not maps).")
    portfolio = build_portfolio(summaries, options)
    if format_name == "text" and colour and output is None:
        from journeyctl.report.text import report_lines
        from journeyctl.system.terminal import line_writer

        write_line = line_writer(stdout, True)
        for line in report_lines(portfolio):
            write_line([(line, getattr(line, "style", ""))])
        return portfolio
    text = format_report(portfolio, format_name, templates)
    if output:
        check_not_read(output, [path for path, _ in search.files(paths)])
        write_atomically(output, text)
    else:
        write_stdout(stdout, text)
    return portfolio


def format_report(portfolio: Portfolio, format_name: str, templates: Optional[str] = None) -> str:
    """The report in one format; HTML and Markdown are drawn with render's templates."""
    if format_name == "json":
        from journeyctl.report.document import report_json

        return report_json(portfolio)
    if format_name == "text":
        from journeyctl.report.text import report_text

        return report_text(portfolio)
    from journeyctl.render import FORMATS as PAGES
    from journeyctl.render import make_environment
    from journeyctl.report.pages import report_page

    return report_page(portfolio, PAGES[format_name], make_environment(templates))
