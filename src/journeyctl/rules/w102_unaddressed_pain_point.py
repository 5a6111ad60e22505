"""No opportunity addresses the pain point.

A map that lists pain without action is a map nobody acts on. Add an
opportunity anywhere in the map with `addresses: [pain-point-id]`.

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
        pain_points:
          - id: card-declined
            description: Cards are declined without a reason
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
        pain_points:
          - id: card-declined
            description: Cards are declined without a reason
        opportunities:
          - id: explain-declines
            description: Show the bank's reason and a retry button
            addresses: [card-declined]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import opportunities, pain_points
from journeyctl.rules.base import Context

CODE = "W102"
NAME = "unaddressed-pain-point"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    addressed = {ref for _, _, opportunity in opportunities(journey) for ref in opportunity.addresses}
    for path, _, pain in pain_points(journey):
        if pain.id not in addressed:
            yield Problem(path, f"No opportunity addresses pain point `{pain.id}`.")
