"""Findings as JUnit XML, the test report Jenkins, Azure DevOps and GitLab read.

A test suite per file checked, a failing test case per error or warning (named
after its rule and position), and one passing test case for a file with none, so
that a clean run still shows every file as checked. Info findings are never
failures: they are listed in the file's `system-out`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO
from xml.etree import ElementTree

from journeyctl.core.findings import FileResult, Finding
from journeyctl.lint.reporters.locations import display_path
from journeyctl.lint.reporters.tally import Tally

# Characters XML 1.0 cannot hold at all, even escaped: shown as U+FFFD.
_XML_FORBIDDEN = {code: 0xFFFD for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}


def write(results: Iterable[FileResult], tally: Tally, out: TextIO, colour: bool = False, quiet: bool = False) -> None:
    """Write one `<testsuites>` document once every file is checked."""
    suites = ElementTree.Element("testsuites", name="journeyctl lint")
    for result in tally.watch(results):
        suites.append(_suite(result))
    failures = sum(int(suite.get("failures", "0")) for suite in suites)
    suites.set("tests", str(sum(int(suite.get("tests", "0")) for suite in suites)))
    suites.set("failures", str(failures))
    suites.set("errors", "0")
    ElementTree.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(suites, encoding="unicode"))
    out.write("\n")


def _suite(result: FileResult) -> ElementTree.Element:
    path = _xml(display_path(result.path))
    failing = [finding for finding in result.findings if finding.severity != "info"]
    notes = [finding for finding in result.findings if finding.severity == "info"]
    suite = ElementTree.Element("testsuite", name=path, tests=str(max(1, len(failing))), file=path)
    suite.set("failures", str(len(failing)))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    for finding in failing:
        suite.append(_case(path, finding))
    if not failing:
        ElementTree.SubElement(suite, "testcase", classname=path, name="journeyctl lint")
    if notes:
        ElementTree.SubElement(suite, "system-out").text = "\n".join(_line(path, finding) for finding in notes)
    return suite


def _case(path: str, finding: Finding) -> ElementTree.Element:
    name = f"{finding.code} {finding.name} at {finding.line}:{finding.column}"
    case = ElementTree.Element("testcase", classname=path, name=name)
    failure = ElementTree.SubElement(case, "failure", message=_xml(finding.message), type=finding.severity)
    failure.text = _line(path, finding)
    return case


def _line(path: str, finding: Finding) -> str:
    return _xml(f"{path}:{finding.line}:{finding.column}: {finding.code} {finding.name} {finding.message}")


def _xml(text: str) -> str:
    return text.translate(_XML_FORBIDDEN)
