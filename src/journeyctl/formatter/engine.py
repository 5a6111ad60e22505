"""fmt's engine: one map's text in, its canonical text out.

The data is re-emitted by ruamel.yaml's round-trip mode in canonical order and
layout (layout.py); the comments are read from the original text and put back
beside the same keys and items (comments.py, splice.py). Before the result is
accepted it is checked: it must load to the very same data (including `x-`
keys) and hold the very same comments, otherwise nothing is written.
"""

from __future__ import annotations

import functools
import io
import math
import re
from typing import Any, NoReturn

from journeyctl.check.service import Checker
from journeyctl.core.errors import JourneyctlError, LoadError
from journeyctl.formatter.comments import comment_texts, read_comments, untabbed
from journeyctl.formatter.layout import arrange
from journeyctl.formatter.outline import Outline, outline
from journeyctl.formatter.splice import assemble, place_comments
from journeyctl.source.loader import parse_document

# No line is ever folded: long strings stay on one line, as they were written.
NEVER_WRAP = 10**9
_FIRST_BREAK = re.compile(r"\r\n|\r|\n")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9]")


def format_text(text: str, path: str, kind: str | None = None) -> str:
    """The canonical text of one map, with its comments, line endings and meaning.

    `kind` is the map's (journey or personas) when the caller has checked it already.
    Raises InvalidInput (positioned findings) when the map does not load or
    validate, and JourneyctlError when the result would not be equivalent.
    """
    if kind is None:
        kind = Checker("fmt").check_text(text, path).require()[0].kind
    newline = _line_ending(text)
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    formatted = _format(source, kind, path)
    verify_equivalent(source, formatted, path)
    return formatted.replace("\n", newline)


def canonical_text(data: Any, kind: str = "journey") -> str:
    """New data (ruamel.yaml's round-trip types for styles) as fmt would lay it out: for maps
    written by a program, so that the first `fmt` changes nothing."""
    stream = io.StringIO()
    _yaml().dump(arrange(data, kind), stream)
    return stream.getvalue()


def verify_equivalent(source: str, formatted: str, path: str) -> None:
    """Refuse (JourneyctlError) a result that would not load to the same data,
    `x-` values included, or would not hold the very same comments."""
    try:
        before, after = parse_document(source, path), parse_document(formatted, path)
    except LoadError as error:
        _refuse(path, f"the result would not load: {error.message.rstrip('.')}")
    if _comparable(after.data) != _comparable(before.data):
        _refuse(path, "the data would change")
    shape = outline(source)
    if comment_texts(formatted.split("\n"), _outline_of_result(formatted, path)) != comment_texts(
        source.split("\n"), shape
    ):
        _refuse(path, "a comment would be lost or changed")
    # The loader drops `x-` keys, so they are compared on round-trip loads,
    # which cost as much as formatting: only for files that have any.
    if any(str(part).startswith("x-") for slot in shape.slots for part in slot.path[-1:]):
        if _comparable(_load(formatted, path)) != _comparable(_load(_rt_input(source, shape), path)):
            _refuse(path, "an `x-` value would change")


def _line_ending(text: str) -> str:
    """The file's line ending, from its first line: LF, CRLF or (rarely) CR."""
    match = _FIRST_BREAK.search(text)
    return match.group() if match else "\n"


def _format(source: str, kind: str, path: str) -> str:
    lines, shape = source.split("\n"), outline(source)
    comments = read_comments(lines, shape)
    stream = io.StringIO()
    _yaml().dump(arrange(_load(_rt_input(source, shape), path), kind), stream)
    emitted = stream.getvalue()
    spliced = place_comments(emitted.split("\n")[:-1], _outline_of_result(emitted, path).slots, comments)
    return assemble(comments.preamble, spliced, comments.trailer)


def _rt_input(source: str, shape: Outline) -> str:
    """The text for ruamel.yaml's round-trip loader: separating tabs made spaces."""
    return "\n".join(untabbed(source.split("\n"), shape)) if "\t" in source else source


def _outline_of_result(text: str, path: str) -> Outline:
    from ruamel.yaml.error import YAMLError

    try:
        return outline(text)
    except YAMLError as error:
        _refuse(path, f"the result would not parse ({getattr(error, 'problem', None) or error})")


def _refuse(path: str, reason: str) -> NoReturn:
    raise JourneyctlError(
        f"{path}: not formatted, because {reason}; the file is left as it is. "
        "Please report this file's layout as a journeyctl bug."
    )


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Representer = _representer()
    yaml.preserve_quotes = True
    yaml.width = NEVER_WRAP
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


@functools.lru_cache(maxsize=None)
def _representer() -> type:
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.scalarfloat import ScalarFloat

    class Representer(RoundTripRepresenter):
        pass

    Representer.add_representer(ScalarFloat, _represent_float)
    return Representer


def _represent_float(representer: Any, value: float) -> Any:
    """A float as ruamel spells it back, when that is the same number written plainly.

    ruamel rebuilds a float's text from its parts, which can drift: a 17-digit
    `3.232642424992397e+16` comes back one digit off, `1_000.5` as `01000.5`.
    Those are written as Python's shortest exact spelling instead.
    """
    node = representer.represent_scalar_float(value)
    spelled = node.value.replace("_", "")
    if _LEADING_ZERO.match(spelled) or not math.isfinite(value) or float(spelled) != value:
        node.value = repr(float(value)) if math.isfinite(value) else node.value
    return node


def _load(text: str, path: str) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        return _yaml().load(text)
    except YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise JourneyctlError(
            (
                f"{path}: not formatted: its layout is beyond ruamel.yaml's "
                f"round-trip mode ({problem}); the file is left as it is."
            )
        ) from None


def _comparable(value: Any) -> Any:
    """Data in a form where equal means the same: types kept apart, NaN equal to NaN."""
    from ruamel.yaml.comments import TaggedScalar
    from ruamel.yaml.scalarbool import ScalarBoolean

    if isinstance(value, dict):
        return {_comparable(key): _comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, (bool, ScalarBoolean)):
        return ("bool", bool(value))
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else float(value))
    if isinstance(value, str):
        return ("str", str(value))
    if isinstance(value, TaggedScalar):
        return ("tagged", str(value.tag), str(value.value))
    return (type(value).__name__, value)
