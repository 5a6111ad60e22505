"""One spreadsheet cell's text, both ways: what a cell means on import, and how
a value is written so that a spreadsheet shows it as the text it is."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Optional

# A cell that starts with one of these is a formula to Excel, LibreOffice and
# Google Sheets (`=HYPERLINK(...)`, `@SUM(...)`, `+cmd|...`): CSV injection.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The apostrophe is the spreadsheets' own "this is text" prefix; they hide it.
TEXT_PREFIX = "'"
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_WHOLE_NUMBER = re.compile(r"^[+-]?\d+(?:\.0+)?$")
_BULLET = re.compile(r"^(?:[-*•◦▪‣·–—]|\d{1,3}[.)])\s+")
_SPACES = re.compile(r"\s+")
# Cells that say "nothing here" in a number or yes/no column.
_EMPTY_MARKS = ("-", "–", "—")
_YES = ("yes", "y", "true", "x", "1", "✓", "✔", "★")
_NO = ("no", "n", "false", "0")


def guard_formula(text: str) -> str:
    """`text` as a cell that spreadsheets show as text, never run as a formula.

    Plain numbers (`-2`, `+3.5`) are left alone: a spreadsheet reads them as numbers, not formulas.
    """
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return TEXT_PREFIX + text
    return text


def unguard_formula(text: str) -> str:
    """The text guard_formula protected: the apostrophe before a formula character dropped."""
    if text.startswith(TEXT_PREFIX) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def cell_text(raw: str) -> str:
    """A cell's text as read: formula guard undone, line ends made `\\n`, outer space stripped."""
    return unguard_formula(raw).replace("\r\n", "\n").replace("\r", "\n").strip()


def one_line(text: str) -> str:
    """A name: every run of spaces and line breaks made one space."""
    return _SPACES.sub(" ", text).strip()


def split_items(text: str, semicolons: bool = True) -> list[str]:
    """The items of a list cell: one per line, else separated by `;` (when `semicolons`).

    Bullets (`•`, `-`, `*`, `1.`) are dropped when every item has one.
    """
    text = text.strip()
    if not text:
        return []
    if "\n" in text or not semicolons:
        parts = text.split("\n")
    else:
        parts = text.split(";")
    items = [part.strip() for part in parts if part.strip()]
    if items and all(_BULLET.match(item) for item in items):
        items = [_BULLET.sub("", item, count=1).strip() for item in items]
    return [one_line(item) for item in items if item]


def is_blank_mark(text: str) -> bool:
    """A cell with nothing in it, or only a dash."""
    return not text or text in _EMPTY_MARKS


def whole_number(text: str) -> Optional[int]:
    """The integer a cell holds (`3`, `-2`, `+1`, `4.0`, `−1` with a minus sign); None when it holds another thing."""
    spelled = text.strip().replace("\u2212", "-")
    if not _WHOLE_NUMBER.match(spelled):
        return None
    return int(spelled.split(".")[0])


def flag(text: str) -> Optional[bool]:
    """A yes/no cell: True, False, or None when it is neither."""
    word = text.strip().casefold()
    if word in _YES:
        return True
    if word in _NO or is_blank_mark(word):
        return False
    return None


def plain_number(value: float) -> str:
    """A number as a person writes it: `3`, not `3.0`."""
    return str(int(value)) if value == int(value) else repr(value)


def value_text(value: object) -> str:
    """A cell's value as the text a person typed: nothing for an empty cell, `true`/`false`,
    3 not 3.0, dates as YYYY-MM-DD (with the time of day only when there is one)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return plain_number(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
