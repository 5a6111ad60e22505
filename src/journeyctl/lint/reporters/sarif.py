"""Findings as SARIF 2.1.0, the format GitHub code scanning (upload-sarif) reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from journeyctl import __version__
from journeyctl.core.defaults import DOCS_URL
from journeyctl.core.findings import FileResult, Finding
from journeyctl.core.textsafety import json_text
from journeyctl.lint.reporters.locations import artifact_uri
from journeyctl.lint.reporters.tally import Tally
from journeyctl.rules import RULES, Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = DOCS_URL
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write one SARIF log with every rule and every finding, once every file is checked."""
    index = {code: position for position, code in enumerate(RULES)}
    found = [_result(finding, index) for result in tally.watch(results) for finding in result.findings]
    driver = {
        "name": "journeyctl",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(rule) for rule in RULES.values()],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": found}]}
    out.write(json_text(json.dumps(log, indent=2, ensure_ascii=False)) + "\n")


def _rule(rule: Rule) -> dict[str, Any]:
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "helpUri": rule.url,
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    location = {
        "artifactLocation": {"uri": artifact_uri(finding.path)},
        "region": {"startLine": finding.line, "startColumn": finding.column},
    }
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
