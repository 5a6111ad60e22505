"""`journeyctl report` on the command line: options, usage errors, output files, text layout, workers."""

from __future__ import annotations

import io
import json
import os
import unicodedata
from pathlib import Path

import pytest
from report_support import BETA, TODAY, as_yaml, portfolio  # noqa: F401  (fixture)

from conftest import EXAMPLES, run_journeyctl


def columns(line: str) -> int:
    """Terminal columns, counted independently of the code under test: wide East Asian characters take two."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "pdf"), "--format must be one of text, markdown, json, html, not `pdf`."),
        (
            ("--section", "pareto,summary"),
            "--section must be one of pareto, actions, matrix, moments, health, not `summary`.",
        ),
        (("--section", ","), "--section needs one or more of: pareto, actions, matrix, moments, health."),
        (("--weight", "count"), "--weight must be one of occurrences, severity, not `count`."),
        (("--by", "stage"), "--by must be one of pain-point, tag, not `stage`."),
        (("--fail-on", "late"), "--fail-on must be one of overdue, stale, unaddressed-vital, not `late`."),
        (("--owner", " "), "--owner needs a name."),
        (("--today", "tomorrow"), "--today must be a date written YYYY-MM-DD, not `tomorrow`."),
    ],
)
def test_usage_errors(cli, args, message):
    result = cli("report", EXAMPLES, *args)
    assert (result.code, result.out, result.err) == (2, "", f"journeyctl: {message}\n")


def test_negative_moments_is_a_usage_error(cli):
    result = cli("report", EXAMPLES, "--moments", "-1")
    assert result.code == 2 and "--moments" in result.err and "Traceback" not in result.err


def test_nothing_to_report_is_a_usage_error(cli, tmp_path):
    (tmp_path / "personas.yaml").write_text(as_yaml({"journeyctl": 1, "kind": "personas", "personas": [
        {"id": "pat", "name": "Pat"}]}), encoding="utf-8")  # fmt: skip
    result = cli("report", tmp_path)
    assert result.code == 2
    assert result.err == f"journeyctl: No journey maps to report in {tmp_path} (persona libraries are not maps).\n"


def test_a_missing_path_is_a_usage_error_as_for_every_command(cli, tmp_path):
    missing = tmp_path / "nowhere.journey.yaml"
    result = cli("report", EXAMPLES, missing, "-f", "json", "--today", TODAY)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"journeyctl: {missing}: no such file or folder\n"


def test_sections_come_in_the_reports_order(cli):
    result = cli("report", EXAMPLES, "--section", "health", "--section", "pareto,moments", "--today", TODAY)
    headings = [line for line in result.out.splitlines() if line in ("Pareto of pain points", "Moments that matter",
                                                                     "Map health", "Actions")]  # fmt: skip
    assert headings == ["Pareto of pain points", "Moments that matter", "Map health"]


def test_an_owner_without_actions(cli):
    result = cli("report", EXAMPLES, "--owner", "Nobody Here", "--section", "actions", "--today", TODAY)
    assert result.code == 0
    assert "Actions of Nobody Here\n" in result.out
    assert "0 open opportunities (0 in progress, 0 planned, 0 ideas); 0 done, 0 dropped; 0 overdue." in result.out


def test_output_file_is_written_whole_and_the_terminal_gets_nothing(cli, tmp_path):
    target = tmp_path / "report.html"
    target.write_text("an older report", encoding="utf-8")
    result = cli("report", EXAMPLES, "-f", "html", "-o", target, "--today", TODAY)
    assert (result.code, result.out, result.err) == (0, "", "")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


def test_output_never_replaces_a_map_it_reads(cli, tmp_path):
    copy = tmp_path / "beta.journey.yaml"
    copy.write_text(as_yaml(BETA), encoding="utf-8")
    before = copy.read_text(encoding="utf-8")
    result = cli("report", tmp_path, "-o", copy, "--today", TODAY)
    assert result.code == 2
    assert (
        result.err
        == f"journeyctl: Cannot write {copy}: it is one of the files this command reads; choose another output.\n"
    )
    assert copy.read_text(encoding="utf-8") == before


def test_output_into_a_missing_folder_fails_before_any_work(cli, tmp_path):
    result = cli("report", EXAMPLES, "-o", tmp_path / "missing" / "report.md")
    assert result.code == 2 and "does not exist" in result.err


def test_text_fits_100_columns_and_has_no_colour_off_a_terminal(cli, portfolio):
    wide = BETA | {"id": "wide", "title": "広い" * 80, "owner": "所有者 " * 40}
    wide["stages"] = [{**BETA["stages"][0], "name": "段階" * 70}]
    (portfolio / "wide.journey.yaml").write_text(as_yaml(wide), encoding="utf-8")
    for args in ((), ("--by", "tag"), ("--weight", "severity"), ("--owner", "ann")):
        result = cli("report", portfolio, "--today", TODAY, *args)
        assert result.code == 0
        too_wide = [line for line in result.out.splitlines() if columns(line) > 100]
        assert too_wide == [], args
        assert "\x1b" not in result.out
    assert "広い" not in result.out and "段階段階段階" in result.out  # the title is not in the text report


def test_colour_on_a_terminal_only_without_no_color(portfolio):
    from datetime import date

    from journeyctl.config.settings import Settings
    from journeyctl.report import report_paths
    from journeyctl.report.portfolio import ReportOptions

    options = ReportOptions(date(2026, 11, 23), fail_on=("overdue",))
    plain, coloured = io.StringIO(), io.StringIO()
    report_paths([str(portfolio)], Settings(), options, "text", None, plain, colour=False)
    report_paths([str(portfolio)], Settings(), options, "text", None, coloured, colour=True)
    assert "\x1b[1mPareto of pain points\x1b[0m" in coloured.getvalue()
    assert "\x1b[31m" in coloured.getvalue()  # the overdue action and the stale map
    assert "\x1b" not in plain.getvalue()
    assert plain.getvalue() == _strip_colour(coloured.getvalue())


def _strip_colour(text: str) -> str:
    import re

    return re.sub("\x1b\\[[0-9;]*m", "", text)


def test_no_color_is_honoured_on_a_terminal(tmp_path):
    # A real terminal: the report runs under `script`, which gives it a pseudo-terminal.
    if os.system("command -v script > /dev/null") != 0:
        pytest.skip("util-linux `script` is not installed")
    import shlex
    import subprocess
    import sys

    from conftest import SRC

    command = shlex.join([sys.executable, "-m", "journeyctl", "report", str(EXAMPLES), "--section", "health"])
    environ = {**os.environ, "PYTHONPATH": str(SRC)}
    shown = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True, env=environ)
    plain = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True,
                           env={**environ, "NO_COLOR": "1"})  # fmt: skip
    assert "\x1b[1mMap health" in shown.stdout
    assert "\x1b[" not in plain.stdout and "Map health" in plain.stdout


def test_workers_give_the_same_report_as_one_process(portfolio):
    from datetime import date

    from journeyctl.config.settings import Settings
    from journeyctl.report import build_portfolio, summarise_paths
    from journeyctl.report.document import report_document
    from journeyctl.report.portfolio import ReportOptions
    from journeyctl.system.parallel import PARALLEL_FROM

    for number in range(PARALLEL_FROM):
        copy = BETA | {"id": f"copy-{number:02d}"}
        (portfolio / f"copy-{number:02d}.journey.yaml").write_text(as_yaml(copy), encoding="utf-8")
    options = ReportOptions(date(2026, 11, 23))
    serial, parallel = (
        report_document(build_portfolio(summarise_paths([str(portfolio)], Settings(), options, jobs), options))
        for jobs in (1, 2)
    )
    assert serial == parallel
    assert len(serial["maps"]) == PARALLEL_FROM + 3


def test_as_a_real_process(tmp_path):
    done = run_journeyctl("report", EXAMPLES, "-f", "json", "--today", TODAY, "--fail-on", "stale", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert [row["id"] for row in json.loads(done.stdout)["maps"]] == [
        "online-store-checkout",
        "plumbing-emergency-call",
        "saas-trial-to-paid",
    ]


def test_a_teams_templates_restyle_the_html_report(cli, tmp_path):
    (tmp_path / "report.html.j2").write_text(
        '{% extends "portfolio.html.j2" %}{% block moments %}{% endblock %}', encoding="utf-8"
    )
    result = cli("report", EXAMPLES, "-f", "html", "--templates", tmp_path, "--today", TODAY)
    assert result.code == 0 and "Prioritisation matrix" in result.out and "Moments that matter" not in result.out


def test_files_named_in_a_folder_and_alone_as_lint_takes_them(cli, portfolio: Path):
    alone = cli("report", portfolio / "beta.journey.yaml", "-f", "json", "--today", TODAY)
    assert [row["id"] for row in json.loads(alone.out)["maps"]] == ["beta"]
    # Named explicitly, a file must be a map: other YAML is a broken map, as for lint.
    other = cli("report", portfolio / "not-a-map.yaml", portfolio / "beta.journey.yaml", "-f", "json", "--today", TODAY)
    assert [s["path"] for s in json.loads(other.out)["skipped"]] == [str(portfolio / "not-a-map.yaml")]


@pytest.mark.parametrize(
    ("name", "start"),
    [("r.html", "<!DOCTYPE html>"), ("r.md", "# Journey portfolio report"), ("r.json", "{"), ("r.txt", "Journey")],
)
def test_the_format_follows_the_output_files_suffix(cli, tmp_path, name, start):
    assert cli("report", EXAMPLES, "-o", tmp_path / name, "--today", TODAY).code == 0
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    assert cli("report", EXAMPLES, "-o", tmp_path / name, "-f", "json", "--today", TODAY).code == 0
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("{")  # --format wins
