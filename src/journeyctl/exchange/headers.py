"""Which field of a map a table's header (or, in a table with stages as columns,
a lane's label) names: the synonyms journey-map templates use, and `--column`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from journeyctl.core.errors import UsageError

# The fields a table can fill, each with the headers that name it. Matching
# ignores case, spaces and punctuation ("Pain point(s)" is "painpoints").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "journey_id": ("journey id", "map id"),
    "title": ("journey", "journey title", "journey name", "map title", "map name"),
    "scale_min": ("scale min", "emotion min", "lowest emotion"),
    "scale_max": ("scale max", "emotion max", "highest emotion"),
    "stage_id": ("stage id", "phase id"),
    "stage": ("stage", "phase", "journey stage", "journey phase", "stage name", "phase name"),
    "customer_goal": ("customer goal", "goal", "customer goals", "goals"),
    "touchpoint_id": ("touchpoint id", "touch point id"),
    "touchpoint": ("touchpoint", "touch point", "step", "interaction", "touchpoint name", "moment"),
    "channel": ("channel", "medium"),
    "owner": ("owner", "touchpoint owner", "responsible", "ownership", "internal owner", "internal ownership", "team"),
    "critical": ("critical", "critical moment", "moment of truth"),
    "doing": ("doing", "actions", "action", "customer actions", "customer action", "activities", "does"),
    "thinking": ("thinking", "thoughts", "thought", "questions", "customer thoughts", "thinks"),
    "feeling": ("feeling", "feelings", "emotions", "customer feelings", "feels"),
    "emotion": (
        "emotion",
        "score",
        "mood",
        "sentiment",
        "emotion score",
        "emotional score",
        "sentiment score",
        "emotional curve",
        "emotion curve",
        "satisfaction",
    ),
    "backstage": (
        "backstage",
        "backstage actions",
        "behind the scenes",
        "systems",
        "backstage systems",
        "support processes",
    ),
    "evidence": ("evidence", "source", "sources", "research"),
    "pain_points": ("pain points", "pain point", "pain", "pains", "problem", "problems"),
    "pain_point_ids": ("pain point ids", "pain point id"),
    "opportunities": ("opportunities", "opportunity", "idea", "ideas", "improvement", "improvements"),
    "opportunity_ids": ("opportunity ids", "opportunity id"),
    "expected_outcome": ("expected outcome", "outcome", "expected outcomes", "outcomes"),
}
# Words that name one field inside a longer header, as templates ask their
# questions ("What is the customer doing?", "How do they feel?", "Sentiment (1-5)").
KEYWORDS: dict[str, frozenset[str]] = {
    "doing": frozenset({"doing", "does", "actions", "activities"}),
    "thinking": frozenset({"thinking", "think", "thinks", "thoughts"}),
    "feeling": frozenset({"feel", "feels", "feeling", "feelings"}),
    "emotion": frozenset({"emotion", "sentiment", "mood", "score"}),
    "pain_points": frozenset({"pain", "pains", "problems", "frustrations"}),
    "opportunities": frozenset({"opportunities", "ideas", "improvements"}),
}
IGNORE = "ignore"
_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def normalise(header: str) -> str:
    """A header as matching sees it: case, accents, spaces and punctuation gone."""
    folded = unicodedata.normalize("NFKD", header.casefold())
    return _NOT_WORD.sub("", "".join(char for char in folded if not unicodedata.combining(char)))


_BY_WORDS = {normalise(synonym): field for field, synonyms in SYNONYMS.items() for synonym in synonyms}


@dataclass(frozen=True)
class ColumnMap:
    """The user's `--column HEADER=FIELD` choices, by normalised header."""

    chosen: dict[str, str]

    def field(self, header: str) -> Optional[str]:
        """The field `header` names (see `match`); None for no field."""
        found = self.match(header)
        return found[0] if found else None

    def match(self, header: str) -> Optional[tuple[str, bool]]:
        """(field, exactly): the user's choice, a synonym (also without a bracketed note, or its
        plural), else a field whose keywords alone appear in the header (not exactly)."""
        key = normalise(header)
        if not key:
            return None
        if key in self.chosen:
            return self.chosen[key], True
        for candidate in (key, normalise(_BRACKETS.sub("", header))):
            found = _BY_WORDS.get(candidate) or (_BY_WORDS.get(candidate[:-1]) if candidate.endswith("s") else None)
            if found:
                return found, True
        words = set(_WORD.findall(header.casefold()))
        fields = [field for field, keywords in KEYWORDS.items() if words & keywords]
        return (fields[0], False) if len(fields) == 1 else None


def column_map(options: list[str]) -> ColumnMap:
    """Parse `--column "HEADER=FIELD"` options (FIELD: a field name, `x-NAME`, or `ignore`)."""
    chosen = {}
    for option in options:
        header, equals, field = option.rpartition("=")
        if not equals or not header.strip():
            raise UsageError(f'--column takes "HEADER=FIELD" (for example "Steps=touchpoint"), not `{option}`.')
        chosen[normalise(header)] = _field_name(field.strip(), option)
    return ColumnMap(chosen)


def _field_name(field: str, option: str) -> str:
    if field.startswith("x-") and len(field) > 2:
        return field
    name = normalise(field)
    for known in [*SYNONYMS, IGNORE]:
        if normalise(known) == name:
            return known
    raise UsageError(
        f"--column {option}: `{field}` is not a field. Choose one of: {', '.join(SYNONYMS)}, "
        f"x-NAME (kept as is) or {IGNORE}."
    )
