"""How a change reads to people, shared by the text and markdown reporters.

Every piece of map content goes through the reporter's `escape` (after `show`
has quoted it and made control characters visible), so each format escapes
once, in one place.
"""

from __future__ import annotations

from typing import Callable, Optional

from journeyctl.diff.changes import Change, DiffResult
from journeyctl.diff.values import shorten, show
from journeyctl.model import JourneyMap

Escape = Callable[[str], str]
SIGNS = {"added": "+", "removed": "-", "changed": "~", "moved": "→"}
_CONTAINERS = {"touchpoint": "stage", "pain_point": "touchpoint", "opportunity": "touchpoint"}


def entity_label(entity: str) -> str:
    """`pain point` for `pain_point`."""
    return entity.replace("_", " ")


def subject(change: Change, escape: Escape) -> str:
    """What changed: `touchpoint tp-pay`, `metric "NPS" (touchpoint tp-pay)`, `journey`."""
    if change.entity == "journey":
        return "journey"
    if change.entity == "metric":
        return f"metric {escape(show(change.id))} (touchpoint {escape(str(change.touchpoint))})"
    across = change.kind == "moved" and isinstance(change.from_, str)
    where = f" (touchpoint {escape(change.touchpoint)})" if change.touchpoint and not across else ""
    return f"{entity_label(change.entity)} {escape(change.id)}{where}"


def outcome(change: Change, result: DiffResult, escape: Escape) -> str:
    """What happened to an added, removed or moved item, after its subject."""
    if change.kind in ("added", "removed"):
        name = change.name if change.entity != "metric" else None
        return f"{change.kind}: {escape(show(shorten(name)))}" if name else change.kind
    if isinstance(change.from_, int) and isinstance(change.to, int):
        return f"moved from position {change.from_} to {change.to}"
    container = _CONTAINERS.get(change.entity, "item")
    origin = _container(result, change.from_, "old", escape)
    target = _container(result, change.to, "new", escape)
    return f"moved from {container} {origin} to {target}"


def field_values(change: Change, escape: Escape) -> tuple[str, str, str]:
    """The changed field's name and its before and after values, shown and escaped."""
    return escape(str(change.field)), escape(show(change.before)), escape(show(change.after))


def journey_heading(result: DiffResult, escape: Escape) -> str:
    """`Journey checkout "Checkout"` for a map; `Persona library` for a library."""
    for model in (result.new, result.old):
        if isinstance(model, JourneyMap):
            return f"Journey {escape(model.id)} {escape(show(shorten(model.title)))}"
    return "Persona library"


def stage_heading(result: DiffResult, stage_id: str, escape: Escape) -> str:
    """`Stage "Checkout" (stage-checkout)`."""
    name = result.name_of(stage_id)
    return f"Stage {escape(show(shorten(name)))} ({escape(stage_id)})" if name else f"Stage {escape(stage_id)}"


def _container(result: DiffResult, ident: object, side: str, escape: Escape) -> str:
    name: Optional[str] = result.name_of(str(ident), side)
    return escape(show(shorten(name))) if name else escape(str(ident))
