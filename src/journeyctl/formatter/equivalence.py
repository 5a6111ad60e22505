"""The check before fmt writes: the result means what the file meant, comments included.

The result is loaded again by the one loader (libyaml) and must give the same
data, the same `x-` values (which the loader drops: they are compared on the
node trees) and the very same comments; otherwise nothing is written.
"""

from __future__ import annotations

from typing import Any, NoReturn

from journeyctl.core.errors import JourneyctlError, LoadError
from journeyctl.formatter.lines import comment_texts
from journeyctl.formatter.shape import Source, scalar_spans
from journeyctl.source.loader import Document, parse_document
from journeyctl.source.yamlnodes import NodeConverter

_EXTENSION = "x-"


def verify_equivalent(source: str, formatted: str, path: str) -> None:
    """Refuse (JourneyctlError) a result that would not load to the same data,
    `x-` values included, or would not hold the very same comments."""
    try:
        before = parse_document(source, path)
    except LoadError as error:
        refuse(path, f"the file does not load: {error.message.rstrip('.')}")
    lines = Source.of(source).lines
    verify_document(source, before, comment_texts(lines, scalar_spans(before.source.root)), formatted, path)


def verify_document(source: str, before: Document, comments: list[str], formatted: str, path: str) -> None:
    """verify_equivalent, for a file already loaded (`before`, from `source`) whose comments are known."""
    try:
        after = parse_document(formatted, path)
    except LoadError as error:
        refuse(path, f"the result would not load: {error.message.rstrip('.')}")
    if _dumped(after.data) != _dumped(before.data):
        refuse(path, "the data would change")
    if _EXTENSION in source and not _same_extensions(before.source.root, after.source.root):
        refuse(path, "an `x-` value would change")
    if comment_texts(Source.of(formatted).lines, scalar_spans(after.source.root)) != comments:
        refuse(path, "a comment would be lost or changed")


def refuse(path: str, reason: str) -> NoReturn:
    """Stop with the reason a file is not formatted (a result that differs is journeyctl's bug)."""
    raise JourneyctlError(
        f"{path}: not formatted, because {reason}; the file is left as it is. "
        "Please report this file's layout as a journeyctl bug."
    )


def _dumped(data: Any) -> str:
    # JSON keeps true, 1 and 1.0 apart (Python's == does not), and is written by C;
    # imported here, as `fmt --check` on files already formatted never needs it.
    import json

    return json.dumps(data, sort_keys=True)


def _same_extensions(before: Any, after: Any) -> bool:
    old, new = _extensions(before), _extensions(after)
    seen: set[tuple[int, int]] = set()
    return old.keys() == new.keys() and all(_same_node(old[path], new[path], seen) for path in old)


def _extensions(root: Any) -> dict[tuple[str, ...], Any]:
    """The value node of every `x-` key, by the data path of the key (outside other `x-` values)."""
    found: dict[tuple[str, ...], Any] = {}
    pending: list[tuple[Any, tuple[str, ...]]] = [(root, ())]
    while pending:
        node, path = pending.pop()
        if node.id == "sequence":
            pending.extend((item, (*path, str(index))) for index, item in enumerate(node.value))
        elif node.id == "mapping":
            for key, value in node.value:
                name = str(key.value) if key.id == "scalar" else ""
                if name.startswith(_EXTENSION):
                    found[path + (name,)] = value
                else:
                    pending.append((value, (*path, name)))
    return found


def _same_node(old: Any, new: Any, seen: set[tuple[int, int]]) -> bool:
    """Whether two nodes hold the same data (pairs already compared are not compared again: aliases)."""
    if (id(old), id(new)) in seen:
        return True
    seen.add((id(old), id(new)))
    if old.id != new.id or (old.id != "scalar" and len(old.value) != len(new.value)):
        return False
    if old.id == "scalar":
        return _scalar(old) == _scalar(new)
    if old.id == "sequence":
        return all(_same_node(a, b, seen) for a, b in zip(old.value, new.value, strict=True))
    return all(
        _same_node(old_key, new_key, seen) and _same_node(old_value, new_value, seen)
        for (old_key, old_value), (new_key, new_value) in zip(old.value, new.value, strict=True)
    )


def _scalar(node: Any) -> tuple[str, str]:
    """A scalar's tag and value as the loader reads it (`true` and `True` alike); repr keeps types apart."""
    try:
        return str(node.tag), repr(NodeConverter().convert(node))
    except LoadError:  # a tag of its own, allowed in an `x-` value
        return str(node.tag), repr(node.value)
