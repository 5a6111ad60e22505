"""Ids made from text: lowercase words joined by `-`, unique within the file."""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from journeyctl.model.fields import ID_PATTERN

_NOT_ID = re.compile(r"[^a-z0-9]+")
_VALID = re.compile(ID_PATTERN)
MAX_ID = 64


def slug(text: str, limit: int = 40) -> str:
    """`text` as id words (`Sign in / Register` -> `sign-in-register`), cut at a word end within `limit`."""
    # An apostrophe joins its word: "can't" is `cant`, "partner's" is `partners`.
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss").replace("'", "").replace("’", ""))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    words = _NOT_ID.sub("-", ascii_text).strip("-")
    if len(words) <= limit:
        return words
    cut = words[: limit + 1].rsplit("-", 1)[0] if "-" in words[:limit] else words[:limit]
    return cut.strip("-")


class IdMaker:
    """Hands out ids that no other item of the file has."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, prefix: str, text: str, given: Optional[str] = None, limit: int = 40) -> str:
        """`given` when it is a valid id not yet used; otherwise `prefix-words-of-text`, numbered when taken."""
        if given is not None:
            chosen = given.strip()
            if not _VALID.match(chosen):
                chosen = slug(chosen, MAX_ID) or prefix or "item"
        else:
            chosen = "-".join(part for part in (prefix, slug(text, limit)) if part) or "item"
        return self._unique(chosen)

    def _unique(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.used:
            suffix = f"-{number}"
            candidate, number = base[: MAX_ID - len(suffix)] + suffix, number + 1
        self.used.add(candidate)
        return candidate
