"""An open opportunity has no `owner` or no `due` date.

An opportunity nobody owns, or that has no date, does not happen. Done and
dropped opportunities are exempt.

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
            due: 2027-03-31
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import opportunities
from journeyctl.rules.base import Context

CODE = "W103"
NAME = "vague-opportunity"
SEVERITY = "warning"
CLOSED = ("done", "dropped")


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    for path, _, opportunity in opportunities(journey):
        if opportunity.status in CLOSED:
            continue
        lacking = tuple(key for key in ("owner", "due") if getattr(opportunity, key) is None)
        if lacking:
            yield Problem(path, f"Opportunity `{opportunity.id}` has no {_ASKS[lacking]}.")


_ASKS = {
    ("owner", "due"): "`owner` and no `due` date: say who does it and by when",
    ("owner",): "`owner`: say who does it",
    ("due",): "`due` date: say by when it is done",
}
