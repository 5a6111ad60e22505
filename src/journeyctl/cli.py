"""The command line: thin Typer wrappers that parse options, call one function,
and map the result to an exit code. Heavy modules are imported inside commands."""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from journeyctl import __version__
from journeyctl.core.errors import EXIT_ERROR, EXIT_INTERRUPTED, InvalidInput, JourneyctlError, UsageError
from journeyctl.system.process import defer_unused_packages, exit_now

if TYPE_CHECKING:
    from journeyctl.config.files import Configuration
    from journeyctl.config.settings import Settings
    from journeyctl.source.discovery import Search

app = typer.Typer(
    name="journeyctl",
    help="Customer journey maps as version-controlled YAML: lint, diff and render them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

Paths = Annotated[
    list[str], typer.Argument(help="Map files, or folders to search for maps.", show_default=False, metavar="PATH...")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"journeyctl {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Customer journey maps as version-controlled YAML: lint, diff and render them."""


def parse_today(value: Optional[str]) -> date:
    """The --today option: a YYYY-MM-DD date, or today."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today must be a date written YYYY-MM-DD, not `{value}`.") from None


Select = Annotated[
    Optional[list[str]],
    typer.Option(help="Only these rules (codes or names, comma-separated); replaces the config's `select`."),
]
ExtendSelect = Annotated[Optional[list[str]], typer.Option(help="Add these rules to the selection.")]
Ignore = Annotated[Optional[list[str]], typer.Option(help="Skip these rules too (codes or names, comma-separated).")]
ConfigFile = Annotated[
    Optional[str],
    typer.Option(
        "--config",
        help="Use this config file (journeyctl.toml or pyproject.toml) instead of searching for one.",
        show_default=False,
    ),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")]
Exclude = Annotated[
    Optional[list[str]],
    typer.Option(
        "--exclude",
        help="Leave out of folder searches what this gitignore-style pattern matches; adds to the config's `exclude`.",
        metavar="PATTERN",
        show_default=False,
    ),
]
NoGitignore = Annotated[
    bool, typer.Option("--no-respect-gitignore", help="Search folders without regard to .gitignore files.")
]
AllowEmpty = Annotated[
    bool, typer.Option("--allow-empty", help="A named folder without journey maps is a warning, not exit 2.")
]


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


def tell(search: Search) -> int:
    """Say which paths were named in vain, on stderr; the exit code that calls for."""
    for message in search.messages():
        _fail(message)
    return search.exit_code()


@app.command()
def lint(
    paths: Paths,
    format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, json, sarif, github, gitlab or junit (default: text; github on GitHub Actions).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            help=(
                "Write the report in --format to this file; the terminal "
                "still gets text (annotations on GitHub Actions)."
            ),
            show_default=False,
        ),
    ] = None,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    today: Annotated[Optional[str], typer.Option(help="The date the stale and overdue rules use (YYYY-MM-DD).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")] = False,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes (see `journeyctl rules`), then report what remains.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Write nothing; print what --fix would change as a unified diff.")
    ] = False,
) -> None:
    """Check maps against the format and good practice."""
    from journeyctl.lint import lint_paths
    from journeyctl.lint.reporters import report
    from journeyctl.system.terminal import wants_colour

    if diff and (format or output):
        raise UsageError("--diff prints a diff: it cannot be combined with --format or --output.")
    settings = configuration(config, isolated, select, extend_select, ignore).settings
    search = search_for(exclude, no_respect_gitignore, allow_empty, settings)
    if fix or diff:
        from journeyctl.lint import fix_paths
        from journeyctl.lint.fixing import FixReport

        told = FixReport(sys.stderr)
        fixed = fix_paths(paths, settings, parse_today(today), dry_run=diff, search=search)
        if diff:
            raise typer.Exit(max(told.diffs(fixed, sys.stdout), tell(search)))
        tally = report(
            told.results(fixed), sys.stdout, format, os.environ, output, wants_colour(sys.stdout), quiet, True
        )
        raise typer.Exit(max(tally.exit_code(), told.exit_code(), tell(search)))
    results = lint_paths(paths, settings, parse_today(today), search=search)
    tally = report(results, sys.stdout, format, os.environ, output, wants_colour(sys.stdout), quiet)
    raise typer.Exit(max(tally.exit_code(), tell(search)))


@app.command()
def rules(
    code: Annotated[Optional[str], typer.Argument(help="A rule code or name, for its documentation.")] = None,
) -> None:
    """List the rules, or show one rule's documentation."""
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


@app.command("config")
def show_config(
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")] = "text",
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """Show the lint settings in effect and where each came from."""
    from journeyctl.config.report import FORMATS, settings_report

    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not `{format}`.")
    typer.echo(settings_report(configuration(config, isolated, select, extend_select, ignore), format), nl=False)


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help="The old map: a file, or REV:PATH from git (HEAD~1:maps/x.journey.yaml).",
            show_default=False,
            metavar="OLD",
        ),
    ],
    new: Annotated[
        str, typer.Argument(help="The new map: a file, or REV:PATH from git.", show_default=False, metavar="NEW")
    ],
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: text, markdown or json.")] = "text",
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are changes, 0 when there are none.")
    ] = False,
) -> None:
    """Show what changed between two versions of a map, item by item."""
    from journeyctl.diff.compare import compare
    from journeyctl.diff.reporters import CHANGE_REPORTERS
    from journeyctl.system.terminal import wants_colour

    if format not in CHANGE_REPORTERS:
        raise UsageError(f"--format must be one of {', '.join(CHANGE_REPORTERS)}, not `{format}`.")
    result = compare(old, new)
    CHANGE_REPORTERS[format](result, sys.stdout, wants_colour(sys.stdout))
    raise typer.Exit(1 if exit_code and result.changes else 0)


