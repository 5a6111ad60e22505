"""Reformatting a map is never a change: the example maps written in other styles."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from conftest import EXAMPLES
from journeyctl.source.loader import load_document

MAPS = sorted(EXAMPLES.glob("*.yaml"))


def reversed_keys(data: Any) -> Any:
    """The same data with every mapping's keys in reverse order."""
    if isinstance(data, dict):
        return {key: reversed_keys(data[key]) for key in reversed(list(data))}
    if isinstance(data, list):
        return [reversed_keys(item) for item in data]
    return data


def restyled(data: Any, depth: int = 0) -> Any:
    """Round-trip nodes: strings double-quoted, lists of scalars in flow style, comments, x- keys."""
    if isinstance(data, dict):
        node = CommentedMap((key, restyled(value, depth + 1)) for key, value in data.items())
        node.yaml_set_start_comment(f"comment at depth {depth}")
        node["x-reformatted"] = True
        return node
    if isinstance(data, list):
        node = CommentedSeq(restyled(item, depth + 1) for item in data)
        if all(not isinstance(item, (dict, list)) for item in data):
            node.fa.set_flow_style()
        return node
    return DoubleQuotedScalarString(data) if isinstance(data, str) else data


def as_json(data: Any) -> str:
    # JSON is YAML 1.2: everything quoted, flow style, no comments.
    return json.dumps(reversed_keys(data), indent=1, ensure_ascii=False)


def as_restyled_yaml(data: Any) -> str:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=4, sequence=6, offset=4)
    yaml.width = 40
    out = StringIO()
    yaml.dump(restyled(reversed_keys(data)), out)
    return out.getvalue()


@pytest.mark.parametrize("write", [as_json, as_restyled_yaml], ids=["json", "restyled-yaml"])
@pytest.mark.parametrize("path", MAPS, ids=[path.name for path in MAPS])
def test_reformatted_example_has_no_changes(path: Path, write, tmp_path: Path, cli) -> None:
    variant = tmp_path / path.name
    variant.write_text(write(load_document(str(path)).data), encoding="utf-8")
    assert variant.read_text(encoding="utf-8") != path.read_text(encoding="utf-8")
    result = cli("diff", path, variant, "--exit-code")
    assert (result.code, result.out, result.err) == (0, "No changes.\n", "")
