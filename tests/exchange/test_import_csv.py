"""`journeyctl import` of CSV files as spreadsheets save them: BOMs, Windows-1252,
`;` and tab delimiters, Excel's UTF-16 text, title rows, multi-line cells."""

from __future__ import annotations

from exchange_support import load_map, raw_yaml, stage_names, touchpoints, write_csv

from conftest import run_journeyctl

# A "journey map template" as teams fill it in: a title above the table, a blank
# row, blank stage cells for "same as above", bullets and line breaks in cells,
# a column of the team's own, and the emotion on the default -2..2 scale.
BANKING = """\
Customer journey map: opening a current account,,,,,,,,
,,,,,,,,
Phase,Touchpoint,Channel,Customer actions,Thoughts,Emotion,Pain points,Ideas,Notes
Discover,Comparison site,Website,Compares fees of five banks,"Which one has no monthly fee?",1,,,from the 2026 survey
,Mobile ad,social,Sees a video ad,,0,,,
Apply,Online application,website,Fills in a 6-page form,"Why do they need my employer?",-1,"• Form asks for the same address twice
• No way to save and continue","• Pre-fill the address
• Save and resume later",
,Identity check,app,Films their ID card,"Did it work?",-2,Video check fails in low light,,retry rate 31%
Use,First card payment,store,Pays with the new card,,2,,,
"""


