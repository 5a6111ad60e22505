"""The gallery: the example maps rendered by journeyctl while the site is built.

`journeyctl render` runs as a user runs it, once for the HTML site and once for the Markdown
one. The HTML pages are published as they are (each is self-contained) and shown in a frame
on a page of their own; the Markdown pages become pages of the site, as they would of any
Markdown site a team publishes them in.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.core.errors import LoadError
from journeyctl.source.loader import decode, parse_document, read_bytes


@dataclass
class Gallery:
    """What render wrote: HTML and Markdown pages by file name, and each map's source by page name."""

    html: dict[str, bytes] = field(default_factory=dict)
    markdown: dict[str, str] = field(default_factory=dict)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # page name -> (file name, text)

    def pages(self) -> list[str]:
        """The names of the rendered pages, the index aside, in order."""
        return sorted(name.removesuffix(".md") for name in self.markdown if name != "index.md")

    def title(self, page: str) -> str:
        """A page's title: the first heading of its Markdown rendering."""
        first = self.markdown[f"{page}.md"].lstrip().splitlines()[0]
        return first.removeprefix("# ").strip()


def render_gallery(examples: Path, src: Path) -> Gallery:
    """Render the examples with this checkout's journeyctl, as HTML and as Markdown."""
    gallery = Gallery()
    with tempfile.TemporaryDirectory() as scratch:
        html_site, markdown_site = Path(scratch) / "html", Path(scratch) / "markdown"
        _render(examples, html_site, "html", src)
        _render(examples, markdown_site, "markdown", src)
        # The pages only: not the manifest render keeps of what it wrote.
        gallery.html = {page.name: page.read_bytes() for page in sorted(html_site.glob("*.html"))}
        gallery.markdown = {page.name: page.read_text(encoding="utf-8") for page in sorted(markdown_site.glob("*.md"))}
    for path in sorted(examples.glob("*.y*ml")):
        try:
            map_id = parse_document(decode(read_bytes(str(path))), str(path)).data.get("id")
        except LoadError:
            continue
        if isinstance(map_id, str) and f"{map_id}.md" in gallery.markdown:
            gallery.sources[map_id] = (path.name, path.read_text(encoding="utf-8"))
    return gallery


def _render(examples: Path, folder: Path, output_format: str, src: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "journeyctl", "render", str(examples), "-f", output_format, "-o", f"{folder}/"]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"journeyctl render of {examples} failed:\n{result.stdout}{result.stderr}")


def index_page(gallery: Gallery) -> str:
    """The gallery's front page: every rendered page, as HTML and as Markdown."""
    rows = "\n".join(
        f"| [{gallery.title(page)}]({page}.md) | [{page}.html](html/{page}.html) | [{page}.md](markdown/{page}.md) |"
        for page in gallery.pages()
    )
    return f"""# Gallery

The maps in the repository's `examples/` folder, as journeyctl renders them: a
page per map, and whatever else `render` puts in a site. These pages were made
while this site was built, by the commands a team runs to publish its own maps
(see [Publishing maps](../guides/publishing.md)):

```sh
journeyctl render examples/ -o site/
journeyctl render examples/ -f markdown -o docs/journeys/
```

| page | HTML | Markdown |
|---|---|---|
{rows}

The HTML site's own index: [index.html](html/index.html). The Markdown site's
index: [index.md](markdown/index.md). The Markdown pages' emotion curve is a
Mermaid block, which GitHub draws as a chart; here it shows as the text
journeyctl writes, since this site loads no script from another host.
"""


def map_page(gallery: Gallery, page: str, frame_url: str) -> str:
    """A rendered page's gallery page: the HTML page in a frame, links to it and its Markdown, a map's source."""
    title = gallery.title(page)
    source = gallery.sources.get(page)
    shown = ""
    if source is not None:
        name, text = source
        shown = f"""
??? example "The map's source: `examples/{name}`"

    ```yaml
{_indented(text)}
    ```
"""
    return f"""# {title}

The page `journeyctl render` writes: one file, with its styles inline, no
script and no request elsewhere. [Open it on its own](html/{page}.html), or see
[the same page as Markdown](markdown/{page}.md), as GitHub shows it.

<iframe class="journeyctl-map" src="{html.escape(frame_url)}" title="{html.escape(title)}" loading="lazy"></iframe>
{shown}"""


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())
