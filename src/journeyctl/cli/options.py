"""The options several commands share, and what their values mean to the engine.

Every option shows a word for its value in --help (FILE, DIR, CODES, DATE) or, for a fixed
set, the words themselves (`[text|json]`); tests/cli/test_help.py holds every command to it.

Each option is declared once, as a named `Annotated` type (here, or above its command), and a
command's signature names it: typer evaluates every command's annotations four times on every
run (inspect.signature and get_type_hints, twice), and a name is looked up where an inline
`Annotated[..., typer.Option(...)]` is built anew each time. That is 6 ms of each run's start-up.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from journeyctl.cli.values import Day

if TYPE_CHECKING:
    from journeyctl.config.files import Configuration
    from journeyctl.config.settings import Settings
    from journeyctl.source.discovery import Search

Paths = Annotated[
    list[str], typer.Argument(help="Map files, or folders to search for maps.", show_default=False, metavar="PATH...")
]
Select = Annotated[
    Optional[list[str]],
    typer.Option(
        help="Only these rules: codes or names, comma-separated (replaces the config's `select`).",
        metavar="CODES",
        show_default=False,
    ),
]
ExtendSelect = Annotated[
    Optional[list[str]],
    typer.Option(help="Add these rules to the selection (codes or names, comma-separated).", metavar="CODES"),
]
Ignore = Annotated[
    Optional[list[str]],
    typer.Option(help="Skip these rules too (codes or names, comma-separated).", metavar="CODES"),
]
ConfigFile = Annotated[
    Optional[str],
    typer.Option(
        "--config",
        help="Use this config file (journeyctl.toml or pyproject.toml) instead of searching for one.",
        metavar="FILE",
        show_default=False,
    ),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")]
Exclude = Annotated[
    Optional[list[str]],
    typer.Option(
        "--exclude",
        help="Leave out of folder searches what this gitignore-style pattern matches (adds to the config's `exclude`).",
        metavar="PATTERN",
        show_default=False,
    ),
]
NoGitignore = Annotated[
    bool, typer.Option("--no-respect-gitignore", help="Search folders without regard to .gitignore files.")
]
AllowEmpty = Annotated[
    bool, typer.Option("--allow-empty", help="Only warn, instead of exiting 2, when a named folder holds no maps.")
]
Templates = Annotated[
    Optional[str],
    typer.Option(help="A folder of templates that override the built-in ones.", metavar="DIR", show_default=False),
]


def today_option(purpose: str) -> Any:
    """--today DATE: `purpose` says what the date is for."""
    return typer.Option(
        help=f"{purpose} (YYYY-MM-DD; default: today).", metavar="DATE", click_type=Day(), show_default=False
    )


def configuration(
    config: Optional[str],
    isolated: bool,
    select: Optional[list[str]],
    extend_select: Optional[list[str]],
    ignore: Optional[list[str]],
) -> Configuration:
    """The settings in effect: config file (found from the working folder up) and rule options."""
    from journeyctl.config.files import CommandLine, load_configuration

    options = CommandLine(tuple(select or ()), tuple(extend_select or ()), tuple(ignore or ()))
    return load_configuration(os.getcwd(), config, isolated, options)


def search_for(
    exclude: Optional[list[str]], no_respect_gitignore: bool, allow_empty: bool, settings: Optional[Settings] = None
) -> Search:
    """How folders are searched: the settings (the config file's, when not given) and the path options."""
    from journeyctl.source.discovery import Search

    if settings is None:
        settings = configuration(None, False, None, None, None).settings
    return Search(settings.selection(exclude or (), not no_respect_gitignore), allow_empty)
