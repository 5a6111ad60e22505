"""Model validation, with Pydantic's errors turned into plain-language problems."""

from __future__ import annotations

from typing import Any, Literal, Optional, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from journeyctl.core.findings import Problem
from journeyctl.model.journey import JourneyMap, PersonaLibrary
from journeyctl.model.spelling import close_matches, did_you_mean
from journeyctl.model.walk import ITEM_NAMES

MapModel = Union[JourneyMap, PersonaLibrary]
_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a decimal number",
    bool: "true/false",
    list: "a list",
    dict: "a mapping",
    type(None): "nothing (empty)",
}
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "`true` or `false`",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "int_from_float": "a whole number",
}


class InvalidMap(Exception):
    """The data does not fit the format: a list of (code, problem)."""

    def __init__(self, problems: list[tuple[str, Problem]]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def validate_map(data: dict[str, Any]) -> MapModel:
    """The model for a loaded file's data, or InvalidMap."""
    model = _model_class(data)
    try:
        return model.model_validate(data)  # type: ignore[return-value]
    except ValidationError as error:
        raise InvalidMap([_problem(detail, data, model) for detail in error.errors()]) from None


def _problem(detail: Any, data: dict[str, Any], model: type[BaseModel]) -> tuple[str, Problem]:
    loc = tuple(
        part
        for part in detail["loc"]
        if not isinstance(part, str) or not part.startswith(("function-", "constrained-"))
    )
    kind, value = detail["type"], detail.get("input")
    if kind == "missing":
        owner = _describe(loc[:-1], data)
        return "E010", Problem(loc[:-1], f"{owner} is missing the required key `{loc[-1]}`.", at_key=bool(loc[:-1]))
    if kind == "extra_forbidden":
        return "E011", Problem(loc, _unknown_key(loc, model), at_key=True)
    return "E012", Problem(loc, _invalid_value(kind, value, detail, loc, model))


def _describe(path: tuple[Any, ...], data: Any) -> str:
    """`Touchpoint `pay`` for a path ending in a list item; `The journey map` at the top."""
    if not path:
        return "The " + ("persona library" if data.get("kind") == "personas" else "journey map")
    node: Any = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    name = ITEM_NAMES.get(str(path[-2]), "item") if isinstance(path[-1], int) else f"`{path[-1]}`"
    ident = node.get("id") or node.get("name") if isinstance(node, dict) else None
    label = f"{name} `{ident}`" if isinstance(ident, str) else name
    return label[0].upper() + label[1:] if isinstance(path[-1], int) else f"The mapping {label}"


def key_candidates(data: dict[str, Any], loc: tuple[Any, ...]) -> list[str]:
    """The keys of the format an unknown key at data path `loc` may have been meant as, closest first."""
    return _key_candidates(loc, _model_class(data))


def choices(data: dict[str, Any], loc: tuple[Any, ...]) -> list[str]:
    """The values a field with a fixed list of choices (`severity`, `status`) allows at data path `loc`;
    [] for any other field."""
    item = _model_at(loc[:-1], _model_class(data)) if loc and isinstance(loc[-1], str) else None
    field = item.model_fields.get(loc[-1]) if item is not None else None
    return _literal_texts(field.annotation) if field is not None else []


def _literal_texts(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [value for value in get_args(annotation) if isinstance(value, str)]
    return [value for arg in get_args(annotation) for value in _literal_texts(arg)]


def _model_class(data: dict[str, Any]) -> type[BaseModel]:
    return PersonaLibrary if data.get("kind") == "personas" else JourneyMap


def _key_candidates(loc: tuple[Any, ...], model: type[BaseModel]) -> list[str]:
    return close_matches(str(loc[-1]), _known_keys(loc[:-1], model))


def _unknown_key(loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    if loc[-1] == "<<":
        return "`<<` (a YAML merge key) is not supported in journey maps: write the keys out in full."
    hint = did_you_mean(_key_candidates(loc, model))
    return f"`{loc[-1]}` is not a key of the format.{hint} Keys of your own must start with `x-`."


def _known_keys(path: tuple[Any, ...], model: type[BaseModel]) -> list[str]:
    current = _model_at(path, model)
    return list(current.model_fields) if current is not None else []


def _model_at(path: tuple[Any, ...], model: type[BaseModel]) -> Any:
    """The model class of the item at `path` (None when it is not an item)."""
    current: Any = model
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        current = nested_model(field.annotation) if field else None
    return current


def nested_model(annotation: Any) -> Optional[type[BaseModel]]:
    """The model a field's type holds (`list[Stage]` gives Stage), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


def _invalid_value(kind: str, value: Any, detail: Any, loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    ctx = detail.get("ctx") or {}
    if kind in _EXPECTED:
        return _wrong_type(kind, value, _field(loc), _expected(kind, loc, model))
    if kind == "finite_number":
        return f"{_field(loc)} must be a finite number, not `{_show(value)}`."
    if kind == "text_or_number":
        return (
            f"{_field(loc)} must be text or a number, but this is "
            f"{_TYPE_NAMES.get(type(value), 'something else')} (`{_show(value)}`)."
        )
    if kind == "string_pattern_mismatch":
        if "#" in str(ctx.get("pattern", "")):
            return (
                f"`{_show(value)}` is not a persona reference: write a persona's id (lowercase "
                "letters, digits, `-` or `_`), or `personas.yaml#persona-id` for a persona library."
            )
        what = "tag" if len(loc) > 1 and loc[-2] == "tags" else "id"
        return (
            f"`{_show(value)}` is not a valid {what}: use 1 to 64 lowercase "
            "letters, digits, `-` or `_`, starting with a letter or digit."
        )
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace("'", "`")
        return f"{_field(loc)} cannot be `{_show(value)}`; use one of: {choices}."
    if kind in ("too_short", "string_too_short"):
        return f"{_field(loc)} must not be empty."
    if kind in ("greater_than_equal", "greater_than", "less_than_equal"):
        return _out_of_range(kind, value, ctx, loc, model)
    if kind in ("date_format", "date_value"):
        return f"`{_show(value)}` is not a valid date: {detail['msg']}."
    if kind == "link_scheme":
        return f"`{_show(value)}` is not an allowed link: {detail['msg']}."
    if kind == "value_error":
        message = str(ctx.get("error", detail["msg"]))
        return message[:1].upper() + message[1:] + "."
    return f"{_field(loc)} is not valid: {detail['msg']}."


def _out_of_range(kind: str, value: Any, ctx: dict[str, Any], loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    """`impact` must be from 1 (lowest) to 5 (highest): both bounds when the field has both."""
    item = _model_at(loc[:-1], model)
    field = item.model_fields.get(loc[-1]) if item is not None and isinstance(loc[-1], str) else None
    bounds = {
        name: getattr(rule, name)
        for rule in (field.metadata if field else ())
        for name in ("ge", "le")
        if hasattr(rule, name)
    }
    if "ge" in bounds and "le" in bounds:
        low, high = bounds["ge"], bounds["le"]
        return f"{_field(loc)} must be a whole number from {low} (lowest) to {high} (highest), not {_show(value)}."
    if kind == "less_than_equal":
        return f"{_field(loc)} must be at most {ctx.get('le')}, not {_show(value)}."
    return f"{_field(loc)} must be at least {ctx.get('ge', ctx.get('gt'))}, not {_show(value)}."


def _field(loc: tuple[Any, ...]) -> str:
    """How a message names the value at `loc`: `title`, or each entry of `tags`."""
    if loc and isinstance(loc[-1], str):
        return f"`{loc[-1]}`"
    if len(loc) > 1 and isinstance(loc[-2], str):
        return f"Each entry of `{loc[-2]}`"
    return "This item"


def _expected(kind: str, loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    """What a value must be; for an item, with the keys it needs (`id:` and `name:`)."""
    item = _model_at(loc, model) if kind in ("model_type", "model_attributes_type") else None
    if item is None:
        return _EXPECTED[kind]
    required = [f"`{name}:`" for name, field in item.model_fields.items() if field.is_required()]
    return f"a mapping of keys such as {' and '.join(required)}"


def _wrong_type(kind: str, value: Any, field: str, expected: str) -> str:
    if value is None:
        return f"{field} must be {expected}, but it is empty."
    found = _TYPE_NAMES.get(type(value), "something else")
    return f"{field} must be {expected}, but this is {found} (`{_show(value)}`).{_hint(kind, value)}"


def _hint(kind: str, value: Any) -> str:
    """How to write a value of the wrong type so that it fits."""
    if kind == "string_type" and isinstance(value, (bool, int, float)):
        return " Put it in quotes if it is meant as text."
    if kind == "bool_type" and isinstance(value, str):
        if value.lower() in ("true", "false"):
            return " Remove the quotes."
        return " Only `true` and `false` are booleans in a journey map."
    if kind in ("int_type", "float_type") and isinstance(value, str) and _is_number(value):
        return " Remove the quotes."
    if kind == "list_type" and isinstance(value, (str, int, float)) and _short_word(str(value)):
        return f" For a list of one, write `[{value}]`."
    if kind == "list_type" and isinstance(value, (str, dict)):
        return " Start each entry of a list with `- `."
    return ""


def _short_word(text: str) -> bool:
    """Whether `[text]` is a valid, readable one-entry list."""
    return len(text) <= 30 and not set(text) & set(",:#[]{}'\"\n")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _show(value: Any) -> str:
    """A value as it would be written in YAML, shortened for a message."""
    text = _as_yaml(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "..."


def _as_yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(map(_as_yaml, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_as_yaml(item)}" for key, item in value.items()) + "}"
    return str(value)
