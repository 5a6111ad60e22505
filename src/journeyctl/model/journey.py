"""Pydantic models of the journey map format, version 1 (docs/format-v1.md)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, Optional

from pydantic import BaseModel, Field, model_validator

from journeyctl.core.defaults import REVIEW_EVERY_DAYS, SCALE_MAX, SCALE_MIN
from journeyctl.model.fields import STRICT, Id, IsoDate, Link, PersonaRef, Text, TextOrNumber, empty_list


class Item(BaseModel):
    model_config = STRICT


class Persona(Item):
    """A customer archetype the journey is told from."""

    id: Id = Field(description="Unique id within the file: 1-64 of a-z 0-9 - _.")
    name: Text = Field(description="The persona's name, as the team calls them.")
    description: Optional[str] = Field(None, description="Who this persona is.")
    role: Optional[str] = Field(None, description="Job title or role.")
    quote: Optional[str] = Field(None, description="A typical sentence in their words.")
    demographics: Optional[dict[str, TextOrNumber]] = Field(None, description="Facts such as age or company size.")
    goals: list[str] = Field(default_factory=empty_list, description="What they want to achieve.")
    motivations: list[str] = Field(default_factory=empty_list, description="Why they act.")
    frustrations: list[str] = Field(default_factory=empty_list, description="What gets in their way.")


SourceKind = Literal["survey", "interview", "analytics", "crm", "support", "social", "observation", "sales", "other"]


class Source(Item):
    """A piece of research the map is built on."""

    id: Id = Field(description="Unique id within the file; cited by `evidence`.")
    kind: SourceKind = Field(description="What kind of research this is.")
    title: Optional[str] = Field(None, description="A short title.")
    date: Optional[IsoDate] = Field(None, description="When the research was done (YYYY-MM-DD).")
    url: Optional[Link] = Field(None, description="A link to it: http, https or mailto only.")


class Metric(Item):
    """A measured value at a touchpoint, optionally with a target."""

    name: Text = Field(description="What is measured; unique within its touchpoint.")
    value: float = Field(description="The measured value.")
    target: Optional[float] = Field(None, description="The value the team aims for.")
    unit: Optional[str] = Field(None, description="Unit such as %, h or EUR.")
    better: Literal["higher", "lower"] = Field("higher", description="Which direction is an improvement.")


class PainPoint(Item):
    """Something that hurts the customer at a touchpoint."""

    id: Id = Field(description="Unique id within the file; referenced by `addresses`.")
    description: Text = Field(description="What hurts, in the customer's terms.")
    severity: Literal["low", "medium", "high", "critical"] = Field("medium", description="How much it hurts.")
    occurrences: Optional[int] = Field(None, ge=0, description="How often it was observed in the evidence period.")
    evidence: list[Id] = Field(default_factory=empty_list, description="Ids of the sources that show it.")
    tags: list[Id] = Field(
        default_factory=empty_list, description="Root causes, written as ids, so that one cause is counted across maps."
    )


OpportunityStatus = Literal["idea", "planned", "in-progress", "done", "dropped"]


class Opportunity(Item):
    """Something the team can do about one or more pain points."""

    id: Id = Field(description="Unique id within the file.")
    description: Text = Field(description="What the team could do.")
    addresses: list[Id] = Field(default_factory=empty_list, description="Ids of the pain points it addresses.")
    owner: Optional[str] = Field(None, description="Who is accountable for it.")
    due: Optional[IsoDate] = Field(None, description="When it is due (YYYY-MM-DD).")
    status: OpportunityStatus = Field("idea", description="Where it stands.")
    impact: Optional[int] = Field(None, ge=1, le=5, description="How much it would help: 1 (lowest) to 5 (highest).")
    effort: Optional[int] = Field(None, ge=1, le=5, description="How much work it takes: 1 (lowest) to 5 (highest).")
    expected_outcome: Optional[str] = Field(None, description="What success looks like.")


class Touchpoint(Item):
    """One moment where the customer meets the business."""

    id: Id = Field(description="Unique id within the file.")
    name: Text = Field(description="A short name for the moment.")
    channel: Optional[str] = Field(None, description="Where it happens, from the channel vocabulary.")
    owner: Optional[str] = Field(None, description="Who runs this touchpoint.")
    critical: bool = Field(False, description="A moment of truth, where deals are won or lost.")
    doing: Optional[str] = Field(None, description="What the customer does.")
    thinking: Optional[str] = Field(None, description="What the customer thinks.")
    feeling: Optional[str] = Field(None, description="What the customer feels.")
    emotion: Optional[int] = Field(None, description="Position on the map's emotion scale.")
    backstage: list[str] = Field(default_factory=empty_list, description="People, processes and systems behind it.")
    evidence: list[Id] = Field(default_factory=empty_list, description="Ids of the sources behind it.")
    metrics: list[Metric] = Field(default_factory=empty_list, description="Measured values.")
    pain_points: list[PainPoint] = Field(default_factory=empty_list, description="What hurts here.")
    opportunities: list[Opportunity] = Field(default_factory=empty_list, description="What the team can do here.")


class Stage(Item):
    """A phase of the journey, in order."""

    id: Id = Field(description="Unique id within the file.")
    name: Text = Field(description="The stage's name.")
    description: Optional[str] = Field(None, description="What happens in this stage.")
    customer_goal: Optional[str] = Field(None, description="What the customer wants here.")
    questions: list[str] = Field(default_factory=empty_list, description="What the team must answer at this stage.")
    next_step: Optional[str] = Field(None, description="The call to action that moves the customer on.")
    touchpoints: list[Touchpoint] = Field(default_factory=empty_list, description="The touchpoints, in order.")


class Scale(Item):
    """The emotion scale: integers from `min` to `max`."""

    min: int = Field(description="The worst emotion.")
    max: int = Field(description="The best emotion.")

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.min >= self.max:
            raise ValueError("the scale's `min` must be lower than its `max`")
        return self


class JourneyMap(Item):
    """A customer journey map (`kind: journey`)."""

    journeyctl: Literal[1] = Field(description="The format version: 1.")
    kind: Literal["journey"] = Field("journey", description="`journey` for a journey map.")
    id: Id = Field(description="The map's id.")
    title: Text = Field(description="The map's title.")
    description: Optional[str] = Field(None, description="What this journey covers.")
    state: Literal["current", "future"] = Field("current", description="As-is (current) or to-be (future) journey.")
    owner: Optional[str] = Field(None, description="Team or person accountable for the map.")
    persona: Optional[PersonaRef] = Field(
        None, description="`id` of a persona in this file, or `file.yaml#id` in a persona library."
    )
    personas: list[Persona] = Field(default_factory=empty_list, description="Inline personas.")
    sources: list[Source] = Field(default_factory=empty_list, description="The research behind the map.")
    last_reviewed: Optional[IsoDate] = Field(None, description="When the map was last reviewed (YYYY-MM-DD).")
    review_every_days: Optional[int] = Field(None, ge=1, description="Review cadence in days; default 90.")
    scale: Scale = Field(
        default_factory=lambda: Scale(min=SCALE_MIN, max=SCALE_MAX),
        description="The emotion scale; default -2 to 2.",
        json_schema_extra={"default": {"min": SCALE_MIN, "max": SCALE_MAX}},
    )
    tags: list[str] = Field(default_factory=empty_list, description="Free-form tags.")
    stages: list[Stage] = Field(min_length=1, description="The stages, in journey order.")

    def review_due(self, default_days: int = REVIEW_EVERY_DAYS) -> Optional[date]:
        """The date by which the map should be reviewed again, if it was ever reviewed."""
        if self.last_reviewed is None:
            return None
        try:
            return self.last_reviewed + timedelta(days=self.review_every_days or default_days)
        except OverflowError:
            # Past the last day a date can hold (year 9999): never due, in practice.
            return date.max


class PersonaLibrary(Item):
    """A file of personas shared by several maps (`kind: personas`)."""

    journeyctl: Literal[1] = Field(description="The format version: 1.")
    kind: Literal["personas"] = Field(description="`personas` for a persona library.")
    personas: list[Persona] = Field(min_length=1, description="The personas.")
