"""A text's lines as the loader counts them, and the index into the text of a 1-based (line, column).

The parser breaks lines at `\\n`, `\\r\\n`, `\\r` and also at U+0085, U+2028 and
U+2029; findings and fixes count lines that way and columns in characters.
"""

from __future__ import annotations

import bisect

from journeyctl.source.yamlerrors import LINE_BREAKS

# A 1-based (line, column), as findings give them.
Place = tuple[int, int]


class TextLines:
    """Where each of a text's lines starts, as the loader counts them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in LINE_BREAKS.finditer(text))]

    def offset(self, place: Place) -> int:
        """The index into the text of a (line, column), clamped to its line."""
        line = min(max(place[0], 1), len(self.starts)) - 1
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return min(self.starts[line] + max(place[1], 1) - 1, end)

    def place(self, offset: int) -> Place:
        """The (line, column) of an index into the text."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of line `line` (1-based), without its line break."""
        if not 1 <= line <= len(self.starts):
            return ""
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return LINE_BREAKS.sub("", self.text[self.starts[line - 1] : end])
