"""Links in rendered output: only http, https and mailto, checked again at render time."""

from __future__ import annotations

import re
from typing import Optional

from journeyctl.model.fields import LINK_SCHEMES

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_link(url: Optional[str]) -> Optional[str]:
    """`url` when it may be emitted as a link, else None.

    The model already refuses other schemes; this is the second line of defence
    for models built another way. A URL with control characters (browsers drop
    tabs and newlines, turning `java\\tscript:` into `javascript:`) or leading
    spaces is refused.
    """
    if not url or _CONTROL.search(url):
        return None
    match = _SCHEME.match(url)
    if match is None or match.group(1).lower() not in LINK_SCHEMES:
        return None
    if not url[match.end() :].strip("/"):
        return None
    return url
