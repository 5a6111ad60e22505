"""`journeyctl import` of workbooks drawn the way journey-map templates are:
stages as columns under a merged title, merged stage cells, blank rows, an
instructions sheet first. The workbooks are written with openpyxl (odfpy for
ODS, xlwt for XLS) and read with python-calamine: two libraries, so the files
are what spreadsheet programs exchange."""

from __future__ import annotations

import os

from exchange_support import load_map, raw_yaml, stage_names, touchpoints, write_ods, write_workbook, write_xls

from conftest import ROOT, run_journeyctl

# The classic template: a merged title, a blank row, the stage row with a stage
# spanning two columns (merged), and lanes labelled in column A, with a blank row.
TEMPLATE = [
    ["Customer Journey Map – Home insurance claim"],
    ["Persona: Maria, 52, first claim in 20 years"],
    [],
    ["Journey stage", "Report the damage", None, "Assessment", "Repair", "Payout"],
    ["Touchpoint", "Phone hotline", "Claim web form", "Adjuster visit", "Contractor", "Bank transfer"],
    [
        "Customer actions",
        "Calls at 7 am",
        "Uploads photos",
        "Waits at home",
        "Lets the builder in",
        "Checks the account",
    ],
    [],
    ["Thoughts", "Will they believe me?", "Which photos count?", "Why a half-day window?", None, "Finally"],
    ["Emotional score", -2, -1, -2, 0, 2],
    [
        "Pain points",
        "On hold for 40 minutes",
        "Upload fails over 10 MB\nNo progress bar",
        "No arrival time",
        None,
        None,
    ],
    ["Opportunities", "Call-back instead of queue", "Resize photos in the browser", "SMS with ETA", None, None],
    ["Channel owner", "Contact centre", "Digital", "Claims", "Partners", "Finance"],
]


def test_a_template_with_stages_as_columns(tmp_path):
    source = write_workbook(tmp_path / "claim.xlsx", {"Map": TEMPLATE}, {"Map": ["A1:F1", "A2:F2", "B4:C4"]})
    target = tmp_path / "claim.journey.yaml"
    result = run_journeyctl("import", source, "-o", target)
    assert result.returncode == 0, result.stderr
    data, findings = load_map(target)
    assert data["title"] == "Customer Journey Map – Home insurance claim"
    assert data["description"] == "Persona: Maria, 52, first claim in 20 years"  # kept, not dropped
    assert stage_names(data) == ["Report the damage", "Assessment", "Repair", "Payout"]
    assert [t["name"] for t in data["stages"][0]["touchpoints"]] == ["Phone hotline", "Claim web form"]
    form = touchpoints(data)[1]
    assert (form["doing"], form["thinking"], form["emotion"]) == ("Uploads photos", "Which photos count?", -1)
    assert [p["description"] for p in form["pain_points"]] == ["Upload fails over 10 MB", "No progress bar"]
    assert "thinking" not in touchpoints(data)[3]
    assert not [f for f in findings if f.code.startswith("E")]
    assert touchpoints(raw_yaml(target))[4]["x-channel-owner"] == "Finance"
    assert "claim.xlsx:12:1: IMP100 unknown-column `Channel owner`" in result.stderr
    assert target.read_text(encoding="utf-8").startswith(
        "# Imported by `journeyctl import` from claim.xlsx, sheet `Map` (a column per stage).\n"
    )


def test_the_same_template_saved_as_xls_and_ods_gives_the_same_map(tmp_path):
    """Excel 97-2003 and LibreOffice files: the map the XLSX gives, line for line."""
    xlsx = write_workbook(tmp_path / "claim.xlsx", {"Map": TEMPLATE}, {"Map": ["A1:F1", "A2:F2", "B4:C4"]})
    xls = write_xls(tmp_path / "claim.xls", "Map", TEMPLATE, [(0, 0, 0, 5), (1, 1, 0, 5), (3, 3, 1, 2)])
    ods = write_ods(tmp_path / "claim.ods", "Map", TEMPLATE)
    assert xls.read_bytes().startswith(b"\xd0\xcf\x11\xe0") and ods.read_bytes().startswith(b"PK\x03\x04")
    maps = {}
    for source in (xlsx, xls, ods):
        target = tmp_path / f"{source.suffix[1:]}.journey.yaml"
        result = run_journeyctl("import", source, "-o", target)
        assert result.returncode == 0, result.stderr
        # The header comment names the file it came from; the rest is the map.
        maps[source.suffix] = target.read_text(encoding="utf-8").replace(source.name, "the workbook")
    assert maps[".xls"] == maps[".xlsx"]
    assert maps[".ods"] == maps[".xlsx"]
    data, _ = load_map(tmp_path / "ods.journey.yaml")
    assert [p["description"] for p in touchpoints(data)[1]["pain_points"]] == [
        "Upload fails over 10 MB",
        "No progress bar",
    ]


