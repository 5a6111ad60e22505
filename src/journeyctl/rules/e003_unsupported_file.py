"""The file is YAML, but not a journeyctl file this version can read.

Reported while loading: the top level is not a mapping, the file holds several
documents, `journeyctl` (the format version) is missing or unknown, `kind` is
unknown, a custom tag (`!!python/...`, `!foo`) is used, aliases expand beyond
the budget, the nesting is too deep or the file is too large.

Fails:

```yaml
journeyctl: 2
id: checkout
```

Passes:

```yaml
journeyctl: 1
id: checkout
```
"""

CODE = "E003"
NAME = "unsupported-file"
SEVERITY = "error"
KINDS = ("journey", "personas")
