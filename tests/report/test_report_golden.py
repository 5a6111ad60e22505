"""The report of examples/ in every format, byte for byte (JOURNEYCTL_UPDATE_GOLDEN=1 rewrites the files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, check_golden, without_stylesheet
from journeyctl import __version__

GOLDEN = Path(__file__).parent / "golden"
FORMATS = {"text": "examples.txt", "markdown": "examples.md", "json": "examples.json", "html": "examples.html"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_examples(cli, fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("report", "examples", "--format", fmt, "--today", TODAY)
    assert (result.code, result.err) == (0, "")
    output = result.out
    if fmt == "json":  # the version changes with every release, not with the report
        document = json.loads(output)
        assert document.pop("version") == __version__
        output = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        output = without_stylesheet(output)
    check_golden(FORMATS[fmt], output, GOLDEN)


def test_by_tag_weighted_by_severity(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("report", "examples", "--by", "tag", "--weight", "severity", "--section", "pareto", "--today", TODAY)
    assert (result.code, result.err) == (0, "")
    check_golden("examples-by-tag.txt", result.out, GOLDEN)
