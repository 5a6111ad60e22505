"""The one Jinja environment of a run: a team's templates first, the built-ins behind.

Map text is data, never template source: it reaches templates only as values,
HTML templates autoescape, and Markdown templates escape with the `md` filter.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Optional

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    select_autoescape,
)
from markupsafe import Markup

from journeyctl.core.errors import JourneyctlError, UsageError
from journeyctl.core.markdown import escape_markdown, escape_mermaid, markdown_url
from journeyctl.core.textsafety import PageText, page_text

_HERE = Path(__file__).resolve().parent


class TemplateProblem(JourneyctlError):
    """A template that cannot be loaded or rendered (usually a team's override)."""


def builtin_templates() -> Path:
    """The built-in templates: packaged in the wheel, or the source tree's templates/."""
    packaged = _HERE.parent / "templates"
    return packaged if packaged.is_dir() else _HERE.parents[2] / "templates"


def make_environment(overrides: Optional[str] = None) -> Environment:
    """The environment for one run; `overrides` is a folder whose templates win."""
    loaders = []
    if overrides is not None:
        if not os.path.isdir(overrides):
            raise UsageError(f"--templates: the folder {overrides} does not exist.")
        loaders.append(FileSystemLoader(overrides))
    loaders.append(FileSystemLoader(str(builtin_templates())))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        # Everything is escaped as HTML except Markdown templates, which use `md`.
        autoescape=select_autoescape(enabled_extensions=("html.j2",), disabled_extensions=("md.j2",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=_shown_safely,
    )
    environment.filters.update(md=escape_markdown, mermaid=escape_mermaid, md_url=markdown_url)
    return environment


def _shown_safely(value: Any) -> Any:
    """Every value a template writes, in HTML text, attributes and Markdown alike, with control,
    bidirectional and invisible characters shown as pictures (core/textsafety.py); Markup stays
    Markup, and what the Markdown filters made safe already stays as it is."""
    if not isinstance(value, str) or isinstance(value, PageText):
        return value
    shown = page_text(value)
    if shown is value:
        return value
    return Markup(shown) if isinstance(value, Markup) else shown


def load_template(environment: Environment, name: str) -> Template:
    """Load (and compile, once per run) a template; a broken one becomes a positioned error."""
    try:
        return environment.get_template(name)
    except TemplateError as error:
        raise _problem(error, name) from None
    except UnicodeDecodeError:
        raise TemplateProblem(f"template {name} is not UTF-8 text; save it as UTF-8.") from None


def render_template(environment: Environment, name: str, context: dict[str, Any]) -> str:
    """Render one template; a broken template becomes one plain, positioned error."""
    template = load_template(environment, name)
    try:
        return template.render(context)
    except TemplateError as error:
        raise _problem(error, name) from None
    except Exception as error:
        # A team's template is code: what fails in it (1/0, an include of itself)
        # is its author's to fix. A failure in a built-in template is journeyctl's.
        filename, lineno = _template_frame(name, None)
        if os.path.abspath(filename).startswith(str(builtin_templates()) + os.sep):
            raise
        raise TemplateProblem(f"template {filename}:{lineno}: {type(error).__name__}: {error}") from None


def _problem(error: TemplateError, name: str) -> TemplateProblem:
    return TemplateProblem(f"template {_where(error, name)}: {error.message or type(error).__name__}")


def _where(error: TemplateError, name: str) -> str:
    filename = getattr(error, "filename", None) or getattr(error, "name", None)
    lineno = getattr(error, "lineno", None)
    if filename is None:
        filename, lineno = _template_frame(name, lineno)
    return f"{filename}:{lineno}" if lineno else str(filename)


def _template_frame(name: str, lineno: Optional[int]) -> tuple[str, Optional[int]]:
    # Jinja rewrites tracebacks so that template frames carry the template's file and line.
    traceback = sys.exc_info()[2]
    found = (name, lineno)
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    return found
