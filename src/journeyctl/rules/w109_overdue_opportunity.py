"""An opportunity's `due` date has passed and it is not `done` or `dropped`.

Either the work is done (set `status: done`), the plan changed (set a new
`due`), or it was given up (`status: dropped`).

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
        opportunities:
          - id: apple-pay
            description: Offer Apple Pay
            owner: Payments team
            due: 2020-03-31
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
        opportunities:
          - id: apple-pay
            description: Offer Apple Pay
            owner: Payments team
            due: 2020-03-31
            status: done
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import opportunities
from journeyctl.rules.base import Context

CODE = "W109"
NAME = "overdue-opportunity"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    for path, _, opportunity in opportunities(journey):
        if (
            opportunity.due is not None
            and opportunity.due < ctx.today
            and opportunity.status not in ("done", "dropped")
        ):
            yield Problem(
                (*path, "due"),
                f"Opportunity `{opportunity.id}` was due on {opportunity.due} and is still `{opportunity.status}`.",
            )