def test_a_template_with_a_title_row_blank_stage_cells_and_bullets(tmp_path):
    source = write_csv(tmp_path / "banking-journey.csv", BANKING, bom=True)
    target = tmp_path / "banking.journey.yaml"
    result = run_journeyctl("import", source, "-o", target, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data, findings = load_map(target)
    assert data["title"] == "Customer journey map: opening a current account"
    assert data["id"] == "customer-journey-map-opening-a-current-account"
    assert stage_names(data) == ["Discover", "Apply", "Use"]
    assert [t["name"] for t in data["stages"][1]["touchpoints"]] == ["Online application", "Identity check"]
    application = touchpoints(data)[2]
    assert application["channel"] == "website"
    assert application["thinking"] == "Why do they need my employer?"
    assert [p["description"] for p in application["pain_points"]] == [
        "Form asks for the same address twice",
        "No way to save and continue",
    ]
    assert [o["id"] for o in application["opportunities"]] == ["opp-pre-fill-the-address", "opp-save-and-resume-later"]
    assert [t["emotion"] for t in touchpoints(data)] == [1, 0, -1, -2, 2]
    assert touchpoints(data)[0]["channel"] == "website"  # "Website" is the vocabulary's `website`
    assert not [f for f in findings if f.code.startswith("E")]
    # The team's own column is kept on each touchpoint, and the notice says how to map it.
    extensions = raw_yaml(target)
    assert touchpoints(extensions)[3]["x-notes"] == "retry rate 31%"
    assert "banking-journey.csv:3:9: IMP100 unknown-column `Notes`" in result.stderr
    assert '--column "Notes=FIELD"' in result.stderr
    # The file says where it came from, is in fmt's layout, and lint's summary says what to add.
    assert target.read_text(encoding="utf-8").startswith(
        "# Imported by `journeyctl import` from banking-journey.csv (one row per touchpoint).\n"
    )
    assert run_journeyctl("fmt", "--check", target).returncode == 0
    assert (
        f"Imported “Customer journey map: opening a current account” into {target}: "
        "3 stages, 5 touchpoints, 3 pain points, 2 opportunities.\n"
    ) in result.stdout
    assert "W102 unaddressed-pain-point ×3" in result.stdout
    assert f"Next: fill in what lint asks for, then run `journeyctl lint {target}`." in result.stdout


def test_column_maps_a_header_to_a_field(tmp_path):
    source = write_csv(tmp_path / "banking.csv", BANKING)
    result = run_journeyctl("import", source, "--column", "Notes=backstage", "--column", "Phase=stage")
    assert result.returncode == 0, result.stderr
    assert "IMP100" not in result.stderr
    assert "        backstage:\n          - from the 2026 survey\n" in result.stdout


def test_windows_1252_with_semicolons_needs_its_encoding(tmp_path):
    # Excel on a French Windows: `;` between cells (the comma is the decimal mark), Windows-1252.
    text = "Stage;Touchpoint;Emotion\nDécouverte;Café du coin;1\nAchat;Caisse à l'entrée;-1\n"
    source = write_csv(tmp_path / "parcours.csv", text, encoding="cp1252")
    refused = run_journeyctl("import", source)
    assert refused.returncode == 2
    assert "parcours.csv:2:2: IMP001 unreadable-source The file is not utf-8 text (byte 0xE9 here)." in refused.stderr
    assert "try --encoding cp1252" in refused.stderr
    result = run_journeyctl("import", source, "--encoding", "cp1252", "--title", "Parcours client")
    assert result.returncode == 0, result.stderr
    assert "name: Découverte\n" in result.stdout
    assert "name: Caisse à l'entrée\n" in result.stdout
    assert "title: Parcours client\n" in result.stdout


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    # Excel's "Unicode Text (*.txt)": UTF-16 little-endian with a BOM, tab-separated, CRLF.
    # Question-style headers, as templates ask them, are read by their keyword, with a notice.
    text = (
        "Stage\tStep\tHow do they feel?\tSentiment (-2 to 2)\tPain\n"
        "Book\tOnline calendar\tHopeful\t1\tNo slots this week\nVisit\tWaiting room\tBored\t-1\t\n"
    )
    source = tmp_path / "Journey.txt"
    source.write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    result = run_journeyctl("import", source)
    assert result.returncode == 0, result.stderr
    assert "name: Online calendar\n" in result.stdout
    assert "emotion: -1\n" in result.stdout
    assert "description: No slots this week\n" in result.stdout
    assert "feeling: Bored\n" in result.stdout
    assert (
        f"{source}:1:3: IMP107 column-read-as `How do they feel?` is read as feeling; if it is something else, "
        'say what with --column "How do they feel?=FIELD".'
    ) in result.stderr
    assert "`Sentiment (-2 to 2)` is read as" not in result.stderr  # a synonym with a note in brackets is no guess
    assert (
        "IMP108 scale-from-header Emotions are read on the scale -2 to 2 that `Sentiment (-2 to 2)` states"
        in result.stderr
    )


def test_a_table_without_a_stage_column(tmp_path):
    result = run_journeyctl("import", write_csv(tmp_path / "steps.csv", "Journey step,Touchpoint\nBuy,Cart\n"))
    assert result.returncode == 2
    assert result.stderr.endswith(
        "steps.csv:1:1: IMP012 no-stage No column names the stage (Stage, Phase, Journey stage): a map is stages "
        'of touchpoints. Name yours with --column "HEADER=stage".\n'
    )
    assert run_journeyctl("import", tmp_path / "steps.csv", "--column", "Journey step=stage").returncode == 0


def test_a_table_with_a_row_per_stage(tmp_path):
    text = "Stage,Doing,Feelings,Score\nAwareness,Hears about us from a friend,Curious,1\nPurchase,Buys online,Nervous,-1\n"
    result = run_journeyctl("import", write_csv(tmp_path / "stages.csv", text))
    assert result.returncode == 0, result.stderr
    assert (
        "  - id: stage-awareness\n    name: Awareness\n    touchpoints:\n      - id: tp-awareness\n        name: Awareness\n"
        in result.stdout
    )
    assert "feeling: Nervous\n" in result.stdout


def test_a_stage_named_like_a_field_does_not_make_the_rows_look_like_lanes(tmp_path):
    text = "Stage,Touchpoint,Doing\nResearch,Blog,Reads\nResearch,Forum,Asks\nResearch,Reviews,Reads\nBuy,Cart,Pays\n"
    result = run_journeyctl("import", write_csv(tmp_path / "research.csv", text))
    assert result.returncode == 0, result.stderr
    assert "(one row per touchpoint)" in result.stdout
    assert result.stdout.count("- id: stage-") == 2


def test_rows_of_one_stage_apart_form_one_stage_in_order_of_first_appearance(tmp_path):
    text = "Stage,Touchpoint\nBuy,Cart\nUse,App\nBuy,Payment\n"
    result = run_journeyctl("import", write_csv(tmp_path / "split.csv", text))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("- id: stage-") == 2
    assert result.stdout.index("name: Payment") < result.stdout.index("name: Use")


def test_an_emotion_that_is_not_a_whole_number_or_off_the_scale_is_reported(tmp_path):
    text = "Stage,Touchpoint,Emotion\nBuy,Cart,happy\nBuy,Payment,2.5\nUse,App,4\nUse,Support,-\n"
    source = write_csv(tmp_path / "scores.csv", text)
    target = tmp_path / "scores.journey.yaml"
    result = run_journeyctl("import", source, "-o", target)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f'{source}:2:3: IMP020 not-a-whole-number Emotion `happy` is not a whole number on the scale -2 to 2. If `Emotion` holds words or emoji, read it as the feeling: --column "Emotion=feeling".',
        f'{source}:3:3: IMP020 not-a-whole-number Emotion `2.5` is not a whole number on the scale -2 to 2. If `Emotion` holds words or emoji, read it as the feeling: --column "Emotion=feeling".',
        f"{source}:4:3: IMP021 emotion-off-scale Emotion 4 is outside the scale -2 to 2; give the table's scale with --scale LOW..HIGH (for example --scale 1..5).",
    ]
    assert not target.exists()


