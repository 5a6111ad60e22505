"""How fmt writes a scalar: its text copied from the file, re-indented where it moves.

Quotes, escapes, number spellings and block scalars stay as written; only the
same data is spelled the one way: `True` as `true`, `null` or `~` as an empty
value (`null` inside brackets), `+1` as `1`, and a plain text spread over
several lines joined into one. Lines after the first of a quoted text are
indented two spaces under the key or dash that holds it, a block scalar's
lines likewise (keeping the extra indentation of lines that have more).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from journeyctl.formatter.shape import Source

_PROPERTY = re.compile(r"!<[^>]*>|[&!][^\s,\[\]{}]*")
_SEPARATION = re.compile(r"[ \t\n]*")
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")
_BOOL, _NULL, _INT = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:int"
# Plain scalars starting with one of these may be spelled another way (`True`, `~`, `+1`).
_RESPELLED_FIRST = frozenset("tTfFnN~+")


class Unsupported(Exception):
    """A construct fmt does not lay out; the message says which (the file is left as it is)."""


def properties(text: str, position: int = 0) -> tuple[str, int]:
    """The anchor and tag written at `position` (`&name !!str`), and where the node's content starts."""
    found = []
    while True:
        match = _PROPERTY.match(text, position)
        if match is None:
            break
        found.append(match.group())
        position = _SEPARATION.match(text, match.end()).end()  # type: ignore[union-attr]  # `*` always matches
    return " ".join(found), position


def anchor_of(source: Source, node: Any) -> str:
    """The anchor name a node is defined with (`&name`), or ""."""
    head, _ = properties(source.text, source.offset(node.start_mark))
    return next((part[1:] for part in head.split() if part.startswith("&")), "")


class ScalarWriter:
    """Writes the scalars of one source text."""

    def __init__(self, source: Source) -> None:
        self.source = source

    def key(self, node: Any) -> str:
        """A key as written (quotes kept, `? ` dropped): it must fit on one line."""
        start, end = node.start_mark, node.end_mark
        if start.line != end.line:
            raise Unsupported("a key written over several lines (or a key that is a block list or mapping)")
        text: str = self.source.lines[start.line][start.column : end.column]
        return text

    def lines(self, node: Any, owner: int, old_owner: Callable[[], int], flow: bool) -> tuple[list[str], int]:
        """The scalar as written after `key: ` or `- ` (its first line, then whole lines),
        and the index of the line an end-of-line comment goes on.

        `owner` is the column of the key or dash that holds it; `old_owner()` the same in the file.
        """
        start, end = node.start_mark, node.end_mark
        style = node.style or ""
        if style in ("|", ">"):
            # Only the header line: a block scalar's lines are taken whole below.
            return self._block(node, self.source.lines[start.line][start.column :], owner, old_owner), 0
        if start.line == end.line:
            return [self._one_line(node, self.source.lines[start.line][start.column : end.column], style, flow)], 0
        written = self.source.between(start, end)
        if not style and "\n" not in node.value:
            head = properties(written)[0]
            return [" ".join(filter(None, [head, node.value]))], 0
        first, *rest = written.split("\n")
        pad = " " * (owner + 2)
        lines = [first, *(pad + line.lstrip(" \t") if line.strip() else "" for line in rest)]
        return lines, len(lines) - 1

    def _one_line(self, node: Any, written: str, style: str, flow: bool) -> str:
        if style or (written and written[0] not in _RESPELLED_FIRST and written[0] not in "&!"):
            return written
        head, at = properties(written)
        content = written[at:]
        if "!" in head or (content and content[0] not in _RESPELLED_FIRST):
            return written
        tag = node.tag
        if tag == _BOOL:
            content = content.lower()
        elif tag == _NULL:
            content = "null" if flow else ""
        elif tag == _INT and content.startswith("+"):
            content = content[1:]
        return " ".join(filter(None, [head, content]))

    def _block(self, node: Any, written: str, owner: int, old_owner: Callable[[], int]) -> list[str]:
        head, at = properties(written)
        header = _BLOCK_HEADER.match(written, at)
        indicator = header.group() if header else written[at : at + 1]
        lines = self.source.lines
        start, end = node.start_mark, node.end_mark
        body = lines[start.line + 1 : end.line + (1 if end.column else 0)]
        if "+" not in indicator:
            while body and not body[-1].strip():
                body.pop()
        digits = "".join(char for char in indicator if char.isdigit())
        if digits:
            # The digit counts from the key's or dash's column, which moves with the key.
            old, new = old_owner() + int(digits), owner + int(digits)
        else:
            first = next((line for line in body if line.strip()), "")
            old, new = len(first) - len(first.lstrip(" ")), owner + 2
        pad = " " * new
        shifted = [pad + line[old:] if len(line) > old or line.strip() else "" for line in body]
        return [" ".join(filter(None, [head, indicator])), *shifted]
