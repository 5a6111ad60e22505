"""A stage has no touchpoints.

A stage without touchpoints says nothing about what the customer meets there;
add the touchpoints, or merge the stage into its neighbour.

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
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page
        name: Payment page
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.rules.base import Context

CODE = "W101"
NAME = "empty-stage"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    for s, stage in enumerate(journey.stages):
        if not stage.touchpoints:
            yield Problem(("stages", s), f"Stage `{stage.id}` has no touchpoints.")
