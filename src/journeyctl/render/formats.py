"""The output formats of `render`: one entry each, naming its suffix and entry templates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputFormat:
    """An output format: page suffix and the two entry templates."""

    name: str
    suffix: str
    map_template: str
    index_template: str


@dataclass(frozen=True)
class PrintLayout:
    """An HTML page laid out for paper (PDF): the CSS page size, and how many touchpoint columns fit across."""

    page_size: str
    columns_per_page: int


FORMATS = {
    "html": OutputFormat("html", ".html", "map.html.j2", "index.html.j2"),
    "markdown": OutputFormat("markdown", ".md", "map.md.j2", "index.md.j2"),
}