def test_scale_reads_a_table_scored_1_to_5(tmp_path):
    text = "Stage,Touchpoint,Emotion\nBuy,Cart,5\nUse,App,1\n"
    result = run_journeyctl("import", write_csv(tmp_path / "five.csv", text), "--scale", "1..5")
    assert result.returncode == 0, result.stderr
    assert "scale:\n  min: 1\n  max: 5\n" in result.stdout
    assert run_journeyctl("import", tmp_path / "five.csv", "--scale", "5..1").returncode == 2


def test_a_numbers_only_feelings_column_gets_a_hint(tmp_path):
    text = "Stage,Touchpoint,Emotions\nBuy,Cart,2\nUse,App,-1\n"
    result = run_journeyctl("import", write_csv(tmp_path / "n.csv", text))
    assert result.returncode == 0
    assert "IMP104 numbers-as-text `Emotions` holds only numbers" in result.stderr
    assert '--column "Emotions=emotion"' in result.stderr


def test_no_header_row_is_a_clear_error(tmp_path):
    result = run_journeyctl("import", write_csv(tmp_path / "list.csv", "apples,3\npears,4\n"))
    assert result.returncode == 2
    assert "IMP010 no-table No row of the table names its columns (Stage, Touchpoint, Doing, ...)" in result.stderr


def test_several_maps_in_one_table_are_refused(tmp_path):
    text = "Journey ID,Stage,Touchpoint\na,Buy,Cart\nb,Buy,Cart\n"
    result = run_journeyctl("import", write_csv(tmp_path / "two.csv", text))
    assert result.returncode == 2
    assert (
        "two.csv:3:1: IMP011 several-maps The table holds several maps (a, b); import one map per file."
        in result.stderr
    )


def test_never_overwrites_without_force_and_writes_atomically(tmp_path):
    source = write_csv(tmp_path / "j.csv", "Stage,Touchpoint\nBuy,Cart\n")
    target = tmp_path / "j.journey.yaml"
    target.write_text("mine\n", encoding="utf-8")
    refused = run_journeyctl("import", source, "-o", target)
    assert (refused.returncode, refused.stderr) == (
        2,
        f"journeyctl: {target} already exists; use --force to overwrite it.\n",
    )
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run_journeyctl("import", source, "-o", target, "--force").returncode == 0
    assert "name: Cart" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".journeyctl-")] == []
    assert run_journeyctl("import", source, "-o", source, "--force").returncode == 2
    assert source.read_text(encoding="utf-8").startswith("Stage")


def test_limits_of_size_and_rows(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"Stage,Touchpoint\n" + b"Buy,Cart\n" * (10 * 1024 * 1024 // 9 + 1))
    result = run_journeyctl("import", big)
    assert result.returncode == 2
    assert (
        "big.csv:1:1: IMP002 source-too-large The file is 10.0 MiB; journeyctl imports files of at most 10 MiB."
        in result.stderr
    )
    rows = tmp_path / "rows.csv"
    rows.write_text("Stage,Touchpoint\n" + "Buy,Cart\n" * 10_001, encoding="utf-8")
    result = run_journeyctl("import", rows)
    assert result.returncode == 2
    assert "rows.csv:10002:1: IMP002 source-too-large The table has more than 10,000 rows" in result.stderr
    rows.write_text("Stage,Touchpoint\n" + "Buy,Cart\n" * 10_000, encoding="utf-8")
    assert run_journeyctl("import", rows, "-o", tmp_path / "rows.journey.yaml").returncode == 0


def test_a_workbook_named_csv_and_an_unknown_extension(tmp_path):
    fake = tmp_path / "export.csv"
    fake.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert "import it with --from xlsx" in run_journeyctl("import", fake).stderr
    result = run_journeyctl("import", tmp_path / "journey.numbers")
    assert (result.returncode, result.stderr) == (
        2,
        f"journeyctl: journeyctl cannot tell the format of {tmp_path / 'journey.numbers'} from its name; say which with --from csv|xlsx|mermaid.\n",
    )
