"""The journey map format as Pydantic models."""

from journeyctl.model.journey import (
    JourneyMap,
    Metric,
    Opportunity,
    PainPoint,
    Persona,
    PersonaLibrary,
    Scale,
    Source,
    Stage,
    Touchpoint,
)
from journeyctl.model.validation import InvalidMap, MapModel, validate_map

__all__ = [
    "InvalidMap",
    "JourneyMap",
    "MapModel",
    "Metric",
    "Opportunity",
    "PainPoint",
    "Persona",
    "PersonaLibrary",
    "Scale",
    "Source",
    "Stage",
    "Touchpoint",
    "validate_map",
]
