#!/usr/bin/env python3
"""Deterministic generator of realistic, lint-clean journey maps (format v1).

    python bench/corpus.py OUTDIR --count N --lines L|LO-HI [--seed S] [--today YYYY-MM-DD]

Writes ``map-0001.journey.yaml``... and the ``personas.yaml`` library they reference.
"""

from __future__ import annotations

import argparse
import random
import re
import textwrap
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Union

Lines = Union[int, tuple[int, int]]

# words.txt holds `name = item | item ...` lists; indented lines continue the list above, `#` lines are comments.
_VOCAB = re.sub(r"^#.*\n", "", (Path(__file__).with_name("words.txt")).read_text(encoding="utf-8"), flags=re.M)
W = SimpleNamespace(
    **{
        k.strip(): [x.strip() for x in v.replace("\n", " ").split("|")]
        for k, v in (b.split("=", 1) for b in re.split(r"\n(?=\w)", _VOCAB.strip()))
    }
)
STAGES, TOUCHPOINTS, METRICS, PERSONAS = (
    [x.split(":") for x in getattr(W, k)] for k in ("stages", "touchpoints", "metrics", "personas")
)
_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: | #|:$|\s$|^(true|false|null|yes|no|on|off|~)$", re.I)


class DQ(str):
    """A string emitted double-quoted."""


class SQ(str):
    """A string emitted single-quoted."""


class Fold(str):
    """A string emitted as a folded block scalar."""


class Flow(list):  # type: ignore[type-arg]
    """A list emitted in flow style."""


def _scalar(v: Any) -> str:
    if isinstance(v, tuple):  # (value, trailing comment)
        return f"{_scalar(v[0])}  # {v[1]}"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, SQ):
        return "'" + v.replace("'", "''") + "'"
    if isinstance(v, DQ) or (isinstance(v, str) and _UNSAFE.search(v)):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(v)


def _emit(obj: dict[str, Any], ind: int) -> list[str]:
    """Render a mapping in two-space block style; keys starting with '#' become comment lines."""
    pad, out = " " * ind, []
    for key, v in obj.items():
        if key.startswith("#"):
            out.append(f"{pad}# {v}")
        elif isinstance(v, Flow) and len(flow := f"{pad}{key}: [{', '.join(map(_scalar, v))}]") <= 80:
            out += [flow] if v else []
        elif isinstance(v, dict):
            out += [f"{pad}{key}:", *_emit(v, ind + 2)]
        elif isinstance(v, list):
            out += [f"{pad}{key}:"] if v else []
            for item in v:
                sub = _emit(item if isinstance(item, dict) else {"": item}, ind + 4)
                while sub[0].lstrip().startswith("#"):  # an item's comment goes above its dash
                    out.append(f"{pad}  {sub.pop(0).lstrip()}")
                out += [f"{pad}  - {sub[0][ind + 4 :]}", *sub[1:]]
        elif isinstance(v, str) and (isinstance(v, Fold) or len(f"{pad}{key}: {_scalar(v)}") > 80):
            out += [f"{pad}{key}: >-" if key else f"{pad}>-", *(f"{pad}  {ln}" for ln in textwrap.wrap(v, 78 - ind))]
        else:
            out.append(f"{pad}{key}: {_scalar(v)}" if key else f"{pad}{_scalar(v)}")
    return out


