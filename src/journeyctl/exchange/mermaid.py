"""Mermaid's `journey` diagram, read as Mermaid reads it.

The lexer rules and the grammar are those of mermaid-js's journey.jison, in
its order (the first rule that matches wins, case-insensitively), so the same
text means the same here: `#` starts a comment anywhere, `;` ends nothing and
is an error, a task line is `name: score: actor, actor`, and a line that
starts with a keyword (`Title page: 3`, `Journeys: 2`) is read as that keyword.
What Mermaid would draw wrongly or refuse is reported with its line and column.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

_RULES: tuple[tuple[re.Pattern[str], Optional[str]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), token)
    for pattern, token in (
        (r"%%(?!\{)[^\n]*", None),
        (r"[^}]%%[^\n]*", None),
        (r"\n+", "NEWLINE"),
        (r"\s+", None),
        (r"#[^\n]*", None),
        (r"journey", "journey"),
        (r"title\s[^#\n;]+", "title"),
        (r"accTitle\s*:\s*", "acc_title"),
        (r"accDescr\s*:\s*", "acc_descr"),
        (r"accDescr\s*\{\s*", "acc_descr_multiline"),
        (r"section\s[^#:\n;]+", "section"),
        (r"[^#:\n;]+", "taskName"),
        (r":[^#\n;]+", "taskData"),
        (r":", ":"),
        (r".", "INVALID"),
    )
)
_LINE_VALUE = re.compile(r"[^\n]*")
_UNTIL_BRACE = re.compile(r"[^}]*")
_KEYWORDS = ("title", "section", "acctitle", "accdescr")


class MermaidSyntax(Exception):
    """Text Mermaid cannot read as a journey, at a 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass(frozen=True)
class Token:
    kind: str
    value: str
    offset: int


@dataclass
class Task:
    """`name: score: actors`, as written; the score is checked by whoever reads it."""

    name: str
    score: str
    actors: list[str]
    line: int
    column: int


@dataclass
class Section:
    name: Optional[str]
    line: int
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Diagram:
    """What a journey diagram says: title, accessible title and description, sections of tasks."""

    title: Optional[str] = None
    # Where each `title` statement is and whether a section came before it (Mermaid keeps the last).
    title_lines: list[tuple[int, bool]] = field(default_factory=list)
    acc_title: Optional[str] = None
    acc_descr: Optional[str] = None
    sections: list[Section] = field(default_factory=list)


def tokens(text: str) -> list[Token]:
    """The tokens of `text`, by journey.jison's lexer rules; EOF last."""
    found: list[Token] = []
    position = 0
    while position < len(text):
        for pattern, kind in _RULES:
            match = pattern.match(text, position)
            if match is None:
                continue
            position = match.end()
            if kind in ("acc_title", "acc_descr", "acc_descr_multiline"):
                position = _state_value(text, position, kind, found)
            elif kind is not None:
                found.append(Token(kind, match.group(), match.start()))
            break
    found.append(Token("EOF", "", len(text)))
    return found


def _state_value(text: str, position: int, kind: str, found: list[Token]) -> int:
    """The lexer states after `accTitle:`, `accDescr:` (the rest of the line) and `accDescr {` (up to `}`)."""
    if kind == "acc_descr_multiline":
        match = _UNTIL_BRACE.match(text, position)
        assert match is not None
        found.append(Token("acc_descr_multiline_value", match.group(), position))
        end = match.end()
        return end + 1 if text[end : end + 1] == "}" else end
    match = _LINE_VALUE.match(text, position)
    assert match is not None
    found.append(Token(kind + "_value", match.group(), position))
    return match.end()


def parse(text: str) -> Diagram:
    """The diagram of a `journey` text; MermaidSyntax where Mermaid would fail."""
    where = _Positions(text)
    stream = tokens(text)
    diagram, index = Diagram(), 0
    while stream[index].kind == "NEWLINE":
        index += 1
    if stream[index].kind != "journey":
        raise MermaidSyntax(*where(stream[index].offset), "A Mermaid journey diagram starts with the word `journey`.")
    index += 1
    while stream[index].kind != "EOF":
        index = _statement(stream, index, diagram, where)
    return diagram


def _statement(stream: list[Token], index: int, diagram: Diagram, where: _Positions) -> int:
    token = stream[index]
    kind, value = token.kind, token.value
    following = stream[index + 1]
    if kind == "NEWLINE":
        return index + 1
    if kind in ("title", "section") and following.kind == "taskData":
        raise MermaidSyntax(
            *where(token.offset),
            f"A task name cannot start with the word `{value.split()[0]}`: Mermaid reads the line as a {kind}.",
        )
    if kind == "title":
        diagram.title = value[6:].strip()
        diagram.title_lines.append((where(token.offset)[0], bool(diagram.sections)))
    elif kind == "section":
        diagram.sections.append(Section(value[8:].strip(), where(token.offset)[0]))
    elif kind in ("acc_title_value", "acc_descr_value", "acc_descr_multiline_value"):
        text = value.strip() if kind != "acc_descr_multiline_value" else _dedent(value)
        setattr(diagram, "acc_title" if kind == "acc_title_value" else "acc_descr", text)
    elif kind == "taskName":
        _task(token, following, diagram, where)
        return index + 2
    else:
        raise MermaidSyntax(*where(token.offset), _unexpected(token))
    return index + 1


def _task(token: Token, data: Token, diagram: Diagram, where: _Positions) -> None:
    name = token.value.strip()
    if data.kind != "taskData":
        raise MermaidSyntax(
            *where(token.offset), f"`{name}` needs a score after a colon, as in `{name}: 3` (1 worst, 5 best)."
        )
    if name.casefold() in _KEYWORDS:
        raise MermaidSyntax(
            *where(token.offset), f"Write `{name} ...` without a colon: `{name}:` makes a task named `{name}`."
        )
    pieces = data.value[1:].split(":")
    actors = [actor.strip() for actor in pieces[1].split(",")] if len(pieces) > 1 else []
    if not diagram.sections:
        diagram.sections.append(Section(None, where(token.offset)[0]))
    line, column = where(data.offset + 1)
    diagram.sections[-1].tasks.append(Task(name, pieces[0].strip(), [a for a in actors if a], line, column))


def _unexpected(token: Token) -> str:
    if token.kind == "journey":
        return "`journey` starts the diagram only once; a task name cannot start with the word `journey`."
    if token.kind in ("taskData", ":"):
        return "A colon needs a task name before it, as in `Make tea: 5`."
    if token.value == ";":
        return "Mermaid's journey has no `;`: put each statement on its own line."
    return f"Mermaid cannot read `{token.value}` here."


def _dedent(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().split("\n"))


class _Positions:
    """1-based line and column of an offset in the text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
