"""A value has the wrong type or is not allowed.

Reported by validation: a number where text is expected, a malformed id, a date
that is not YYYY-MM-DD, a value outside a list of choices, a link that is not
http, https or mailto, an empty required list, a number out of its range (an
opportunity's `impact` or `effort` outside 1 to 5). Only `true` and `false` are
booleans: `yes` and `no` are text.

Fixable: `journeyctl lint --fix` rewrites a choice written in another case or
with spaces as the format spells it: `severity: High` becomes `high`, `status:
In Progress` becomes `in-progress` (likewise `state`, `better` and a source's
`kind`). Other wrong values are left for you.

Fails:

```yaml
journeyctl: 1
id: Checkout Journey
title: Checkout
last_reviewed: 12/03/2026
stages:
  - id: browse
    name: Browse
```

Passes:

```yaml
journeyctl: 1
id: checkout-journey
title: Checkout
last_reviewed: 2026-03-12
stages:
  - id: browse
    name: Browse
```
"""

CODE = "E012"
NAME = "invalid-value"
SEVERITY = "error"
KINDS = ("journey", "personas")
