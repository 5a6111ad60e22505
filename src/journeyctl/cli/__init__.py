"""The command line: thin Typer wrappers that parse options, call one function,
and map the result to an exit code. Heavy modules are imported inside commands.

The commands live in modules by what they are for (check, review, publish, portfolio,
exchange, authoring); this module puts them together as `app`, and `main()` is the one place that
turns exceptions into exit codes. A run imports and builds only the module of the command it runs
(`journeyctl lint ...` never reads `serve`'s options): help and an unknown command get them all.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any, Optional

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError

from journeyctl import __version__
from journeyctl.cli.messages import fail, silence_stdout
from journeyctl.cli.usage import Group, usage_error_message
from journeyctl.core.errors import EXIT_ERROR, EXIT_INTERRUPTED, InvalidInput, JourneyctlError
from journeyctl.system.process import defer_unused_packages, exit_now, hold_collection

# Each module's commands, in the order --help lists them (tests/cli/test_help.py checks the names).
PARTS: dict[str, tuple[str, ...]] = {
    "check": ("lint", "rules", "config", "fmt"),
    "review": ("diff", "git-diff", "git-setup"),
    "publish": ("render", "serve"),
    "portfolio": ("report",),
    "exchange": ("import", "export"),
    "authoring": ("init", "schema", "lsp"),
}
_ROOT_OPTIONS = ("--debug",)


def make_app(parts: tuple[str, ...] = tuple(PARTS)) -> typer.Typer:
    """The command line with the commands of `parts`; all of them by default."""
    made = typer.Typer(
        name="journeyctl",
        cls=Group,
        help=(
            "Customer journey maps as version-controlled YAML: lint and format them, review their changes, "
            "render them as pages or PDF, preview them live, report on a portfolio, and import or export "
            "spreadsheets and Mermaid diagrams."
        ),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    made.callback()(_root)
    # The commands of each module join the app itself; not through add_typer, which would build
    # a group for each module on every run only to take its commands out.
    for part in parts:
        module = importlib.import_module(f"journeyctl.cli.{part}")
        made.registered_commands.extend(module.commands.registered_commands)
    return made


def parts_for(argv: list[str]) -> tuple[str, ...]:
    """The modules a command line needs: the named command's, none for `--version` alone, else all."""
    words = [word for word in argv if word not in _ROOT_OPTIONS]
    if words and words[0].startswith("-"):
        return () if words[0] == "--version" else tuple(PARTS)
    named = words[0] if words else None
    return next(((part,) for part, names in PARTS.items() if named in names), tuple(PARTS))


def __getattr__(name: str) -> Any:
    # `journeyctl.cli.app`, every command: for the docs' reference and programs that read it.
    if name == "app":
        return make_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"journeyctl {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    # --debug is read by main(), which handles the errors; --version by its callback.
    pass


def run() -> None:
    """The program (console script, `python -m journeyctl`): main() on the process's arguments,
    then the end of the process, without the interpreter's teardown.

    Process-wide tweaks live here, not in main(), which tests and other programs call.
    """
    defer_unused_packages()
    hold_collection()
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
        code = make_app(parts_for(argv))(args=argv, prog_name="journeyctl", standalone_mode=False)
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
        fail(str(error))
        return error.exit_code
    except NoArgsIsHelpError as error:  # `journeyctl` alone: the help, on stderr
        error.show()
        return EXIT_ERROR
    except ClickUsageError as error:  # typer has printed nothing yet
        fail(usage_error_message(error))
        return EXIT_ERROR
    except ClickException as error:
        fail(error.format_message())
        return EXIT_ERROR
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        silence_stdout()
        return 1  # the output is incomplete: as when typer meets the closed pipe
    except Exception as error:
        debug = "--debug" in argv
        if debug:
            import traceback

            traceback.print_exc()
        hint = "" if debug else " (run with --debug for the traceback)"
        fail(f"internal error: {type(error).__name__}: {error}{hint}.")
        return EXIT_ERROR


def _interrupted() -> int:
    """Ctrl-C: stop the worker processes' queued work, say so, exit 130."""
    from journeyctl.system.parallel import stop_workers

    stop_workers()
    fail("interrupted.")
    return EXIT_INTERRUPTED
