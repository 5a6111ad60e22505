"""The terminal: whether to colour, and rich for colour, tables and progress bars.

rich (some 25 ms to import) is imported only where a terminal shows what it draws: output to a
pipe, a file or a CI log, and `--version`, never import it, and stay byte for byte what they were.
What reaches rich is text made safe already (core/textsafety.py), never markup.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Callable, Optional, TextIO, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

# A piece of a line: its text and a rich style name ("bold", "red"; "" for none).
Span = tuple[str, str]
Item = TypeVar("Item")
# A run of at least this many files shows a progress bar (when standard error is a terminal).
LONG_RUN = 50


def is_terminal(stream: object) -> bool:
    """Whether `stream` is a terminal (a pipe, a file or a closed stream is not)."""
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except ValueError:  # closed
        return False


def wants_colour(stream: object, environ: Mapping[str, str] = os.environ) -> bool:
    """Colour only on a terminal that shows it: never with NO_COLOR set (no-color.org) or TERM=dumb."""
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


def _console(stream: TextIO) -> Console:
    from rich.console import Console

    # No markup, emoji codes or highlighting: the text is shown as it is given.
    return Console(file=stream, force_terminal=True, highlight=False, markup=False, emoji=False)


def line_writer(out: TextIO, colour: bool) -> Callable[[Sequence[Span]], None]:
    """A function that writes one line of spans to `out`: their text alone, or styled through rich."""
    if not colour:

        def plain(spans: Sequence[Span]) -> None:
            out.write("".join(text for text, _ in spans) + "\n")

        return plain
    from rich.text import Text

    console = _console(out)

    def styled(spans: Sequence[Span]) -> None:
        # soft_wrap: no wrapping or cropping, so that one line stays one line whatever the width.
        console.print(Text.assemble(*spans), soft_wrap=True)

    return styled


def write_table(out: TextIO, columns: Sequence[str], rows: Iterable[Sequence[Span]]) -> None:
    """Rows of spans under column headings, as a rich table fitted to the terminal's width."""
    from rich.table import Table
    from rich.text import Text

    table = Table(*columns, box=None, header_style="bold", pad_edge=False)
    for row in rows:
        table.add_row(*(Text(text, style=style) for text, style in row))
    _console(out).print(table)


def tracked(items: Iterable[Item], total: int, label: str, stream: Optional[TextIO] = None) -> Iterator[Item]:
    """`items` passed through while a progress bar on standard error counts them: only for a long
    run (LONG_RUN items or more) and when standard error is a terminal; otherwise rich is not imported.
    """
    stream = sys.stderr if stream is None else stream
    if total < LONG_RUN or not is_terminal(stream) or os.environ.get("TERM") == "dumb":
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # Redrawn as items come, not by rich's thread: worker processes are forked while it shows.
    # Transient: the bar is gone when the run is over, leaving the terminal as the run found it.
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    bar = Progress(
        *columns,
        console=_console(stream),
        transient=True,
        auto_refresh=False,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with bar:
        task = bar.add_task(label, total=total)
        for item in items:
            bar.advance(task)
            bar.refresh()
            yield item
