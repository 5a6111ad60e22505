"""One file of the served folder as the engine leaves it: checked, rendered, and linted on demand.

Nothing here reads a file that the check service does not read itself: a file is
checked once (render's rule set) and linted from the same text, so the page and
its lint panel always describe the same bytes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Optional

from journeyctl.check.references import library_path, split_reference
from journeyctl.check.service import Checked, Checker
from journeyctl.core.findings import Finding
from journeyctl.model import JourneyMap
from journeyctl.model.fields import ID_PATTERN
from journeyctl.render import MapRenderer, RenderedMap
from journeyctl.render.environment import TemplateProblem

_ID = re.compile(ID_PATTERN)


@dataclass
class SourceFile:
    """A file as last checked: its page or its findings, and the other files its page reads."""

    path: str
    checked: Checked
    rendered: RenderedMap
    problem: Optional[str] = None  # a team template that failed on this map
    lint: Optional[list[Finding]] = field(default=None, repr=False)

    @property
    def page(self) -> Optional[str]:
        """The page `render` would publish for this file, if it has one."""
        return None if self.problem else self.rendered.page

    @property
    def errors(self) -> list[Finding]:
        """Why the file has no page (empty when it has one, or is not a map at all)."""
        return list(self.rendered.findings)

    @property
    def wanted(self) -> bool:
        """Whether the file gets a page: a map, or a file render would refuse with findings."""
        return self.page is not None or bool(self.errors) or self.problem is not None

    def libraries(self) -> list[str]:
        """The persona library files the page reads (as the check service names them)."""
        model = self.checked.model
        if not isinstance(model, JourneyMap) or model.persona is None:
            return []
        library, _ = split_reference(model.persona)
        return [] if library is None else [library_path(self.path, library)]

    def declared_id(self) -> Optional[str]:
        """The map's id as written, when the file loads but does not validate (its page keeps its name)."""
        document = self.checked.document
        value = document.data.get("id") if document is not None else None
        return value if isinstance(value, str) and _ID.match(value) else None


def check_source(path: str, explicit: bool, renderer: MapRenderer) -> SourceFile:
    """Check and render one file, as `render` does; a template that fails on it becomes its problem."""
    checked = renderer.checker.check_file(path, explicit)
    try:
        return SourceFile(path, checked, renderer.render_checked(checked))
    except TemplateProblem as problem:
        return SourceFile(path, checked, RenderedMap(path), problem=str(problem))


def lint_source(source: SourceFile, checker: Checker) -> list[Finding]:
    """Every lint finding of the file's text, with the settings lint would use (cached on the file)."""
    if source.lint is None:
        checked = source.checked
        loaded = checked.document is not None or checked.text
        source.lint = checker.check_text(checked.text, source.path).findings if loaded else list(checked.findings)
    return source.lint


def relative_name(path: str, root: str) -> str:
    """A file's path relative to the served folder, with `/`: how a page without an id is named."""
    return os.path.relpath(path, root).replace(os.sep, "/")
