"""Hypothesis strategies: valid maps in many layouts, broken edits of the examples,
and input that is not a map at all (random bytes, random text, deep nesting, huge values)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from layout import Writer

from conftest import EXAMPLES

EXAMPLE_TEXTS = {path.name: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.yaml"))}
JOURNEY_EXAMPLES = sorted(name for name in EXAMPLE_TEXTS if name.endswith(".journey.yaml"))

# Text as people type it, and as they paste it: any character but surrogates.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
WORDS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
ID = st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,12}\Z")
DATE = st.dates().map(lambda day: day.isoformat()).filter(lambda text: len(text) == 10)
NUMBER = st.integers(-(10**9), 10**9) | st.floats(allow_nan=False, allow_infinity=False)
URL = st.builds(
    lambda scheme, rest: scheme + rest,
    st.sampled_from(["https://", "http://", "mailto:"]),
    st.from_regex(r"\A[a-z0-9.-]{1,20}(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]{0,20})?\Z"),
)


class Ids:
    """Unique ids for one map: every drawn id gets a number no other has."""

    def __init__(self, draw: Any) -> None:
        self.draw, self.count = draw, 0

    def __call__(self) -> str:
        self.count += 1
        return f"{self.draw(ID)[:50]}-{self.count}"


def _optional(draw: Any, item: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        item[key] = draw(strategy)


def _extensions(draw: Any, item: dict[str, Any]) -> None:
    if draw(st.integers(0, 9)) == 0:
        item["x-" + draw(st.from_regex(r"\A[a-z]{1,8}\Z"))] = draw(TEXT | st.lists(TEXT, max_size=2) | NUMBER)


@st.composite
def journey_maps(draw: Any) -> dict[str, Any]:
    """The data of a valid journey map: unique ids, references that resolve, emotions on the scale."""
    new_id = Ids(draw)
    low = draw(st.integers(-5, 0))
    high = draw(st.integers(low + 1, low + 6))
    data: dict[str, Any] = {"journeyctl": 1, "id": new_id(), "title": draw(WORDS)}
    for key in ("description", "owner"):
        _optional(draw, data, key, TEXT)
    _optional(draw, data, "state", st.sampled_from(["current", "future"]))
    _optional(draw, data, "last_reviewed", DATE)
    _optional(draw, data, "review_every_days", st.integers(1, 400))
    _optional(draw, data, "tags", st.lists(TEXT, max_size=3))
    if draw(st.booleans()):
        data["scale"] = {"min": low, "max": high}
    else:
        low, high = -2, 2
    sources = [
        {"id": new_id(), "kind": draw(st.sampled_from(["survey", "interview", "analytics", "other"]))}
        for _ in range(draw(st.integers(0, 2)))
    ]
    for source in sources:
        _optional(draw, source, "title", TEXT)
        _optional(draw, source, "url", URL)
        _optional(draw, source, "date", DATE)
    if sources:
        data["sources"] = sources
    if draw(st.booleans()):
        persona = {"id": new_id(), "name": draw(WORDS)}
        _optional(
            draw,
            persona,
            "demographics",
            st.dictionaries(st.from_regex(r"\A[a-z][a-z_]{0,8}\Z"), TEXT | NUMBER, max_size=2),
        )
        _optional(draw, persona, "goals", st.lists(TEXT, max_size=2))
        data["personas"], data["persona"] = [persona], persona["id"]
    evidence = (
        st.lists(st.sampled_from([s["id"] for s in sources]), max_size=2, unique=True) if sources else st.just([])
    )
    data["stages"] = [_stage(draw, new_id, low, high, evidence) for _ in range(draw(st.integers(1, 3)))]
    _extensions(draw, data)
    return data


def _stage(draw: Any, new_id: Ids, low: int, high: int, evidence: st.SearchStrategy[list[str]]) -> dict[str, Any]:
    stage: dict[str, Any] = {"id": new_id(), "name": draw(WORDS)}
    _optional(draw, stage, "customer_goal", TEXT)
    _optional(draw, stage, "questions", st.lists(TEXT, max_size=2))
    touchpoints = []
    for _ in range(draw(st.integers(0, 3))):
        touchpoint: dict[str, Any] = {"id": new_id(), "name": draw(WORDS)}
        _optional(draw, touchpoint, "channel", st.sampled_from(["website", "email", "phone"]) | TEXT)
        _optional(draw, touchpoint, "emotion", st.integers(low, high))
        _optional(draw, touchpoint, "critical", st.booleans())
        _optional(draw, touchpoint, "feeling", TEXT)
        _optional(draw, touchpoint, "evidence", evidence)
        _optional(
            draw,
            touchpoint,
            "metrics",
            st.lists(
                st.fixed_dictionaries({"name": WORDS, "value": NUMBER}, optional={"target": NUMBER, "unit": TEXT}),
                max_size=2,
            ),
        )
        pains = [{"id": new_id(), "description": draw(WORDS)} for _ in range(draw(st.integers(0, 2)))]
        for pain in pains:
            _optional(draw, pain, "severity", st.sampled_from(["low", "medium", "high", "critical"]))
            _optional(draw, pain, "evidence", evidence)
        if pains:
            touchpoint["pain_points"] = pains
            addresses = st.lists(st.sampled_from([pain["id"] for pain in pains]), max_size=2, unique=True)
            opportunity = {"id": new_id(), "description": draw(WORDS), "addresses": draw(addresses)}
            _optional(draw, opportunity, "due", DATE)
            _optional(
                draw, opportunity, "status", st.sampled_from(["idea", "planned", "in-progress", "done", "dropped"])
            )
            touchpoint["opportunities"] = [opportunity]
        _extensions(draw, touchpoint)
        touchpoints.append(touchpoint)
    if touchpoints:
        stage["touchpoints"] = touchpoints
    return stage


@st.composite
def laid_out_maps(draw: Any) -> tuple[dict[str, Any], str, list[str]]:
    """A valid map's data, its text in a drawn layout, and the comments the text holds."""
    data = draw(journey_maps())
    writer = Writer(draw)
    return data, writer.document(data), writer.written_comments


