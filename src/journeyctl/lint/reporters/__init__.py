"""The reporters, by `--format` name. Each is a module with a `write` function.

`report` runs one lint's results through the reporters a run asks for: the
terminal's, a file's (`--output`) and GitHub's step summary.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterable, Iterator, Mapping
from typing import Optional, Protocol, TextIO

from journeyctl.core.errors import OutputError, UsageError
from journeyctl.core.findings import FileResult
from journeyctl.lint.reporters.tally import Tally
from journeyctl.system.atomic import check_not_read, check_writable, write_atomically


class Reporter(Protocol):
    def __call__(
        self, results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = ..., quiet: bool = ...
    ) -> None: ...


# Format name -> the module under journeyctl.lint.reporters that writes it; a run imports only
# the reporters it uses.
REPORTERS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
}


def reporter(name: str) -> Reporter:
    """The `write` function of a format's reporter module."""
    return importlib.import_module(f"journeyctl.lint.reporters.{REPORTERS[name]}").write  # type: ignore[no-any-return]


def terminal_format(environ: Mapping[str, str]) -> str:
    """The format for the terminal when none is asked for: `github` on GitHub Actions, else `text`."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def report(
    results: Iterable[FileResult],
    out: TextIO,
    requested: Optional[str],
    environ: Mapping[str, str],
    output: Optional[str] = None,
    colour: bool = False,
    quiet: bool = False,
    fixing: bool = False,
) -> Tally:
    """Report results; returns the tally that decides the exit code.

    Without `output`, `out` gets the requested format (or the terminal's). With
    `output`, that file gets the requested format, written atomically once the
    run is over, while `out` still gets the terminal's. With `fixing` (`lint --fix`), the
    text summary also says how many findings were fixed.
    """
    if requested is not None and requested not in REPORTERS:
        raise UsageError(f"--format must be one of {', '.join(REPORTERS)}, not `{requested}`.")
    if output:
        check_writable(output)
    shown = terminal_format(environ) if output else (requested or terminal_format(environ))
    saved = (requested or shown) if output else None
    summary = environ.get("GITHUB_STEP_SUMMARY") if "github" in (shown, saved) else None
    kept: list[FileResult] = []
    tally = Tally(fixing=fixing)
    reporter(shown)(_keep(results, kept) if (saved or summary) else results, tally, out, colour, quiet)
    if output and saved:
        buffer = io.StringIO()
        reporter(saved)(kept, Tally(), buffer, False, quiet)
        check_not_read(output, (result.path for result in kept))
        write_atomically(output, buffer.getvalue())
    if summary:
        from journeyctl.lint.reporters import github

        _append(summary, github.summary_markdown(kept, tally))
    return tally


def _keep(results: Iterable[FileResult], kept: list[FileResult]) -> Iterator[FileResult]:
    for result in results:
        kept.append(result)
        yield result


def _append(path: str, content: str) -> None:
    try:
        with open(path, encoding="utf-8") as handle:
            content = handle.read() + content
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError) as error:
        raise OutputError(f"Cannot read the step summary file {path}: {error}.") from None
    write_atomically(path, content)


__all__ = ["REPORTERS", "Reporter", "Tally", "report", "reporter", "terminal_format"]
