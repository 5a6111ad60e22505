#!/usr/bin/env python3
"""How many valid documents of the YAML test suite journeyctl refuses as syntax errors (E001).

    python bench/yaml_suite.py SUITE_DATA_FOLDER [--src SRC] [--list]

SUITE_DATA_FOLDER is a copy of the `data` branch of https://github.com/yaml/yaml-test-suite (one
folder per case, holding `in.yaml`, `test.event`, `in.json` and, for invalid YAML, `error`). It is
not part of this repository: fetch it for the measurement, e.g.
`git clone -b data https://github.com/yaml/yaml-test-suite /tmp/yaml-test-suite`.

The cases counted are those a journey map could be: valid, one document, a mapping at the top and
no tags (journeyctl refuses tags on purpose, with E003). Each is read by journeyctl's loader (this
checkout's `src/`, or the one `--src` names, to measure another commit), without the check of the
`journeyctl: 1` header that no case has. A refusal with another code than E001 (a duplicate key, a
missing key) is not a syntax error. A case read is compared with the suite's `in.json`, where it
has one. Last, how many of the suite's invalid documents journeyctl reads (any kind). `--list`
prints each case refused, read differently or invalid and read.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

# Event lines that open a node: `+MAP {} &anchor <tag>`, `=VAL &anchor <tag> :value`.
_NODE_EVENTS = ("+MAP", "+SEQ", "=VAL")
_VALUE_STARTS = (":", "'", '"', "|", ">")


def journey_map_cases(suite: Path) -> list[Path]:
    """The folders of the valid single-document cases with a mapping at the top and no tags."""
    found = []
    for events_file in sorted(suite.rglob("test.event")):
        case = events_file.parent
        if (case / "error").exists() or not (case / "in.yaml").exists():
            continue
        events = events_file.read_text(encoding="utf-8").splitlines()
        documents = sum(event.startswith("+DOC") for event in events)
        if documents == 1 and events[2].startswith("+MAP") and not any(_tagged(event) for event in events):
            found.append(case)
    return found


def invalid_cases(suite: Path) -> list[Path]:
    """The folders of the cases that are not valid YAML."""
    return sorted(error.parent for error in suite.rglob("error") if (error.parent / "in.yaml").exists())


def _tagged(event: str) -> bool:
    """Whether an event line carries a tag (`<...>` before the value, whose text may hold `<`)."""
    words = event.split(" ")
    if words[0] not in _NODE_EVENTS:
        return False
    for word in words[1:]:
        if word.startswith(_VALUE_STARTS):
            return False
        if word.startswith("<"):
            return True
    return False


def reader(src: Path) -> Any:
    """A function reading a case with the journeyctl in `src`: (the LoadError or None, the data)."""
    sys.path.insert(0, str(src))
    errors, loader = (
        importlib.import_module("journeyctl.core.errors"),
        importlib.import_module("journeyctl.source.loader"),
    )

    def read(case: Path) -> tuple[Any, Any]:
        try:
            text = loader.decode((case / "in.yaml").read_bytes())
            return None, loader.NodeConverter().convert(loader.compose_text(text))
        except errors.LoadError as error:
            return error, None

    return read


def misread(case: Path, data: Any) -> bool:
    """Whether the data read differs from the suite's JSON of the case (when it has one)."""
    expected = case / "in.json"
    return expected.exists() and json.loads(expected.read_text(encoding="utf-8")) != data


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("suite", type=Path, help="a copy of the yaml-test-suite `data` branch")
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parent.parent / "src")
    parser.add_argument("--list", action="store_true", help="print each case refused or read differently")
    arguments = parser.parse_args()
    cases = journey_map_cases(arguments.suite)
    if not cases:
        parser.error(f"{arguments.suite} holds no test cases: give a copy of the suite's `data` branch")
    read = reader(arguments.src)
    results = {case: read(case) for case in cases}
    refused = {case: error for case, (error, _) in results.items() if error is not None and error.code == "E001"}
    wrong = [case for case, (error, data) in results.items() if error is None and misread(case, data)]
    if arguments.list:
        for case, error in refused.items():
            print(f"{case.relative_to(arguments.suite)}\t{error.line}:{error.column}\t{error.message}")
        for case in wrong:
            print(f"{case.relative_to(arguments.suite)}\tread, but not as the suite's in.json has it")
    print(f"{len(refused)} of {len(cases)} valid single-document cases with a mapping at the top and no tags refused")
    # Issue 18 counted without every case whose events hold a `<` anywhere, values included.
    without = [case for case in cases if "<" not in (case / "test.event").read_text(encoding="utf-8")]
    print(f"{sum(case in refused for case in without)} of {len(without)} without the cases with `<` in their text")
    print(f"{len(wrong)} read differently from the suite's in.json")
    invalid = invalid_cases(arguments.suite)
    accepted = [case for case in invalid if read(case)[0] is None]
    for case in accepted if arguments.list else []:
        print(f"{case.relative_to(arguments.suite)}\tinvalid YAML, read")
    print(f"{len(accepted)} of {len(invalid)} invalid cases read")
    return 0


if __name__ == "__main__":
    sys.exit(main())
