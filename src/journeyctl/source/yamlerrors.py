"""YAML parser errors as positioned, plain-language LoadErrors.

The parser's own messages ("could not find expected ':' while scanning a simple
key") are written for YAML implementers. Map authors get what went wrong in
their terms, at the place they must fix: where a quote or bracket was opened
rather than the end of the file where the parser gave up.
"""

from __future__ import annotations

import re
from typing import Any

from journeyctl.core.errors import LoadError

# Characters YAML 1.2 forbids in a stream (c-printable is everything else).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_INDENTATION = "This line does not line up with the lines around it: check its indentation."
_PARSER_TAB = (
    "YAML allows this tab character, but journeyctl's YAML parser stops at it: "
    "write a space instead, or put the value in quotes if the tab is part of it."
)
BAD_ESCAPE = (
    "This `\\u` or `\\U` escape names no character (a lone surrogate such "
    "as `\\ud800`, or a code past U+10FFFF): write the character itself."
)
# What the parser counts as a line break, so that its line numbers and ours agree.
LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def load_error(code: str, mark: Any, message: str) -> LoadError:
    """A LoadError at a parser mark (0-based), or at the top of the file."""
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return LoadError(code, line, column, message)


def syntax_error(error: Any, text: str) -> LoadError:
    """The LoadError for a parser error (MarkedYAMLError) in `text`."""
    problem, context = str(error.problem or ""), str(error.context or "")
    mark, opened = error.problem_mark or error.context_mark, error.context_mark or error.problem_mark
    if "another document" in problem:
        return load_error(
            "E003", mark, "The file holds several YAML documents (`---`); a journey map is one document per file."
        )
    if "undefined alias" in problem:
        return load_error(
            "E001", mark, "This alias (`*name`) refers to an anchor (`&name`) that is not defined before it."
        )
    if "quoted scalar" in context and "end of stream" in problem:
        quote = _char(text, opened) or '"'
        return load_error("E001", opened, f"The text quoted here is never closed: add the closing {quote}.")
    tab = _tab_place(text, mark, problem)
    if tab == "indentation":
        return load_error("E001", mark, "A tab character is used for indentation; YAML allows only spaces there.")
    if tab == "separation":
        return load_error("E001", mark, _PARSER_TAB)
    if "flow node" in context and _at_end(text, mark):
        # The file ended inside `[...]` or `{...}`: point at the bracket left open.
        bracket = _last_unclosed_bracket(text)
        if bracket is not None:
            context, opened = f"flow {bracket[0]}", bracket[1]
    if "flow sequence" in context:
        return load_error(
            "E001",
            opened,
            "The list opened here with `[` is not closed with `]`, or a comma is missing between its items.",
        )
    if "flow mapping" in context:
        return load_error(
            "E001",
            opened,
            "The mapping opened here with `{` is not closed with `}`, or a comma is missing between its entries.",
        )
    if "found unexpected ':'" in problem:
        return load_error("E001", mark, "Inside `[...]` or `{...}`, a value that contains `:` must be in quotes.")
    if "could not find expected ':'" in problem:
        return load_error("E001", opened, "A `:` is missing on this line: write `key: value`.")
    return load_error("E001", mark, _message(problem, context, text, mark))


def belief(error: Any, text: str) -> int:
    """How far to believe a parser's refusal of a text, when two parsers refuse it.

    2 for a tab that YAML allows but a parser refused, between two tokens of a
    line, on a blank or comment line or inside plain text: a real obstacle that
    a space (or quotes) removes. 0 for libyaml's refusal of a tab
    at the start of a block scalar's content line, which is content (a false
    alarm: the pure parser reads it). 1 for any other error.
    """
    problem, context = str(error.problem or ""), str(error.context or "")
    if "tab" in problem and "block scalar" in context:
        return 0
    return 2 if _tab_place(text, error.problem_mark, problem) == "separation" else 1


def _tab_place(text: str, mark: Any, problem: str) -> str | None:
    """Where the tab a parser stopped at is: `indentation` (the start of a line
    with content, where YAML forbids tabs), `separation` (anywhere else: between
    two tokens, on a blank or comment line, or inside plain text, where the pure
    parser stops at it), or None when the parser did not stop at a tab."""
    if mark is None or not (_char(text, mark) == "\t" or "tab" in problem):
        return None
    lead = _indentation(text, mark)
    rest = _line(text, mark)[len(lead) :]
    if "\t" in lead and mark.column <= len(lead):
        return "indentation" if rest and not rest.startswith("#") else "separation"
    return "separation" if _char(text, mark) == "\t" else None


