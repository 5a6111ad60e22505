"""The JSON Schema of the format, generated from the Pydantic models.

Editors (VS Code's YAML extension, JetBrains IDEs) use it for completion, hover
help and checks while typing; `check-jsonschema` uses it in CI. It describes the
file as written: `x-` keys are allowed on every mapping, and `kind` selects
between a journey map and a persona library. What a schema cannot say (unique
ids, references, `min < max`) stays with `journeyctl lint`.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from journeyctl.model import JourneyMap, PersonaLibrary

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://journeyctl.dev/schema/v1/journeyctl.schema.json"


class _Generator(GenerateJsonSchema):
    """Pydantic's generator without the `title` it derives from each field name."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def build_schema() -> dict[str, Any]:
    """The schema of a journeyctl file (format version 1), as a dict."""
    _, top = models_json_schema(
        [(JourneyMap, "validation"), (PersonaLibrary, "validation")],
        ref_template="#/$defs/{model}",
        schema_generator=_Generator,
    )
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "journeyctl file (format version 1)",
        "description": (
            "A customer journey map (`kind: journey`, the default) or a persona library "
            "(`kind: personas`). Keys starting with `x-` are allowed on every mapping."
        ),
        "type": "object",
        "if": {"properties": {"kind": {"const": "personas"}}, "required": ["kind"]},
        "then": {"$ref": "#/$defs/PersonaLibrary"},
        "else": {"$ref": "#/$defs/JourneyMap"},
        "$defs": top["$defs"],
    }


def schema_text() -> str:
    """The schema as the JSON text journeyctl prints and the repository keeps."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
