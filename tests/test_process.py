"""The process's start and end (journeyctl.system.process): a package loaded on first use, exit without teardown.

Each test runs a fresh interpreter: pytest has imported asyncio and the rest long ago.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from conftest import EXAMPLES, SRC, TODAY


def python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Python code in a fresh interpreter with this checkout's journeyctl (output buffered, as usual)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, *args, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(SRC)},
        timeout=120,
    )


def test_lint_of_one_map_loads_neither_asyncio_nor_package_metadata():
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "journeyctl",
            "lint",
            "--today",
            TODAY,
            str(EXAMPLES / "saas-trial-to-paid.journey.yaml"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert result.returncode == 0
    assert result.stdout == "All clear: no findings in 1 file.\n"
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "pydantic" in imported
    # asyncio: not since typing_extensions 4.16 (pyproject's floor). importlib.metadata: pydantic's
    # plugin loader imports it (2.14: its entry_points) whatever the setting, and gets a deferred one.
    assert not {"asyncio", "ssl", "concurrent.futures", "importlib.metadata._adapters", "email", "csv"} & imported


def test_a_deferred_package_works_as_usual_once_used():
    result = python("""
        import sys
        from journeyctl.system.process import DeferredModule, defer_unused_packages
        defer_unused_packages()
        assert isinstance(sys.modules["importlib.metadata"], DeferredModule)
        import importlib.metadata._meta
        assert "importlib.metadata._adapters" not in sys.modules, "a submodule ran the package"
        import importlib.metadata
        assert "importlib.metadata._adapters" not in sys.modules, "importing it ran the package"
        import pydantic
        print(importlib.metadata.version("pydantic") == pydantic.VERSION, "importlib.metadata._adapters" in sys.modules)
        from importlib.metadata import *  # noqa: F403 (reads __all__)
        print(Distribution.__module__)  # noqa: F405
        try:
            importlib.metadata.no_such_thing
        except AttributeError as error:
            print(error)
    """)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "True True\nimportlib.metadata\nmodule 'importlib.metadata' has no attribute 'no_such_thing'\n"
    )


def test_a_function_imported_from_a_deferred_package_runs_it_when_called():
    result = python("""
        import sys
        from journeyctl.system.process import defer_unused_packages
        defer_unused_packages()
        from importlib.metadata import entry_points
        print("importlib.metadata._meta" in sys.modules, entry_points.__name__)
        scripts = entry_points(group="console_scripts")
        print("importlib.metadata._meta" in sys.modules, type(scripts).__name__)
        import importlib.metadata
        print(importlib.metadata.entry_points is not entry_points, importlib.metadata.entry_points.__module__)
    """)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "False entry_points\nTrue EntryPoints\nTrue importlib.metadata\n"


def test_an_already_imported_package_is_left_alone():
    result = python("""
        import importlib.metadata, sys
        from journeyctl.system.process import defer_unused_packages
        defer_unused_packages()
        print(sys.modules["importlib.metadata"] is importlib.metadata, type(importlib.metadata).__name__)
    """)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "True module\n"


def test_exit_now_runs_exit_handlers_and_flushes_what_was_written():
    result = python("""
        import atexit, sys
        from journeyctl.system.process import exit_now
        atexit.register(lambda: sys.stderr.write("exit handler ran\\n"))
        sys.stdout.write("buffered, no newline")  # a pipe: block-buffered, not yet written
        exit_now(3)
        print("never printed")
    """)
    assert (result.returncode, result.stdout, result.stderr) == (3, "buffered, no newline", "exit handler ran\n")


def test_exit_now_leaves_a_running_thread_to_the_normal_exit():
    result = python("""
        import threading
        from journeyctl.system.process import exit_now
        proceed = threading.Event()
        worker = threading.Thread(target=lambda: (proceed.wait(), print("thread finished")))
        worker.start()
        try:
            exit_now(4)
        except SystemExit as exit_:
            print("normal exit", exit_.code)
            proceed.set()
            raise
    """)
    assert (result.returncode, result.stdout) == (4, "normal exit 4\nthread finished\n")


def test_exit_now_without_the_private_runner_is_the_normal_exit():
    result = python("""
        import atexit, sys
        from journeyctl.system.process import exit_now
        del atexit._run_exitfuncs  # as on a Python that does not have it
        atexit.register(lambda: sys.stderr.write("exit handler ran\\n"))
        try:
            exit_now(5)
        except SystemExit as exit_:
            print("normal exit", exit_.code)
            raise
    """)
    assert (result.returncode, result.stdout, result.stderr) == (5, "normal exit 5\n", "exit handler ran\n")


COLLECTOR_WATCH = """
    import gc, sys
    seen = []
    freeze = gc.freeze
    def watched_freeze():
        loaded = all(name in sys.modules for name in ("pydantic", "journeyctl.model.journey", "journeyctl.lint"))
        seen.append(("freeze", gc.isenabled(), loaded))
        freeze()
    gc.freeze = watched_freeze
    import journeyctl.system.process as process
    import atexit
    atexit.register(lambda: sys.stderr.write(f"{seen} {gc.isenabled()} {gc.get_freeze_count() > 0}\\n"))
    sys.argv = ["journeyctl", *sys.argv[1:]]
    from journeyctl.__main__ import run
    run()
"""


def script(code: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run Python code with arguments in a fresh interpreter with this checkout's journeyctl."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )


def test_the_cycle_collector_waits_for_start_up_then_runs_with_start_up_frozen():
    result = script(COLLECTOR_WATCH, "lint", str(EXAMPLES / "saas-trial-to-paid.journey.yaml"), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    seen, enabled, frozen = result.stderr.strip().rsplit(" ", 2)
    # Frozen once, while it was still off, after pydantic and the command were imported; on at the end.
    assert seen == "[('freeze', False, True)]"
    assert (enabled, frozen) == ("True", "True")


def test_a_program_that_calls_main_keeps_its_own_collector():
    result = script(
        """
        import gc, sys
        from journeyctl.cli import main
        code = main(["lint", sys.argv[1], "--today", sys.argv[2]])
        sys.stderr.write(f"{code} {gc.isenabled()} {gc.get_freeze_count()}\\n")
        """,
        str(EXAMPLES / "saas-trial-to-paid.journey.yaml"),
        TODAY,
    )
    assert result.stderr.strip().splitlines()[-1] == "0 True 0"
