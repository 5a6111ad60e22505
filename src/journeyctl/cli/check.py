"""Checking maps: lint, rules, config and fmt."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Optional

import typer

from journeyctl.cli.messages import tell
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
from journeyctl.cli.values import Choice
from journeyctl.core.errors import UsageError

commands = typer.Typer()


def _lint_formats() -> Iterable[str]:
    from journeyctl.lint.reporters import REPORTERS

    return REPORTERS


def _config_formats() -> Iterable[str]:
    from journeyctl.config.report import FORMATS

    return FORMATS


LintFormat = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        help="The report's format (default: text; github on GitHub Actions).",
        click_type=Choice(_lint_formats),
        show_default=False,
    ),
]
LintOutput = Annotated[
    Optional[str],
    typer.Option(
        "--output",
        "-o",
        help=(
            "Write the report in --format to this file; the terminal still gets text (annotations on GitHub Actions)."
        ),
        metavar="FILE",
        show_default=False,
    ),
]
LintToday = Annotated[Optional[date], today_option("The date the stale and overdue rules count from")]
LintQuiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")]
LintFix = Annotated[
    bool, typer.Option("--fix", help="Apply the safe fixes (see `journeyctl rules`), then report what remains.")
]
LintDiff = Annotated[
    bool, typer.Option("--diff", help="Write nothing; print what --fix would change as a unified diff.")
]


@commands.command(cls=Command, short_help="Check maps against the format and good practice.")
def lint(
    paths: Paths,
    format: LintFormat = None,
    output: LintOutput = None,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    today: LintToday = None,
    quiet: LintQuiet = False,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
    fix: LintFix = False,
    diff: LintDiff = False,
) -> None:
    """Check maps against the format and good practice: exit 1 when there are findings."""
    from journeyctl.lint import lint_paths
    from journeyctl.lint.reporters import report
    from journeyctl.system.terminal import wants_colour

    if diff and (format or output):
        raise UsageError("--diff prints a diff: it cannot be combined with --format or --output.")
    settings = configuration(config, isolated, select, extend_select, ignore).settings
    search = search_for(exclude, no_respect_gitignore, allow_empty, settings)
    day = today or date.today()
    if fix or diff:
        from journeyctl.lint import fix_paths
        from journeyctl.lint.fixing import FixReport

        told = FixReport(sys.stderr)
        fixed = fix_paths(paths, settings, day, dry_run=diff, search=search)
        if diff:
            raise typer.Exit(max(told.diffs(fixed, sys.stdout), tell(search)))
        tally = report(
            told.results(fixed), sys.stdout, format, os.environ, output, wants_colour(sys.stdout), quiet, True
        )
        raise typer.Exit(max(tally.exit_code(), told.exit_code(), tell(search)))
    results = lint_paths(paths, settings, day, search=search)
    tally = report(results, sys.stdout, format, os.environ, output, wants_colour(sys.stdout), quiet)
    raise typer.Exit(max(tally.exit_code(), tell(search)))


RulesCode = Annotated[
    Optional[str],
    typer.Argument(help="A rule's code or name, for its documentation.", show_default=False, metavar="CODE"),
]


@commands.command(cls=Command, short_help="List the lint rules, or explain one.")
def rules(
    code: RulesCode = None,
) -> None:
    """List the lint rules, or show one rule's documentation with examples."""
    from journeyctl.rules import RULES, find_rule
    from journeyctl.system.terminal import wants_colour

    if code is None:
        if wants_colour(sys.stdout):
            from journeyctl.core.findings import SEVERITY_STYLES
            from journeyctl.system.terminal import write_table

            rows = (
                [(r.code, "bold"), (r.name, ""), (r.severity, SEVERITY_STYLES[r.severity]), (r.summary, "")]
                for r in RULES.values()
            )
            write_table(sys.stdout, ("Code", "Name", "Severity", "Summary"), rows)
            return
        for listed in RULES.values():
            typer.echo(f"{listed.code}  {listed.name:<24} {listed.severity:<8} {listed.summary}")
        return
    rule = find_rule(code)
    if rule is None:
        raise UsageError(f"`{code}` is not a rule code or name (see `journeyctl rules`).")
    typer.echo(f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.doc.strip()}")


ConfigFormat = Annotated[
    str, typer.Option("--format", "-f", help="The output's format.", click_type=Choice(_config_formats))
]


@commands.command("config", cls=Command, short_help="Show the lint settings in effect and where each came from.")
def show_config(
    format: ConfigFormat = "text",
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """Show the lint settings in effect and where each came from: a config file, an option or the default."""
    from journeyctl.config.report import settings_report

    typer.echo(settings_report(configuration(config, isolated, select, extend_select, ignore), format), nl=False)


FmtCheck = Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 when a file would be reformatted.")]
FmtDiff = Annotated[bool, typer.Option("--diff", help="Write nothing; print what would change as a unified diff.")]


@commands.command(cls=Command, short_help="Rewrite maps in the canonical layout, keeping comments.")
def fmt(
    paths: Paths,
    check: FmtCheck = False,
    diff: FmtDiff = False,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
) -> None:
    """Rewrite maps in the canonical layout, keeping every comment."""
    from journeyctl.formatter.files import CHECK, DIFF, WRITE, run

    mode = DIFF if diff else CHECK if check else WRITE
    search = search_for(exclude, no_respect_gitignore, allow_empty)
    code = run(paths, mode, sys.stdout, sys.stderr, search)
    raise typer.Exit(max(code, tell(search)))
