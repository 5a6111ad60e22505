"""Field values as plain JSON data, and as short, safe text for people."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Callable

from pydantic import BaseModel

from journeyctl.core.textsafety import terminal_text


def plain(value: Any) -> Any:
    """A model value as JSON data: dates as ISO strings, whole floats as ints."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def item_data(item: BaseModel, fields: list[str]) -> dict[str, Any]:
    """An item's own fields as JSON data, leaving out the ones it does not set."""
    data = {"id": item.id} if hasattr(item, "id") else {}
    for name in fields:
        value = plain(getattr(item, name))
        if value is not None and value != []:
            data[name] = value
    return data


def json_quote(text: str) -> str:
    """`"text"` with quotes, backslashes and control characters escaped as in JSON, and the rest
    of the text-safety policy as on a terminal (`\\u202e`)."""
    return terminal_text(json.dumps(text, ensure_ascii=False))


def show(value: Any, quote: Callable[[str], str] = json_quote) -> str:
    """A plain value for people: text quoted by `quote`, lists in brackets, `(none)` for no value."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return "[" + ", ".join(show(item, quote) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {show(item, quote)}" for key, item in value.items()) + "}"
    return str(value)


def shorten(text: str, width: int = 60) -> str:
    """One line of at most `width` characters, ending in `...` when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 3].rstrip() + "..."
