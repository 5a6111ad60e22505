"""The file is not valid YAML, or cannot be read as UTF-8 text.

Reported while loading: a file that does not parse cannot be checked further.
Typical causes are a tab used for indentation, an unclosed quote or bracket,
a file saved as UTF-16 or Latin-1, or a file that cannot be opened.

Fails:

```yaml
journeyctl: 1
title: "Checkout
```

Passes:

```yaml
journeyctl: 1
title: "Checkout"
```
"""

CODE = "E001"
NAME = "yaml-syntax"
SEVERITY = "error"
KINDS = ("journey", "personas")
