"""Where a completion is asked for, read from the text of the cursor's line and the lines above it.

Text being typed (`evidence: [src-a, ` or `- `) is rarely valid YAML, so this is
read from the lines as written, not from a parse: the key on the cursor's line,
or the key of the block list whose item the cursor is in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

_SUPPRESSION = re.compile(r"(?:^|[ \t])#[ \t]*journeyctl:[ \t]*ignore(?:-file)?\[(?P<codes>[^\]]*)$")
_COMMENT = re.compile(r"(?:^|[ \t])#")
_KEY_VALUE = re.compile(r"^(?P<indent>[ \t]*(?:-[ \t]+)*)(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]+(?P<value>.*))?$")
_LIST_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?:#.*)?$")
# Values that are not a word being typed: block scalars, flow mappings, anchors, aliases, tags.
_NOT_A_WORD = ("|", ">", "{", "&", "*", "!")
_WORD = re.compile(r"[^\s\[\],'\"]*$")


@dataclass(frozen=True)
class Context:
    """The key whose value is being typed (None inside a suppression comment's `[...]`), the part of
    the word typed so far (what a completion replaces), and whether the key is a top-level one."""

    key: Optional[str]
    partial: str
    top_level: bool = False


def context_at(prefix: str, above: Iterable[str]) -> Optional[Context]:
    """The context of a cursor after `prefix` (its line up to it), with the lines `above` it, nearest first."""
    suppression = _SUPPRESSION.search(prefix)
    if suppression is not None:
        return Context(None, _word(suppression["codes"]))
    if _COMMENT.search(prefix):
        return None
    pair = _KEY_VALUE.match(prefix)
    if pair is not None:
        value = pair["value"] or ""
        if value.startswith(_NOT_A_WORD):
            return None
        partial = _word(value) if value.startswith("[") else value.lstrip("'\"")
        return Context(pair["key"], partial, top_level=pair["indent"] == "")
    item = _ITEM.match(prefix)
    if item is not None and not (item["value"] or "").startswith(_NOT_A_WORD):
        key = _list_key(len(item["indent"]), above)
        return Context(key, (item["value"] or "").lstrip("'\"")) if key is not None else None
    return None


def _word(text: str) -> str:
    match = _WORD.search(text)
    return match.group() if match else ""


def _list_key(indent: int, above: Iterable[str]) -> Optional[str]:
    """The key of the block list whose item starts at column `indent`."""
    for line in above:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        own = len(line) - len(line.lstrip(" \t"))
        if own > indent or (own == indent and stripped.startswith("-")):
            continue  # the content of an earlier item, or an earlier item
        match = _LIST_KEY.match(line)
        return match["key"] if match is not None else None
    return None
