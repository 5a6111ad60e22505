"""A composed node tree to plain Python data, whichever parser composed it.

The YAML 1.2 core schema (the resolver both parsers are given); rejects duplicate
keys, custom tags, alias expansion beyond a budget, nesting beyond a depth limit
and numbers too long to print, each as a positioned LoadError.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from journeyctl.source.yamlerrors import load_error

MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000
MAX_NUMBER_CHARS = 100
TOO_DEEP = f"The file nests deeper than {MAX_DEPTH} levels; a journey map needs fewer than ten."

_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL, _MAP, _SEQ = (
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
)
_TEXT_TAGS = {_STR, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}


@functools.lru_cache(maxsize=None)
def core_schema_resolver() -> type:
    """A resolver for the YAML 1.2 core schema that skips ruamel's per-scalar
    version lookups and shares one Tag object per tag: half the load time."""
    from ruamel.yaml.nodes import ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver, implicit_resolvers
    from ruamel.yaml.tag import Tag

    shared = {tag: Tag(suffix=tag) for tag in (_STR, _INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ)}
    by_first: dict[Any, list[tuple[Any, Any]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            for char in first or (None,):
                by_first.setdefault(char, []).append((shared.setdefault(tag, Tag(suffix=tag)), regexp))

    class CoreSchemaResolver(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, regexp in by_first.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return shared[_STR]
            return shared[_SEQ] if kind is SequenceNode else shared[_MAP]

    return CoreSchemaResolver


class NodeConverter:
    """Converts composed nodes to dicts, lists and scalars, enforcing the limits."""

    def __init__(self) -> None:
        self._done: set[int] = set()
        self._open: set[int] = set()
        self._alias_nodes = 0
        # The collections being converted that are not alias expansions: the
        # innermost one is where an expansion starts, and where a bomb is shown.
        self._written: list[Any] = []

    def convert(self, node: Any, depth: int = 0, aliased: bool = False) -> Any:
        """Plain data for `node`; keys starting with `x-` are dropped."""
        if depth > MAX_DEPTH:
            raise load_error("E003", node.start_mark, TOO_DEEP)
        tag = _tag(node)
        if node.id != "scalar":
            if tag != {"sequence": _SEQ, "mapping": _MAP}[node.id]:
                raise _tag_error(node, tag)
            return self._collection(node, tag, depth, aliased)
        if aliased:
            self._count_alias(node)
        return _scalar(node, tag)

    def _collection(self, node: Any, tag: str, depth: int, aliased: bool) -> Any:
        ident = id(node)
        if ident in self._open:
            raise load_error(
                "E003", node.start_mark, "An alias refers to the collection that contains it, which would never end."
            )
        aliased = aliased or ident in self._done
        if aliased:
            self._count_alias(node)
        else:
            self._written.append(node)
        self._open.add(ident)
        if tag == _SEQ:
            result: Any = [self.convert(item, depth + 1, aliased) for item in node.value]
        else:
            result = self._mapping(node, depth, aliased)
        self._open.discard(ident)
        if not aliased:
            self._written.pop()
        self._done.add(ident)
        return result

    def _mapping(self, node: Any, depth: int, aliased: bool) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise load_error("E012", key_node.start_mark, "A key must be a plain word, not a list or a mapping.")
            tag = _tag(key_node)
            _scalar(key_node, tag)  # rejects tags
            # Keys are text as written: `0x10` stays `0x10`, so positions are found by it.
            key = str(key_node.value)
            if not key and tag == _NULL:
                raise load_error("E012", key_node.start_mark, "A key is missing before this `:`.")
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise load_error(
                    "E002",
                    key_node.start_mark,
                    f"The key `{key}` appears twice in this mapping (first on line {first}); remove one.",
                )
            seen[key] = key_node
            if not key.startswith("x-"):
                result[key] = self.convert(value_node, depth + 1, aliased)
            else:
                _check_depth(value_node, depth + 1)
        return result

    def _count_alias(self, node: Any) -> None:
        self._alias_nodes += 1
        if self._alias_nodes > MAX_ALIAS_NODES:
            where = self._written[-1] if self._written else node
            raise load_error(
                "E003",
                where.start_mark,
                (
                    f"Aliases (`*name`) expand to more than {MAX_ALIAS_NODES:,} "
                    "values; this looks like an alias bomb, not a journey map."
                ),
            )


def _check_depth(root: Any, depth: int) -> None:
    """The depth limit for a value that is dropped (`x-`): fmt and editors still read it."""
    seen: set[int] = set()
    pending = [(root, depth)]
    while pending:
        node, level = pending.pop()
        if node.id == "scalar" or id(node) in seen:
            continue
        if level > MAX_DEPTH:
            raise load_error("E003", node.start_mark, TOO_DEEP)
        seen.add(id(node))
        children = node.value if node.id == "sequence" else [child for pair in node.value for child in pair]
        pending += [(child, level + 1) for child in children]


def _tag(node: Any) -> str:
    # Node.tag builds a string from a Tag object on every access; the resolver's
    # tags (and libyaml's) carry the full tag as suffix already.
    ctag = node.ctag
    return ctag.suffix if ctag.handle is None else str(ctag)


def _scalar(node: Any, tag: str) -> Any:
    value = node.value
    if tag in _TEXT_TAGS:
        return value
    if len(value) > MAX_NUMBER_CHARS and tag in (_INT, _FLOAT):
        # Python will not print an integer of thousands of digits: refuse it here.
        raise load_error(
            "E012",
            node.start_mark,
            (
                f"This number is {len(value):,} characters long; numbers in a journey map "
                f"have at most {MAX_NUMBER_CHARS}. Put the value in quotes if it is text."
            ),
        )
    try:
        if tag == _INT:
            return _to_int(value)
        if tag == _FLOAT:
            return _to_float(value)
    except ValueError:
        raise _tag_error(node, tag) from None
    if tag == _BOOL and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if tag == _NULL and value in ("", "~", "null", "Null", "NULL"):
        return None
    raise _tag_error(node, tag)


def _tag_error(node: Any, tag: str) -> Exception:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    if tag in (_INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ, *_TEXT_TAGS):
        return load_error("E003", node.start_mark, f"The tag `{shown}` does not fit this value: remove the tag.")
    return load_error(
        "E003",
        node.start_mark,
        f"The tag `{shown}` is not allowed: journey maps hold plain text, numbers, lists and mappings only.",
    )


def _to_int(text: str) -> int:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if digits.lower().startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def _to_float(text: str) -> float:
    lowered = text.replace("_", "").lower()
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered.endswith(".nan"):
        return math.nan
    return float(lowered)
