"""Plain-text layout for the terminal: map text on one safe line, cut or wrapped to display columns.

Map text is untrusted: what the one text-safety policy names (terminal escapes,
bidirectional overrides, misleading invisible characters) is shown as escapes
(`\\x1b`, `\\u202e`) by core/textsafety.py. Widths count display columns: a CJK
character takes two, a combining accent none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from journeyctl.core.textsafety import terminal_text

WIDTH = 100
ELLIPSIS = "…"
_NON_ASCII = re.compile("[^\x00-\x7f]")


def one_line(text: object) -> str:
    """Map text as one line (its line breaks become spaces) that cannot move the cursor, change
    colours or reorder the line."""
    return _visible(" ".join(str(text).split()))


def path_text(path: str) -> str:
    """A file name as lint's finding lines show it: every control character an escape (`\\n`);
    `./` before a name that starts with `::`, a GitHub Actions command."""
    shown = _visible(path)
    return f"./{shown}" if shown.startswith("::") else shown


def _visible(text: str) -> str:
    if text.isascii() and text.isprintable():  # nothing to show differently (most text)
        return text
    return terminal_text(text)


def display_width(text: str) -> int:
    """The columns `text` takes on a terminal."""
    if text.isascii():  # controls are pictures by now: one column each
        return len(text)
    wide = _NON_ASCII.findall(text)
    return len(text) - len(wide) + sum(map(_char_width, wide))


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cut(text: str, width: int) -> str:
    """`text` in at most `width` columns, ending in `…` when cut."""
    if display_width(text) <= width:
        return text
    head = text[: width - 1]
    while display_width(head) > width - 1:  # wide characters: drop from the end until it fits
        head = head[:-1]
    return head.rstrip() + ELLIPSIS


def pad(text: str, width: int, right: bool = False) -> str:
    """`text` cut to `width` columns and padded to exactly that many."""
    size = display_width(text)
    if size > width:
        text = cut(text, width)
        size = display_width(text)
    gap = " " * (width - size)
    return gap + text if right else text + gap


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken between words (inside a word too long for a line)."""
    if display_width(text) <= width:  # most map text: one line as it is
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for word in text.split(" "):
        size = len(word) if word.isascii() else display_width(word)
        if used + (1 if line else 0) + size <= width:
            line, used = (f"{line} {word}", used + 1 + size) if line else (word, size)
            continue
        if line:
            lines.append(line)
        while size > width:
            head = cut(word, width + 1).removesuffix(ELLIPSIS) or word[0]  # the widest head that fits
            lines.append(head)
            word = word[len(head) :]
            size = display_width(word)
        line, used = word, size
    if line or not lines:
        lines.append(line)
    return lines


def number(value: int, width: int) -> str:
    """A count with thousands separators, in scientific notation when too long for its column."""
    text = f"{value:,}"
    return text if len(text) <= width else f"{value:.1e}"


def percent(fraction: object, decimals: int = 0) -> str:
    """`45%` (or `45.0%` with a decimal); `-` when there is no share to show."""
    return "-" if not isinstance(fraction, float) else f"{fraction * 100:.{decimals}f}%"


def row(cells: Sequence[tuple[str, int, bool]], indent: int = 1) -> str:
    """Cells as (text, width, right-aligned), one space apart; the line never ends in spaces."""
    return (" " * indent + " ".join(pad(text, width, right) for text, width, right in cells)).rstrip()


class Styled(str):
    """A whole line of the report with its terminal style (a rich style name), shown only on a
    colour terminal (system/terminal.py draws it); everywhere else it is plain text."""

    style = ""


def _styled(text: str, style: str) -> Styled:
    line = Styled(text)
    line.style = style
    return line


class Ink:
    """The styles of the report's lines, given after the layout: the one place that names them."""

    def heading(self, text: str) -> str:
        """Bold."""
        return _styled(text, "bold")

    def alert(self, text: str) -> str:
        """Red: what needs action."""
        return _styled(text, "red")


def plural(count: int, word: str, many: str = "") -> str:
    """`1 map`, `2 maps`; `many` where adding an s is wrong (`open opportunities`)."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def heading(text: str, ink: Ink) -> list[str]:
    """A section's heading, underlined."""
    shown = cut(text, WIDTH)
    return [ink.heading(shown), "─" * display_width(shown)]


def say(text: str) -> list[str]:
    """A sentence, wrapped to the report's width."""
    return wrap(text, WIDTH)


def block(text: str, width: int, most: int = 3) -> list[str]:
    """Map text wrapped to `width`, in at most `most` lines (the last one cut)."""
    lines = wrap(one_line(text), width)
    if len(lines) <= most:
        return lines
    return [*lines[: most - 1], cut(" ".join(lines[most - 1 :]), width)]


def where(map_id: str, stage: str, touchpoint: str, ident: str) -> str:
    """`map › item-id · stage › touchpoint`: the ids first, so that a cut line still names the item."""
    return one_line(f"{map_id} › {ident} · {stage} › {touchpoint}")
