"""Writing to standard output: text as UTF-8, whatever the locale."""

from __future__ import annotations

from typing import TextIO


def write_stdout(stream: TextIO, text: str) -> None:
    """Write text (a page, a report) to standard output as UTF-8, whatever the locale."""
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()
