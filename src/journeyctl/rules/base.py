"""The fixed interface every rule module fills in, and what a rule is given."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any, Callable, Optional

from journeyctl.findings import Problem

DEFAULT_CHANNELS = frozenset({
    "website", "email", "phone", "chat", "social", "ad", "search", "store", "event", "app",
    "support", "referral", "review", "sales", "mail", "sms", "partner", "other",
})

Check = Callable[[Any, "Context"], Iterator[Problem]]


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the map: settings and resolved references."""

    today: date
    channels: frozenset[str] = DEFAULT_CHANNELS
    max_stages: int = 9
    max_touchpoints_per_stage: int = 12
    review_every_days: int = 90
    # For each persona library a map names (`file.yaml` of `file.yaml#id`):
    # the persona ids it defines, or why it could not be read.
    persona_libraries: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """A rule: stable code and name, default severity, documentation, check."""

    code: str
    name: str
    severity: str
    doc: str
    check: Optional[Check]
    kinds: tuple[str, ...]

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

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
    )
