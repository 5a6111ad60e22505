"""Go to definition: from a reference (`evidence`, `addresses`, `persona`) to the item it names,
in this file or in the persona library."""

from __future__ import annotations

from typing import Optional

from lsprotocol import types
from pygls.uris import from_fs_path

from journeyctl.check.references import library_path
from journeyctl.core.errors import LoadError
from journeyctl.lsp.analysis import Analysis
from journeyctl.lsp.positions import Positions
from journeyctl.lsp.server import JourneyServer, server
from journeyctl.lsp.targets import Cited, find_item, id_span, load_quietly, reference_at


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
async def definition(ls: JourneyServer, params: types.DefinitionParams) -> Optional[types.Location]:
    analysis = await ls.analysis(params.text_document.uri)
    cited = cited_at(analysis, params.position)
    if analysis is None or analysis.document is None or cited is None:
        return None
    if cited.library is not None:
        return await ls.in_worker(library_location, ls, library_path(analysis.buffer.path, cited.library), cited.ident)
    item = find_item(analysis.data, cited.entity, cited.ident)
    if item is None:
        return None
    span = id_span(analysis.document, item)
    return types.Location(uri=analysis.buffer.uri, range=analysis.positions.range(*span))


def cited_at(analysis: Optional[Analysis], position: types.Position) -> Optional[Cited]:
    """The reference at the editor's position, if the cursor is on one."""
    if analysis is None or analysis.document is None:
        return None
    at = analysis.document.source.path_at(*analysis.positions.from_client(position))
    if at is None or at[1]:
        return None
    return reference_at(analysis.data, at[0])


def library_location(ls: JourneyServer, path: str, ident: str) -> Optional[types.Location]:
    """Where the persona `ident` is defined in the library file at `path` (its open buffer first)."""
    try:
        text = ls.read_text(path)
    except LoadError:
        return None
    document = load_quietly(text, path)
    item = find_item(document.data, "persona", ident) if document is not None else None
    if document is None or item is None:
        return None
    positions = Positions(text, ls.workspace.position_codec)
    return types.Location(uri=from_fs_path(path) or path, range=positions.range(*id_span(document, item)))
