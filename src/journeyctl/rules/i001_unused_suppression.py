"""A `# journeyctl: ignore[...]` comment silences nothing.

Reported by the engine after it applies the suppressions of a file: a rule
named in a suppression that has no finding to silence there (the problem was
fixed, or the comment sits on the wrong line), an unknown rule code or name in
a suppression, or a `# journeyctl:` comment that is not a suppression.
Stale suppressions would hide the next real problem on that line; remove them.
This is an info finding: it never fails a run unless the `severity` setting
raises it. Turn it off with `ignore = ["I001"]`.

Fixable: `journeyctl lint --fix` takes a rule that silences nothing out of its
comment (`ignore[W104, W113]` becomes `ignore[W113]`), and removes the comment
when it names nothing else (with its line, when the comment stands alone on
it). Only once the map is valid and only for rules the settings turn on: a rule
that did not run may yet have something to silence. An unknown rule in a
suppression is left for you (it may be a typo of the rule you meant).

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page  # journeyctl: ignore[missing-emotion]
        name: Payment page
        emotion: 1
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
      - id: payment-page  # journeyctl: ignore[missing-emotion]
        name: Payment page
```
"""

CODE = "I001"
NAME = "unused-suppression"
SEVERITY = "info"
KINDS = ("journey", "personas")
