"""The fixed interface every rule module fills in, and what a rule is given."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any, Callable, Optional, Union

from journeyctl.core.defaults import (
    DEFAULT_CHANNELS,
    DOCS_URL,
    MAX_STAGES,
    MAX_TOUCHPOINTS_PER_STAGE,
    REVIEW_EVERY_DAYS,
)
from journeyctl.core.findings import Problem

Check = Callable[[Any, "Context"], Iterator[Problem]]


def _not_looked_at(library: str) -> None:
    return None


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the map: settings and resolved references."""

    today: date
    channels: frozenset[str] = DEFAULT_CHANNELS
    max_stages: int = MAX_STAGES
    max_touchpoints_per_stage: int = MAX_TOUCHPOINTS_PER_STAGE
    review_every_days: int = REVIEW_EVERY_DAYS
    # The persona ids a persona library named by the map defines (`file.yaml` of
    # `file.yaml#id`), or why it cannot be used; None when libraries are not looked at.
    persona_library: Callable[[str], Optional[Union[frozenset[str], str]]] = _not_looked_at
    # For a map with schema errors, the ids written in it, valid parts or not
    # (model/salvage.py): a reference to one of them is not reported as unknown.
    written_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rule:
    """A rule: stable code and name, default severity, documentation, check."""

    code: str
    name: str
    severity: str
    doc: str
    check: Optional[Check]
    kinds: tuple[str, ...]
    # Whether the rule also checks the well-formed parts of a map with schema errors
    # (model/salvage.py), so that one run reports every error.
    partial: bool = False

    @property
    def url(self) -> str:
        """The rule's page in the documentation site (generated from this docstring)."""
        return f"{DOCS_URL}rules/{self.code}/"

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    @property
    def fixable(self) -> bool:
        """Whether `lint --fix` fixes some of the rule's findings (its docstring says which, under `Fixable:`)."""
        return re.search(r"^Fixable:", self.doc, re.MULTILINE) is not None

    def examples(self) -> dict[str, str]:
        """The YAML examples of the docstring, by heading (`Fails`, `Passes`)."""
        found = re.findall(r"^(\w+):\n\n```yaml\n(.*?)```", self.doc, re.MULTILINE | re.DOTALL)
        return {heading: body for heading, body in found}


def rule_from_module(module: ModuleType) -> Rule:
    """Build a Rule from a rule module's CODE, NAME, SEVERITY, docstring and check."""
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        doc=module.__doc__ or "",
        check=getattr(module, "check", None),
        kinds=getattr(module, "KINDS", ("journey",)),
        partial=getattr(module, "PARTIAL", False),
    )
