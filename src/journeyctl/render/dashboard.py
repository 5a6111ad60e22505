"""A site's dashboard: the portfolio report of its maps, one more page beside the index.

The maps' summaries are made with their pages (in the same worker), so the
dashboard costs no second reading. render applies no lint configuration, so
the dashboard's health table has no lint columns: `journeyctl report` has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from jinja2 import Environment

from journeyctl.render.formats import OutputFormat
from journeyctl.report.portfolio import ReportOptions, build_portfolio
from journeyctl.report.summary import MapSummary

DASHBOARD_NAME = "dashboard"


def dashboard_page(
    summaries: Sequence[MapSummary], output_format: OutputFormat, environment: Environment, today: date, index_href: str
) -> str:
    """The dashboard of a site's maps, every section, each map linked to its page."""
    # Imported here: the report's pages import render's environment, whose package imports this module.
    from journeyctl.report.pages import report_page

    portfolio = build_portfolio(summaries, ReportOptions(today))
    return report_page(portfolio, output_format, environment, index_href, output_format.suffix)
