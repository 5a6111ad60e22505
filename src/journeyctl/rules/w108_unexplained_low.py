"""A touchpoint at the bottom of the scale has no pain point.

The lowest emotion on the map needs an explanation: what hurts there?

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
        emotion: -2
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
        emotion: -2
        pain_points:
          - id: card-declined
            description: Cards are declined without a reason
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import touchpoints
from journeyctl.rules.base import Context

CODE = "W108"
NAME = "unexplained-low"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    for path, _, touchpoint in touchpoints(journey):
        if touchpoint.emotion == journey.scale.min and not touchpoint.pain_points:
            yield Problem(
                (*path, "emotion"),
                f"Touchpoint `{touchpoint.id}` is at the bottom of the scale but lists no pain point: what hurts here?",
            )
