"""Writing maps: init starts one, schema and lsp help editors check them as you type."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from journeyctl.cli.options import today_option
from journeyctl.cli.usage import Command

commands = typer.Typer()


InitPath = Annotated[
    Optional[str],
    typer.Argument(
        help="The new map's file, or a folder for it (default: <starter>.journey.yaml here).",
        show_default=False,
        metavar="PATH",
    ),
]
InitTemplate = Annotated[
    Optional[str],
    typer.Option(
        "--template",
        "-t",
        help="The starter to begin from (default: local-service; see --list).",
        show_default=False,
        metavar="NAME",
    ),
]
InitForce = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
InitListStarters = Annotated[bool, typer.Option("--list", help="List the starters and exit.")]
InitToday = Annotated[Optional[date], today_option("The map's review date; due dates follow from it")]


@commands.command(cls=Command, short_help="Create a new map from a starter.")
def init(
    path: InitPath = None,
    template: InitTemplate = None,
    force: InitForce = False,
    list_starters: InitListStarters = False,
    today: InitToday = None,
) -> None:
    """Create a new map from a starter: commented, and lint-clean today."""
    import shlex

    from journeyctl.scaffold import DEFAULT_STARTER, STARTERS, create_map, naming_note

    if list_starters:
        for name, summary in STARTERS.items():
            typer.echo(f"{name:<14} {summary}" + (" (default)" if name == DEFAULT_STARTER else ""))
        return
    name = template or DEFAULT_STARTER
    target = create_map(path, name, today or date.today(), force)
    typer.echo(f"Created {target} from the `{name}` starter.")
    note = naming_note(target)
    if note:
        typer.echo(f"Note: {note}")
    typer.echo(f"Next: make it yours, then run `journeyctl lint {shlex.quote(target)}`.")


SchemaOutput = Annotated[
    Optional[str],
    typer.Option(
        "--output",
        "-o",
        help="Write the schema to this file instead of printing it.",
        metavar="FILE",
        show_default=False,
    ),
]


@commands.command(cls=Command, short_help="Print the format's JSON Schema, for editors.")
def schema(
    output: SchemaOutput = None,
) -> None:
    """Print the JSON Schema of the format, for editors and check-jsonschema."""
    from journeyctl.model.schema import schema_text

    if output is None:
        typer.echo(schema_text(), nl=False)
        return
    from journeyctl.system.atomic import write_atomically

    write_atomically(output, schema_text())


@commands.command(cls=Command, short_help="Run the language server for editors.")
def lsp() -> None:
    """Run the language server for editors, over standard input and output."""
    from journeyctl.lsp import serve

    raise typer.Exit(serve())
