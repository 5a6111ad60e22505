"""A touchpoint has no `emotion`.

Without emotions the map has no emotional curve, and the lows where customers
are lost cannot be found.

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
        emotion: -1
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import touchpoints
from journeyctl.rules.base import Context

CODE = "W104"
NAME = "missing-emotion"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    for path, _, touchpoint in touchpoints(journey):
        if touchpoint.emotion is None:
            yield Problem(path, f"Touchpoint `{touchpoint.id}` has no emotion: how does the customer feel here?")
