"""How a change reads to people, shared by the text and markdown reporters.

A reporter gives its Style: how it quotes a text value and how it escapes
anything taken from the map, so that each format escapes once, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from journeyctl.diff.changes import Change, DiffResult
from journeyctl.diff.values import shorten, show
from journeyctl.model import JourneyMap

SIGNS = {"added": "+", "removed": "-", "changed": "~", "moved": "→"}
_CONTAINERS = {"touchpoint": "stage", "pain_point": "touchpoint", "opportunity": "touchpoint"}


@dataclass(frozen=True)
class Style:
    """`escape` makes map text safe for the format; `quote` puts a text value in quotes."""

    escape: Callable[[str], str]
    quote: Callable[[str], str]

    def value(self, value: Any) -> str:
        """A field value, shown and escaped."""
        return self.escape(show(value, self.quote))

    def name(self, text: str) -> str:
        """An item's name, shortened to one line, quoted and escaped."""
        return self.value(shorten(text))


def entity_label(entity: str) -> str:
    """`pain point` for `pain_point`."""
    return entity.replace("_", " ")


def subject(change: Change, style: Style) -> str:
    """What changed: `touchpoint tp-pay`, `metric "NPS" (touchpoint tp-pay)`, `journey`."""
    if change.entity == "journey":
        return "journey"
    if change.entity == "metric":
        return f"metric {style.value(change.id)} (touchpoint {style.escape(str(change.touchpoint))})"
    across = change.kind == "moved" and isinstance(change.from_, str)
    where = f" (touchpoint {style.escape(change.touchpoint)})" if change.touchpoint and not across else ""
    return f"{entity_label(change.entity)} {style.escape(change.id)}{where}"


def outcome(change: Change, result: DiffResult, style: Style) -> str:
    """What happened to an added, removed or moved item, after its subject."""
    if change.kind in ("added", "removed"):
        name = change.name if change.entity != "metric" else None
        return f"{change.kind}: {style.name(name)}" if name else change.kind
    if isinstance(change.from_, int) and isinstance(change.to, int):
        return f"moved from position {change.from_} to {change.to}"
    container = _CONTAINERS.get(change.entity, "item")
    origin, target = result.name_of(str(change.from_), "old"), result.name_of(str(change.to), "new")
    if origin and target and origin != target:
        return f"moved from {container} {style.name(origin)} to {style.name(target)}"
    return f"moved from {container} {style.escape(str(change.from_))} to {style.escape(str(change.to))}"


def field_values(change: Change, style: Style) -> tuple[str, str, str]:
    """The changed field's name and its before and after values, shown and escaped."""
    return style.escape(str(change.field)), style.value(change.before), style.value(change.after)


def journey_heading(result: DiffResult, style: Style) -> str:
    """`Journey checkout "Checkout"` for a map; `Persona library` for a library."""
    for model in (result.new, result.old):
        if isinstance(model, JourneyMap):
            return f"Journey {style.escape(model.id)} {style.name(model.title)}"
    return "Persona library"


def stage_heading(result: DiffResult, stage_id: str, style: Style) -> str:
    """`Stage "Checkout" (stage-checkout)`."""
    name: Optional[str] = result.name_of(stage_id)
    return f"Stage {style.name(name)} ({style.escape(stage_id)})" if name else f"Stage {style.escape(stage_id)}"
