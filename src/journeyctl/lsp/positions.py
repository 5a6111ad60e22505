"""The edge between the engine's positions and the editor's, and the only place they are converted.

The engine (the loader's SourceMap, findings) counts 1-based lines as YAML breaks
them (also at U+0085, U+2028 and U+2029) and 1-based columns in characters. An
editor counts 0-based lines as LSP breaks them (`\\n`, `\\r\\n`, `\\r`) and
columns in the code units of the position encoding negotiated at start-up
(UTF-16 unless the editor offers another): an emoji is two UTF-16 units, a CJK
character one, a combining accent a character of its own.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from journeyctl.source.lines import Place, TextLines

_LSP_BREAKS = re.compile(r"\r\n|\r|\n")
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_TOKEN = re.compile(r"\S+")

__all__ = ["Place", "Positions"]


class Positions:
    """One text's positions in the engine's terms and in the editor's."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self._codec = codec
        self._lines = TextLines(text)
        exotic = _YAML_ONLY_BREAKS.search(text) is not None
        self._lsp_starts = _line_starts(text, _LSP_BREAKS) if exotic else self._lines.starts

    def to_client(self, place: Place) -> types.Position:
        """The editor's position of an engine (line, column)."""
        offset = self.offset(place)
        line = bisect.bisect_right(self._lsp_starts, offset) - 1
        units = self._codec.client_num_units(self.text[self._lsp_starts[line] : offset])
        return types.Position(line=line, character=units)

    def range(self, start: Place, end: Place) -> types.Range:
        """The editor's range between two engine places."""
        return types.Range(start=self.to_client(start), end=self.to_client(end))

    def from_client(self, position: types.Position) -> Place:
        """The engine's (line, column) of an editor position (clamped into the text)."""
        return self._lines.place(self.client_offset(position))

    def client_offset(self, position: types.Position) -> int:
        """The index into the text of an editor position."""
        line = min(max(position.line, 0), len(self._lsp_starts) - 1)
        start = self._lsp_starts[line]
        text = self.client_line(line)
        units = 0
        for index, character in enumerate(text):
            if units >= position.character:
                return start + index
            units += self._codec.client_num_units(character)
        return start + len(text)

    def client_prefix(self, position: types.Position) -> str:
        """The text of the editor's line before a position."""
        line = min(max(position.line, 0), len(self._lsp_starts) - 1)
        return self.text[self._lsp_starts[line] : self.client_offset(position)]

    def client_line(self, line: int) -> str:
        """The text of the editor's line `line` (0-based), without its line break."""
        if not 0 <= line < len(self._lsp_starts):
            return ""
        end = self._lsp_starts[line + 1] if line + 1 < len(self._lsp_starts) else len(self.text)
        return self.text[self._lsp_starts[line] : end].rstrip("\r\n")

    def line_text(self, line: int) -> str:
        """The text of the engine's line `line` (1-based), without its line break."""
        return self._lines.line_text(line)

    def offset(self, place: Place) -> int:
        """The index into the text of an engine (line, column), clamped to its line."""
        return self._lines.offset(place)

    def token_end(self, place: Place) -> Place:
        """Where the word (the run of non-blank characters) starting at `place` ends, on the same line."""
        start = self.offset(place)
        match = _TOKEN.match(self.text, start)
        return place[0], place[1] + (len(match.group()) if match else 0)

    def end(self) -> types.Position:
        """The editor's position of the end of the text."""
        line = len(self._lsp_starts) - 1
        return types.Position(line=line, character=self._codec.client_num_units(self.client_line(line)))


def _line_starts(text: str, breaks: re.Pattern[str]) -> list[int]:
    return [0, *(match.end() for match in breaks.finditer(text))]
