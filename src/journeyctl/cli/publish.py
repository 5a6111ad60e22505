"""Publishing maps: render, and serve to preview."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Optional

import typer

from journeyctl.cli.messages import tell
from journeyctl.cli.options import (
    AllowEmpty,
    Exclude,
    NoGitignore,
    Paths,
    Templates,
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


RenderFormat = Annotated[
    str, typer.Option("--format", "-f", help="The output's format.", click_type=Choice(_render_formats))
]
RenderOutput = Annotated[
    Optional[str],
    typer.Option(
        "--output",
        "-o",
        help="A file for one map; a folder for a site: a page per map and an index (default: standard output).",
        metavar="PATH",
        show_default=False,
    ),
]
ReviewDate = Annotated[Optional[date], today_option("The date the review status counts from")]
RenderClean = Annotated[
    bool,
    typer.Option(
        "--clean",
        help="Remove the pages of maps that no longer exist from the site folder (only pages journeyctl wrote).",
    ),
]
RenderPaper = Annotated[
    str,
    typer.Option(help="PDF: the paper size (landscape).", click_type=Choice(_papers, ignore_case=True)),
]
RenderBrowser = Annotated[
    Optional[str],
    typer.Option(
        help="PDF: the Chromium or Chrome program (default: chromium, chromium-browser or google-chrome).",
        metavar="PROGRAM",
        show_default=False,
    ),
]


@commands.command(cls=Command, short_help="Render maps as HTML pages, GitHub Markdown or PDF.")
def render(
    paths: Paths,
    format: RenderFormat = "html",
    output: RenderOutput = None,
    templates: Templates = None,
    today: ReviewDate = None,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
    clean: RenderClean = False,
    paper: RenderPaper = "a4",
    browser: RenderBrowser = None,
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


ServePath = Annotated[
    str,
    typer.Argument(help="A map file, or a folder of maps (default: this folder).", show_default=False, metavar="PATH"),
]
ServePort = Annotated[
    int,
    typer.Option("--port", help="The port to listen on (0: any free port).", click_type=WholeNumber(), metavar="PORT"),
]
ServeHost = Annotated[
    str,
    typer.Option(
        help="The address to listen on; anything but 127.0.0.1 shares the maps with the network.",
        metavar="ADDRESS",
    ),
]
ServeOpenBrowser = Annotated[bool, typer.Option("--open", help="Open the index in a web browser.")]


@commands.command(cls=Command, short_help="Preview maps in a browser, reloaded as you edit.")
def serve(
    path: ServePath = ".",
    port: ServePort = 8000,
    host: ServeHost = "127.0.0.1",
    open_browser: ServeOpenBrowser = False,
    templates: Templates = None,
    today: ReviewDate = None,
) -> None:
    """Preview maps in a browser: the pages render publishes, reloaded as you edit."""
    from journeyctl.serve import Console, serve_path
    from journeyctl.system.terminal import wants_colour

    console = Console(sys.stdout, sys.stderr, wants_colour(sys.stdout))
    day = today or date.today()
    raise typer.Exit(serve_path(path, host, port, open_browser, templates, day, console))
