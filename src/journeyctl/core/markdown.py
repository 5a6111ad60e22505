"""Escaping for Markdown output, shared by render, diff and the GitHub step summary:
one function for GitHub-flavoured Markdown text, one for text inside a Mermaid
`journey` block, one for link destinations."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from journeyctl.core.textsafety import PageText, page_text

# Inline syntax that changes meaning anywhere in a line (emphasis, code, links,
# tables, strikethrough, GitHub math, @mentions and #issue references, which
# would notify people from a pull-request comment), escaped with a backslash.
_INLINE = re.compile(r"([\\`*_\[\]|~$#@])")
# Block syntax that only matters at the start of a cell or list item.
_LEADING = re.compile(r"^([=+-])")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
# `&` only needs escaping where it would start a character reference such as `&lt;`.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n)\s*")

# Mermaid's journey lexer splits on `:` `;` `#` and newlines, and `,` separates
# actors: each is replaced by a look-alike so the text still reads the same.
_MERMAID = str.maketrans(
    {
        ":": "\ua789",
        ";": "\uff1b",
        "#": "\uff03",
        ",": "\u201a",
        "%": "\uff05",
        "<": "\u2039",
        ">": "\u203a",
        "&": "\uff06",
        "`": "\u02cb",
        "\\": "\uff3c",
        "\r": " ",
        "\n": " ",
        "\t": " ",
    }
)
# Words the lexer reads as keywords at the start of a statement (case-insensitive).
_MERMAID_KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")
_WORD_JOINER = "\u2060"
_URL_SAFE = ":/?#[]@!$&'*+,;=%-._~"


def escape_markdown(value: Any) -> str:
    """Map text as literal GitHub-flavoured Markdown, safe in a table cell or list item.

    HTML-like text becomes entities, link and emphasis syntax is backslash-escaped,
    `|` cannot split a table cell and newlines become `<br>`, so a value never
    leaves the cell, list item or paragraph it is written in. Control, bidirectional and
    invisible characters are shown as pictures (core/textsafety.py). None gives "".
    """
    if value is None:
        return PageText()
    text = _ENTITY.sub("&amp;", page_text(str(value)).strip()).replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _ORDERED.sub(r"\1\\\2", _LEADING.sub(r"\\\1", text))
    return PageText(_NEWLINES.sub("<br>", text))


def escape_mermaid(value: Any) -> str:
    """Map text as one Mermaid `journey` name: a section, task or actor.

    Characters that end or split a statement are replaced by look-alikes, a
    leading keyword (`title`, `section`...) is defused with an invisible word
    joiner, and empty text becomes a dash so the statement stays valid. Control,
    bidirectional and invisible characters are shown as pictures (core/textsafety.py).
    """
    text = " ".join(page_text(str(value or "")).translate(_MERMAID).split())
    if text.lower().startswith(_MERMAID_KEYWORDS):
        text = _WORD_JOINER + text
    return PageText(text or "-")


def markdown_url(url: str) -> str:
    """A (checked) link target made safe for `[text](url)`: no spaces, brackets or pipes.

    Everything outside printable ASCII is percent-encoded, so every character of the
    text-safety policy is too, and the link still leads where it did.
    """
    return quote(url, safe=_URL_SAFE).replace("|", "%7C")
