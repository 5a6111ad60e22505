"""The journey names no `persona`.

A journey is always someone's journey. Name the persona, defined in this file
(`persona: ben` with `personas:`) or in a persona library
(`persona: personas.yaml#ben`).

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
persona: ben
personas:
  - id: ben
    name: Ben
stages:
  - id: pay
    name: Pay
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.rules.base import Context

CODE = "W112"
NAME = "missing-persona"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    if journey.persona is None:
        yield Problem((), "The journey names no `persona`: whose journey is it?")
