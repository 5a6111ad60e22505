"""The journey has no `owner`.

A map nobody owns goes stale. Name the team or person accountable for it.

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
owner: Growth team
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

CODE = "W113"
NAME = "missing-owner"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    if journey.owner is None:
        yield Problem((), "The journey has no `owner`: which team or person is accountable for it?")
