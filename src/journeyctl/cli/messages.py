"""What the command line says on its own account: one line on standard error, `journeyctl: ...`."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyctl.source.discovery import Search


def fail(message: str) -> None:
    """Print `journeyctl: MESSAGE` on standard error."""
    from journeyctl.core.textsafety import terminal_text

    # Messages name files and quote maps: one error, one line, nothing a terminal obeys.
    sys.stderr.write(f"journeyctl: {terminal_text(message)}\n")


def tell(search: Search) -> int:
    """Say which paths were named in vain, on stderr; the exit code that calls for."""
    for message in search.messages():
        fail(message)
    return search.exit_code()


def silence_stdout() -> None:
    """The reader of a pipe went away (`journeyctl lint | head`): stop quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
