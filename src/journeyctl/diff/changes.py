"""What the differ produces: one Change per added, removed, changed or moved thing."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional, Union

from journeyctl.diff.items import display_name
from journeyctl.model import MapModel
from journeyctl.model.walk import identified_items

KINDS = ("added", "removed", "changed", "moved")


@dataclass(frozen=True)
class Change:
    """One difference between two versions of a map.

    `id` is the item's id (a metric's name). `field`, `before` and `after` tell
    a `changed` field; `before`/`after` of `removed`/`added` hold the item's own
    data. `moved` goes `from`/`to` a container id (the stage of a touchpoint, the
    touchpoint of a pain point or opportunity) or, for an item reordered within
    its container, from/to a 1-based position. Values are plain JSON data.
    `stage` and `touchpoint` say where the item is (new side; old side when
    removed); `name` is for display only.
    """

    entity: str
    id: str
    kind: str
    field: Optional[str] = None
    before: Any = None
    after: Any = None
    from_: Union[str, int, None] = None
    to: Union[str, int, None] = None
    stage: Optional[str] = None
    touchpoint: Optional[str] = None
    name: Optional[str] = dataclasses.field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON data: only the keys that apply to its kind."""
        data: dict[str, Any] = {"entity": self.entity, "id": self.id, "kind": self.kind}
        if self.stage is not None and self.entity != "stage":
            data["stage"] = self.stage
        if self.touchpoint is not None:
            data["touchpoint"] = self.touchpoint
        if self.kind == "changed":
            data.update(field=self.field, before=self.before, after=self.after)
        elif self.kind == "added":
            data["after"] = self.after
        elif self.kind == "removed":
            data["before"] = self.before
        else:
            data.update({"from": self.from_, "to": self.to})
        return data


@dataclass
class DiffResult:
    """Both sides of a diff (a side is None when the map does not exist there) and the changes."""

    old_label: str
    new_label: str
    old: Optional[MapModel]
    new: Optional[MapModel]
    changes: list[Change]

    def name_of(self, ident: str, side: str = "new") -> Optional[str]:
        """The name (title, description) of the item with this id on one side, else the other."""
        models = (self.new, self.old) if side == "new" else (self.old, self.new)
        for model in models:
            if model is None:
                continue
            for _, _, item in identified_items(model):
                if item.id == ident:
                    return display_name(item)
        return None

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, every kind present."""
        found = Counter(change.kind for change in self.changes)
        return {kind: found[kind] for kind in KINDS}

    def summary(self) -> str:
        """`3 changes: 1 added, 2 changed.` or `No changes.`"""
        if not self.changes:
            return "No changes."
        total = len(self.changes)
        parts = ", ".join(f"{count} {kind}" for kind, count in self.counts().items() if count)
        return f"{total} change{'s' if total != 1 else ''}: {parts}."
