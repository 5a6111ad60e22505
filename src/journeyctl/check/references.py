"""Persona libraries: the files maps name in `persona: personas.yaml#ben`, each loaded once per run.

The one place that resolves a library's path, loads it, and says why it cannot be
used. Front ends that keep unsaved text (the language server) pass their own
`read`; those that watch files (serve, the language server) `forget` a library
when it changes.
"""

from __future__ import annotations

import os
from typing import Callable, Optional, Union

from journeyctl.core.errors import LoadError
from journeyctl.model import InvalidMap, JourneyMap, Persona, PersonaLibrary, validate_map
from journeyctl.source.loader import decode, parse_document, read_bytes

# A library's personas by id, or the reason it cannot be used.
Library = Union[dict[str, Persona], str]
Reader = Callable[[str], str]


def library_path(map_path: str, library: str) -> str:
    """The file a map's persona library reference names, relative to the map's folder."""
    return os.path.normpath(os.path.join(os.path.dirname(map_path), library))


def split_reference(reference: str) -> tuple[Optional[str], str]:
    """(`personas.yaml`, `ben`) for `personas.yaml#ben`; (None, `ben`) for an inline persona."""
    if "#" not in reference:
        return None, reference
    library, persona_id = reference.rsplit("#", 1)
    return library, persona_id


def read_file(path: str) -> str:
    """A file's text as the loader reads it (LoadError when it cannot be read)."""
    return decode(read_bytes(path))


class PersonaLibraries:
    """The persona libraries of one run, by path, each loaded at most once."""

    def __init__(self, read: Reader = read_file) -> None:
        self._read = read
        self._cache: dict[str, Library] = {}

    def library(self, map_path: str, library: str) -> Library:
        """The personas of the library `library` named by the map at `map_path`, or why it is unusable."""
        full = library_path(map_path, library)
        if full not in self._cache:
            self._cache[full] = self._load(full)
        return self._cache[full]

    def persona(self, journey: JourneyMap, map_path: str) -> Optional[Persona]:
        """The map's persona, inline or from its library; None when it names none or it is not found."""
        if journey.persona is None:
            return None
        library, persona_id = split_reference(journey.persona)
        if library is None:
            return next((p for p in journey.personas if p.id == persona_id), None)
        found = self.library(map_path, library)
        return found.get(persona_id) if isinstance(found, dict) else None

    def forget(self, path: str) -> None:
        """Load the library at `path` again when it is next asked for (it changed)."""
        self._cache.pop(os.path.normpath(path), None)

    def _load(self, path: str) -> Library:
        if os.path.isdir(path):
            return "it is a folder, not a file."
        try:
            text = self._read(path)
        except LoadError:
            return "the file does not exist." if not os.path.exists(path) else "the file cannot be read."
        try:
            library = validate_map(parse_document(text, path).data)
        except (LoadError, InvalidMap):
            return "the file has errors (run `journeyctl lint` on it)."
        if not isinstance(library, PersonaLibrary):
            return "it is a journey map, not a persona library (`kind: personas`)."
        return {persona.id: persona for persona in library.personas}
