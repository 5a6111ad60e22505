"""Links in rendered output: only http, https and mailto, checked again at render time."""

from __future__ import annotations

import re
from typing import Optional

from journeyctl.core.textsafety import has_unsafe
from journeyctl.model.fields import LINK_SCHEMES

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def safe_link(url: Optional[str]) -> Optional[str]:
    """`url` when it may be emitted as a link, else None.

    The model already refuses other schemes; this is the second line of defence
    for models built another way. A URL with a character of the text-safety policy
    (browsers drop tabs and newlines, turning `java\\tscript:` into `javascript:`;
    a bidirectional override makes a link read as another) or leading spaces is refused.
    """
    if not url or has_unsafe(url):
        return None
    match = _SCHEME.match(url)
    if match is None or match.group(1).lower() not in LINK_SCHEMES:
        return None
    if not url[match.end() :].strip("/"):
        return None
    return url
