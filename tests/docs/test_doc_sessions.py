"""The terminal sessions of README.md and of every page under docs/ are what journeyctl prints.

Each page is replayed as a reader follows it (see doc_sessions.py): its files written, its
edits made, its commands run in a scratch folder holding a copy of examples/, and each
command's output compared with the page, line for line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from doc_sessions import Command, downloads, environment, read_steps, replay, scratch_folder, session

from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted(path for path in (ROOT / "docs").rglob("*.md") if "hooks" not in path.parts)]
WITH_SESSIONS = [
    page for page in PAGES if any(isinstance(step, Command) for step in read_steps(page.read_text("utf-8")))
]

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("git") is None, reason="needs bash and git"
)


@pytest.mark.parametrize("page", WITH_SESSIONS, ids=[str(page.relative_to(ROOT)) for page in WITH_SESSIONS])
def test_sessions_print_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    env = environment(root, scratch_folder(root))
    for download in downloads(page):
        shutil.copy(download, root / download.name)
    for step in read_steps(page.read_text(encoding="utf-8")):
        shown = replay(step, root, env)
        if shown is not None:
            expected, printed = shown
            assert printed == expected, f"$ {step.line}"  # type: ignore[union-attr]


def test_the_guides_have_sessions() -> None:
    """The replay finds the sessions of the pages that teach the commands (a reader's first steps)."""
    names = {str(page.relative_to(ROOT)) for page in WITH_SESSIONS}
    assert {"README.md", "docs/getting-started.md", "docs/guides/lint.md", "docs/guides/configuration.md"} <= names


def test_a_file_linked_for_download_is_in_the_readers_folder() -> None:
    assert [path.name for path in downloads(ROOT / "docs" / "guides" / "migrating.md")] == ["bike-repair-journey.csv"]
    assert downloads(ROOT / "docs" / "getting-started.md") == []


def test_a_session_is_commands_and_what_each_prints() -> None:
    assert session("$ journeyctl a\none\n\ntwo\n$ journeyctl b\n") == [
        Command("journeyctl a", "one\n\ntwo\n"),
        Command("journeyctl b", ""),
    ]


def test_a_page_is_read_in_order_with_its_files_edits_and_markers() -> None:
    page = """
```toml title="journeyctl.toml"
channels = ["kiosk"]
```

<!-- doc-test: replace journeyctl.toml 'kiosk' 'webinar' -->

- In a list:

  ```console
  $ journeyctl lint examples/
  All clear.
  ```

<!-- doc-test: skip a server -->
```console
$ journeyctl serve
```

<!-- doc-test: run -->
```sh
journeyctl git-setup
```

```sh
pip install journeyctl
```

````markdown
<!-- doc-test: run -->
```console
$ journeyctl inside a fence
```
````
"""
    from doc_sessions import Replace, WriteFile

    assert read_steps(page) == [
        WriteFile("journeyctl.toml", 'channels = ["kiosk"]\n'),
        Replace("journeyctl.toml", "kiosk", "webinar"),
        Command("journeyctl lint examples/", "All clear.\n"),
        Command("journeyctl git-setup", None),
    ]


def test_only_everyday_commands_run() -> None:
    from doc_sessions import programs

    assert programs("journeyctl lint maps/ | head -1 && git diff; ls") == ["journeyctl", "head", "git", "ls"]
    assert programs("pip install 'journeyctl[lsp]'") == ["pip"]


def test_an_installer_in_a_session_is_refused_not_run(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    env = environment(root, scratch_folder(root))
    with pytest.raises(AssertionError, match="pip is not run here"):
        replay(Command("pip install journeyctl", ""), root, env)


def test_a_wrong_output_fails(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    env = environment(root, scratch_folder(root))
    expected, printed = replay(Command("journeyctl --version", "journeyctl 9.9.9\n"), root, env)  # type: ignore[misc]
    assert printed != expected
    assert printed.startswith("journeyctl ")
