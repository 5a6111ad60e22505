"""The import graph of src/journeyctl: every arrow points down the pipeline, and there is no cycle.

Layers, lowest first (a module may import its own layer's package and any lower layer):

    core -> source, system -> model -> rules -> config -> check -> commands -> front ends

Commands (lint, diff, render, formatter, ...) are front ends of the check service and
do not import each other, except the few edges listed in SIDEWAYS, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "journeyctl"

LAYERS = {
    "": 0,  # journeyctl/__init__.py: the version
    "core": 0,
    "source": 1,
    "system": 1,
    "model": 2,
    "rules": 3,
    "config": 4,
    "check": 5,
    "lint": 6,
    "diff": 6,
    "render": 6,
    "formatter": 6,
    "scaffold": 6,
    "report": 6,
    "exchange": 6,
    "cli": 7,  # the package: the app and main() in __init__, the commands in modules by purpose
    "__main__": 7,
    "serve": 7,
    "lsp": 7,
}
# Commands that use another command's output, by design.
SIDEWAYS: dict[tuple[str, str], str] = {
    ("report", "render"): "the dashboard is a page of the site, drawn with render's templates",
    ("exchange", "render"): "PDF is the HTML page printed; the Mermaid block is the Markdown page's",
    ("exchange", "formatter"): "an imported map is written in fmt's canonical layout",
    ("lint", "formatter"): "`lint --fix` keeps a map in fmt's canonical layout, and shows --diff as fmt does",
    ("render", "report"): "a site's dashboard is the portfolio report of its maps",
    ("__main__", "cli"): "the console script imports the command line, catching Ctrl-C while it loads",
    ("cli", "lsp"): "`journeyctl lsp` starts the language server, a front end of its own",
    ("cli", "serve"): "the command line starts the preview server",
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(("journeyctl", *parts)).removesuffix(".__init__")
        found[name] = path
    return found


MODULES = _modules()


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    if top_level_only:  # `if TYPE_CHECKING:` imports are not run
        nodes = [node for node in nodes if isinstance(node, (ast.Import, ast.ImportFrom))]
    names = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("journeyctl"):
            # `from journeyctl.rules import e001_yaml_syntax` imports a submodule.
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & set(MODULES)
            names.update(submodules or {node.module})
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("journeyctl"))
    return names


def test_every_package_has_a_layer() -> None:
    assert {_package(module) for module in MODULES} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    own = _package(module)
    wrong = []
    for imported in _imports(MODULES[module]):
        other = _package(imported)
        if other == own or other == "":
            continue
        if LAYERS[other] > LAYERS[own]:
            wrong.append(f"{imported} (layer {LAYERS[other]} above {own}'s {LAYERS[own]})")
        elif LAYERS[other] == LAYERS[own] and (own, other) not in SIDEWAYS:
            wrong.append(f"{imported} (a command importing another command)")
    assert not wrong, f"{module} imports " + ", ".join(wrong)


def _imports_typer(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("typer", "click"):
            return True
        if isinstance(node, ast.Import) and any(alias.name.split(".")[0] in ("typer", "click") for alias in node.names):
            return True
    return False


def test_only_the_command_line_knows_typer() -> None:
    """The engine is called the same way by the command line, the server and the language server."""
    knowing = sorted(module for module, path in MODULES.items() if _imports_typer(path))
    assert knowing and all(module.startswith("journeyctl.cli") for module in knowing), knowing
    assert "journeyctl.cli" in knowing  # the app, built in the package's __init__


def test_no_import_cycle_between_modules() -> None:
    graph = {
        module: {name for name in _imports(path, top_level_only=True) if name in MODULES}
        for module, path in MODULES.items()
    }
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            raise AssertionError("import cycle: " + " -> ".join([*trail[trail.index(module) :], module]))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_rule_sets_are_stated_once() -> None:
    """Only the check service decides which rules a command runs: nothing else picks rules from RULES by code."""
    offenders = [
        module
        for module, path in MODULES.items()
        if _package(module) not in ("check", "rules", "config", "lint")
        and 'RULES["' in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
