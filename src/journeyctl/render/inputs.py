"""The maps a render names: loaded, checked like lint checks them, personas resolved."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Optional

from journeyctl.discovery import expand_paths
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


def load_journeys(paths: list[str], today: date) -> list[JourneyInput]:
    """Every journey map the paths name, in order; persona libraries are skipped.

    Raises InvalidInput with the findings of every map that does not load or
    has reference errors, so that one run shows all of them.
    """
    findings: list[Finding] = []
    journeys: list[JourneyInput] = []
    resolver = _PersonaResolver()
    for path, explicit in expand_paths(paths):
        try:
            loaded = _load(path, explicit)
            if loaded is None or isinstance(loaded[1], PersonaLibrary):
                continue
            document, journey = loaded
            _check_references(document, journey, resolver.libraries, today)
            journeys.append(JourneyInput(path, journey, resolver.persona(journey, path)))
        except InvalidInput as error:
            findings.extend(error.findings)
    if findings:
        raise InvalidInput(findings)
    return journeys


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
