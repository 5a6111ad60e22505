"""fmt lays a map out the same whichever parser composed its nodes.

The loader composes with libyaml, and with ruamel.yaml's pure-Python parser
what libyaml refuses; fmt writes the map from those nodes, so both must give
the same text (their marks, styles and block scalar ends are read alike).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES
from journeyctl.core.positions import SourceMap
from journeyctl.formatter.engine import format_document
from journeyctl.source.loader import Document, parse_document
from journeyctl.source.yamlnodes import NodeConverter

GOLDEN = Path(__file__).parent / "golden"
MAPS = sorted(GOLDEN.glob("*.input.yaml")) + sorted(EXAMPLES.glob("*.yaml"))


def composed_by_the_pure_parser(text: str, path: str) -> Document:
    root = YAML(typ="safe", pure=True).compose(text)
    return Document(path, NodeConverter().convert(root), SourceMap(root))


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
def test_both_parsers_nodes_give_the_same_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    libyaml, pure = parse_document(text, path.name), composed_by_the_pure_parser(text, path.name)
    assert pure.data == libyaml.data
    assert format_document(text, pure) == format_document(text, libyaml)
