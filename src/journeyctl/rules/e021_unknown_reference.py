"""A reference names nothing that exists.

`persona` must name a persona of this file (`ben`) or of a persona library
(`personas.yaml#ben`, relative to the map); `addresses` must name pain points
of this file; `evidence` must name sources of this file.

Fixable: `journeyctl lint --fix` changes a reference that is a near-miss (a
letter or two left out, added, changed or swapped) of exactly one id of the
right kind, once the map is otherwise valid: `src-intervews` becomes
`src-interviews`. A reference that could be either of two ids (`src-a3`:
`src-a1` or `src-a2`?) is left for you.

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
from journeyctl.model.spelling import close_matches, did_you_mean
from journeyctl.model.walk import ItemPath, identified_items, touchpoints
from journeyctl.rules.base import Context

CODE = "E021"
NAME = "unknown-reference"
SEVERITY = "error"
# Also run on the well-formed parts of a map with schema errors.
PARTIAL = True
# What each referencing key names: `evidence: [src-a]` names a source.
REFERENCED = {"evidence": "source", "addresses": "pain point", "persona": "persona"}
# What an id written in a part of the file that does not validate is (model/salvage.py).
_INVALID_ITEM = "item that does not validate"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    if journey.persona is not None:
        problem = _persona_problem(journey, ctx)
        if problem:
            yield Problem(("persona",), problem)
    kinds = _kinds(journey, ctx.written_ids)
    for path, _, touchpoint in touchpoints(journey):
        yield from _missing(path, "evidence", touchpoint.evidence, kinds)
        for p, pain in enumerate(touchpoint.pain_points):
            yield from _missing((*path, "pain_points", p), "evidence", pain.evidence, kinds)
        for o, opportunity in enumerate(touchpoint.opportunities):
            yield from _missing((*path, "opportunities", o), "addresses", opportunity.addresses, kinds)


def candidates(journey: JourneyMap, key: str, ref: str, ctx: Context) -> list[str]:
    """What a reference `ref` under `key` (`evidence`, `addresses`, `persona`) that names nothing
    may have been meant as, closest first: ids of the right kind that look like it."""
    if key != "persona":
        return close_matches(ref, _ids_of(_kinds(journey), REFERENCED[key]))
    if "#" not in ref:
        return close_matches(ref, [persona.id for persona in journey.personas])
    library, persona_id = ref.rsplit("#", 1)
    ids = ctx.persona_library(library)
    found = close_matches(persona_id, sorted(ids)) if isinstance(ids, frozenset) else []
    return [f"{library}#{persona_id}" for persona_id in found]


def _kinds(journey: JourneyMap, written_ids: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """What each id of the map names: `pay` -> [`stage`]."""
    kinds: dict[str, list[str]] = {}
    for _, entity, item in identified_items(journey):
        kinds.setdefault(item.id, []).append(entity.replace("_", " "))
    for written in written_ids - kinds.keys():
        kinds[written] = [_INVALID_ITEM]
    return kinds


def _ids_of(kinds: dict[str, list[str]], what: str) -> list[str]:
    return [ident for ident, names in kinds.items() if what in names]


def _missing(path: ItemPath, key: str, refs: list[str], kinds: dict[str, list[str]]) -> Iterator[Problem]:
    what = REFERENCED[key]
    for i, ref in enumerate(refs):
        found = kinds.get(ref, [])
        if not found:
            hint = did_you_mean(close_matches(ref, _ids_of(kinds, what)))
            yield Problem((*path, key, i), f"`{ref}` is not the id of any {what} in this file.{hint}")
        elif found == [_INVALID_ITEM]:
            continue  # it exists, in a part of the file whose own errors are reported
        elif what not in found:
            article = "an" if found[0][0] in "aeiou" else "a"
            yield Problem((*path, key, i), f"`{ref}` is the id of {article} {found[0]}, not of a {what}.")


def _persona_problem(journey: JourneyMap, ctx: Context) -> str | None:
    ref = journey.persona or ""
    if "#" not in ref:
        if any(persona.id == ref for persona in journey.personas):
            return None
        close = close_matches(ref, [persona.id for persona in journey.personas])
        if close:
            return f"No persona `{ref}` is defined in this file's `personas:`.{did_you_mean(close)}"
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
    hint = did_you_mean(close_matches(persona_id, sorted(ids)), f"{library}#")
    return f"The persona library `{library}` defines no persona `{persona_id}`.{hint}"
