"""A few examples as real processes: what a shell or CI sees (exit status, both streams)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from property_support import CRASH_SIGNS, workdir  # noqa: F401  (fixture)
from strategies import RANDOM_BYTES, deep_nesting, edited_examples

from conftest import TODAY, run_journeyctl

COMMANDS = {
    "lint": (("lint", "--today", TODAY), (0, 1, 2)),
    "render": (("render", "--today", TODAY), (0, 2)),
    "fmt": (("fmt", "--check"), (0, 1, 2)),
    "diff": (("diff", "old.journey.yaml"), (0, 2)),
}


@settings(max_examples=8)
@given(edited_examples() | RANDOM_BYTES | deep_nesting(), st.sampled_from(sorted(COMMANDS)))
def test_as_a_real_process(workdir, raw, command):
    (workdir / "old.journey.yaml").write_text(
        "journeyctl: 1\nid: old\ntitle: Old\nstages: [{id: s, name: S}]\n", encoding="utf-8"
    )
    (workdir / "map.journey.yaml").write_bytes(raw)
    args, codes = COMMANDS[command]
    done = run_journeyctl(*args, "map.journey.yaml", cwd=workdir)
    assert done.returncode in codes, done
    assert (done.stdout + done.stderr).strip(), done
    for sign in CRASH_SIGNS:
        assert sign not in done.stdout + done.stderr, done