def _dump(obj: dict[str, Any]) -> str:
    return "\n".join(_emit(obj, 0)) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Gen:
    """Builds one document as nested dicts, keeping ids unique and the lint rules satisfied."""

    def __init__(self, r: random.Random, today: date) -> None:
        self.r, self.today, self.used, self.sources = r, today, set[str](), list[str]()

    def uid(self, base: str) -> str:
        cand, n = base[:60], 2
        while cand in self.used:
            cand, n = f"{base[:56]}-{n}", n + 1
        self.used.add(cand)
        return cand

    def day(self, lo: int, hi: int) -> date:
        return self.today + timedelta(days=self.r.randint(lo, hi))

    def text(self, kind: str) -> str:
        r = self.r
        obj, task = r.choice(W.objects), r.choice(W.tasks)
        if kind == "doing":
            return f"{r.choice(W.verbs)} {obj} {r.choice(W.contexts)}."
        if kind == "thinking":
            return r.choice(
                [
                    f"Is {obj} really up to date?",
                    f"Why do I have to {task} again?",
                    f"Who do I ask about {obj}?",
                    "This should take five minutes, not an hour.",
                    f"I hope I can {task} without calling anyone.",
                ]
            )
        if kind == "feeling":
            return f"{r.choice(W.moods)}, {r.choice(W.qualifiers)}."
        if kind == "pain":
            return f"{r.choice(W.problems)} {r.choice(W.results)}."
        return f"Halve complaints about {obj} within {r.randint(2, 9)} months."

    def touchpoint(self, name: str, channel: str, critical: bool) -> dict[str, Any]:
        r = self.r
        emotion = r.choice([-2, -1, -1, 0, 0, 1, 1, 2])
        tp: dict[str, Any] = {
            "id": self.uid(_slug(name)),
            "name": name,
            "channel": channel,
            "owner": r.choice(W.owners),
        }
        if critical or r.random() < 0.2:
            tp["critical"] = critical
        tp.update(
            doing=self.text("doing"),
            thinking=r.choice([DQ, SQ, str])(self.text("thinking")),
            feeling=self.text("feeling"),
            emotion=(emotion, "lowest point") if emotion == -2 else emotion,
            backstage=[],
            evidence=Flow(r.sample(self.sources, min(r.randint(1, 2), len(self.sources)))),
            metrics=[],
            pain_points=[],
            opportunities=[],
        )
        if emotion == -2 or (emotion == -1 and r.random() < 0.5):
            self.add_pain(tp)
        return tp

    def add_pain(self, tp: dict[str, Any]) -> None:
        """Add a pain point with evidence, addressed by a new or the touchpoint's last opportunity."""
        r, desc = self.r, self.text("pain")
        words = desc.removeprefix("The ").split()
        pain: dict[str, Any] = {"id": self.uid("pp-" + _slug(" ".join(words[:2]))), "description": desc}
        pain.update({"severity": r.choice(["low", "medium", "high", "critical"])} if r.random() < 0.7 else {})
        pain.update({"occurrences": r.randint(0, 400)} if r.random() < 0.5 else {})
        pain["evidence"] = Flow(r.sample(self.sources, 1))
        tp["pain_points"].append(pain)
        opps = tp["opportunities"]
        if opps and len(opps[-1]["addresses"]) < 3 and r.random() < 0.3:
            opps[-1]["addresses"].append(pain["id"])
            return
        action, status = r.choice(W.actions), r.choice(["idea", "planned", "planned", "in-progress", "done"])
        opp: dict[str, Any] = {
            "id": self.uid("opp-" + _slug(" ".join(action.split()[:2]))),
            "description": action,
            "addresses": Flow([pain["id"]]),
            "owner": r.choice(W.owners),
        }
        opp.update({"due": self.day(14, 300)} if status != "done" else {})
        opp["status"] = status
        opp.update({"expected_outcome": self.text("outcome")} if r.random() < 0.5 else {})
        opps.append(opp)

    def enrich(self, tp: dict[str, Any], big: bool) -> None:
        """Grow one touchpoint: longer text or backstage (1-2 lines), or if ``big`` also a metric or pain point."""
        r = self.r
        step = r.choices(["text", "backstage", "metric", "pain"], [4, 3, 2, 1] if big else [4, 3, 0, 0])[0]
        if step == "backstage" and len(tp["backstage"]) < len(W.backstage):
            tp["backstage"].append(r.choice([b for b in W.backstage if b not in tp["backstage"]]))
        elif step == "metric" and len(tp["metrics"]) < 6:
            name, unit, better = r.choice(METRICS)
            value = round(r.uniform(1, 90), 1)
            metric: dict[str, Any] = {"name": name, "value": value, "target": round(value * 1.2, 1)}
            metric.update({"unit": r.choice([DQ, SQ])(unit)} if unit else {})
            metric.update({"better": better} if better == "lower" or r.random() < 0.3 else {})
            tp["metrics"].append(metric)
        elif step == "pain":
            self.add_pain(tp)
        else:
            field = r.choice(["doing", "thinking", "feeling"])
            tp[field] = Fold(f"{tp[field]} {self.text(field)}")


