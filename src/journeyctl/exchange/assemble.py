"""A table's records to a map draft: rows with the same stage form one stage,
in order of first appearance; a blank stage cell continues the stage above."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional, Union

from journeyctl.core.defaults import SCALE_MAX, SCALE_MIN
from journeyctl.exchange.cells import flag, is_blank_mark, one_line, split_items, whole_number
from journeyctl.exchange.draft import ItemDraft, MapDraft, StageDraft, TouchpointDraft
from journeyctl.exchange.ids import slug
from journeyctl.exchange.notices import ImportLog
from journeyctl.exchange.records import Entry, Record, Table

# Fields about the whole map or a stage: a row with only these adds no touchpoint.
_NOT_TOUCHPOINT = frozenset({"journey_id", "title", "scale_min", "scale_max", "stage", "stage_id", "customer_goal"})
_TEXTS = ("doing", "thinking", "feeling")
_ITEM_LISTS = {"pain_points": "pain_point_ids", "opportunities": "opportunity_ids"}


def assemble(table: Table, log: ImportLog, scale: Optional[tuple[int, int]], channels: Iterable[str]) -> MapDraft:
    """The map a table describes; problems and notices go to `log`."""
    draft = MapDraft()
    _map_fields(table.records, draft, log)
    if scale is not None or draft.scale is None:
        draft.scale = scale or table.scale
    builder = _Builder(draft, log, frozenset(channels), table.fields)
    for record in table.records:
        builder.add(record)
    if draft.title is None:
        draft.title = table.title
    draft.description = table.description
    return draft


def _map_fields(records: list[Record], draft: MapDraft, log: ImportLog) -> None:
    """Title, id and scale from the first rows that have them; two map ids are two maps."""
    ids: dict[str, Entry] = {}
    for record in records:
        for entry in record.entries:
            if entry.field == "journey_id":
                ids.setdefault(entry.cell.text, entry)
            elif entry.field == "title" and draft.title is None:
                draft.title = one_line(entry.cell.text)
    if len(ids) > 1:
        second = list(ids.values())[1]
        log.problem(
            second.cell.line,
            second.cell.column,
            "IMP011",
            f"The table holds several maps ({', '.join(ids)}); import one map per file.",
        )
    draft.given_id = next(iter(ids), None)
    low, high = (_scale_end(records, name, log) for name in ("scale_min", "scale_max"))
    if low is not None and high is not None:
        if low[0] < high[0]:
            draft.scale = (low[0], high[0])
        else:
            message = f"The scale's lowest emotion ({low[0]}) must be below its highest ({high[0]})."
            log.problem(*high[1], "IMP023", message)


def _scale_end(records: list[Record], name: str, log: ImportLog) -> Optional[tuple[int, tuple[int, int]]]:
    entry = next((found for record in records if (found := record.first(name)) is not None), None)
    if entry is None:
        return None
    number = whole_number(entry.cell.text)
    if number is None:
        log.problem(entry.cell.line, entry.cell.column, "IMP020", f"`{entry.cell.text}` is not a whole number.")
        return None
    return number, (entry.cell.line, entry.cell.column)


class _Builder:
    """Adds records to the draft one by one, knowing the current stage and touchpoint."""

    def __init__(self, draft: MapDraft, log: ImportLog, channels: frozenset[str], fields: set[str]) -> None:
        self.draft, self.log, self.channels = draft, log, channels
        self.low, self.high = draft.scale or (SCALE_MIN, SCALE_MAX)
        # Items are split on `;` only in tables without id columns: ids show how many items a cell holds.
        self.semicolons = {name: ids not in fields for name, ids in _ITEM_LISTS.items()}
        self.stages: dict[str, StageDraft] = {}
        self.stage: Optional[StageDraft] = None
        self.touchpoint: Optional[TouchpointDraft] = None

    def add(self, record: Record) -> None:
        names_stage = self._stage(record)
        goal = record.text("customer_goal")
        if goal and self.stage is not None and self.stage.customer_goal is None:
            self.stage.customer_goal = goal
        if not any(entry.field not in _NOT_TOUCHPOINT for entry in record.entries):
            return
        if self.stage is None:
            self.log.problem(
                record.line,
                record.column,
                "IMP012",
                "This row has a touchpoint but no stage: write its stage in the Stage column, here or in a row above.",
            )
            return
        self._fill(self._touchpoint(record, names_stage), record)

    def _stage(self, record: Record) -> bool:
        name, given = one_line(record.text("stage")), record.text("stage_id")
        if not name and not given:
            return False
        key = given.casefold() if given else name.casefold()
        stage = self.stages.get(key)
        if stage is None:
            stage = self.stages[key] = StageDraft(name or given, given or None)
            self.draft.stages.append(stage)
        if stage is not self.stage:
            self.stage, self.touchpoint = stage, None
        return True

    def _touchpoint(self, record: Record, names_stage: bool) -> TouchpointDraft:
        assert self.stage is not None
        name, given = one_line(record.text("touchpoint")), record.text("touchpoint_id")
        current = self.touchpoint
        if current is not None and (
            (given and given == current.given_id)
            or (not given and name and name == current.name and current.given_id is None)
            or (not given and not name and record.may_continue and not names_stage)
        ):
            return current
        self.touchpoint = TouchpointDraft(name or self.stage.name, given or None)
        self.stage.touchpoints.append(self.touchpoint)
        return self.touchpoint

    def _fill(self, touchpoint: TouchpointDraft, record: Record) -> None:
        added: dict[str, list[ItemDraft]] = {name: [] for name in _ITEM_LISTS}
        for entry in record.entries:
            name, text = entry.field, entry.cell.text
            if name in _NOT_TOUCHPOINT or name in ("touchpoint", "touchpoint_id", "expected_outcome"):
                continue
            if name in _ITEM_LISTS:
                added[name] += [ItemDraft(item) for item in split_items(text, self.semicolons[name])]
            elif name in ("backstage", "evidence"):
                getattr(touchpoint, name).extend(split_items(text))
            elif name.startswith("x-") or name in _TEXTS:
                store = touchpoint.extensions if name.startswith("x-") else touchpoint.values
                old = store.get(name)
                store[name] = f"{old}\n{text}" if isinstance(old, str) else text
            elif name not in _ITEM_LISTS.values():
                self._single(touchpoint, entry)
        for name, items in added.items():
            self._give_ids(record.first(_ITEM_LISTS[name]), items)
            getattr(touchpoint, name).extend(items)
        self._outcomes(record.first("expected_outcome"), added["opportunities"], touchpoint)

    def _single(self, touchpoint: TouchpointDraft, entry: Entry) -> None:
        name, text, cell = entry.field, entry.cell.text, entry.cell
        value: Union[str, int, bool, None]
        if name == "emotion":
            value = self._emotion(entry)
        elif name == "critical":
            value = flag(text)
            if value is None:
                self.log.problem(cell.line, cell.column, "IMP022", f"`{text}` is not yes or no (critical moment).")
        elif name == "channel":
            value = one_line(text)
            value = value.casefold() if value.casefold() in self.channels else value
        else:
            value = one_line(text)
        if value is None:
            return
        old = touchpoint.values.get(name)
        if old is None:
            touchpoint.values[name] = value
        elif old != value:
            self.log.notice(
                cell.line,
                cell.column,
                "IMP102",
                f"Touchpoint `{touchpoint.name}` already has {name} `{old}` from a row above; `{text}` is not used.",
            )

    def _emotion(self, entry: Entry) -> Optional[int]:
        text, cell = entry.cell.text, entry.cell
        if is_blank_mark(text):
            return None
        number = whole_number(text)
        if number is None:
            self.log.problem(
                cell.line,
                cell.column,
                "IMP020",
                f"Emotion `{text}` is not a whole number on the scale {self.low} to {self.high}. If `{entry.label}` "
                f'holds words or emoji, read it as the feeling: --column "{entry.label}=feeling".',
            )
        elif not self.low <= number <= self.high:
            self.log.problem(
                cell.line,
                cell.column,
                "IMP021",
                f"Emotion {number} is outside the scale {self.low} to {self.high}; give the table's scale "
                "with --scale LOW..HIGH (for example --scale 1..5).",
            )
            return None
        return number

    def _give_ids(self, entry: Optional[Entry], items: list[ItemDraft]) -> None:
        """The ids an ids column gives this row's items, one per line, in order."""
        if entry is None:
            return
        ids = split_items(entry.cell.text, semicolons=False)
        if len(ids) != len(items):
            self.log.notice(
                entry.cell.line,
                entry.cell.column,
                "IMP103",
                f"{len(ids)} ids for {len(items)} items in this row: their ids are made from their text instead.",
            )
            return
        for item, given in zip(items, ids, strict=True):
            item.given_id = given

    def _outcomes(self, entry: Optional[Entry], opportunities: list[ItemDraft], touchpoint: TouchpointDraft) -> None:
        """Expected outcomes, one per line, for this row's opportunities; kept as an `x-` key when they do not pair."""
        if entry is None:
            return
        outcomes = split_items(entry.cell.text, semicolons=False)
        if len(outcomes) == len(opportunities):
            for item, outcome in zip(opportunities, outcomes, strict=True):
                item.expected_outcome = outcome
            return
        key = "x-" + (slug(entry.label) or "expected-outcome")
        touchpoint.extensions[key] = entry.cell.text
        self.log.notice(
            entry.cell.line,
            entry.cell.column,
            "IMP103",
            f"{len(outcomes)} expected outcomes for {len(opportunities)} opportunities in this row: "
            f"kept as `{key}` on the touchpoint.",
        )
