"""The JSON Schema: generated from the models, kept in the repository, and
checked with the real check-jsonschema CLI against valid and broken maps."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, ROOT
from journeyctl.model.schema import build_schema, schema_text

SCHEMA_FILE = ROOT / "schema" / "journeyctl.schema.json"
CASES = Path(__file__).parent / "cases"
INVALID = sorted((CASES / "invalid").glob("*.yaml"))
VALID = sorted((CASES / "valid").glob("*.yaml"))
MODELINE = "# yaml-language-server: $schema=../schema/journeyctl.schema.json\n"

needs_cli = pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema is not installed")


def check_jsonschema(*files: Path) -> dict:
    """Run the real check-jsonschema CLI with the committed schema; its JSON report."""
    result = subprocess.run(
        ["check-jsonschema", "--schemafile", str(SCHEMA_FILE), "--output-format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert (result.returncode == 0) == (report["status"] == "ok"), result.stderr
    return report


def header(path: Path, name: str) -> str | None:
    match = re.search(rf"^# {name}: (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1) if match else None


def test_committed_schema_is_up_to_date():
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN"):
        SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schema/journeyctl.schema.json is out of date: run `journeyctl schema -o schema/journeyctl.schema.json`"
    )


def test_schema_command_prints_the_committed_schema(cli):
    result = cli("schema")
    assert (result.code, result.err) == (0, "")
    assert result.out == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_command_writes_the_committed_schema_to_a_file(cli, tmp_path):
    target = tmp_path / "journeyctl.schema.json"
    result = cli("schema", "-o", target)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8")


def test_committed_schema_is_a_valid_2020_12_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator


# docs/format-v1.md, the public API: each object's required keys, then its optional ones.
FORMAT_V1 = {
    "JourneyMap": (
        {"journeyctl", "id", "title", "stages"},
        {"kind", "description", "state", "owner", "persona", "personas", "sources", "last_reviewed"}
        | {"review_every_days", "scale", "tags"},
    ),
    "PersonaLibrary": ({"journeyctl", "kind", "personas"}, set()),
    "Persona": (
        {"id", "name"},
        {"description", "role", "quote", "demographics", "goals", "motivations", "frustrations"},
    ),
    "Source": ({"id", "kind"}, {"title", "date", "url"}),
    "Stage": ({"id", "name"}, {"description", "customer_goal", "questions", "next_step", "touchpoints"}),
    "Touchpoint": (
        {"id", "name"},
        {"channel", "owner", "critical", "doing", "thinking", "feeling", "emotion", "backstage", "evidence"}
        | {"metrics", "pain_points", "opportunities"},
    ),
    "Metric": ({"name", "value"}, {"target", "unit", "better"}),
    "PainPoint": ({"id", "description"}, {"severity", "occurrences", "evidence", "tags"}),
    "Opportunity": (
        {"id", "description"},
        {"addresses", "owner", "due", "status", "expected_outcome", "impact", "effort"},
    ),
    "Scale": ({"min", "max"}, set()),
}


def test_committed_schema_has_the_objects_and_keys_of_the_format():
    definitions = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    found = {
        name: (set(spec.get("required", [])), set(spec["properties"]) - set(spec.get("required", [])))
        for name, spec in definitions.items()
    }
    assert found == FORMAT_V1


def test_schema_into_a_missing_folder_is_a_plain_error(cli, tmp_path):
    result = cli("schema", "-o", tmp_path / "nowhere" / "schema.json")
    assert result.code == 2
    assert result.err.startswith("journeyctl: Cannot write ")
    assert "does not exist" in result.err


def test_schema_header():
    schema = build_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://") and schema["$id"].endswith(".json")
    assert schema["then"] == {"$ref": "#/$defs/PersonaLibrary"}
    assert schema["else"] == {"$ref": "#/$defs/JourneyMap"}


def test_every_object_describes_its_fields_and_allows_x_keys():
    for name, definition in build_schema()["$defs"].items():
        assert definition["description"], name
        assert definition["additionalProperties"] is False, name
        assert definition["patternProperties"] == {"^x-": {}}, name
        for field, spec in definition["properties"].items():
            assert spec.get("description"), f"{name}.{field} has no description"
            assert "title" not in spec, f"{name}.{field}"


def test_dates_links_and_ids_have_patterns():
    defs = build_schema()["$defs"]
    due = defs["Opportunity"]["properties"]["due"]["anyOf"][0]
    assert due == {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    url = defs["Source"]["properties"]["url"]["anyOf"][0]
    for good in ("https://example.com", "http://x", "mailto:a@example.com", "HTTPS://EXAMPLE.COM"):
        assert re.search(url["pattern"], good), good
    for bad in ("javascript:alert(1)", "ftp://example.com", "https://", "example.com", "data:text/html,x"):
        assert not re.search(url["pattern"], bad), bad
    assert defs["Stage"]["properties"]["id"]["pattern"] == "^[a-z0-9][a-z0-9_-]{0,63}$"


def test_example_maps_carry_the_modeline():
    for path in sorted(EXAMPLES.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(MODELINE), path.name


@needs_cli
def test_check_jsonschema_accepts_the_examples_and_valid_maps():
    files = sorted(EXAMPLES.glob("*.yaml")) + VALID
    report = check_jsonschema(*files)
    assert report["status"] == "ok", report["errors"]
    assert len(files) >= 8


@needs_cli
def test_check_jsonschema_rejects_each_broken_map_where_it_is_broken():
    report = check_jsonschema(*INVALID)
    failed = {Path(error["filename"]).name: error["path"] for error in report["errors"]}
    expected = {path.name: header(path, "schema") for path in INVALID}
    assert failed == expected
    assert report["parse_errors"] == []
    assert len(INVALID) >= 20


@pytest.mark.parametrize("path", [p for p in INVALID if header(p, "lint")], ids=lambda p: p.stem)
def test_lint_agrees_with_the_schema_on_broken_maps(cli, path):
    result = cli("lint", "--format", "json", path)
    codes = {finding["code"] for finding in json.loads(result.out)["findings"]}
    assert header(path, "lint") in codes


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_lint_agrees_with_the_schema_on_valid_maps(cli, path):
    result = cli("lint", "--format", "json", path)
    codes = {finding["code"] for finding in json.loads(result.out)["findings"]}
    assert not {code for code in codes if code.startswith("E")}
