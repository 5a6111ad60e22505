"""Publishing maps: render, serve and report."""

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
    Templates,
    configuration,
    search_for,
    today_option,
)
from journeyctl.cli.usage import Command
from journeyctl.cli.values import Choice, WholeNumber

commands = typer.Typer()


def _render_formats() -> Iterable[str]:
    from journeyctl.render.formats import FORMATS

    return (*FORMATS, "pdf")


def _papers() -> Iterable[str]:
    from journeyctl.exchange.pdf import PAPERS

    return PAPERS


def _report_formats() -> Iterable[str]:
    from journeyctl.report import FORMATS

    return FORMATS


def _weights() -> Iterable[str]:
    from journeyctl.report.pareto import WEIGHTS

    return WEIGHTS


def _groupings() -> Iterable[str]:
    from journeyctl.report.pareto import GROUPINGS

    return GROUPINGS


@commands.command(cls=Command, short_help="Render maps as HTML pages, GitHub Markdown or PDF.")
def render(
    paths: Paths,
    format: Annotated[
        str, typer.Option("--format", "-f", help="The output's format.", click_type=Choice(_render_formats))
    ] = "html",
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            help="A file for one map; a folder for a site: a page per map and an index (default: standard output).",
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    templates: Templates = None,
    today: Annotated[Optional[date], today_option("The date the review status counts from")] = None,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
    clean: Annotated[
        bool,
        typer.Option(
            "--clean",
            help="Remove the pages of maps that no longer exist from the site folder (only pages journeyctl wrote).",
        ),
    ] = False,
    paper: Annotated[
        str,
        typer.Option(help="PDF: the paper, in landscape.", click_type=Choice(_papers, ignore_case=True)),
    ] = "a4",
    browser: Annotated[
        Optional[str],
        typer.Option(
            help="PDF: the Chromium or Chrome program (default: chromium, chromium-browser or google-chrome).",
            metavar="PROGRAM",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render maps as self-contained HTML pages, GitHub Markdown, or PDF: one map to a file, several to a site."""
    search = search_for(exclude, no_respect_gitignore, allow_empty)
    day = today or date.today()
    try:
        if format == "pdf":
            from journeyctl.exchange.pdf import render_pdf

            render_pdf(paths, output, templates, day, paper, browser, sys.stdout, search)
        else:
            from journeyctl.render import render_paths

            render_paths(paths, format, output, templates, day, sys.stdout, search=search, clean=clean)
    finally:  # a map's errors stop the render; the paths named in vain are told all the same
        code = tell(search)
    raise typer.Exit(code)


@commands.command(cls=Command, short_help="Preview maps in a browser, reloaded as you edit.")
def serve(
    path: Annotated[
        str,
        typer.Argument(
            help="A map file, or a folder of maps (default: this folder).", show_default=False, metavar="PATH"
        ),
    ] = ".",
    port: Annotated[
        int, typer.Option(help="The port to listen on (0: any free port).", click_type=WholeNumber(), metavar="PORT")
    ] = 8000,
    host: Annotated[
        str,
        typer.Option(
            help="The address to listen on; anything but 127.0.0.1 shares the maps with the network.",
            metavar="ADDRESS",
        ),
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the index in a web browser.")] = False,
    templates: Templates = None,
    today: Annotated[Optional[date], today_option("The date the review status counts from")] = None,
) -> None:
    """Preview maps in a browser: the pages render publishes, reloaded as you edit."""
    from journeyctl.serve import Console, serve_path
    from journeyctl.system.terminal import wants_colour

    console = Console(sys.stdout, sys.stderr, wants_colour(sys.stdout))
    day = today or date.today()
    raise typer.Exit(serve_path(path, host, port, open_browser, templates, day, console))


@commands.command(cls=Command, short_help="Report on a portfolio: costly pain points, actions, health.")
def report(
    paths: Paths,
    format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            help="The report's format (default: from the --output file's suffix, else text).",
            click_type=Choice(_report_formats),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", help="Write the report to this file instead of printing it.", metavar="FILE"),
    ] = None,
    section: Annotated[
        Optional[list[str]],
        typer.Option(
            help="Only these sections (comma-separated): pareto, actions, matrix, moments, health.",
            metavar="SECTIONS",
            show_default=False,
        ),
    ] = None,
    weight: Annotated[
        str,
        typer.Option(
            help="The Pareto score: occurrences, or severity (occurrences x low 1 ... critical 4).",
            click_type=Choice(_weights),
        ),
    ] = "occurrences",
    by: Annotated[
        str, typer.Option(help="Rank pain points, or their root causes (tags).", click_type=Choice(_groupings))
    ] = "pain-point",
    owner: Annotated[
        Optional[str],
        typer.Option(help="Only the actions (and matrix) of this owner.", show_default=False, metavar="NAME"),
    ] = None,
    moments: Annotated[
        int,
        typer.Option(
            help="How many of the lowest-emotion touchpoints to show.", click_type=WholeNumber(minimum=0), metavar="N"
        ),
    ] = 10,
    fail_on: Annotated[
        Optional[list[str]],
        typer.Option(
            help="Exit 1 when any holds (comma-separated): overdue, stale, unaddressed-vital.",
            metavar="CONDITIONS",
            show_default=False,
        ),
    ] = None,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    today: Annotated[Optional[date], today_option("The date for stale maps and overdue actions")] = None,
    templates: Annotated[
        Optional[str],
        typer.Option(
            help="A folder of templates that override the built-in ones (html, markdown).",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
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
