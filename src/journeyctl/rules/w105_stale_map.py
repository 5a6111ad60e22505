"""The map was never reviewed, or its last review is overdue.

A map older than its review cadence (`review_every_days`, default 90, or the
project's `review_every_days` setting) no longer describes the journey
customers have. Review it, then set `last_reviewed` to today.

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
last_reviewed: 2020-01-15
stages:
  - id: pay
    name: Pay
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
last_reviewed: 2026-11-02
review_every_days: 36500
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

CODE = "W105"
NAME = "stale-map"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    due = journey.review_due(ctx.review_every_days)
    if due is None:
        yield Problem((), "The map has no `last_reviewed` date: add the date of its last review (YYYY-MM-DD).")
    elif due < ctx.today:
        days = journey.review_every_days or ctx.review_every_days
        yield Problem(
            ("last_reviewed",),
            (
                f"The map was last reviewed on {journey.last_reviewed}, more "
                f"than {days} days ago: review it and update `last_reviewed`."
            ),
        )
