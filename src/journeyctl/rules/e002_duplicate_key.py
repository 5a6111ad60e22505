"""A mapping repeats a key.

Reported while loading. Most YAML tools silently keep the last value, so the
first one is lost without anyone noticing; journeyctl refuses the file.

Fails:

```yaml
journeyctl: 1
title: Checkout
title: Checkout journey
```

Passes:

```yaml
journeyctl: 1
title: Checkout journey
```
"""

CODE = "E002"
NAME = "duplicate-key"
SEVERITY = "error"
KINDS = ("journey", "personas")
