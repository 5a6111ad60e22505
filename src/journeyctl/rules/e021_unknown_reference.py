"""A reference names nothing that exists.

`persona` must name a persona of this file (`ben`) or of a persona library
(`personas.yaml#ben`, relative to the map); `addresses` must name pain points
of this file; `evidence` must name sources of this file.

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
persona: ben
stages:
  - id: pay
    name: Pay
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
persona: ben
personas:
  - id: ben
    name: Ben
stages:
  - id: pay
    name: Pay
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import ItemPath, identified_items, touchpoints
from journeyctl.rules.base import Context

CODE = "E021"
NAME = "unknown-reference"
SEVERITY = "error"
# Also run on the well-formed parts of a map with schema errors.
PARTIAL = True


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    if journey.persona is not None:
        problem = _persona_problem(journey, ctx)
        if problem:
            yield Problem(("persona",), problem)
    kinds: dict[str, list[str]] = {}
    for _, entity, item in identified_items(journey):
        kinds.setdefault(item.id, []).append(entity.replace("_", " "))
    for written in ctx.written_ids - kinds.keys():
        kinds[written] = ["item that does not validate"]
    for path, _, touchpoint in touchpoints(journey):
        yield from _missing(path, "evidence", touchpoint.evidence, kinds, "source")
        for p, pain in enumerate(touchpoint.pain_points):
            yield from _missing((*path, "pain_points", p), "evidence", pain.evidence, kinds, "source")
        for o, opportunity in enumerate(touchpoint.opportunities):
            yield from _missing((*path, "opportunities", o), "addresses", opportunity.addresses, kinds, "pain point")


def _missing(path: ItemPath, key: str, refs: list[str], kinds: dict[str, list[str]], what: str) -> Iterator[Problem]:
    for i, ref in enumerate(refs):
        found = kinds.get(ref, [])
        if not found:
            yield Problem((*path, key, i), f"`{ref}` is not the id of any {what} in this file.")
        elif found == ["item that does not validate"]:
            continue  # it exists; its own errors are reported
        elif what not in found:
            article = "an" if found[0][0] in "aeiou" else "a"
            yield Problem((*path, key, i), f"`{ref}` is the id of {article} {found[0]}, not of a {what}.")


def _persona_problem(journey: JourneyMap, ctx: Context) -> str | None:
    ref = journey.persona or ""
    if "#" not in ref:
        if any(persona.id == ref for persona in journey.personas):
            return None
        return (
            f"No persona `{ref}` is defined in this file's `personas:` "
            f"(for a persona library, write `personas.yaml#{ref}`)."
        )
    library, persona_id = ref.rsplit("#", 1)
    ids = ctx.persona_library(library)
    if isinstance(ids, str):
        return f"The persona library `{library}` cannot be used: {ids}"
    if ids is None or persona_id in ids:
        return None
    return f"The persona library `{library}` defines no persona `{persona_id}`."