def _message(problem: str, context: str, text: str, mark: Any) -> str:
    char = _char(text, mark)
    shown = "a backtick (`)" if char == "`" else f"`{char}`"
    if "mapping values are not allowed" in problem:
        return (
            "A `: ` is not allowed here: put the whole value in quotes "
            "if it contains `: `, or check the indentation of this line."
        )
    # libyaml says "expected node content", ruamel's pure parser "expected the node content".
    content = "node content" in problem
    if char == ":" and ("cannot start any token" in problem or content):
        return "A key is missing before this `:`."
    if "cannot start any token" in problem or content:
        return f"A value cannot start with {shown}: put the value in quotes."
    # The pure parser's words for libyaml's "did not find expected key" (or "'-' indicator").
    if any(words in problem for words in ("expected '-' indicator", "expected key", "expected <block end>")):
        before = _line(text, mark)[: mark.column].rstrip() if mark is not None else ""
        if before.endswith(("'", '"')):
            return (
                "Nothing may follow the closing quote of a value: put the whole "
                "value in quotes (write `''` for a `'` inside single quotes)."
            )
        if _line(text, mark).lstrip().startswith(":"):
            return "A key is missing before this `:`."
        if before.endswith(("]", "}")):
            return (
                f"Nothing may follow the closing `{before[-1]}` of a list "
                "or mapping: put the whole value in quotes if it is text."
            )
        return _INDENTATION
    if "sequence entries are not allowed" in problem:
        return (
            "A list item (`- `) cannot follow a key on the same line: "
            "start the list on the next line, or put the value in quotes."
        )
    if "scanning an alias" in context or "scanning an anchor" in context:
        return "`&` and `*` start anchors and aliases, which need a name: put the value in quotes if it is text."
    if "<document start>" in problem:
        first = _first_content_line(text)
        return (
            f"The top level of the file ends before this line: the content from line {first} on is not one "
            "mapping of `key: value` lines at the left margin. Check line "
            f"{first}: its indentation, or make it a comment (`# ...`)."
        )
    if "scanning a block scalar" in context:
        return (
            "`|` and `>` start a block of text on the lines below: only a comment may follow "
            "them on this line. Put the value in quotes if it starts with `|` or `>`."
        )
    if "scanning a tag" in context:
        return "`!` starts a tag, which journey maps do not use: put the value in quotes if it starts with `!`."
    if "invalid Unicode character escape" in problem:
        return BAD_ESCAPE
    if "unknown escape character" in problem:
        return (
            "This backslash escape is not valid in double quotes: write `\\\\` for a backslash, or use single quotes."
        )
    if "duplicate anchor" in context:
        return "This anchor (`&name`) is already defined above; give each anchor its own name."
    detail = f" ({context})" if context else ""
    return f"This is not valid YAML: {problem or 'syntax error'}{detail}."


def reader_error(error: Any, text: str) -> LoadError:
    """The LoadError for a character YAML does not allow (ReaderError)."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return LoadError("E001", 1, 1, f"This is not valid YAML: {error}.")
    lines = LINE_BREAKS.split(text[: found.start()])
    line, column = len(lines), len(lines[-1]) + 1
    code = f"U+{ord(found.group()):04X}"
    return LoadError(
        "E001", line, column, f"The file contains a control character ({code}) that YAML does not allow; remove it."
    )


def _at_end(text: str, mark: Any) -> bool:
    """Whether only blank space follows `mark`: the parser met the end of the file."""
    if mark is None:
        return False
    rest = LINE_BREAKS.split(text)[mark.line :]
    return not "".join([rest[0][mark.column :], *rest[1:]]).strip() if rest else True


def _last_unclosed_bracket(text: str) -> Any:
    """(`sequence` or `mapping`, mark) of the innermost `[` or `{` still open at the end of `text`, or None."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.tokens import (
        FlowMappingEndToken,
        FlowMappingStartToken,
        FlowSequenceEndToken,
        FlowSequenceStartToken,
    )

    opened: list[Any] = []
    try:
        for token in YAML(typ="safe", pure=True).scan(text):
            if isinstance(token, (FlowSequenceStartToken, FlowMappingStartToken)):
                opened.append(
                    ("sequence" if isinstance(token, FlowSequenceStartToken) else "mapping", token.start_mark)
                )
            elif isinstance(token, (FlowSequenceEndToken, FlowMappingEndToken)) and opened:
                opened.pop()
    except YAMLError:
        pass
    return opened[-1] if opened else None


def _first_content_line(text: str) -> int:
    """The number of the first line that is neither blank nor a comment."""
    for number, line in enumerate(LINE_BREAKS.split(text), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            return number
    return 1


def _line(text: str, mark: Any) -> str:
    if mark is None:
        return ""
    lines = LINE_BREAKS.split(text, mark.line + 1)
    return lines[mark.line] if mark.line < len(lines) else ""


def _indentation(text: str, mark: Any) -> str:
    line = _line(text, mark)
    return line[: len(line) - len(line.lstrip())]


def _char(text: str, mark: Any) -> str:
    line = _line(text, mark)
    return line[mark.column] if mark is not None and mark.column < len(line) else ""
