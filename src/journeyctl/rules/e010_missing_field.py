"""A required key is absent.

Reported by validation. The finding points at the mapping that lacks the key.
Required: the map's `journeyctl`, `id`, `title` and `stages`; the `id` and
`name` of personas, stages and touchpoints; `id` and `kind` of sources;
`id` and `description` of pain points and opportunities; `name` and `value`
of metrics.

Fails:

```yaml
journeyctl: 1
id: checkout
stages:
  - id: browse
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: browse
    name: Browse
```
"""

CODE = "E010"
NAME = "missing-field"
SEVERITY = "error"
KINDS = ("journey", "personas")
