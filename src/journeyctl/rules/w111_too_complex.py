"""The map has more than 9 stages, or a stage has more than 12 touchpoints.

A map nobody can take in at a glance is not read. Split it into several maps,
or raise the limits with the `max_stages` and `max_touchpoints_per_stage`
settings.

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - {id: s1, name: One}
  - {id: s2, name: Two}
  - {id: s3, name: Three}
  - {id: s4, name: Four}
  - {id: s5, name: Five}
  - {id: s6, name: Six}
  - {id: s7, name: Seven}
  - {id: s8, name: Eight}
  - {id: s9, name: Nine}
  - {id: s10, name: Ten}
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - {id: s1, name: One}
  - {id: s2, name: Two}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.rules.base import Context

CODE = "W111"
NAME = "too-complex"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    if len(journey.stages) > ctx.max_stages:
        yield Problem(
            ("stages", ctx.max_stages),
            f"The map has {len(journey.stages)} stages, more than {ctx.max_stages}: consider splitting it.",
        )
    for s, stage in enumerate(journey.stages):
        if len(stage.touchpoints) > ctx.max_touchpoints_per_stage:
            yield Problem(
                ("stages", s, "touchpoints", ctx.max_touchpoints_per_stage),
                (
                    f"Stage `{stage.id}` has {len(stage.touchpoints)} touchpoints, more "
                    f"than {ctx.max_touchpoints_per_stage}: consider splitting it."
                ),
            )
