"""CSV both ways, with the `csv` module: reading what spreadsheets save (UTF-8
with or without BOM, Excel's UTF-16 "Unicode text", `;` and tab delimiters,
other encodings by name), and writing tables that spreadsheets open as text."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Optional, Union

from journeyctl.core.errors import InvalidInput, UsageError
from journeyctl.exchange.cells import guard_formula, value_text
from journeyctl.exchange.grid import Grid, GridRow, RowLimit
from journeyctl.exchange.notices import fail

Value = Union[str, int, float, bool, date, None]
DELIMITERS = (",", ";", "\t")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024
_SAMPLE_RECORDS = 20


def read_csv(path: str, raw: bytes, encoding: Optional[str]) -> Grid:
    """The rows of a CSV file's bytes, each with the line it starts on."""
    text = decode_text(path, raw, encoding)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start, limit = [], 1, RowLimit(path)
    try:
        for cells in reader:
            row = GridRow(start, tuple(cells))
            limit.check(row)
            rows.append(row)
            start = reader.line_num + 1
    except csv.Error as error:
        raise fail(path, "IMP001", f"This line cannot be read as CSV: {error}.", start) from None
    return Grid(path, tuple(rows))


def decode_text(path: str, raw: bytes, encoding: Optional[str]) -> str:
    """A text file's bytes as text: a byte order mark decides, then `encoding`, then UTF-8."""
    chosen = next((name for bom, name in _BOMS if raw.startswith(bom)), None) or encoding or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise UsageError(f"--encoding: `{chosen}` is not an encoding Python knows (try cp1252 or latin-1).") from None
    if raw.startswith(b"PK\x03\x04"):
        raise fail(path, "IMP001", "This is a spreadsheet workbook (XLSX or ODS), not CSV: import it with --from xlsx.")
    try:
        text = raw.decode(chosen)
    except UnicodeDecodeError as error:
        raise _not_encoded(path, raw, error, chosen) from None
    if "\x00" in text:
        raise fail(
            path,
            "IMP001",
            "The file holds NUL characters: it is not text, or UTF-16 without a byte order mark "
            "(try --encoding utf-16-le).",
        )
    return text.removeprefix("\ufeff")


def _not_encoded(path: str, raw: bytes, error: UnicodeDecodeError, encoding: str) -> InvalidInput:
    before = raw[: error.start]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    byte = raw[error.start : error.start + 1].hex().upper()
    hint = (
        " Spreadsheets on Windows save CSV as Windows-1252: try --encoding cp1252."
        if encoding.replace("-", "").lower() in ("utf8", "utf8sig")
        else ""
    )
    return fail(path, "IMP001", f"The file is not {encoding} text (byte 0x{byte} here).{hint}", line, column)


def sniff_delimiter(text: str) -> str:
    """`,`, `;` or tab: the one that splits the first records into the most rows of one width."""

    def score(delimiter: str) -> tuple[int, int]:
        widths = []
        try:
            for cells in csv.reader(io.StringIO(text[:_SAMPLE], newline=""), delimiter=delimiter):
                if any(cell.strip() for cell in cells):
                    widths.append(len(cells))
                if len(widths) == _SAMPLE_RECORDS:
                    break
        except csv.Error:
            pass
        if not widths:
            return (0, 0)
        width, count = Counter(widths).most_common(1)[0]
        return (count, width) if width > 1 else (0, 0)

    return max(DELIMITERS, key=score)


def csv_text(rows: Sequence[Sequence[Value]]) -> str:
    """Rows as CSV (RFC 4180: `,`, quotes, CRLF), every text cell guarded against formulas."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerows([[_csv_cell(value) for value in row] for row in rows])
    return buffer.getvalue()


def _csv_cell(value: Value) -> str:
    return guard_formula(value) if isinstance(value, str) else value_text(value)