@app.command(
    "git-diff",
    context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False},
)
def git_diff(
    args: Annotated[
        list[str],
        typer.Argument(
            help="What git passes: path old-file old-hex old-mode new-file new-hex new-mode.",
            show_default=False,
            metavar="ARG...",
        ),
    ],
) -> None:
    """git's external diff driver for maps (see `journeyctl git-setup`)."""
    from journeyctl.diff.gitdriver import external_diff

    try:
        code = external_diff(args, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`git diff | head`). git would report a failing driver as
        # "external diff died" and stop the whole diff, so this is not a failure.
        _silence_stdout()
        code = 0
    raise typer.Exit(code)


@app.command("git-setup")
def git_setup() -> None:
    """Make `git diff` in this repository show maps by meaning."""
    from journeyctl.diff.gitdriver import setup_git

    setup_git(sys.stdout)


@app.command()
def render(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: html, markdown or pdf.")] = "html",
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            help="File for one map; folder for a site (one page per map and an index). Default: standard output.",
        ),
    ] = None,
    templates: Annotated[
        Optional[str], typer.Option(help="A folder of templates that override the built-in ones.")
    ] = None,
    today: Annotated[Optional[str], typer.Option(help="The date the review status uses (YYYY-MM-DD).")] = None,
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
    paper: Annotated[str, typer.Option(help="PDF paper, landscape: a4 or letter.")] = "a4",
    browser: Annotated[
        Optional[str],
        typer.Option(
            help="PDF: the Chromium or Chrome program (default: chromium, chromium-browser or google-chrome)."
        ),
    ] = None,
) -> None:
    """Render maps as self-contained HTML pages, GitHub Markdown, or PDF."""
    search = search_for(exclude, no_respect_gitignore, allow_empty)
    try:
        if format == "pdf":
            from journeyctl.exchange.pdf import render_pdf

            render_pdf(paths, output, templates, parse_today(today), paper, browser, sys.stdout, search)
        else:
            from journeyctl.render import render_paths

            when = parse_today(today)
            render_paths(paths, format, output, templates, when, sys.stdout, search=search, clean=clean)
    finally:  # a map's errors stop the render; the paths named in vain are told all the same
        code = tell(search)
    raise typer.Exit(code)


