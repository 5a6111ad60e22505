"""fmt reads what the loader reads: a map libyaml refuses (valid YAML 1.2) is outlined and
reformatted as it would be without the construct libyaml refuses, comments included."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from conftest import EXAMPLES
from journeyctl.formatter.engine import format_text
from journeyctl.formatter.shape import Source, read_shape
from journeyctl.source.loader import parse_document

# Valid YAML 1.2 that libyaml refuses, and the same width of text that it reads.
REFUSED, READ = "[Why now?]", "[Why now.]"
MAP = (
    "journeyctl: 1\n"
    "title: Empty values and comments\n"
    "owner:   # nobody yet\n"
    "id: empties\n"
    "stages:\n"
    "  - name: A   # stage a\n"
    "    id: a\n"
    "    description:  # to write\n"
    f"    questions: {REFUSED}  # the team asks\n"
    "    touchpoints:\n"
    "      - id: t\n"
    "        name: T\n"
    "        x-notes: {source: , seen: # never\n"
    "          }\n"
)


def libyaml_refuses(text: str) -> bool:
    try:
        YAML(typ="safe", pure=False).compose(text)
    except YAMLError:
        return True
    return False


@pytest.mark.parametrize(
    "text",
    [MAP, *(path.read_text(encoding="utf-8") + f"x-why: {REFUSED}\n" for path in sorted(EXAMPLES.glob("*.yaml")))],
    ids=["empties", *(path.name for path in sorted(EXAMPLES.glob("*.yaml")))],
)
def test_the_outline_of_a_map_libyaml_refuses_is_the_one_it_would_have(text: str) -> None:
    assert libyaml_refuses(text) and not libyaml_refuses(text.replace(REFUSED, READ))
    assert _shape(text) == _shape(text.replace(REFUSED, READ))


def _shape(text: str) -> tuple[object, ...]:
    """What fmt reads of a map's layout: where each key and item is, each scalar, each block's column."""
    shape = read_shape(parse_document(text, "m.yaml").source.root, Source.of(text))
    return shape.slots, shape.scalars, shape.columns


def test_fmt_lays_out_a_map_libyaml_refuses_as_it_would_without_the_construct() -> None:
    formatted = format_text(MAP, "map.journey.yaml")
    assert formatted.replace(REFUSED, READ) == format_text(MAP.replace(REFUSED, READ), "map.journey.yaml")
    assert "owner:  # nobody yet\n" in formatted and f"questions: {REFUSED}  # the team asks\n" in formatted
