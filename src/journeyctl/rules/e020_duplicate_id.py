"""Two items of one file share an id.

Ids are unique within a file across all kinds (personas, sources, stages,
touchpoints, pain points, opportunities), so a bare id is an unambiguous
reference and the key by which `journeyctl diff` follows an item.

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: pay
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
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from journeyctl.core.findings import Problem
from journeyctl.model.walk import identified_items
from journeyctl.rules.base import Context

CODE = "E020"
NAME = "duplicate-id"
SEVERITY = "error"
# Also run on the well-formed parts of a map with schema errors.
PARTIAL = True
KINDS = ("journey", "personas")


def check(document: Any, ctx: Context) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for path, entity, item in identified_items(document):
        label = entity.replace("_", " ")
        if item.id in first:
            other = "another" if first[item.id] == label else "a"
            yield Problem(
                (*path, "id"),
                (
                    f"The id `{item.id}` of this {label} is already used by "
                    f"{other} {first[item.id]}; ids must be unique in a file."
                ),
            )
        else:
            first[item.id] = label
