"""Helpers of the import and export tests: real spreadsheets written the way
people's tools write them, and reading back the maps import writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from journeyctl.check.service import Checker
from journeyctl.core.findings import Finding


def write_csv(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    """A CSV file as a spreadsheet saves it: CRLF line ends, the given encoding, maybe a byte order mark."""
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_workbook(path: Path, sheets: dict[str, list[list[Any]]], merges: dict[str, list[str]] | None = None) -> Path:
    """An XLSX workbook with openpyxl: a sheet per entry (rows from A1), cells merged by range."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
    workbook.save(path)
    return path


def write_ods(path: Path, name: str, rows: list[list[Any]]) -> Path:
    """An OpenDocument spreadsheet (LibreOffice's format) with odfpy: numbers as numbers, a
    cell's lines as paragraphs, as LibreOffice stores them."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=name)
    for values in rows:
        row = TableRow()
        for value in values or [None]:
            if value is None:
                cell = TableCell()
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                for line in str(value).split("\n"):
                    cell.addElement(P(text=line))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def write_xls(path: Path, name: str, rows: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> Path:
    """An Excel 97-2003 workbook (BIFF8) with xlwt; merges as (first row, last row, first column,
    last column), counted from 0."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet(name)
    for number, values in enumerate(rows):
        for column, value in enumerate(values):
            if value is not None:
                sheet.write(number, column, value)
    for merge in merges:
        sheet.merge(*merge)
    workbook.save(str(path))
    return path


def load_map(path: Path) -> tuple[dict[str, Any], list[Finding]]:
    """The data of a map file (as journeyctl loads it, `x-` keys dropped) and lint's findings."""
    checked = Checker("lint").check_file(str(path))
    assert checked.document is not None, checked.findings
    return checked.document.data, checked.findings


def raw_yaml(path: Path) -> dict[str, Any]:
    """A map file's data with its `x-` keys, as ruamel.yaml reads it."""
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def touchpoints(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every touchpoint of a map's data, in order."""
    return [touchpoint for stage in data["stages"] for touchpoint in stage.get("touchpoints", [])]


def stage_names(data: dict[str, Any]) -> list[str]:
    return [stage["name"] for stage in data["stages"]]
