"""A pain point cites no `evidence`.

A pain point without evidence is an assumption, not data. Cite the ids of the
`sources` (interviews, tickets, analytics) that show it.

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
sources:
  - id: tickets-q3
    kind: support
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page
        name: Payment page
        pain_points:
          - id: card-declined
            description: Cards are declined without a reason
            evidence: [tickets-q3]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import pain_points
from journeyctl.rules.base import Context

CODE = "W106"
NAME = "unsupported-pain-point"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    for path, _, pain in pain_points(journey):
        if not pain.evidence:
            yield Problem(path, f"Pain point `{pain.id}` cites no evidence: which source shows it?")