@app.command()
def serve(
    path: Annotated[
        str,
        typer.Argument(
            help="A map file, or a folder of maps (default: this folder).", show_default=False, metavar="[PATH]"
        ),
    ] = ".",
    port: Annotated[int, typer.Option(help="The port to listen on (0: any free port).")] = 8000,
    host: Annotated[
        str, typer.Option(help="The address to listen on; anything but 127.0.0.1 shares the maps with the network.")
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the index in a web browser.")] = False,
    templates: Annotated[
        Optional[str], typer.Option(help="A folder of templates that override the built-in ones.")
    ] = None,
    today: Annotated[Optional[str], typer.Option(help="The date the review status uses (YYYY-MM-DD).")] = None,
) -> None:
    """Preview maps in a browser: the pages render publishes, reloaded as you edit."""
    from journeyctl.serve import Console, serve_path
    from journeyctl.system.terminal import wants_colour

    console = Console(sys.stdout, sys.stderr, wants_colour(sys.stdout))
    raise typer.Exit(serve_path(path, host, port, open_browser, templates, parse_today(today), console))


@app.command()
def report(
    paths: Paths,
    format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, markdown, json or html (default: from the -o file's suffix, else text).",
            metavar="FORMAT",
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
        ),
    ] = None,
    weight: Annotated[
        str,
        typer.Option(
            help="Pareto score: occurrences, or severity (occurrences x low 1 ... critical 4).", metavar="WEIGHT"
        ),
    ] = "occurrences",
    by: Annotated[
        str, typer.Option(help="Rank pain points (pain-point) or their root causes (tag).", metavar="WHAT")
    ] = "pain-point",
    owner: Annotated[
        Optional[str],
        typer.Option(help="Only the actions (and matrix) of this owner.", show_default=False, metavar="NAME"),
    ] = None,
    moments: Annotated[
        int, typer.Option(help="How many of the lowest-emotion touchpoints to show.", min=0, metavar="N")
    ] = 10,
    fail_on: Annotated[
        Optional[list[str]],
        typer.Option(
            help="Exit 1 when any holds (comma-separated): overdue, stale, unaddressed-vital.", metavar="KINDS"
        ),
    ] = None,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    today: Annotated[
        Optional[str],
        typer.Option(help="The date for stale maps and overdue actions (YYYY-MM-DD).", metavar="DATE"),
    ] = None,
    templates: Annotated[
        Optional[str],
        typer.Option(help="A folder of templates that override the built-in ones (html, markdown).", metavar="DIR"),
    ] = None,
    exclude: Exclude = None,
    no_respect_gitignore: NoGitignore = False,
    allow_empty: AllowEmpty = False,
) -> None:
    """Report on a portfolio of maps: the pain points that cost the most, actions by owner, map health."""
    from journeyctl.report import report_paths
    from journeyctl.report.options import report_options
    from journeyctl.system.terminal import wants_colour

    options = report_options(parse_today(today), section, weight, by, owner, moments, fail_on)
    settings = configuration(config, isolated, select, extend_select, ignore).settings
    search = search_for(exclude, no_respect_gitignore, allow_empty, settings)
    colour = wants_colour(sys.stdout)
    portfolio = report_paths(paths, settings, options, format, output, sys.stdout, colour, templates, search=search)
    code = tell(search)
    if portfolio is None:
        raise typer.Exit(code)
    for reason in portfolio.failure_reasons():
        _fail(reason)
    raise typer.Exit(code or (1 if portfolio.failed else 0))


@app.command()
def schema(
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", help="Write the schema to this file instead of printing it.", metavar="FILE"),
    ] = None,
) -> None:
    """Print the JSON Schema of the format, for editors and check-jsonschema."""
    from journeyctl.model.schema import schema_text

    if output is None:
        typer.echo(schema_text(), nl=False)
        return
    from journeyctl.system.atomic import write_atomically

    write_atomically(output, schema_text())