def _build(r: random.Random, index: int, lines: int, today: date) -> dict[str, Any]:
    g = _Gen(r, today)
    product, segment, owner = r.choice(W.products), r.choice(W.segments), r.choice(W.owners)
    sources = []
    for kind in r.sample(W.kinds, min(6, 1 + lines // 150)):
        when = g.day(-400, -30)
        src = {
            "id": g.uid(f"{kind}-{when.year}q{(when.month + 2) // 3}"),
            "kind": kind,
            "title": f"{kind.capitalize()} findings, {product.lower()}",
            "date": when,
        }
        src.update({"url": f"https://research.example.com/{src['id']}"} if r.random() < 0.5 else {})
        sources.append(src)
    g.sources = [s["id"] for s in sources]
    n_tp = max(1, min(round((lines - 40) / 30), r.randint(60, 100)))
    counts = [1] * min(9, max(-(-n_tp // 12), -(-n_tp // r.randint(3, 6))))  # <= 9 stages, <= 12 touchpoints each
    for _ in range(n_tp - len(counts)):
        counts[r.choice([i for i, c in enumerate(counts) if c < 12])] += 1
    critical = set(r.sample(range(n_tp), r.randint(1, min(3, n_tp))))
    stages, tps = [], []
    for i, ((sid, sname), count) in enumerate(
        zip(sorted(r.sample(STAGES, len(counts)), key=STAGES.index), counts, strict=False)
    ):
        stage: dict[str, Any] = {"# stage": f"{i + 1}. {sname}", "id": g.uid(sid), "name": sname}
        if lines >= 300 or r.random() < 0.3:
            task = r.choice(W.tasks).replace("my", "their")
            stage.update(
                customer_goal=f"{sname} without having to {task} more than once.",
                questions=[g.text("thinking") for _ in range(r.randint(0, 2))],
            )
        for _ in range(count):
            tps.append(g.touchpoint(*r.choice(TOUCHPOINTS), critical=len(tps) in critical))
        stage["touchpoints"] = tps[-count:]
        stages.append(stage)
    journey: dict[str, Any] = {
        "# title": f"Customer journey: {product}, {segment}",
        "# owner": f"Maintained by {owner}; reviewed quarterly.",
        "journeyctl": 1,
        "kind": "journey",
        "id": g.uid(f"{_slug(product)}-{_slug(segment)}-{index}"),
        "title": DQ(f"{product}: {segment}"),
        "description": Fold(f"How a {segment} customer experiences {product.lower()}. {g.text('pain')}"),
        "state": r.choice(["current", "current", "future"]),
        "owner": owner,
        "persona": f"personas.yaml#{r.choice(PERSONAS)[0]}",
        "last_reviewed": g.day(-10, -2),
        "review_every_days": 90,
        "tags": Flow([_slug(product), segment.split()[0]]),
        "sources": sources,
        "stages": stages,
    }
    total, size = len(_emit(journey, 0)), [len(_emit(tp, 8)) for tp in tps]
    while total < lines:  # grow random touchpoints a few lines at a time until the target is reached
        i = r.randrange(len(tps))
        g.enrich(tps[i], big=lines - total > 12)
        total += (n := len(_emit(tps[i], 8))) - size[i]
        size[i] = n
    return journey


def _rng(seed: int, index: int) -> random.Random:
    return random.Random(f"journeyctl-bench-{seed}-{index}")


def make_map(index: int, lines: Lines, seed: int = 0, today: date | None = None) -> str:
    """Return map ``index`` of the corpus for ``seed``: about ``lines`` lines, or a size drawn from a (lo, hi) range."""
    r = _rng(seed, index)
    target = r.randint(*lines) if isinstance(lines, tuple) else lines
    return _dump(_build(r, index, target, today or date.today()))


def make_diff_pair(lines: int, seed: int = 0, today: date | None = None) -> tuple[str, str]:
    """Return a map and a revision of it: one emotion changed, one pain point removed, one touchpoint
    moved, and the keys of every touchpoint written in reverse order (which changes nothing)."""
    r = _rng(seed, -1)
    journey = _build(r, 0, lines, today or date.today())
    old, stages = _dump(journey), journey["stages"]
    tp = r.choice([t for st in stages for t in st["touchpoints"] if t["pain_points"]])
    tp["emotion"] = 1 if tp["emotion"] != 1 else 0
    gone = tp["pain_points"].pop()["id"]
    for opp in tp["opportunities"]:
        opp["addresses"] = Flow(a for a in opp["addresses"] if a != gone)
    tp["opportunities"] = [o for o in tp["opportunities"] if o["addresses"]]
    src = r.choice([st for st in stages if len(st["touchpoints"]) > 1])
    dst = r.choice([st for st in stages if st is not src and len(st["touchpoints"]) < 12] or [src])
    dst["touchpoints"].append(src["touchpoints"].pop(0))
    for stage in stages:
        stage["touchpoints"] = [dict(reversed(tp.items())) for tp in stage["touchpoints"]]
    return old, _dump(journey)


def make_personas(seed: int = 0) -> str:
    """Return the persona library (``kind: personas``) that the maps reference."""
    g = _Gen(_rng(seed, 0), date.today())
    people = [
        {
            "id": pid,
            "name": name,
            "role": role,
            "description": f"{role}. Usually {g.text('feeling').lower()}",
            "quote": DQ(g.text("thinking")),
            "demographics": {"age": g.r.randint(22, 70), "city": g.r.choice(W.cities)},
            "goals": [f"Spend less time on {g.r.choice(W.objects)}"],
            "frustrations": [g.text("pain")],
        }
        for pid, name, role in PERSONAS
    ]
    return _dump(
        {
            "# about": "Persona library shared by every map in this folder.",
            "journeyctl": 1,
            "kind": "personas",
            "personas": people,
        }
    )


def write_corpus(outdir: Path | str, count: int, lines: Lines, seed: int = 0, today: date | None = None) -> list[Path]:
    """Write ``count`` maps and ``personas.yaml`` into ``outdir``; return the map paths."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "personas.yaml").write_text(make_personas(seed), encoding="utf-8")
    paths = [out / f"map-{i:04d}.journey.yaml" for i in range(1, count + 1)]
    for i, path in enumerate(paths, 1):
        path.write_text(make_map(i, lines, seed, today), encoding="utf-8")
    return paths


def parse_lines(text: str) -> Lines:
    """Parse ``600`` or a range ``500-650``."""
    lo, _, hi = text.partition("-")
    return (int(lo), int(hi)) if hi else int(lo)


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description="Write a deterministic corpus of journey maps.")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--lines", type=parse_lines, required=True, help="target lines per map: 600 or 500-650")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--today", type=date.fromisoformat, default=date.today(), help="reference date (YYYY-MM-DD)")
    a = ap.parse_args()
    print(f"wrote {len(write_corpus(a.outdir, a.count, a.lines, a.seed, a.today))} maps to {a.outdir}")


if __name__ == "__main__":
    main()
