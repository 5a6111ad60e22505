"""A key that is neither in the format nor a vendor extension (`x-...`).

Reported by validation. An unknown key is almost always a typo, and a typo
silently drops data (a misspelt `emotion` is a missing emotion), so it is an
error. Keep data of your own under keys that start with `x-`.

Fixable: `journeyctl lint --fix` renames a key that is a near-miss (a letter
or two left out, added, changed or swapped) of exactly one key of the format
that the mapping does not have yet: `desription` becomes `description`. A key
that could be either of two (`stage`: `stages` or `state`?) is left for you.

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: browse
    nmae: Browse
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
x-jira-epic: SHOP-12
stages:
  - id: browse
    name: Browse
```
"""

CODE = "E011"
NAME = "unknown-field"
SEVERITY = "error"
KINDS = ("journey", "personas")
