"""Reviewing changes: diff, and git's diff driver (git-diff, git-setup)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated

import typer

from journeyctl.cli.messages import silence_stdout
from journeyctl.cli.usage import Command
from journeyctl.cli.values import Choice

commands = typer.Typer()


def _diff_formats() -> Iterable[str]:
    from journeyctl.diff.reporters import CHANGE_REPORTERS

    return CHANGE_REPORTERS


DiffOld = Annotated[
    str,
    typer.Argument(
        help="The old map: a file, or REV:PATH from git (HEAD~1:maps/x.journey.yaml).",
        show_default=False,
        metavar="OLD",
    ),
]
DiffNew = Annotated[
    str, typer.Argument(help="The new map: a file, or REV:PATH from git.", show_default=False, metavar="NEW")
]
DiffFormat = Annotated[
    str, typer.Option("--format", "-f", help="The output's format.", click_type=Choice(_diff_formats))
]
DiffExitCode = Annotated[
    bool, typer.Option("--exit-code", help="Exit 1 when there are changes, 0 when there are none.")
]


@commands.command(cls=Command, short_help="Show what changed between two versions of a map.")
def diff(
    old: DiffOld,
    new: DiffNew,
    format: DiffFormat = "text",
    exit_code: DiffExitCode = False,
) -> None:
    """Show what changed between two versions of a map, item by item (by id, not by line)."""
    from journeyctl.diff.compare import compare
    from journeyctl.diff.reporters import CHANGE_REPORTERS
    from journeyctl.system.terminal import wants_colour

    result = compare(old, new)
    CHANGE_REPORTERS[format](result, sys.stdout, wants_colour(sys.stdout))
    raise typer.Exit(1 if exit_code and result.changes else 0)


GitDiffArgs = Annotated[
    list[str],
    typer.Argument(
        help="What git passes: path old-file old-hex old-mode new-file new-hex new-mode.",
        show_default=False,
        metavar="ARG...",
    ),
]


@commands.command(
    "git-diff",
    cls=Command,
    short_help="git's diff driver for maps (set up by git-setup).",
    context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False},
)
def git_diff(
    args: GitDiffArgs,
) -> None:
    """git's external diff driver for maps: git runs it, once `journeyctl git-setup` has registered it."""
    from journeyctl.diff.gitdriver import external_diff

    try:
        code = external_diff(args, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`git diff | head`). git would report a failing driver as
        # "external diff died" and stop the whole diff, so this is not a failure.
        silence_stdout()
        code = 0
    raise typer.Exit(code)


@commands.command("git-setup", cls=Command, short_help="Make `git diff` in this repository show maps by meaning.")
def git_setup() -> None:
    """Make `git diff` in this repository show maps by meaning.

    Adds the maps' patterns to .gitattributes and registers this journeyctl as their diff driver in the
    repository's git config; running it again updates a driver left by another installation.
    """
    from journeyctl.diff.gitdriver import setup_git

    setup_git(sys.stdout)
