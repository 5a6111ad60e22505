"""A Mermaid `journey` diagram to a map draft: from a `.mmd` file, or the first
```` ```mermaid ```` block of a Markdown page that holds one.

Before its parser runs, Mermaid takes off a YAML front matter (`---` ...
`---`, whose `title` names the diagram) and `%%{init: ...}%%` directives;
so does this, keeping line numbers. Sections become stages, tasks
touchpoints with their score as the emotion on a 1 to 5 scale, and actors a
note on each touchpoint (`x-actors`), the first actor a persona.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from journeyctl.core.errors import LoadError
from journeyctl.exchange.cells import one_line, whole_number
from journeyctl.exchange.draft import MapDraft, StageDraft, TouchpointDraft
from journeyctl.exchange.mermaid import Diagram, MermaidSyntax, Task, parse
from journeyctl.exchange.notices import ImportLog, fail

SCALE = (1, 5)
_FRONT_MATTER = re.compile(r"\A-{3}\s*\n(.*?)\n-{3}\s*(?:\n|\Z)", re.DOTALL)
_DIRECTIVE = re.compile(r"%%\{.*?\}%%", re.DOTALL)
_BREAK_TAG = re.compile(r"</?br\s*/?>", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\A(?:\s|%%[^\n]*)*journey", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*mermaid\b", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """The diagram's text (front matter and directives blanked out), the line it starts on, its front matter title."""

    text: str
    first_line: int
    title: Optional[str] = None


def journey_block(path: str, text: str, log: ImportLog) -> Block:
    """The journey diagram in a file: the whole text, or the first Markdown block that is a journey."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _FENCE.search(text):
        return _prepared(path, text, 1)
    blocks = [block for block in _mermaid_fences(text) if _FIRST_WORD.match(_prepared(path, block[0], 1).text)]
    if not blocks:
        raise fail(path, "IMP030", "The file has no ```mermaid block with a `journey` diagram.")
    if len(blocks) > 1:
        log.notice(blocks[1][1], 1, "IMP106", f"The file has {len(blocks)} journey diagrams; the first is imported.")
    return _prepared(path, *blocks[0])


def _mermaid_fences(text: str) -> list[tuple[str, int]]:
    """(content, first line) of each ```mermaid fence, as CommonMark reads them."""
    from markdown_it import MarkdownIt

    fences = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "fence" and token.info.strip().split(" ")[0].lower() == "mermaid" and token.map:
            fences.append((token.content, token.map[0] + 2))
    return fences


def _prepared(path: str, text: str, first_line: int) -> Block:
    title = None
    front = _FRONT_MATTER.match(text)
    if front:
        title = _front_matter_title(path, front.group(1), first_line + 1)
        text = _blank(front.group()) + text[front.end() :]
    return Block(_DIRECTIVE.sub(lambda match: _blank(match.group()), text), first_line, title)


def _blank(text: str) -> str:
    """As many line breaks as `text` has, so that what follows keeps its line numbers."""
    return "\n" * text.count("\n")


def _front_matter_title(path: str, text: str, line: int) -> Optional[str]:
    from journeyctl.source.composer import compose_text
    from journeyctl.source.yamlnodes import NodeConverter

    try:
        root = compose_text(text)
        data = NodeConverter().convert(root) if root is not None else None
    except LoadError as error:
        message = f"The front matter is not valid YAML: {error.message}"
        raise fail(path, "IMP030", message, line + error.line - 1) from None
    title = data.get("title") if isinstance(data, dict) else None
    return one_line(str(title)) if title is not None else None


def diagram_draft(path: str, block: Block, log: ImportLog) -> MapDraft:
    """The map a journey block describes; syntax errors stop it, scores are checked."""
    try:
        diagram = parse(block.text)
    except MermaidSyntax as error:
        raise fail(path, "IMP030", error.message, error.line + block.first_line - 1, error.column) from None
    for line, after_section in diagram.title_lines:
        if after_section:
            log.notice(
                line + block.first_line - 1,
                1,
                "IMP106",
                f"Mermaid reads this line as the diagram's title (`{diagram.title}`), not as a task.",
            )
    draft = MapDraft(title=diagram.title or block.title or diagram.acc_title, description=diagram.acc_descr)
    draft.scale = SCALE
    draft.persona = next((actor for section in diagram.sections for t in section.tasks for actor in t.actors), None)
    draft.stages = [_stage(section.name, section.tasks, block, log) for section in diagram.sections]
    _unnamed_section(diagram, block, log)
    return draft


def _stage(name: Optional[str], tasks: list[Task], block: Block, log: ImportLog) -> StageDraft:
    stage = StageDraft(_name(name) if name else "Untitled section")
    for task in tasks:
        touchpoint = TouchpointDraft(_name(task.name))
        emotion = _score(task.score, task.line + block.first_line - 1, task.column, log)
        if emotion is not None:
            touchpoint.values["emotion"] = emotion
        if task.actors:
            touchpoint.extensions["x-actors"] = list(task.actors)
        stage.touchpoints.append(touchpoint)
    return stage


def _name(text: str) -> str:
    return one_line(_BREAK_TAG.sub(" ", text)) or "-"


def _score(text: str, line: int, column: int, log: ImportLog) -> Optional[int]:
    number = whole_number(text)
    if not text:
        log.problem(line, column, "IMP020", "The task has no score: write one from 1 (worst) to 5 (best).")
    elif number is None:
        log.problem(line, column, "IMP020", f"Score `{text}` is not a whole number from 1 (worst) to 5 (best).")
    elif not SCALE[0] <= number <= SCALE[1]:
        log.problem(line, column, "IMP021", f"Score {number} is outside Mermaid's scale of 1 (worst) to 5 (best).")
    else:
        return number
    return None


def _unnamed_section(diagram: Diagram, block: Block, log: ImportLog) -> None:
    first = diagram.sections[0] if diagram.sections else None
    if first is not None and first.name is None:
        log.notice(
            first.line + block.first_line - 1,
            1,
            "IMP106",
            "These tasks come before any `section`: they form a stage named `Untitled section`.",
        )
