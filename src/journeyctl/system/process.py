"""How the journeyctl process starts and ends, with no more work than a run needs.

Each part is kept because it pays: the CPU time a run costs more without it (pydantic 2.13.4,
typing_extensions 4.16.0, Python 3.11.7; medians of paired differences over 60 shuffled
rounds on a busy machine, where one-map lint took 219 ms; docs/performance.md, "Where the time goes"):

- importlib.metadata loads on first use: pydantic's plugin loader imports it (2.14: `from
  importlib.metadata import entry_points`) even when plugins are disabled, and nothing uses
  it. `lint` of one map: 11 ms; `--version` imports no pydantic.
- The process ends without tearing the interpreter down (clearing every module, the last
  garbage collections): `lint` of one map 84 ms, `--version` 28 ms. Exit handlers still run
  and the standard streams are flushed.

- The cycle collector waits for start-up to end: importing typer, pydantic and ruamel.yaml
  and building the map model's validator allocate enough to trigger many collections, each
  walking everything made so far, though start-up makes no garbage worth collecting. The
  collector is off until the work begins (`settle`: the files are about to be read, a server
  is about to serve), then what start-up made is frozen out of its sight (gc.freeze, which
  also spares forked workers copying those pages) and it runs as usual. `lint` of one map
  0.166 -> 0.142 s wall, 1,000 maps 3.04 -> 2.43 s, peak memory unchanged (31 MiB)
  (medians of 15 and 3 alternating runs, load about 5; gc off for the whole run was as fast
  but doubled the memory of 1,000 maps).

asyncio is no longer deferred: typing_extensions 4.15's `deprecated`, which pydantic-core
puts on its deprecated functions, imported all of it (with ssl and sockets: 17 ms); 4.16
does not, and pyproject.toml asks for 4.16 or later.
"""

from __future__ import annotations

import atexit
import gc
import importlib.util
import os
import sys
import threading
from types import ModuleType
from typing import Any, Callable, NoReturn

DEFERRED = ("importlib.metadata",)
# Functions that may be imported from a deferred package before it runs: each is handed out
# as a stand-in that runs the package at its first call, then calls the real function.
STAND_INS = {"importlib.metadata": frozenset({"entry_points"})}


class DeferredModule(ModuleType):
    """A package whose own code runs when a missing attribute is first read.

    Made from the package's real spec, so its submodules import as usual without running it
    (`import importlib.metadata._meta` needs only the package's `__path__`): code that uses the
    package sees no difference, and a run that never does never pays for it.
    """

    def __getattr__(self, name: str) -> Any:
        if self.__dict__.get("__spec__") is None or self.__dict__.get("_journeyctl_ran_", False):
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        if name in STAND_INS.get(self.__name__, ()):
            return _stand_in(self, name)
        _run(self)
        return getattr(self, name)


def _run(module: ModuleType) -> None:
    """Run a deferred package's own code in its module object, once."""
    if not module.__dict__.get("_journeyctl_ran_", False):
        module.__dict__["_journeyctl_ran_"] = True
        module.__spec__.loader.exec_module(module)  # type: ignore[union-attr]


def _stand_in(module: ModuleType, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        _run(module)
        return getattr(module, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


_HELD = False


def hold_collection() -> None:
    """Keep the cycle collector off while the process starts (see the module's docstring)."""
    global _HELD
    gc.disable()
    _HELD = True


def settle() -> None:
    """Start-up is over: freeze what it made out of the collector's sight and let it run again.

    Does nothing unless hold_collection() held it (a test or another program calling
    journeyctl in its own process keeps its collector as it is)."""
    global _HELD
    if _HELD:
        _HELD = False
        gc.freeze()
        gc.enable()


def defer_unused_packages() -> None:
    """Put a DeferredModule in `sys.modules` for each package of DEFERRED not imported yet."""
    for name in DEFERRED:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or spec.submodule_search_locations is None:
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = DeferredModule
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            # What the import system does once it has loaded a submodule.
            setattr(sys.modules[parent], child, module)


def exit_now(code: int) -> NoReturn:
    """End the process with `code`: exit handlers run, streams are flushed, no teardown.

    While another thread still runs, the normal exit (which waits for it) is used instead, and
    so it is where the exit handlers cannot be run first: the one way to run them,
    `atexit._run_exitfuncs`, is private (CPython's atexit module has had it throughout Python 3).
    """
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if threading.active_count() > 1 or run_exit_handlers is None:
        sys.exit(code)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None without a console (pythonw)
                stream.flush()
        except (OSError, ValueError):  # a reader that went away, a stream already closed
            pass
    os._exit(code)
