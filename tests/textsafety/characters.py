"""The one character corpus of the text-safety tests: what must never pass raw, and what must pass untouched.

DANGEROUS lists every character of the policy with the form a terminal and a page must show it in,
written out here, independently of the code. ORDINARY is text in many scripts that every output
must leave exactly as it is, joiners inside words and emoji sequences included.
"""

from __future__ import annotations

# Tab, line feed and carriage return: a terminal shows short escapes; a page keeps them (HTML white
# space; Markdown turns line breaks into <br>).
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}

# (character, as a terminal shows it, as an HTML or Markdown page shows it)
DANGEROUS: list[tuple[str, str, str]] = [
    *(
        (chr(code), _SHORT.get(chr(code), f"\\x{code:02x}"), chr(code) if chr(code) in _SHORT else chr(0x2400 + code))
        for code in range(0x20)
    ),
    ("\x7f", "\\x7f", "\u2421"),  # DEL: ␡
    *((chr(code), f"\\x{code:02x}", f"⟨U+{code:04X}⟩") for code in range(0x80, 0xA0)),  # C1, CSI (U+009B) among them
    ("\u061c", "\\u061c", "⟨U+061C⟩"),  # ARABIC LETTER MARK
    ("\u200b", "\\u200b", "⟨U+200B⟩"),  # ZERO WIDTH SPACE
    ("\u200c", "\\u200c", "⟨U+200C⟩"),  # ZERO WIDTH NON-JOINER, here joining nothing
    ("\u200d", "\\u200d", "⟨U+200D⟩"),  # ZERO WIDTH JOINER, here joining nothing
    ("\u200e", "\\u200e", "⟨U+200E⟩"),  # LEFT-TO-RIGHT MARK
    ("\u200f", "\\u200f", "⟨U+200F⟩"),  # RIGHT-TO-LEFT MARK
    ("\u2028", "\\u2028", "⟨U+2028⟩"),  # LINE SEPARATOR
    ("\u2029", "\\u2029", "⟨U+2029⟩"),  # PARAGRAPH SEPARATOR
    ("\u202a", "\\u202a", "⟨U+202A⟩"),  # LEFT-TO-RIGHT EMBEDDING
    ("\u202b", "\\u202b", "⟨U+202B⟩"),  # RIGHT-TO-LEFT EMBEDDING
    ("\u202c", "\\u202c", "⟨U+202C⟩"),  # POP DIRECTIONAL FORMATTING
    ("\u202d", "\\u202d", "⟨U+202D⟩"),  # LEFT-TO-RIGHT OVERRIDE
    ("\u202e", "\\u202e", "⟨U+202E⟩"),  # RIGHT-TO-LEFT OVERRIDE
    ("\u2060", "\\u2060", "⟨U+2060⟩"),  # WORD JOINER
    ("\u2066", "\\u2066", "⟨U+2066⟩"),  # LEFT-TO-RIGHT ISOLATE
    ("\u2067", "\\u2067", "⟨U+2067⟩"),  # RIGHT-TO-LEFT ISOLATE
    ("\u2068", "\\u2068", "⟨U+2068⟩"),  # FIRST STRONG ISOLATE
    ("\u2069", "\\u2069", "⟨U+2069⟩"),  # POP DIRECTIONAL ISOLATE
    ("\ufeff", "\\ufeff", "⟨U+FEFF⟩"),  # ZERO WIDTH NO-BREAK SPACE (byte order mark)
]
RAW = {char for char, _, _ in DANGEROUS}
TERMINAL = {char: shown for char, shown, _ in DANGEROUS}
PAGE = {char: shown for char, _, shown in DANGEROUS}

# Every dangerous character between two `x`: so the joiners join nothing, and a Markdown line
# break (`\s*\n\s*`) takes no neighbour with it.
HOSTILE = "x" + "x".join(char for char, _, _ in DANGEROUS) + "x"
# A file name can hold all but NUL (and `/`); no `x`s, to stay under 255 bytes.
HOSTILE_NAME = "map" + "".join(char for char, _, _ in DANGEROUS[1:]) + ".journey.yaml"

# Accents (precomposed and combining), CJK, right-to-left scripts, and joiners that are spelling:
# ZWNJ in Persian, ZWJ in Devanagari and Sinhala conjuncts and in emoji sequences. No ASCII
# punctuation, which Markdown and Mermaid escape for reasons of their own.
ORDINARY = (
    "Crème brûlée naïve Ångström cafe\u0301 顧客の旅 고객 여정 客户旅程 رحلة العميل מסע לקוח "
    "می\u200cخواهم क्\u200dष ශ්\u200dරී 👩\u200d💻 🏳️\u200d🌈 👨\u200d👩\u200d👧\u200d👦 👍🏽 🇫🇷"
)
ORDINARY_NAME = "café-顧客-👩\u200d💻.journey.yaml"


def terminal(text: str) -> str:
    """HOSTILE (or a name made like it) as a terminal must show it."""
    return "".join(TERMINAL.get(char, char) for char in text)


def page(text: str) -> str:
    """HOSTILE as an HTML page must show it."""
    return "".join(PAGE.get(char, char) for char in text)


def markdown(text: str) -> str:
    """HOSTILE as Markdown must show it: a page's pictures, line breaks as <br>."""
    return page(text).replace("\r", "<br>").replace("\n", "<br>")


def annotation(text: str) -> str:
    """HOSTILE in a GitHub workflow command's message: CR and LF as the runner unescapes them."""
    return "".join({"\r": "%0D", "\n": "%0A"}.get(char) or TERMINAL.get(char, char) for char in text)


def raw_in(output: str, allowed: str = "") -> set[str]:
    """The dangerous characters found raw in `output`, but those `allowed` (an output's own line breaks)
    and the joiners of ORDINARY and ORDINARY_NAME, which are text."""
    return (RAW - set(allowed)) & set(output.replace(ORDINARY, "").replace(ORDINARY_NAME, ""))


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar: every dangerous character as an escape, the rest raw."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(char):04x}" if char in RAW else char for char in escaped) + '"'


def journey_yaml(text: str, name: str = "Card") -> str:
    """A valid map with `text` as its title, its stage's name and its touchpoint's channel; `name` names the touchpoint."""
    quoted = yaml_quoted(text)
    return (
        f"journeyctl: 1\nid: m\ntitle: {quoted}\nowner: Team\nlast_reviewed: 2026-11-01\n"
        f"stages:\n  - id: s\n    name: {quoted}\n    touchpoints:\n"
        f"      - {{id: t, name: {yaml_quoted(name)}, channel: {quoted}, emotion: 1, critical: true}}\n"
    )
