"""Helpers of the property tests; importing them loads the Hypothesis profile.

Deterministic in CI, wider on demand.

The default profile derandomizes Hypothesis (the same examples every run, no
database), so CI never fails on a draw it did not make before. Search wider
locally with `HYPOTHESIS_PROFILE=wide pytest tests/property`; a failure there
prints the example to add to the corpus.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
settings.register_profile(
    "ci", derandomize=True, database=None, max_examples=60, deadline=None, suppress_health_check=_QUIET, print_blob=True
)
settings.register_profile("wide", max_examples=2000, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def at_most(count: int) -> settings:
    """Fewer examples for a slow property in CI; the wide profile keeps its own number."""
    return settings(max_examples=count if settings.default.max_examples <= 100 else settings.default.max_examples)


# What no run may print, whatever the input.
CRASH_SIGNS = ("Traceback", "internal error", "Exception ignored")


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def journeyctl(*args: object) -> Outcome:
    """`journeyctl ARGS...` in this process, its output captured (Hypothesis calls it many times per test)."""
    from journeyctl.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(arg) for arg in args])
    return Outcome(code, out.getvalue(), err.getvalue())


def assert_answered(outcome: Outcome, codes: tuple[int, ...] = (0, 1, 2)) -> None:
    """The run ended with an expected exit code and said something, without a crash."""
    assert outcome.code in codes, outcome
    assert outcome.text.strip(), outcome
    for sign in CRASH_SIGNS:
        assert sign not in outcome.text, outcome


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One folder per test module; each example writes its files over the last one's."""
    yield tmp_path_factory.mktemp("property")
