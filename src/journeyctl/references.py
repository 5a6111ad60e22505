"""Persona libraries named by maps, loaded once per run."""

from __future__ import annotations

import os
from typing import Union

from journeyctl.loader import LoadError, load_document
from journeyctl.model import InvalidMap, JourneyMap, PersonaLibrary, validate_map

LibraryIds = Union[frozenset[str], str]


class PersonaLibraries:
    """Loads the persona libraries maps refer to (`personas.yaml#ben`), with a cache."""

    def __init__(self) -> None:
        self._cache: dict[str, LibraryIds] = {}

    def for_map(self, journey: JourneyMap, map_path: str) -> dict[str, LibraryIds]:
        """For the library a map's `persona` names: its persona ids, or why it is unusable."""
        if journey.persona is None or "#" not in journey.persona:
            return {}
        library = journey.persona.rsplit("#", 1)[0]
        full = os.path.normpath(os.path.join(os.path.dirname(map_path), library))
        if full not in self._cache:
            self._cache[full] = _load_ids(full)
        return {library: self._cache[full]}


def _load_ids(path: str) -> LibraryIds:
    if os.path.isdir(path):
        return "it is a folder, not a file."
    if not os.path.isfile(path):
        return "the file does not exist."
    try:
        library = validate_map(load_document(path).data)
    except (LoadError, InvalidMap):
        return "the file has errors (run `journeyctl lint` on it)."
    if not isinstance(library, PersonaLibrary):
        return "it is a journey map, not a persona library (`kind: personas`)."
    return frozenset(persona.id for persona in library.personas)
