"""Text from maps and file names, shown safely: one character policy, one function per kind of output.

Map content and the names of files in a repository come from anyone who can open a pull request.
Some characters are not shown by what displays them but act on it. The policy is these:

- C0 and C1 controls and DEL (U+0000-U+001F, U+007F-U+009F). A terminal obeys ESC and CSI (U+009B)
  sequences (retitle the window, clear the screen, forge colours); a line feed or carriage return
  forges an output line or overwrites one; HTML forbids them.
- Bidirectional formatting: the marks U+200E, U+200F and U+061C, the embeddings and overrides
  U+202A-U+202E and the isolates U+2066-U+2069. They reorder what is displayed, so that text reads
  otherwise than it is ("Trojan Source"): a channel shown as `web` may hold `bew` and an override.
- The line and paragraph separators U+2028 and U+2029: a line break to some viewers (and to
  JavaScript), nothing or a space to others, so a forged line in one and an invisible one in another.
- Zero-width characters where they can mislead. ZWSP U+200B, WORD JOINER U+2060 and ZWNBSP U+FEFF
  always: no script needs them to be spelled right (ZWSP is a line-break hint in Thai and Khmer, and
  shown it loses nothing), and they make equal-looking ids, paths and names differ. ZWNJ U+200C and
  ZWJ U+200D are part of correct spelling in Persian (می‌خواهم), the Indic scripts and Sinhala, and
  ZWJ binds emoji sequences (👩‍💻, 🏳️‍🌈): a joiner between two non-ASCII characters that are neither
  space nor in this policy is text and stays; anywhere else (at either end, next to ASCII, next to
  space or another character of the policy) it joins nothing a script or an emoji needs and is shown,
  so `tp`, a joiner and `pay` can never pass for `tppay`.

Left out on purpose: the soft hyphen, variation selectors and tag characters (parts of emoji and
flags), and look-alike letters (ids are ASCII by the format; telling confusables apart is another
tool's job). Tab, line feed and carriage return are in the policy, but a page keeps them: to HTML
they are white space, and escape_markdown turns line breaks into `<br>`.

How each kind of output shows a character of the policy:

- terminal_text (lint's text reporter, diff's text, fmt's messages, the command line's error lines):
  an escape, `\\x1b`, `\\n`, `\\u202e`: one finding stays one line, and what is shown is what the file
  holds. Backslashes are not doubled: the line is for reading; `--format json` is for parsing.
- page_text (HTML through Jinja's finalize, Markdown through escape_markdown and escape_mermaid):
  a picture. A C0 control or DEL becomes its Unicode Control Picture (`␛`, `␡`: one glyph, what
  editors show); every other character, which has no picture, becomes `⟨U+202E⟩`. Pictures, not
  escapes: a page is read by people who do not know `\\u` notation, a backslash is syntax to
  Markdown, and none of `⟨`, `⟩`, `U`, `+` or hex digits means anything to HTML, Markdown or Mermaid.
- annotation_text, annotation_property (GitHub workflow commands): `%`, CR and LF as the runner
  unescapes them (`%25`, `%0D`, `%0A`), the rest as on a terminal: an annotation is a log line too.
- json_text (lint's json and sarif, diff's json): a JSON `\\u202e` escape. It decodes to the same
  string, so a program loses nothing, and a person who prints the document sees the escape.

Links: in HTML a link that holds a character of the policy is not written as a link
(render/links.py, with has_unsafe); markdown_url percent-encodes everything outside printable ASCII,
and so every character of the policy.
"""

from __future__ import annotations

import re
from typing import Callable

# Every character of the policy; a joiner among them is shown only where it joins nothing.
_POLICY = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]")
_JOINERS = "\u200c\u200d"
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
# Kept by a page (to HTML they are white space; escape_markdown makes line breaks `<br>`) and
# by JSON, whose strings never hold them raw.
_PAGE_WHITESPACE = "\t\n\r"


class PageText(str):
    """Text that page_text has made safe already (escape_markdown's and escape_mermaid's results).

    Jinja's finalize passes it as it is: escape_mermaid's leading word joiner, which stops Mermaid
    reading a name as a keyword, is journeyctl's own. Any change to it (a slice, a concatenation)
    gives a plain `str`, which is checked again.
    """

    __slots__ = ()


def _joins(text: str, index: int) -> bool:
    """Whether a joiner may sit next to `text[index]`: a non-ASCII character, not space, not in the policy."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char > "\x7f" and not char.isspace() and _POLICY.match(char) is None


def _is_shown(text: str, index: int) -> bool:
    return text[index] not in _JOINERS or not (_joins(text, index - 1) and _joins(text, index + 1))


def _replace(text: str, form: Callable[[str], str], keep: str = "") -> str:
    """`text` with each character of the policy (but those in `keep`) replaced by `form(character)`."""
    if _POLICY.search(text) is None:
        return text

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        return form(char) if char not in keep and _is_shown(match.string, match.start()) else char

    return _POLICY.sub(shown, text)


def has_unsafe(text: str) -> bool:
    """Whether `text` holds a character of the policy that would be shown (a joiner in a word would not)."""
    return any(_is_shown(text, match.start()) for match in _POLICY.finditer(text))


def _escape(char: str) -> str:
    code = ord(char)
    return _SHORT_ESCAPES.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def terminal_text(text: str) -> str:
    """Text for a terminal or a log: `\\x1b`, `\\n`, `\\u202e` for the characters of the policy."""
    return _replace(text, _escape)


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else f"\u27e8U+{code:04X}\u27e9"


def page_text(text: str) -> str:
    """Text for an HTML or Markdown page: `␛`, `⟨U+202E⟩` for the characters of the policy; tab,
    line feed and carriage return stay (the page's own escaping deals with them)."""
    return _replace(text, _picture, _PAGE_WHITESPACE)


def annotation_text(text: str) -> str:
    """A GitHub workflow command's message: `%`, CR and LF escaped as the runner unescapes them,
    the other characters of the policy as on a terminal."""
    return terminal_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def annotation_property(text: str) -> str:
    """A GitHub workflow command's property value (`file=`, `title=`): `:` and `,` escaped too."""
    return annotation_text(text).replace(":", "%3A").replace(",", "%2C")


def json_text(document: str) -> str:
    """A JSON document (from json.dumps) with the characters of the policy as `\\u202e` escapes: it
    decodes to the same data. json.dumps escapes the C0 controls in strings itself, so a tab or line
    break left is the document's own indentation; every other character of the policy is in a string."""
    return _replace(document, lambda char: f"\\u{ord(char):04x}", _PAGE_WHITESPACE)
