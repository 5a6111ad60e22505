"""`journeyctl export`: documented CSV columns, formula-safe CSV and XLSX, the
workbook's sheets and types, JSON that the schema describes, Mermaid as the
Markdown page draws it, and maps with errors refused."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime

import openpyxl
import pytest
from exchange_support import load_map

from conftest import EXAMPLES, ROOT, run_journeyctl
from journeyctl.exchange.columns import TABLES
from journeyctl.exchange.headers import ColumnMap

STORE = EXAMPLES / "online-store-checkout.journey.yaml"
HOSTILE = """\
journeyctl: 1
id: hostile
title: "=HYPERLINK(\\"https://evil.example\\", \\"Click\\")"
x-tool: kept out of exports
stages:
  - id: s1
    name: "+cmd|' /C calc'!A0"
    touchpoints:
      - id: t1
        name: "-2+3"
        doing: "@SUM(1+1)*cmd|' /C calc'!A0"
        thinking: "\\tTab first"
        feeling: "-1"
        emotion: -2
        pain_points:
          - id: p1
            description: "=1+1"
        opportunities:
          - id: o1
            description: Fix it
            addresses: [p1]
            owner: Ana
            due: 2027-01-31
            status: planned
"""


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_the_touchpoints_table_has_the_documented_columns_and_import_reads_every_one():
    header = TABLES["touchpoints"].header()
    assert header == [
        "Journey ID", "Journey", "Stage ID", "Stage", "Touchpoint ID", "Touchpoint", "Channel", "Owner",
        "Doing", "Thinking", "Feeling", "Emotion", "Scale min", "Scale max", "Critical", "Backstage",
        "Pain points", "Pain point IDs", "Opportunities", "Opportunity IDs",
    ]  # fmt: skip
    fields = [ColumnMap({}).field(name) for name in header]
    assert None not in fields and len(set(fields)) == len(fields)
    guide = (ROOT / "docs" / "guides" / "export.md").read_text(encoding="utf-8")
    for heading, kind in [
        ("touchpoints", "touchpoints"),
        ("pain points", "pain-points"),
        ("opportunities", "opportunities"),
    ]:
        section = guide.split(f"### The {heading} table\n", 1)[1].split("\n#", 1)[0]
        assert re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE) == TABLES[kind].header(), heading


def test_csv_of_a_map_one_row_per_touchpoint(cli):
    result = cli("export", STORE, "-f", "csv")
    assert result.code == 0, result.err
    rows = _rows(result.out)
    assert not result.out.startswith("\ufeff")  # no byte order mark on a pipe
    assert len(rows) == 1 + 13
    shipping = dict(zip(rows[0], rows[8], strict=True))
    assert shipping["Touchpoint"] == "Delivery options and shipping cost"
    assert (shipping["Emotion"], shipping["Scale min"], shipping["Scale max"], shipping["Critical"]) == (
        "1",
        "1",
        "5",
        "true",
    )
    assert shipping["Opportunity IDs"] == "opp-shipping-estimate-in-cart\nopp-free-shipping-threshold-test"
    assert shipping["Backstage"] == "Free shipping only above €100\nCarrier rate table maintained by Logistics"


@pytest.mark.parametrize(("table", "count", "columns"), [("pain-points", 7, 13), ("opportunities", 9, 15)])
def test_the_other_tables(cli, table, count, columns):
    rows = _rows(cli("export", STORE, "--table", table).out)
    assert (len(rows) - 1, len(rows[0])) == (count, columns)
    header, *body = rows
    if table == "pain-points":  # the report's root causes travel with their pain points
        assert header[-2:] == ["Tags", "Addressed by"]
        assert any(row[-2] for row in body)
    else:  # and the prioritisation matrix's ratings with their opportunities
        assert header[-2:] == ["Impact", "Effort"]
        assert any(row[-2] and row[-1] for row in body)


def test_formula_injection_is_neutralised_in_csv_and_xlsx(tmp_path):
    source = tmp_path / "hostile.journey.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    result = run_journeyctl("export", source, "-f", "csv", "-o", tmp_path / "h.csv")
    assert result.returncode == 0, result.stderr
    raw = (tmp_path / "h.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a file gets the BOM spreadsheets need to read UTF-8
    row = dict(zip(*_rows(raw.decode("utf-8")), strict=True))
    assert row["Journey"] == '\'=HYPERLINK("https://evil.example", "Click")'
    assert row["Stage"] == "'+cmd|' /C calc'!A0"
    assert row["Touchpoint"] == "'-2+3"
    assert row["Doing"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["Thinking"] == "'\tTab first"
    assert row["Pain points"] == "'=1+1"
    assert (row["Feeling"], row["Emotion"]) == ("-1", "-2")  # numbers are not formulas
    # Import takes the guard off again.
    assert run_journeyctl("import", tmp_path / "h.csv", "-o", tmp_path / "back.journey.yaml").returncode == 0
    back, _ = load_map(tmp_path / "back.journey.yaml")
    assert back["title"] == '=HYPERLINK("https://evil.example", "Click")'
    assert back["stages"][0]["touchpoints"][0]["name"] == "-2+3"
    assert back["stages"][0]["touchpoints"][0]["thinking"] == "Tab first"  # cells are stripped

    assert run_journeyctl("export", source, "-f", "xlsx", "-o", tmp_path / "h.xlsx").returncode == 0
    workbook = openpyxl.load_workbook(tmp_path / "h.xlsx")
    texts = [cell for sheet in workbook for line in sheet.iter_rows() for cell in line if isinstance(cell.value, str)]
    assert texts and all(cell.data_type == "s" for cell in texts)
    sheet = workbook["Touchpoints"]
    header = [cell.value for cell in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["Journey"].value == '=HYPERLINK("https://evil.example", "Click")'
    assert cells["Journey"].quotePrefix and cells["Doing"].quotePrefix
    assert (cells["Emotion"].value, cells["Emotion"].data_type) == (-2, "n")


def test_the_workbook_has_a_sheet_per_table_typed_cells_frozen_headers_and_widths(tmp_path):
    target = tmp_path / "maps.xlsx"
    result = run_journeyctl("export", EXAMPLES, "-o", target)  # the format from the extension
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Touchpoints", "Pain points", "Opportunities"]
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.auto_filter.ref == sheet.dimensions
        assert 8 <= sheet.column_dimensions["D"].width <= 60
    touchpoints = workbook["Touchpoints"]
    assert {row[0] for row in touchpoints.iter_rows(min_row=2, values_only=True)} == {
        "online-store-checkout",
        "plumbing-emergency-call",
        "saas-trial-to-paid",
    }
    critical = [row[14] for row in touchpoints.iter_rows(min_row=2, values_only=True)]
    assert set(critical) == {True, False}
    opportunities = workbook["Opportunities"]
    due = opportunities.cell(row=2, column=11)
    assert isinstance(due.value, datetime) and due.number_format == "yyyy-mm-dd"


def test_json_is_the_validated_map_the_schema_describes(tmp_path, cli):
    import jsonschema

    source = tmp_path / "hostile.journey.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    document = json.loads(cli("export", source, "-f", "json").out)
    assert "x-tool" not in document
    assert (document["state"], document["scale"], document["kind"]) == ("current", {"min": -2, "max": 2}, "journey")
    pain = document["stages"][0]["touchpoints"][0]["pain_points"][0]
    assert pain == {
        "id": "p1",
        "description": "=1+1",
        "severity": "medium",
        "occurrences": None,
        "evidence": [],
        "tags": [],
    }
    schema = json.loads((ROOT / "schema" / "journeyctl.schema.json").read_text(encoding="utf-8"))
    documents = json.loads(cli("export", EXAMPLES, "-f", "json").out)
    assert [d["id"] for d in documents] == ["online-store-checkout", "plumbing-emergency-call", "saas-trial-to-paid"]
    for checked in [document, *documents]:
        jsonschema.validate(checked, schema)


def test_mermaid_is_the_markdown_pages_block(cli, tmp_path):
    block = cli("export", STORE, "-f", "mermaid").out
    page = cli("render", STORE, "-f", "markdown").out
    assert block.startswith("journey\n    title Buying a pair of hiking boots online\n")
    assert f"```mermaid\n{block}```\n" in page
    assert "Sign in or create an account: 1: Leo Marchetti\n" in block
    cli("export", STORE, "-o", tmp_path / "store.mmd")
    assert (tmp_path / "store.mmd").read_text(encoding="utf-8") == block
    several = cli("export", EXAMPLES, "-f", "mermaid")
    assert (several.code, several.err) == (
        2,
        "journeyctl: A Mermaid diagram holds one journey: export the maps one at a time.\n",
    )


def test_a_map_with_errors_is_not_exported(tmp_path, cli):
    broken = tmp_path / "broken.journey.yaml"
    broken.write_text(HOSTILE.replace("emotion: -2", "emotion: 7"), encoding="utf-8")
    result = cli("export", broken)
    assert result.code == 2
    assert "E022 emotion-out-of-scale" in result.err
    assert result.out == ""


def test_export_never_overwrites_without_force_nor_a_map_it_reads(tmp_path, cli):
    target = tmp_path / "out.csv"
    target.write_text("my analysis\n", encoding="utf-8")
    assert (
        cli("export", STORE, "-o", target).err == f"journeyctl: {target} already exists; use --force to overwrite it.\n"
    )
    assert target.read_text(encoding="utf-8") == "my analysis\n"
    assert cli("export", STORE, "-o", target, "--force").code == 0
    copy = tmp_path / "map.journey.yaml"
    copy.write_bytes(STORE.read_bytes())
    (tmp_path / "personas.yaml").write_bytes((EXAMPLES / "personas.yaml").read_bytes())
    result = cli("export", copy, "-o", copy, "--force")
    assert result.code == 2 and "it is one of the files this command reads" in result.err
    assert (
        cli("export", STORE, "-f", "pdf").err
        == "journeyctl: --format must be one of csv, xlsx, json, mermaid, not `pdf`.\n"
    )
    assert cli("export", STORE, "-f", "json", "--table", "pain-points").code == 2