@app.command()
def init(
    path: Annotated[
        Optional[str],
        typer.Argument(
            help="The new map's file, or a folder for it (default: <starter>.journey.yaml here).",
            show_default=False,
            metavar="[PATH]",
        ),
    ] = None,
    template: Annotated[
        Optional[str],
        typer.Option(
            "--template",
            "-t",
            help="The starter to begin from (default: local-service; see --list).",
            show_default=False,
            metavar="NAME",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    list_starters: Annotated[bool, typer.Option("--list", help="List the starters and exit.")] = False,
    today: Annotated[
        Optional[str],
        typer.Option(
            help="The map's review date (YYYY-MM-DD); due dates follow from it. Default: today.", metavar="DATE"
        ),
    ] = None,
) -> None:
    """Create a new journey map from a starter: commented, and lint-clean today."""
    import shlex

    from journeyctl.scaffold import DEFAULT_STARTER, STARTERS, create_map, naming_note

    if list_starters:
        for name, summary in STARTERS.items():
            typer.echo(f"{name:<14} {summary}" + (" (default)" if name == DEFAULT_STARTER else ""))
        return
    name = template or DEFAULT_STARTER
    target = create_map(path, name, parse_today(today), force)
    typer.echo(f"Created {target} from the `{name}` starter.")
    note = naming_note(target)
    if note:
        typer.echo(f"Note: {note}")
    typer.echo(f"Next: make it yours, then run `journeyctl lint {shlex.quote(target)}`.")


@app.command()
def fmt(
    paths: Paths,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when a file would be reformatted.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Write nothing; print what would change as a unified diff.")
    ] = False,
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


@app.command()
def lsp() -> None:
    """Run the language server for editors, over standard input and output."""
    from journeyctl.lsp import serve

    raise typer.Exit(serve())


@app.command("import")
def import_(
    source: Annotated[
        str,
        typer.Argument(
            help="A spreadsheet (.csv, .xlsx, .xls, .ods) or a Mermaid journey (.mmd, or .md with a mermaid block).",
            show_default=False,
            metavar="SOURCE",
        ),
    ],
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", help="The new map's file (default: standard output).", metavar="MAP"),
    ] = None,
    source_format: Annotated[
        Optional[str],
        typer.Option("--from", help="csv, xlsx or mermaid (default: from the file name).", show_default=False),
    ] = None,
    column: Annotated[
        Optional[list[str]],
        typer.Option(help='Read a column as a field: "HEADER=FIELD" (repeatable).', metavar="HEADER=FIELD"),
    ] = None,
    sheet: Annotated[
        Optional[str], typer.Option(help="The workbook's sheet to read (default: the first with a table).")
    ] = None,
    layout: Annotated[
        Optional[str],
        typer.Option(help="rows (a row per touchpoint) or columns (a column per stage); default: detected."),
    ] = None,
    map_id: Annotated[Optional[str], typer.Option("--id", help="The new map's id (default: from its title).")] = None,
    title: Annotated[Optional[str], typer.Option(help="The new map's title.")] = None,
    encoding: Annotated[
        Optional[str], typer.Option(help="The CSV's encoding when it is not UTF-8 or UTF-16 (cp1252, latin-1...).")
    ] = None,
    scale: Annotated[
        Optional[str],
        typer.Option(help="The emotion scale the table uses, LOW..HIGH (default -2..2).", metavar="LOW..HIGH"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing map file.")] = False,
) -> None:
    """Turn a spreadsheet or a Mermaid journey diagram into a new map."""
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


@app.command()
def export(
    paths: Paths,
    format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            help="csv, xlsx, json or mermaid (default: from -o's extension, else csv).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", help="The file to write (default: standard output).")
    ] = None,
    table: Annotated[
        str, typer.Option(help="The CSV's table: touchpoints, pain-points or opportunities.")
    ] = "touchpoints",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
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


def run() -> None:
    """The program (console script, `python -m journeyctl`): main() on the process's arguments,
    then the end of the process, without the interpreter's teardown.

    Process-wide tweaks live here, not in main(), which tests and other programs call.
    """
    defer_unused_packages()
    # journeyctl uses no pydantic plugins; looking for them scans every installed
    # package's entry points on each run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    exit_now(main())


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point: runs the app; the one place that turns exceptions into exit codes."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        # Not standalone, so that usage errors come back here. A pipe closed while a
        # command writes is typer's: it exits 1 without a word, as Python's docs advise.
        code = app(args=argv, prog_name="journeyctl", standalone_mode=False)
        if code == EXIT_INTERRUPTED:
            # typer turns Ctrl-C into a silent exit 130; no command returns 130 itself.
            return _interrupted()
        sys.stdout.flush()
        return code if isinstance(code, int) else 0
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else EXIT_ERROR)
    except typer.Abort:
        return _interrupted()
    except InvalidInput as error:
        from journeyctl.core.findings import finding_spans
        from journeyctl.system.terminal import line_writer, wants_colour

        write_line = line_writer(sys.stderr, wants_colour(sys.stderr))
        for finding in error.findings:
            write_line(finding_spans(finding))
        return error.exit_code
    except JourneyctlError as error:
        _fail(str(error))
        return error.exit_code
    except typer.TyperException as error:  # a usage error: typer has printed nothing yet
        show = getattr(error, "show", None)
        if show is not None:
            show()
        else:
            _fail(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        _silence_stdout()
        return 1  # the output is incomplete: as when typer meets the closed pipe
    except Exception as error:
        debug = "--debug" in argv
        if debug:
            import traceback

            traceback.print_exc()
        hint = "" if debug else " (run with --debug for the traceback)"
        _fail(f"internal error: {type(error).__name__}: {error}{hint}.")
        return EXIT_ERROR


def _interrupted() -> int:
    """Ctrl-C: stop the worker processes' queued work, say so, exit 130."""
    from journeyctl.system.parallel import stop_workers

    stop_workers()
    _fail("interrupted.")
    return EXIT_INTERRUPTED


def _fail(message: str) -> None:
    from journeyctl.core.textsafety import terminal_text

    # Messages name files and quote maps: one error, one line, nothing a terminal obeys.
    sys.stderr.write(f"journeyctl: {terminal_text(message)}\n")


def _silence_stdout() -> None:
    # The reader of a pipe went away (`journeyctl lint | head`): stop quietly.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
