"""A touchpoint's `emotion` lies outside the map's `scale`.

The scale is `{min: -2, max: 2}` unless the map sets its own.

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
        emotion: 5
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
scale: {min: 1, max: 5}
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page
        name: Payment page
        emotion: 5
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap, Scale
from journeyctl.model.walk import touchpoints
from journeyctl.rules.base import Context

CODE = "E022"
NAME = "emotion-out-of-scale"
SEVERITY = "error"
# Also run on the well-formed parts of a map with schema errors.
PARTIAL = True


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    if not isinstance(journey.scale, Scale):  # a salvaged map whose scale is not valid: nothing to judge by
        return
    low, high = journey.scale.min, journey.scale.max
    for path, _, touchpoint in touchpoints(journey):
        if touchpoint.emotion is not None and not low <= touchpoint.emotion <= high:
            yield Problem(
                (*path, "emotion"), f"Emotion {touchpoint.emotion} is outside the map's scale of {low} to {high}."
            )
