"""MkDocs hook: the pages made from the code while the site is built.

- the rule reference (rules/index.md and a page per rule), from journeyctl.rules.RULES;
- the command-line reference (cli.md), from the Typer app;
- the gallery (gallery/...), the example maps rendered by journeyctl.

The nav in mkdocs.yml names only `rules/index.md` and `gallery/index.md`; the pages under
them are added here, so a new rule or a new example appears without touching the docs.
The site documents this checkout: its `src/` goes first on the import path, as in the tests.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import cli_pages  # noqa: E402  (after the checkout's src/ is on the path)
import gallery_pages  # noqa: E402
import rule_pages  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

RULES_INDEX = "rules/index.md"
GALLERY_INDEX = "gallery/index.md"
CLI_PAGE = "cli.md"
_COMMAND_IN_TITLE = re.compile(r"`journeyctl ([a-z][a-z-]*)")


class _Build:
    """What one build renders once (the gallery) and hands from on_config to on_files."""

    gallery: gallery_pages.Gallery | None = None


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Render the gallery and put the generated pages under their placeholders in the nav."""
    from journeyctl.rules import RULES

    _build.gallery = gallery_pages.render_gallery(ROOT / "examples", ROOT / "src")
    rules = [{f"{rule.code} {rule.name}": rule_pages.rule_path(rule)} for rule in RULES.values()]
    gallery = [{_build.gallery.title(page): f"gallery/{page}.md"} for page in _build.gallery.pages()]
    if config.nav is not None:
        config.nav = _expanded(config.nav, {RULES_INDEX: rules, GALLERY_INDEX: gallery})
    return config


def _expanded(nav: Any, children: dict[str, list[dict[str, str]]]) -> Any:
    """The nav with each `title: placeholder` entry turned into a section: the placeholder, then its pages."""
    if isinstance(nav, list):
        return [_expanded(item, children) for item in nav]
    if isinstance(nav, dict):
        return {
            title: [value, *children[value]]
            if isinstance(value, str) and value in children
            else _expanded(value, children)
            for title, value in nav.items()
        }
    return nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the rule pages, the command-line reference and the gallery to the site's files."""
    import typer

    from journeyctl.cli import app
    from journeyctl.rules import RULES

    today = date.today()
    files.append(File.generated(config, RULES_INDEX, content=rule_pages.index_page(RULES)))
    for rule in RULES.values():
        files.append(File.generated(config, rule_pages.rule_path(rule), content=rule_pages.rule_page(rule, today)))
    guides = _guides(Path(config.docs_dir))
    files.append(File.generated(config, CLI_PAGE, content=cli_pages.cli_page(typer.main.get_command(app), guides)))
    _add_gallery(files, config)
    return files


def _guides(docs: Path) -> dict[str, tuple[str, str]]:
    """Each command's guide: the first page (by path) whose title names `journeyctl COMMAND`."""
    guides: dict[str, tuple[str, str]] = {}
    for page in sorted(docs.rglob("*.md")):
        title = page.read_text(encoding="utf-8").split("\n", 1)[0]
        found = _COMMAND_IN_TITLE.search(title) if title.startswith("# ") else None
        if found and found.group(1) not in guides:
            guides[found.group(1)] = (page.relative_to(docs).as_posix(), title.removeprefix("# ").strip())
    return guides


def _add_gallery(files: Files, config: MkDocsConfig) -> None:
    gallery = _build.gallery
    assert gallery is not None, "on_config renders the gallery"
    files.append(File.generated(config, GALLERY_INDEX, content=gallery_pages.index_page(gallery)))
    for name, content in gallery.html.items():
        files.append(File.generated(config, f"gallery/html/{name}", content=content))
    for name, text in gallery.markdown.items():
        files.append(File.generated(config, f"gallery/markdown/{name}", content=text))
    for page in gallery.pages():
        frame = files.get_file_from_path(f"gallery/html/{page}.html")
        assert frame is not None
        source = File.generated(config, f"gallery/{page}.md", content="")
        frame_url = get_relative_url(frame.url, source.url)
        source.content_string = gallery_pages.map_page(gallery, page, frame_url)
        files.append(source)
