"""Loading one map for the commands that need a valid model (render, diff, fmt)."""

from __future__ import annotations

from journeyctl.errors import InvalidInput
from journeyctl.lint import load_error_finding, make_finding
from journeyctl.loader import Document, LoadError, decode, parse_document, read_bytes
from journeyctl.model import InvalidMap, MapModel, validate_map


def load_map(path: str, text: str | None = None) -> tuple[Document, MapModel]:
    """The document and model of one map, from its file or from `text`.

    `path` is what findings show (for git revisions, `REV:PATH`). A map that does
    not load or validate raises InvalidInput with the same findings lint gives.
    """
    try:
        document = parse_document(decode(read_bytes(path)) if text is None else text, path)
    except LoadError as error:
        raise InvalidInput([load_error_finding(path, error)]) from None
    try:
        return document, validate_map(document.data)
    except InvalidMap as invalid:
        findings = [
            make_finding(path, code, *document.source.locate(problem.path, problem.at_key), problem.message)
            for code, problem in invalid.problems
        ]
        raise InvalidInput(sorted(findings, key=lambda f: f.sort_key())) from None
