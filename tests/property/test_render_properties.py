"""`render` publishes a map exactly when lint finds no error in it, and never crashes either way."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st
from property_support import assert_answered, at_most, journeyctl, workdir  # noqa: F401  (fixture)
from strategies import RANDOM_BYTES, deep_nesting, edited_examples, huge_scalars, laid_out_maps

from conftest import EXAMPLES, TODAY

ERRORS = ",".join(f"E{number:03}" for number in (1, 2, 3, 10, 11, 12, 20, 21, 22))
FORMATS = st.sampled_from(["html", "markdown"])
ACTIVE_TAGS = {"script", "iframe", "object", "embed", "img", "image", "form", "base", "link"}


class Markup(HTMLParser):
    """The tags and attributes of a page, as a browser's tokenizer sees them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def render_bytes(folder, raw: bytes, output_format: str):
    (folder / "personas.yaml").write_bytes((EXAMPLES / "personas.yaml").read_bytes())
    path = folder / "map.journey.yaml"
    path.write_bytes(raw)
    rendered = journeyctl("render", path, "--format", output_format, "--today", TODAY)
    assert_answered(rendered, (0, 2))
    return path, rendered


@given(edited_examples(), FORMATS)
def test_render_refuses_exactly_what_lint_calls_an_error(workdir, raw, output_format):
    path, rendered = render_bytes(workdir, raw, output_format)
    errors = journeyctl("lint", "-q", path, "--today", TODAY, "--select", ERRORS)
    assert (rendered.code == 0) == (errors.code == 0), (rendered, errors)
    if rendered.code == 2:
        assert rendered.out == ""
        # The same findings as lint's; or, for a file that is no journey map (an edited
        # persona library), the one line that says there is nothing to render.
        assert rendered.err == errors.out or rendered.err.startswith("journeyctl: No journey maps to render"), (
            rendered,
            errors,
        )


@at_most(40)
@given(RANDOM_BYTES | deep_nesting() | huge_scalars(), FORMATS)
def test_hostile_input(workdir, raw, output_format):
    render_bytes(workdir, raw, output_format)


@at_most(25)
@given(laid_out_maps(), FORMATS)
def test_every_valid_map_renders_to_an_inert_page(workdir, case, output_format):
    _, text, _ = case
    _, rendered = render_bytes(workdir, text.encode("utf-8"), output_format)
    assert (rendered.code, rendered.err) == (0, ""), text
    if output_format == "html":
        assert rendered.out.startswith("<!DOCTYPE html>")
        markup = Markup(rendered.out)
        assert not markup.tags & ACTIVE_TAGS, text
        assert not [name for name, _ in markup.attributes if name.startswith("on")], text
        assert all(
            value.startswith(("https://", "http://", "mailto:", "#")) or value.endswith(".html")
            for name, value in markup.attributes
            if name in ("href", "src", "xlink:href")
        ), text
