"""fmt's engine: one map's text in, its canonical text out.

The map is written again from the node tree the loader composed (emitter.py):
keys in the format's order, every scalar copied from the file, comments placed
by comments.py, suppressions kept silencing what they silenced (suppressions.py).
A file already in the canonical layout costs one parse and one pass over its
nodes. Before a changed text is accepted it is loaded again and checked
(equivalence.py): the same data, `x-` values included, and the same comments.
"""

from __future__ import annotations

import contextlib
import gc
import io
import re
from collections.abc import Iterator
from typing import Any

from journeyctl.check.service import Checker
from journeyctl.core.errors import JourneyctlError
from journeyctl.formatter.comments import read_comments
from journeyctl.formatter.emitter import Emitted, emit
from journeyctl.formatter.equivalence import verify_document
from journeyctl.formatter.order import root_model
from journeyctl.formatter.scalars import Unsupported
from journeyctl.formatter.shape import Source, read_shape
from journeyctl.formatter.suppressions import settle
from journeyctl.source.loader import Document, parse_document

# No line is ever folded: long strings stay on one line, as they were written.
NEVER_WRAP = 10**9
_FIRST_BREAK = re.compile(r"\r\n|\r|\n")


def format_text(text: str, path: str, kind: str | None = None) -> str:
    """The canonical text of one map, with its comments, line endings and meaning.

    `kind` is the map's (journey or personas) when the caller has checked it already.
    Raises InvalidInput (positioned findings) when the map does not load or
    validate, and JourneyctlError when the result would not be equivalent.
    """
    if kind is None:
        document = Checker("fmt").check_text(text, path).require()[0]
    else:
        document = parse_document(text, path)
    return format_document(text, document)


def format_document(text: str, document: Document) -> str:
    """format_text for a map the check service has loaded (`document`, from `text`)."""
    with _without_cycle_collection():
        return _format(text, document)


def canonical_text(data: Any) -> str:
    """New data (ruamel.yaml's round-trip types for styles: flow lists, literal blocks) as fmt
    lays it out: for maps written by a program, so that the first `fmt` changes nothing."""
    from ruamel.yaml import YAML

    writer = YAML(typ="rt")
    writer.width = NEVER_WRAP
    writer.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    writer.dump(data, stream)
    text = stream.getvalue()
    return format_document(text, parse_document(text, "the new map"))


def _format(text: str, document: Document) -> str:
    newline = _line_ending(text)
    source = Source.of(text.replace("\r\n", "\n").replace("\r", "\n"))
    path, root = document.path, document.source.root
    shape = read_shape(root, source)
    model = root_model(document.kind)
    comments = read_comments(source, shape)

    def emit_with(flipped: frozenset[int]) -> Emitted:
        try:
            # The emitter takes the comments it places: each emission reads them afresh.
            return emit(root, source, shape, read_comments(source, shape, flipped) if flipped else comments, model)
        except Unsupported as unsupported:
            raise JourneyctlError(
                f"{path}: not formatted: fmt does not lay out {unsupported}; the file is left as it is."
            ) from None

    emitted = emit_with(frozenset())
    if emitted.text != source.text:
        emitted = settle(source.text, path, comments, emitted, emit_with)
        verify_document(source.text, document, comments.texts, emitted.text, path)
    return emitted.text.replace("\n", newline) if newline != "\n" else emitted.text


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Formatting a large map makes hundreds of thousands of small objects (nodes, lines, spans),
    none in a cycle: Python's cycle collector would walk the growing heap again and again for
    nothing (half the time on a 3 MB map). Reference counting frees them all the same."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _line_ending(text: str) -> str:
    """The file's line ending, from its first line: LF, CRLF or (rarely) CR."""
    match = _FIRST_BREAK.search(text)
    return match.group() if match else "\n"
