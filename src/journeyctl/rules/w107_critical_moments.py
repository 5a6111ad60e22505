"""The map marks no critical touchpoint, or more than three.

Maps exist to find the two or three moments of truth where deals are won or
lost. Mark them with `critical: true`; marking everything marks nothing.

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page
        name: Payment page
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page
        name: Payment page
        critical: true
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import touchpoints
from journeyctl.rules.base import Context

CODE = "W107"
NAME = "critical-moments"
SEVERITY = "warning"
MOST = 3


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    critical = [path for path, _, touchpoint in touchpoints(journey) if touchpoint.critical]
    if not critical:
        yield Problem(
            ("stages",),
            "No touchpoint is marked `critical: true`: which moments win or lose the customer?",
            at_key=True,
        )
    elif len(critical) > MOST:
        yield Problem(
            (*critical[MOST], "critical"),
            f"{len(critical)} touchpoints are marked critical; keep it to the {MOST} that matter most.",
        )
