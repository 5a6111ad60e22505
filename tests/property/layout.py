"""A YAML writer with a choice at every step: the many ways people lay out the same map.

Every choice (indentation, block or flow style, quoting, blank lines, comments,
key order, line endings) is drawn from Hypothesis, so a failing layout shrinks
to a small one. The text always loads back to exactly the data written.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from hypothesis import strategies as st

Draw = Callable[[st.SearchStrategy[Any]], Any]

# Characters YAML does not allow raw in a file, and line breaks other than \n:
# written as escapes inside double quotes, never raw.
_ESCAPED = re.compile('[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"\\\\]')
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.()'/-]*[A-Za-z0-9.)]$|^[A-Za-z]$")
_NOT_TEXT = re.compile(r"^(true|false|null|~)$", re.IGNORECASE)
_SINGLE_OK = re.compile("^[\x20-\x7e\xa0-\u2027\u202a-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*$")
# What may stand in a comment: anything printable on one line.
COMMENT_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\ufffe\uffff"),
    max_size=30,
)


def scalar(value: Any, draw: Draw, in_flow: bool = False) -> str:
    """One scalar as YAML 1.2 text: plain when that is safe, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return draw(st.sampled_from(["null", "~"]))
    if isinstance(value, (int, float)):
        return repr(value)
    style = draw(st.sampled_from(["plain", "single", "double"]))
    plain_ok = _PLAIN.match(value) and not _NOT_TEXT.match(value) and not (in_flow and "," in value)
    if style == "plain" and plain_ok and ": " not in value and " #" not in value:
        return value
    if style != "double" and _SINGLE_OK.match(value) and value.strip() == value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + _ESCAPED.sub(_escape, value) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


class Writer:
    """Writes one mapping as block YAML, drawing every layout choice."""

    def __init__(self, draw: Draw) -> None:
        self.draw = draw
        self.indent = draw(st.sampled_from([2, 4]))
        self.indent_sequences = draw(st.booleans())
        self.comments = draw(st.sampled_from([0, 0.1, 0.4]))
        self.blank_lines = draw(st.sampled_from([0, 0.2]))
        self.flow = draw(st.sampled_from([0, 0.3, 1]))
        self.written_comments: list[str] = []

    def document(self, data: dict[str, Any]) -> str:
        """The whole file: leading comments, the mapping, trailing comments, one line ending."""
        lines = [self._comment_line("") for _ in range(self.draw(st.integers(0, 2)))]
        lines += self.mapping(data, 0)
        lines += [self._comment_line("") for _ in range(self.draw(st.integers(0, 1)))]
        text = "\n".join(lines) + "\n"
        return text.replace("\n", "\r\n") if self.draw(st.booleans()) else text

    def mapping(self, data: dict[str, Any], depth: int) -> list[str]:
        pad = " " * (self.indent * depth)
        keys = list(data)
        if self.draw(st.booleans()):
            keys = self.draw(st.permutations(keys))
        lines: list[str] = []
        for key in keys:
            if self._chance(self.blank_lines) and lines:
                lines.append("")
            if self._chance(self.comments):
                lines.append(self._comment_line(pad))
            lines += self._entry(pad, key, data[key], depth)
        return lines

    def _entry(self, pad: str, key: str, value: Any, depth: int) -> list[str]:
        if (
            isinstance(value, dict)
            and value
            and not (all(_is_scalar(v) for v in value.values()) and self._chance(self.flow))
        ):
            return [f"{pad}{key}:", *self.mapping(value, depth + 1)]
        if isinstance(value, list) and value and not (all(_is_scalar(v) for v in value) and self._chance(self.flow)):
            return [f"{pad}{key}:", *self._sequence(value, depth)]
        return [f"{pad}{key}: {self._flow(value)}{self._end_comment()}"]

    def _sequence(self, items: list[Any], depth: int) -> list[str]:
        dash_depth = depth + 1 if self.indent_sequences else depth
        pad = " " * (self.indent * dash_depth)
        lines: list[str] = []
        for item in items:
            if self._chance(self.comments):
                lines.append(self._comment_line(pad))
            if not isinstance(item, dict) or not item:
                lines.append(f"{pad}- {self._flow(item)}{self._end_comment()}")
                continue
            # The item's keys line up after `- `; its own comments may not come first.
            inner = self.mapping(item, 0)
            while inner[0].lstrip().startswith("#") or not inner[0].strip():
                moved = inner.pop(0)
                if moved.strip():
                    lines.append(pad + moved.lstrip())
            lines.append(f"{pad}- {inner[0]}")
            lines += [pad + "  " + line if line.strip() else "" for line in inner[1:]]
        return lines

    def _flow(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{key}: {self._flow(item)}" for key, item in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self._flow(item) for item in value) + "]"
        return scalar(value, self.draw, in_flow=True)

    def _comment_line(self, pad: str) -> str:
        text = "#" + self.draw(COMMENT_TEXT).rstrip()
        self.written_comments.append(text)
        return pad + text

    def _end_comment(self) -> str:
        if not self._chance(self.comments):
            return ""
        text = "#" + self.draw(COMMENT_TEXT).rstrip()
        self.written_comments.append(text)
        return " " * self.draw(st.integers(1, 3)) + text

    def _chance(self, probability: float) -> bool:
        if probability in (0, 1):
            return bool(probability)
        return self.draw(st.integers(0, 99)) < probability * 100


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))
