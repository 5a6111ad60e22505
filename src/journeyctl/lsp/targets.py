"""What the cursor is on, and what the map's references point to, read from the loaded document.

Works on the document's plain data before validation (walk_data), so that
navigation keeps working while another part of the map does not validate yet.
Which key names what is E021's (REFERENCED): `evidence` names sources,
`addresses` pain points, `persona` a persona.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Optional

from journeyctl.check.references import library_path, split_reference
from journeyctl.core.errors import LoadError
from journeyctl.core.positions import Path, Span
from journeyctl.model.walk import value_at, walk_data
from journeyctl.rules.e021_unknown_reference import REFERENCED
from journeyctl.source.loader import Document, parse_document

# The entity each referencing key names: `evidence` -> `source`.
ENTITY_OF = {key: what.replace(" ", "_") for key, what in REFERENCED.items()}


@dataclass(frozen=True)
class Cited:
    """A reference at `path`: the id `ident` of a `entity`, in the persona library `library` if it names one."""

    path: Path
    entity: str
    ident: str
    library: Optional[str] = None


@dataclass(frozen=True)
class Item:
    """An item of a map or library with an id: where it is, what it is, its data."""

    path: Path
    entity: str
    data: dict[str, Any]


def reference_at(data: dict[str, Any], path: Path) -> Optional[Cited]:
    """The reference whose value is at `path` (`persona`, an entry of `evidence` or `addresses`), if any."""
    value = value_at(data, path)
    if not isinstance(value, str):
        return None
    if path == ("persona",):
        library, ident = split_reference(value)
        return Cited(path, "persona", ident, library)
    if len(path) >= 2 and path[-2] in ENTITY_OF and path[-2] != "persona" and isinstance(path[-1], int):
        return Cited(path, ENTITY_OF[str(path[-2])], value)
    return None


def identified(data: dict[str, Any]) -> Iterator[Item]:
    """Every item that has a text id, in file order."""
    for path, entity, item in walk_data(data):
        if isinstance(item.get("id"), str):
            yield Item(path, entity, item)


def item_at(data: dict[str, Any], path: Path) -> Optional[Item]:
    """The item whose `id` is at `path`."""
    if not path or path[-1] != "id":
        return None
    return next((item for item in identified(data) if item.path == path[:-1]), None)


def find_item(data: dict[str, Any], entity: str, ident: str) -> Optional[Item]:
    """The first item of `entity` with this id."""
    return next((item for item in identified(data) if item.entity == entity and item.data["id"] == ident), None)


def citations(data: dict[str, Any], entity: str, ident: str) -> Iterator[Path]:
    """Where the map cites the id `ident` of a `entity` of its own (not of a persona library)."""
    if entity == "persona" and reference_at(data, ("persona",)) == Cited(("persona",), "persona", ident):
        yield ("persona",)
    for path, _, item in walk_data(data):
        for key in ("evidence", "addresses"):
            refs = item.get(key)
            if ENTITY_OF[key] == entity and isinstance(refs, list):
                yield from ((*path, key, i) for i, ref in enumerate(refs) if ref == ident)


def cites_library_persona(map_path: str, data: dict[str, Any], library: str, ident: str) -> bool:
    """Whether the map at `map_path` names the persona `ident` of the library file `library`."""
    cited = reference_at(data, ("persona",))
    return (
        cited is not None
        and cited.library is not None
        and cited.ident == ident
        and library_path(map_path, cited.library) == library
    )


def load_quietly(text: str, path: str) -> Optional[Document]:
    """A document from text, or None when it does not load (another file a feature looks into)."""
    try:
        return parse_document(text, path)
    except LoadError:
        return None


def id_span(document: Document, item: Item) -> Span:
    """Where an item's id is written (the item itself when its id cannot be found)."""
    span = document.source.span((*item.path, "id")) or document.source.span(item.path)
    assert span is not None
    return span
