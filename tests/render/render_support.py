"""Helpers and fixtures of the render tests: golden files, hostile maps, copies of the examples."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_golden, shared_stylesheet, without_stylesheet  # noqa: F401  (re-exported)

GOLDEN = Path(__file__).parent / "golden"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

# Every kind of text that could break out of HTML, Markdown, Mermaid or Jinja.
HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> {{ 7*7 }}X{% raw %} | a|b '
    "](javascript:alert(3)) [x](javascript:alert(4)) ![i](https://evil.example/t.png)\n"
    "second line </style><style>body{display:none}</style> &lt;b&gt; `tick` *em* _u_ ~s~ $m$ "
    "# %% title: x; y #z, w\r\n- item\n1. one"
)
HOSTILE_URL = 'https://example.com/a"><script>alert(5)</script>?q=1|2 (x)'
# The XSS payload corpus: classic attacks on HTML, Markdown, Jinja and Mermaid.
PAYLOADS = [
    line
    for line in (Path(__file__).parents[1] / "hostile" / "xss_payloads.txt").read_text(encoding="utf-8").split("\n")
    if line and not line.startswith("## ")
]
# Bidirectional controls in the payloads, as a page shows them (core/textsafety.py): pictures.
_PICTURES = str.maketrans({char: f"\u27e8U+{ord(char):04X}\u27e9" for char in "\u202b\u202d\u202e\u2066\u2069"})


def on_a_page(payload: str) -> str:
    """A payload as the HTML and Markdown pages show it."""
    return payload.translate(_PICTURES)


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A private copy of examples/, safe to change."""
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


def hostile_map() -> dict:
    """A valid map with a hostile string in every string field (ids and dates excepted)."""

    def text(field: str) -> str:
        return f"{field}: {HOSTILE}"

    return {
        "journeyctl": 1,
        "id": "hostile",
        "title": text("title"),
        "description": text("description"),
        "state": "future",
        "owner": text("owner"),
        "persona": "eve",
        "personas": [
            {
                "id": "eve",
                "name": text("persona name"),
                "description": text("persona description"),
                "role": text("role"),
                "quote": text("quote"),
                "demographics": {text("demographic key"): text("demographic value"), "age": 30},
                "goals": [text("goal")],
                "motivations": [text("motivation")],
                "frustrations": [text("frustration")],
            }
        ],
        "sources": [
            {
                "id": "src-a",
                "kind": "interview",
                "title": text("source title"),
                "date": "2026-01-02",
                "url": HOSTILE_URL,
            },
            {
                "id": "src-b",
                "kind": "other",
                "title": text("mail source"),
                "url": "mailto:team@example.com?subject=a b",
            },
        ],
        "last_reviewed": "2026-01-01",
        "tags": [text("tag")],
        "stages": [
            {
                "id": "s1",
                "name": text("stage name"),
                "description": text("stage description"),
                "customer_goal": text("customer goal"),
                "questions": [text("question")],
                "next_step": text("next step"),
                "touchpoints": [
                    {
                        "id": "t1",
                        "name": text("touchpoint name"),
                        "channel": text("channel"),
                        "owner": text("touchpoint owner"),
                        "critical": True,
                        "doing": text("doing"),
                        "thinking": text("thinking"),
                        "feeling": text("feeling"),
                        "emotion": -2,
                        "backstage": [text("backstage")],
                        "evidence": ["src-a", "src-b"],
                        "metrics": [
                            {
                                "name": text("metric name"),
                                "value": 3.5,
                                "target": 2,
                                "unit": text("unit"),
                                "better": "lower",
                            }
                        ],
                        "pain_points": [
                            {
                                "id": "p1",
                                "description": text("pain"),
                                "severity": "critical",
                                "occurrences": 4,
                                "evidence": ["src-a"],
                                "tags": ["root-cause"],
                            }
                        ],
                        "opportunities": [
                            {
                                "id": "o1",
                                "description": text("opportunity"),
                                "addresses": ["p1"],
                                "owner": text("opportunity owner"),
                                "due": "2026-02-01",
                                "status": "planned",
                                "impact": 4,
                                "effort": 2,
                                "expected_outcome": text("outcome"),
                            }
                        ],
                    }
                ],
            },
            {"id": "s2", "name": text("empty stage")},
        ],
    }


def payload_map(payload: str) -> dict:
    """hostile_map() with `payload` as every text, and in every link: as the link when
    the format allows it, else inside an allowed one."""
    from pydantic import ValidationError

    from journeyctl.model import Source

    try:
        url = Source(id="s", kind="other", url=payload).url or payload
    except ValidationError:
        url = "https://example.com/?q=" + payload

    def swap(value: object) -> object:
        if isinstance(value, dict):
            return {swap(key): swap(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        if value == HOSTILE_URL:
            return url
        return payload if isinstance(value, str) and HOSTILE in value else value

    return swap(hostile_map())  # type: ignore[return-value]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The hostile map as a file (JSON is YAML 1.2)."""
    path = tmp_path / "hostile.journey.yaml"
    path.write_text(json.dumps(hostile_map(), indent=1), encoding="utf-8")
    return path