def test_rows_with_merged_stage_cells_after_an_instructions_sheet(tmp_path):
    rows = [
        ["Stage", "Touchpoint", "Channel", "Doing", "Feeling", "Score", "Critical"],
        ["Onboarding", "Welcome email", "email", "Opens it on the phone", "Hopeful", 1, None],
        [None, "Setup wizard", "app", "Connects the bank", "Anxious", -2, "x"],
        [],
        [None, "First report", "app", "Sees the first chart", "Relieved", 2, None],
        ["Billing", "Invoice", "email", "Pays the invoice", "Neutral", 0.0, "no"],
    ]
    sheets = {"Instructions": [["Fill in one row per touchpoint."], ["Use a score from -2 to 2."]], "Journey": rows}
    source = write_workbook(tmp_path / "saas.xlsx", sheets, {"Journey": ["A2:A5"]})
    result = run_journeyctl("import", source)
    assert result.returncode == 0, result.stderr
    assert (
        "IMP105 sheet-chosen Read the sheet `Journey`; the workbook also has `Instructions` (choose with --sheet)."
        in result.stderr
    )
    assert result.stdout.count("- id: stage-") == 2
    assert "        critical: true\n" in result.stdout
    assert "emotion: 0\n" in result.stdout
    assert run_journeyctl("import", source, "--sheet", "Nope").stderr.endswith(
        "IMP001 unreadable-source The workbook has no sheet `Nope`; its sheets are: Instructions, Journey.\n"
    )


def test_a_cell_that_is_not_yes_or_no_is_reported_with_its_row_and_column(tmp_path):
    rows = [["Stage", "Touchpoint", "Critical"], ["Buy", "Cart", "maybe"]]
    result = run_journeyctl("import", write_workbook(tmp_path / "c.xlsx", {"Sheet1": rows}))
    assert result.returncode == 2
    assert result.stderr.endswith("c.xlsx:2:3: IMP022 not-yes-or-no `maybe` is not yes or no (critical moment).\n")


def test_a_damaged_workbook_and_a_zip_bomb_are_refused(tmp_path):
    text = tmp_path / "table.xlsx"
    text.write_text("Stage,Touchpoint\nBuy,Cart\n", encoding="utf-8")
    assert run_journeyctl("import", text).stderr.endswith(
        "IMP001 unreadable-source This is not a workbook (XLSX, XLS or ODS) but text: import it with --from csv.\n"
    )
    assert run_journeyctl("import", text, "--from", "csv").returncode == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip")
    result = run_journeyctl("import", broken)
    assert result.returncode == 2
    assert "IMP001 unreadable-source The workbook is damaged" in result.stderr
    import zipfile

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (170 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    result = run_journeyctl("import", bomb)
    assert result.returncode == 2
    assert "IMP002 source-too-large The workbook unpacks to 170 MiB" in result.stderr


def test_without_the_xlsx_extra_the_command_says_what_to_install(tmp_path):
    # A folder that shadows both libraries, as if they were not installed.
    shadow = tmp_path / "shadow"
    for name in ("python_calamine", "openpyxl"):
        (shadow / name).mkdir(parents=True)
        (shadow / name / "__init__.py").write_text(f"raise ImportError('No module named {name}')\n")
    source = write_workbook(tmp_path / "j.xlsx", {"S": [["Stage", "Touchpoint"], ["Buy", "Cart"]]})
    env = {"PYTHONPATH": os.pathsep.join([str(shadow), str(ROOT / "src")])}
    result = run_journeyctl("import", source, env=env)
    assert (result.returncode, result.stderr) == (
        2,
        "journeyctl: Reading spreadsheets needs the xlsx extra: pip install 'journeyctl[xlsx]'\n",
    )
    result = run_journeyctl("export", ROOT / "examples", "-f", "xlsx", "-o", tmp_path / "out.xlsx", env=env)
    assert (result.returncode, result.stderr) == (
        2,
        "journeyctl: Writing XLSX needs the xlsx extra: pip install 'journeyctl[xlsx]'\n",
    )
