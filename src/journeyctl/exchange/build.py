"""A map draft to the text of a new map: ids given, a comment saying where it
came from, fmt's canonical layout, and checked by lint (no errors allowed)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings
from journeyctl.core.defaults import SCALE_MAX, SCALE_MIN
from journeyctl.core.errors import JourneyctlError
from journeyctl.core.findings import Finding
from journeyctl.exchange.draft import ItemDraft, MapDraft, StageDraft, TouchpointDraft
from journeyctl.exchange.ids import MAX_ID, IdMaker
from journeyctl.formatter.engine import canonical_text

_LINK = re.compile(r"^(?:https?://|mailto:)\S+$", re.IGNORECASE)
_SINGLE_VALUES = ("channel", "owner", "critical", "doing", "thinking", "feeling", "emotion")


@dataclass(frozen=True)
class BuiltMap:
    """The new map's text and what lint finds in it (warnings and info only)."""

    text: str
    findings: list[Finding]


def build_map(draft: MapDraft, path: str, settings: Settings) -> BuiltMap:
    """The YAML text of `draft` in fmt's layout, as `path` would hold it, and lint's findings."""
    data = _MapData(draft).data()
    text = _comment(draft.origin) + canonical_text(_styled(data))
    findings = Checker("lint", settings=settings).check_text(text, path).findings
    errors = [finding for finding in findings if finding.code.startswith("E")]
    if errors:
        # Every value was checked on the way in: an error here is journeyctl's.
        details = "; ".join(f"{f.line}:{f.column} {f.code} {f.message}" for f in errors[:3])
        raise JourneyctlError(f"internal error: the imported map would not be valid ({details}).")
    return BuiltMap(text, findings)


def _comment(origin: str) -> str:
    lines = [
        f"Imported by `journeyctl import` from {origin}.",
        "`journeyctl lint` says what to add next: evidence, owners, review dates.",
    ]
    return "".join(f"# {line}\n" for line in lines)


class _MapData:
    """Ids for every item (the ones the source gave first, so none is taken), then the map as data."""

    def __init__(self, draft: MapDraft) -> None:
        self.draft = draft
        self.ids = IdMaker()
        self.assigned: dict[int, str] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        for prefix, item, text in self._items():
            if item.given_id:
                self.assigned[id(item)] = self.ids.make(prefix, text, item.given_id)
        for prefix, item, text in self._items():
            if id(item) not in self.assigned:
                self.assigned[id(item)] = self.ids.make(prefix, text)

    def _items(self) -> list[tuple[str, Any, str]]:
        found: list[tuple[str, Any, str]] = []
        for stage in self.draft.stages:
            found.append(("stage", stage, stage.name))
            for touchpoint in stage.touchpoints:
                found.append(("tp", touchpoint, touchpoint.name))
                found += [("pain", item, item.text) for item in touchpoint.pain_points]
                found += [("opp", item, item.text) for item in touchpoint.opportunities]
        return found

    def data(self) -> dict[str, Any]:
        draft = self.draft
        title = draft.title or "Imported journey"
        map_id = IdMaker().make("", title, draft.given_id, MAX_ID)  # the map's id is not one of its items
        data: dict[str, Any] = {"journeyctl": 1, "id": map_id, "title": title}
        if draft.description:
            data["description"] = draft.description
        if draft.persona:
            persona_id = self.ids.make("", draft.persona)
            data["persona"] = persona_id
            data["personas"] = [{"id": persona_id, "name": draft.persona}]
        stages = [self._stage(stage) for stage in draft.stages]
        if self.sources:
            data["sources"] = list(self.sources.values())
        if draft.scale is not None and draft.scale != (SCALE_MIN, SCALE_MAX):
            data["scale"] = {"min": draft.scale[0], "max": draft.scale[1]}
        data["stages"] = stages
        return data

    def _stage(self, stage: StageDraft) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.assigned[id(stage)], "name": stage.name}
        if stage.customer_goal:
            data["customer_goal"] = stage.customer_goal
        data["touchpoints"] = [self._touchpoint(touchpoint) for touchpoint in stage.touchpoints]
        return data

    def _touchpoint(self, touchpoint: TouchpointDraft) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.assigned[id(touchpoint)], "name": touchpoint.name}
        for name in _SINGLE_VALUES:
            value = touchpoint.values.get(name)
            if value is not None and value is not False:
                data[name] = value
        if touchpoint.backstage:
            data["backstage"] = touchpoint.backstage
        if touchpoint.evidence:
            data["evidence"] = _Flow(self._source(text) for text in touchpoint.evidence)
        if touchpoint.pain_points:
            data["pain_points"] = [self._item(item) for item in touchpoint.pain_points]
        if touchpoint.opportunities:
            data["opportunities"] = [self._item(item) for item in touchpoint.opportunities]
        for key, extension in touchpoint.extensions.items():
            data[key] = _Flow(extension) if isinstance(extension, list) else extension
        return data

    def _item(self, item: ItemDraft) -> dict[str, Any]:
        data = {"id": self.assigned[id(item)], "description": item.text}
        if item.expected_outcome:
            data["expected_outcome"] = item.expected_outcome
        return data

    def _source(self, text: str) -> str:
        """The id of the source a line of evidence names, added on first sight (kind `other`)."""
        if text not in self.sources:
            source: dict[str, Any] = {"id": self.ids.make("src", text), "kind": "other", "title": text}
            if _LINK.match(text):
                source["url"] = text
            self.sources[text] = source
        return str(self.sources[text]["id"])


class _Flow(list[Any]):
    """A list written on one line (`[a, b]`), as maps write ids and short lists."""


def _styled(value: Any) -> Any:
    """Data with ruamel's styles: block mappings, flow id lists, literal blocks for text with line breaks."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        mapping = CommentedMap((key, _styled(item)) for key, item in value.items())
        mapping.fa.set_block_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_styled(item) for item in value)
        if isinstance(value, _Flow):
            sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str) and _literal_block(value):
        return LiteralScalarString(value)
    return value


def _literal_block(text: str) -> bool:
    """Text with line breaks that reads best as a `|` block (no other control character, no trailing spaces)."""
    lines = text.split("\n")
    return len(lines) > 1 and all(line.isprintable() and line == line.rstrip() for line in lines)
