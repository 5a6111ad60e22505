"""Maps in and out: import and export."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated, Optional

import typer

from journeyctl.cli.messages import tell
from journeyctl.cli.options import AllowEmpty, Exclude, NoGitignore, Paths, configuration, search_for
from journeyctl.cli.usage import Command
from journeyctl.cli.values import Choice

commands = typer.Typer()


def _import_formats() -> Iterable[str]:
    from journeyctl.exchange.importer import FORMATS

    return FORMATS


def _layouts() -> Iterable[str]:
    from journeyctl.exchange.importer import LAYOUTS

    return LAYOUTS


def _export_formats() -> Iterable[str]:
    from journeyctl.exchange.export import FORMATS

    return FORMATS


def _tables() -> Iterable[str]:
    from journeyctl.exchange.columns import TABLES

    return TABLES


ImportSource = Annotated[
    str,
    typer.Argument(
        help="A spreadsheet (.csv, .xlsx, .xls, .ods) or a Mermaid journey (.mmd, or .md with a mermaid block).",
        show_default=False,
        metavar="SOURCE",
    ),
]
ImportOutput = Annotated[
    Optional[str],
    typer.Option(
        "--output", "-o", help="The new map's file (default: standard output).", metavar="FILE", show_default=False
    ),
]
ImportSourceFormat = Annotated[
    Optional[str],
    typer.Option(
        "--from",
        help="The source's format (default: from its file name).",
        click_type=Choice(_import_formats),
        show_default=False,
    ),
]
ImportColumn = Annotated[
    Optional[list[str]],
    typer.Option(
        help='Read a column as a field: "HEADER=FIELD" (repeatable).', metavar="HEADER=FIELD", show_default=False
    ),
]
ImportSheet = Annotated[
    Optional[str],
    typer.Option(
        help="The workbook's sheet to read (default: the first with a table).", metavar="NAME", show_default=False
    ),
]
ImportLayout = Annotated[
    Optional[str],
    typer.Option(
        help="A row per touchpoint, or a column per stage (default: detected).",
        click_type=Choice(_layouts),
        show_default=False,
    ),
]
ImportMapId = Annotated[
    Optional[str],
    typer.Option("--id", help="The new map's id (default: from its title).", metavar="ID", show_default=False),
]
ImportTitle = Annotated[
    Optional[str],
    typer.Option(help="The new map's title (default: the source's).", metavar="TEXT", show_default=False),
]
ImportEncoding = Annotated[
    Optional[str],
    typer.Option(
        "--encoding",
        help="The CSV's encoding when it is not UTF-8 or UTF-16 (cp1252, latin-1...).",
        metavar="ENCODING",
        show_default=False,
    ),
]
ImportScale = Annotated[
    Optional[str],
    typer.Option(help="The emotion scale the table uses (default: -2..2).", metavar="LOW..HIGH", show_default=False),
]
ImportForce = Annotated[bool, typer.Option("--force", help="Overwrite an existing map file.")]


@commands.command("import", cls=Command, short_help="Turn a spreadsheet or a Mermaid journey into a new map.")
def import_(
    source: ImportSource,
    output: ImportOutput = None,
    source_format: ImportSourceFormat = None,
    column: ImportColumn = None,
    sheet: ImportSheet = None,
    layout: ImportLayout = None,
    map_id: ImportMapId = None,
    title: ImportTitle = None,
    encoding: ImportEncoding = None,
    scale: ImportScale = None,
    force: ImportForce = False,
) -> None:
    """Turn a spreadsheet or a Mermaid journey diagram into a new map, and say what to check in it."""
    from journeyctl.core.findings import finding_spans
    from journeyctl.exchange.importer import ImportRequest, import_map
    from journeyctl.system.terminal import line_writer, wants_colour

    request = ImportRequest(
        source, output, source_format, list(column or ()), sheet, layout, map_id, title, encoding, scale, force
    )
    settings = configuration(None, False, None, None, None).settings
    imported = import_map(request, settings, sys.stdout)
    write_notice = line_writer(sys.stderr, wants_colour(sys.stderr))
    for notice in imported.notices:
        write_notice(finding_spans(notice))
    (sys.stdout if output else sys.stderr).write(imported.summary)


ExportFormat = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        help="The output's format (default: from the --output file's suffix, else csv).",
        click_type=Choice(_export_formats),
        show_default=False,
    ),
]
ExportOutput = Annotated[
    Optional[str],
    typer.Option(
        "--output", "-o", help="The file to write (default: standard output).", metavar="FILE", show_default=False
    ),
]
ExportTable = Annotated[str, typer.Option(help="The CSV's table.", click_type=Choice(_tables))]
ExportForce = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


@commands.command(cls=Command, short_help="Export maps as CSV, XLSX, JSON or a Mermaid journey.")
def export(
    paths: Paths,
    format: ExportFormat = None,
    output: ExportOutput = None,
    table: ExportTable = "touchpoints",
    force: ExportForce = False,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
) -> None:
    """Export maps as CSV or XLSX tables, JSON data, or a Mermaid journey diagram."""
    from journeyctl.exchange.export import ExportRequest, export_paths

    search = search_for(exclude, no_respect_gitignore, allow_empty)
    try:
        export_paths(ExportRequest(paths, format, output, table, force), sys.stdout, sys.stdout.isatty(), search)
    finally:
        code = tell(search)
    raise typer.Exit(code)
