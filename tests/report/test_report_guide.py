"""docs/guides/report.md is true: every console example prints what the guide shows, and every option is in it."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT

GUIDE = ROOT / "docs" / "guides" / "report.md"
TEXT = GUIDE.read_text(encoding="utf-8")
EXAMPLES = re.findall(r"^```console\n\$ (journeyctl [^\n]+)\n(.*?)^```$", TEXT, re.MULTILINE | re.DOTALL)


def test_the_guide_has_a_real_report():
    assert EXAMPLES and all("report examples" in command for command, _ in EXAMPLES)


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_each_console_example_prints_what_the_guide_shows(cli, monkeypatch, command, shown):
    monkeypatch.chdir(ROOT)
    result = cli(*shlex.split(command)[1:])
    assert (result.code, result.err) == (0, "")
    assert result.out == shown


def test_every_option_of_the_command_is_in_the_guide(cli):
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", cli("report", "--help").out)) - {"--help"}
    assert options and {option for option in options if f"`{option}" not in TEXT} == set()


def test_every_key_of_the_json_document_is_in_the_guide(cli, monkeypatch):
    import json

    monkeypatch.chdir(ROOT)
    document = json.loads(cli("report", "examples", "-f", "json", "--today", "2026-11-23", "--by", "tag").out)
    keys = set(document) | set(document["pareto"]) | set(document["fail_on"])
    for listed in (document["maps"], document["pareto"]["items"], document["actions"], document["moments"]):
        keys |= set(listed[0])
    keys |= set(document["pareto"]["items"][0]["pain_points"][0])
    assert {key for key in keys if f"`{key}`" not in TEXT} == set()
