"""Workbooks both ways, from the `xlsx` extra: python-calamine reads (XLSX, and
the XLS and ODS files older templates come as), openpyxl writes.

Reading and writing are two libraries on purpose: calamine streams rows in
bounded memory and reads every spreadsheet format people hold templates in;
openpyxl writes the styles (frozen header, widths, dates, text cells) that a
reader of the export sees. Tests write with one and read with the other.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any, Optional

from journeyctl.core.errors import JourneyctlError
from journeyctl.core.textsafety import page_text
from journeyctl.exchange.cells import value_text
from journeyctl.exchange.csvfile import Value
from journeyctl.exchange.grid import MAX_BYTES, Grid, GridRow, RowLimit
from journeyctl.exchange.notices import fail

INSTALL_HINT = "pip install 'journeyctl[xlsx]'"
# A workbook is a zip of XML: its unpacked size is bounded too, so that a small
# file cannot expand to gigabytes in memory.
MAX_UNPACKED = 16 * MAX_BYTES
_OLE = b"\xd0\xcf\x11\xe0"  # the container of Excel 97-2003 .xls files


class MissingExtra(JourneyctlError):
    """A command needs a package of an extra that is not installed."""


def _calamine() -> Any:
    try:
        import python_calamine
    except ImportError:
        raise MissingExtra(f"Reading spreadsheets needs the xlsx extra: {INSTALL_HINT}") from None
    return python_calamine


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtra(f"Writing XLSX needs the xlsx extra: {INSTALL_HINT}") from None
    return openpyxl


def sheet_names(path: str, raw: bytes) -> list[str]:
    """The visible worksheets of a workbook, in order."""
    workbook = _open(path, raw)
    calamine = _calamine()
    return [
        sheet.name
        for sheet in workbook.sheets_metadata
        if sheet.typ == calamine.SheetTypeEnum.WorkSheet and sheet.visible == calamine.SheetVisibleEnum.Visible
    ]


def read_sheet(path: str, raw: bytes, name: str) -> Grid:
    """One sheet's rows as text, each with its row number; cells keep their column numbers."""
    workbook = _open(path, raw)
    calamine = _calamine()
    try:
        sheet = workbook.get_sheet_by_name(name)
        first_row, first_column = sheet.start or (0, 0)
        rows, limit = [], RowLimit(path)
        for offset, values in enumerate(sheet.iter_rows()):
            row = GridRow(first_row + offset + 1, ("",) * first_column + tuple(map(value_text, values)))
            limit.check(row)
            rows.append(row)
    except calamine.CalamineError as error:
        raise fail(path, "IMP001", f"The sheet `{name}` cannot be read: {error}.") from None
    return Grid(path, tuple(rows), sheet=name)


def _open(path: str, raw: bytes) -> Any:
    calamine = _calamine()
    if raw.startswith(b"PK\x03\x04"):
        _check_unpacked(path, raw)
    elif not raw.startswith(_OLE):
        raise fail(path, "IMP001", "This is not a workbook (XLSX, XLS or ODS) but text: import it with --from csv.")
    try:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except calamine.PasswordError:
        raise fail(path, "IMP001", "The workbook is protected by a password; save a copy without one.") from None
    except (calamine.CalamineError, ValueError, OSError) as error:
        raise fail(path, "IMP001", f"This is not a workbook journeyctl can read (XLSX, XLS or ODS): {error}.") from None


def _check_unpacked(path: str, raw: bytes) -> None:
    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(raw)).infolist())
    except zipfile.BadZipFile:
        raise fail(path, "IMP001", "The workbook is damaged: it is not a complete zip file.") from None
    if unpacked > MAX_UNPACKED:
        raise fail(
            path,
            "IMP002",
            f"The workbook unpacks to {unpacked / 1024 / 1024:.0f} MiB; journeyctl reads workbooks of at most "
            f"{MAX_UNPACKED // 1024 // 1024} MiB unpacked.",
        )


def workbook_bytes(sheets: list[tuple[str, list[str], list[list[Value]]]]) -> bytes:
    """An XLSX file with one sheet per (name, header, rows): frozen header row, filters, widths, typed cells."""
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, header, rows in sheets:
        sheet = workbook.create_sheet(name)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell_value(value) for value in row])
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                _as_typed(cell, Alignment)
        for index, title in enumerate(header, 1):
            sheet.column_dimensions[get_column_letter(index)].width = _width(title, [row[index - 1] for row in rows])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _cell_value(value: Value) -> Value:
    # Characters XML cannot hold (control characters a YAML escape can put in a map), and those that
    # would reorder or hide text, are shown as pictures, by the one text-safety policy.
    return page_text(value) if isinstance(value, str) else value


def _as_typed(cell: Any, alignment: Any) -> None:
    """Text stays text (never a formula, marked with Excel's text prefix); dates show as dates."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        cell.quotePrefix = cell.value.startswith(("=", "+", "-", "@"))
        if "\n" in cell.value:
            cell.alignment = alignment(wrap_text=True, vertical="top")
        else:
            cell.alignment = alignment(vertical="top")
    elif isinstance(cell.value, date):
        cell.number_format = "yyyy-mm-dd"


def _width(title: str, values: list[Value]) -> float:
    """A column as wide as its header and longest line, between 8 and 60 characters."""
    longest = max(
        [len(title) + 2] + [len(line) for value in values if value is not None for line in str(value).split("\n")]
    )
    return float(min(max(longest + 1, 8), 60))


def workbook_sheet(path: str, raw: bytes, wanted: Optional[str]) -> list[str]:
    """The sheets to try, in order: `wanted` alone (which must exist), or every visible one."""
    names = sheet_names(path, raw)
    if wanted is None:
        return names
    if wanted not in names:
        raise fail(path, "IMP001", f"The workbook has no sheet `{wanted}`; its sheets are: {', '.join(names)}.")
    return [wanted]
