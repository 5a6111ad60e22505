"""Maps to render: loaded, checked like lint checks them, personas resolved."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Optional

from journeyctl.errors import InvalidInput
from journeyctl.findings import Finding
from journeyctl.lint import load_error_finding, make_finding
from journeyctl.loader import Document, LoadError, decode, looks_like_map, read_bytes
from journeyctl.maps import load_map
from journeyctl.model import JourneyMap, Persona, PersonaLibrary
from journeyctl.references import PersonaLibraries
from journeyctl.rules import RULES, Context

# Errors that the model alone does not catch but that would make a wrong page:
# a persona or evidence that is not there, ids that collide, an emotion off the scale.
REFERENCE_RULES = ("E020", "E021", "E022")


@dataclass(frozen=True)
class JourneyInput:
    """A journey map ready to render: its file, model and resolved persona."""

    path: str
    journey: JourneyMap
    persona: Optional[Persona]


class MapLoader:
    """Loads maps for one run: checks them as lint does and resolves their personas.

    Persona libraries are loaded once per run (per worker process).
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self._personas = _PersonaResolver()

    def load(self, path: str, explicit: bool = True) -> Optional[JourneyInput]:
        """The journey map at `path`; None for a persona library or, in a folder, a file
        that is not a journeyctl file. Raises InvalidInput with positioned findings."""
        loaded = _load(path, explicit)
        if loaded is None or isinstance(loaded[1], PersonaLibrary):
            return None
        document, journey = loaded
        assert isinstance(journey, JourneyMap)
        _check_references(document, journey, self._personas.libraries, self.today)
        return JourneyInput(path, journey, self._personas.persona(journey, path))


def _load(path: str, explicit: bool) -> Optional[tuple[Document, object]]:
    """The map at `path`, or None for a file found in a folder that is not a journeyctl file."""
    try:
        raw = read_bytes(path)
        if not explicit and not looks_like_map(raw):
            return None
        text = decode(raw)
    except LoadError as error:
        raise InvalidInput([load_error_finding(path, error)]) from None
    return load_map(path, text)


def _check_references(document: Document, journey: JourneyMap, libraries: PersonaLibraries, today: date) -> None:
    context = Context(today=today, persona_libraries=libraries.for_map(journey, document.path))
    findings = []
    for code in REFERENCE_RULES:
        check = RULES[code].check
        assert check is not None, f"rule {code} has no check"
        findings += [
            make_finding(document.path, code, *document.source.locate(problem.path, problem.at_key), problem.message)
            for problem in check(journey, context)
        ]
    if findings:
        raise InvalidInput(sorted(findings, key=Finding.sort_key))


class _PersonaResolver:
    """Finds a map's persona, inline or in a library; each library is loaded once."""

    def __init__(self) -> None:
        self.libraries = PersonaLibraries()
        self._loaded: dict[str, dict[str, Persona]] = {}

    def persona(self, journey: JourneyMap, map_path: str) -> Optional[Persona]:
        if journey.persona is None:
            return None
        if "#" not in journey.persona:
            return next((p for p in journey.personas if p.id == journey.persona), None)
        library, persona_id = journey.persona.rsplit("#", 1)
        full = os.path.normpath(os.path.join(os.path.dirname(map_path), library))
        if full not in self._loaded:
            _, model = load_map(full)
            self._loaded[full] = {p.id: p for p in model.personas} if isinstance(model, PersonaLibrary) else {}
        return self._loaded[full].get(persona_id)
