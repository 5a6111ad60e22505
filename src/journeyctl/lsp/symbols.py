"""Document symbols: the outline journey -> stages -> touchpoints -> pain points and opportunities
(with the personas, sources and metrics), in the shape model/walk.py states once."""

from __future__ import annotations

from typing import Any, Optional

from lsprotocol import types

from journeyctl.core.positions import Path, Span
from journeyctl.lsp.analysis import Analysis
from journeyctl.lsp.server import JourneyServer, server
from journeyctl.model.walk import walk_data

KINDS = {
    "journey": types.SymbolKind.Module,
    "library": types.SymbolKind.Module,
    "persona": types.SymbolKind.Class,
    "source": types.SymbolKind.File,
    "stage": types.SymbolKind.Namespace,
    "touchpoint": types.SymbolKind.Event,
    "pain_point": types.SymbolKind.Constant,
    "opportunity": types.SymbolKind.Function,
    "metric": types.SymbolKind.Number,
}


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
async def document_symbols(
    ls: JourneyServer, params: types.DocumentSymbolParams
) -> Optional[list[types.DocumentSymbol]]:
    analysis = await ls.analysis(params.text_document.uri)
    if analysis is None or analysis.document is None:
        return None
    return [outline(analysis)]


def outline(analysis: Analysis) -> types.DocumentSymbol:
    """The map (or library) as one symbol, its items nested as the format nests them."""
    assert analysis.document is not None
    data, source = analysis.data, analysis.document.source
    library = data.get("kind") == "personas"
    whole = source.span(())
    title = source.span(("title",)) or source.span(("journeyctl",), at_key=True)
    assert whole is not None and title is not None
    name = "persona library" if library else _label(data, ("title", "id"), "journey map")
    root = _symbol(analysis, name, "library" if library else "journey", whole, title)
    symbols: dict[Path, types.DocumentSymbol] = {(): root}
    for path, entity, item in walk_data(data):
        span = source.span(path)
        parent = symbols.get(path[:-2])
        if span is None or parent is None:
            continue
        label = _label(item, ("name", "id", "description"), entity.replace("_", " "))
        symbol = _symbol(analysis, label, entity, span, source.span((*path, "id")) or span)
        symbols[path] = symbol
        parent.children = [*(parent.children or []), symbol]
    return root


def _symbol(analysis: Analysis, name: str, entity: str, span: Span, selection: Span) -> types.DocumentSymbol:
    positions = analysis.positions
    return types.DocumentSymbol(
        name=name,
        detail=entity.replace("_", " "),
        kind=KINDS[entity],
        range=positions.range(*span),
        selection_range=positions.range(*selection),
    )


def _label(item: dict[str, Any], keys: tuple[str, ...], fallback: str) -> str:
    """An item's name in the outline: the first of `keys` it has, on one line (never empty)."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return " ".join(str(value).split())[:120]
    return fallback
