"""A table as the readers leave it: rows of cell texts, each row with the line
(CSV) or row number (XLSX) it starts on, and the limits every table obeys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from journeyctl.exchange.notices import fail

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000


@dataclass(frozen=True)
class GridRow:
    """One row: where it starts in the source, and its cells' texts."""

    line: int
    cells: tuple[str, ...]

    def blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass(frozen=True)
class Grid:
    """A table read from a file: `path` for messages, `sheet` for a workbook's sheet."""

    path: str
    rows: tuple[GridRow, ...]
    sheet: Optional[str] = None


class RowLimit:
    """Counts the rows that hold something, and stops a file with more than a header and MAX_ROWS."""

    def __init__(self, path: str) -> None:
        self.path, self.count = path, 0

    def check(self, row: GridRow) -> None:
        if row.blank():
            return
        self.count += 1
        if self.count > MAX_ROWS + 1:
            raise fail(
                self.path,
                "IMP002",
                f"The table has more than {MAX_ROWS:,} rows; journeyctl imports at most {MAX_ROWS:,} "
                "(split it into several maps).",
                row.line,
            )


def check_size(path: str, size: int) -> None:
    """Stop a source file over MAX_BYTES before reading it."""
    if size > MAX_BYTES:
        raise fail(
            path,
            "IMP002",
            f"The file is {size / 1024 / 1024:.1f} MiB; journeyctl imports files of at most "
            f"{MAX_BYTES // 1024 // 1024} MiB.",
        )
