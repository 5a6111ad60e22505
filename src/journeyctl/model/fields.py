"""Field types shared by the models: ids, references, dates, links."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated, Any, Union

from pydantic import AfterValidator, BeforeValidator, ConfigDict, PlainValidator, StringConstraints
from pydantic.json_schema import WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
PERSONA_REF_PATTERN = r"^(?:[^#\s]+#)?[a-z0-9][a-z0-9_-]{0,63}$"
LINK_SCHEMES = ("http", "https", "mailto")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The JSON Schema spelling of _check_link (ECMA-262 has no inline flags): the
# scheme before the first colon, then something other than slashes.
LINK_PATTERN = r"^\s*(?:[hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO])\s*:/*[^/]"

# `x-` keys never reach the models (the loader drops them); the JSON Schema,
# which editors apply to the raw file, must allow them on every mapping.
# Built on first use: a run that never meets a persona library never builds its model.
# `.inf` and `.nan` are YAML floats, but no measure is endless, and NaN is not
# even equal to itself (a diff would show it changed against its own copy).
STRICT = ConfigDict(
    strict=True,
    extra="forbid",
    defer_build=True,
    allow_inf_nan=False,
    json_schema_extra={"patternProperties": {"^x-": {}}},
)

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
PersonaRef = Annotated[str, StringConstraints(pattern=PERSONA_REF_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]


def empty_list() -> list[Any]:
    """A new empty list: the default of every list field.

    Not `default_factory=list`: pydantic reads each factory's signature, and a builtin's
    means tokenizing its text signature, some 3 ms of every run's start-up.
    """
    return []


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise PydanticCustomError("date_format", "write dates as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_value", "this date does not exist") from None


def _check_link(value: str) -> str:
    scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
    if scheme not in LINK_SCHEMES or not value.split(":", 1)[1].strip("/"):
        raise PydanticCustomError("link_scheme", "links must start with http://, https:// or mailto:")
    return value


def _text_or_number(value: Any) -> Any:
    # One check instead of a Union, so that a wrong value gives one plain error
    # at the value's own position (a Union adds a location step per member).
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError("text_or_number", "must be text or a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "Input should be a finite number")
    return value


IsoDate = Annotated[
    date, BeforeValidator(_parse_date), WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE.pattern})
]
Link = Annotated[str, AfterValidator(_check_link), WithJsonSchema({"type": "string", "pattern": LINK_PATTERN})]
TextOrNumber = Annotated[
    Union[str, int, float], PlainValidator(_text_or_number, json_schema_input_type=Union[str, int, float])
]
