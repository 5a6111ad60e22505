"""Find references: from an id (or a reference to it) to everything that cites it.

Sources and pain points are cited within their map. A persona of a persona
library is cited by maps: the open ones and those in the workspace's folders
(or, without a workspace, under the library's folder).
"""

from __future__ import annotations

import os
from typing import Optional

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path

from journeyctl.check.references import library_path
from journeyctl.core.errors import LoadError
from journeyctl.lsp.analysis import Analysis
from journeyctl.lsp.definition import library_location
from journeyctl.lsp.positions import Positions
from journeyctl.lsp.server import JourneyServer, server
from journeyctl.lsp.targets import (
    citations,
    cites_library_persona,
    find_item,
    id_span,
    item_at,
    load_quietly,
    reference_at,
)
from journeyctl.source.discovery import expand_paths

# (entity, id, the persona library file when the id is a library's persona)
Target = tuple[str, str, Optional[str]]


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
async def references(ls: JourneyServer, params: types.ReferenceParams) -> Optional[list[types.Location]]:
    analysis = await ls.analysis(params.text_document.uri)
    target = target_at(analysis, params.position)
    if analysis is None or analysis.document is None or target is None:
        return None
    entity, ident, library = target
    declaration = params.context.include_declaration
    if library is not None:
        folders = _folders(ls, library)
        return await ls.in_worker(library_citations, ls, library, ident, folders, declaration)
    found = [analysis.positions.range(*_span(analysis, path)) for path in citations(analysis.data, entity, ident)]
    item = find_item(analysis.data, entity, ident)
    if declaration and item is not None:
        found.insert(0, analysis.positions.range(*id_span(analysis.document, item)))
    return [types.Location(uri=analysis.buffer.uri, range=found_range) for found_range in found]


def target_at(analysis: Optional[Analysis], position: types.Position) -> Optional[Target]:
    """What the cursor is on: the id of an item, or a reference to one."""
    if analysis is None or analysis.document is None:
        return None
    at = analysis.document.source.path_at(*analysis.positions.from_client(position))
    if at is None or at[1]:
        return None
    data, path = analysis.data, at[0]
    item = item_at(data, path)
    if item is not None:
        in_library = item.entity == "persona" and data.get("kind") == "personas"
        return item.entity, str(item.data["id"]), analysis.buffer.path if in_library else None
    cited = reference_at(data, path)
    if cited is None:
        return None
    library = library_path(analysis.buffer.path, cited.library) if cited.library is not None else None
    return cited.entity, cited.ident, library


def library_citations(
    ls: JourneyServer, library: str, ident: str, folders: list[str], declaration: bool
) -> list[types.Location]:
    """The maps that name the persona `ident` of the library file `library`, and the persona itself."""
    found = [location for location in [library_location(ls, library, ident)] if declaration and location]
    for path in sorted(set(ls.buffers) | {path for path, _ in expand_paths(folders)}):
        try:
            text = ls.read_text(path)
        except LoadError:
            continue
        if f"#{ident}" not in text:  # cheap: most maps name another persona, or none
            continue
        document = load_quietly(text, path)
        if document is not None and cites_library_persona(path, document.data, library, ident):
            positions = Positions(text, ls.workspace.position_codec)
            span = document.source.span(("persona",))
            assert span is not None
            found.append(types.Location(uri=from_fs_path(path) or path, range=positions.range(*span)))
    return found


def _folders(ls: JourneyServer, library: str) -> list[str]:
    folders = [to_fs_path(folder.uri) for folder in ls.workspace.folders.values()]
    return [folder for folder in folders if folder] or [os.path.dirname(library)]


def _span(analysis: Analysis, path: tuple[str | int, ...]) -> tuple[tuple[int, int], tuple[int, int]]:
    assert analysis.document is not None
    span = analysis.document.source.span(path)
    assert span is not None
    return span