# Edits that break a file the way people, merges and tools do.
def _delete(lines: list[str], at: int, draw: Any) -> None:
    del lines[at]


def _duplicate(lines: list[str], at: int, draw: Any) -> None:
    lines.insert(at, lines[draw(st.integers(0, len(lines) - 1))])


def _swap(lines: list[str], at: int, draw: Any) -> None:
    other = draw(st.integers(0, len(lines) - 1))
    lines[at], lines[other] = lines[other], lines[at]


def _reindent(lines: list[str], at: int, draw: Any) -> None:
    shift = draw(st.sampled_from(["+1", "+2", "-1", "-2", "tab"]))
    if shift == "tab":
        lines[at] = "\t" + lines[at].lstrip(" ")
    elif shift.startswith("+"):
        lines[at] = " " * int(shift[1]) + lines[at]
    else:
        lines[at] = lines[at][min(int(shift[1]), len(lines[at]) - len(lines[at].lstrip(" "))) :]


def _insert(lines: list[str], at: int, draw: Any) -> None:
    column = draw(st.integers(0, len(lines[at])))
    lines[at] = (
        lines[at][:column]
        + draw(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=3))
        + lines[at][column:]
    )


def _replace_scalar(lines: list[str], at: int, draw: Any) -> None:
    key, colon, _ = lines[at].partition(": ")
    if colon:
        lines[at] = key + ": " + draw(TEXT)


EDITS = (_delete, _duplicate, _swap, _reindent, _insert, _replace_scalar)


@st.composite
def edited_examples(draw: Any) -> bytes:
    """An example map after one to five random edits, maybe truncated (even inside a character)."""
    lines = EXAMPLE_TEXTS[draw(st.sampled_from(JOURNEY_EXAMPLES))].split("\n")
    for _ in range(draw(st.integers(1, 5))):
        draw(st.sampled_from(EDITS))(lines, draw(st.integers(0, len(lines) - 1)), draw)
    raw = "\n".join(lines).encode("utf-8")
    if draw(st.integers(0, 4)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


RANDOM_BYTES = st.binary(max_size=2000)
RANDOM_TEXT = st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass"))


@st.composite
def deep_nesting(draw: Any) -> bytes:
    """A map whose value nests hundreds to thousands of levels: flow, block, compact or mixed."""
    depth = draw(st.integers(70, 3000))
    style = draw(st.sampled_from(["flow-list", "flow-map", "block-list", "compact", "block-map"]))
    if style == "flow-list":
        value = " " + "[" * depth + "]" * depth
    elif style == "flow-map":
        value = " " + "{a: " * depth + "1" + "}" * depth
    elif style == "block-list":
        value = "\n" + "".join(" " * level + "-\n" for level in range(depth)) + " " * depth + "- x"
    elif style == "compact":
        value = "\n" + "- " * depth + "x"
    else:
        value = "\n" + "".join(" " * level + "k:\n" for level in range(1, depth)) + " " * depth + "k: x"
    key = draw(st.sampled_from(["tags", "description", "x-deep", "stages"]))
    return f"journeyctl: 1\nid: deep\ntitle: Deep\n{key}:{value}\n".encode()


@st.composite
def huge_scalars(draw: Any) -> bytes:
    """An example map with one value made huge (up to 2 MB): one word, many words, many lines."""
    lines = EXAMPLE_TEXTS[draw(st.sampled_from(JOURNEY_EXAMPLES))].split("\n")
    candidates = [number for number, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    at = draw(st.sampled_from(candidates))
    unit = draw(st.sampled_from(["x", "word ", "é", "\U0001f600", "<script>", "\\n"]))
    size = draw(st.integers(10_000, 2_000_000 // len(unit.encode())))
    key = lines[at].partition(": ")[0]
    lines[at] = f'{key}: "{unit * size}"' if draw(st.booleans()) else f"{key}: {unit * size}"
    return "\n".join(lines).encode("utf-8")
