"""The pre-commit hooks and the GitHub Action that the repository publishes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT, SRC

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

HOOKS = ROOT / ".pre-commit-hooks.yaml"
ACTION = ROOT / "action.yml"


def load(path: Path):
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def test_pre_commit_hooks_have_the_keys_pre_commit_requires():
    hooks = load(HOOKS)
    assert [hook["id"] for hook in hooks] == ["journeyctl-lint", "journeyctl-fmt"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook), hook["id"]
        assert set(hook) <= {"id", "name", "description", "entry", "language", "types", "files", "require_serial"}
        assert hook["language"] == "python"
        assert hook["types"] == ["yaml"]
        assert hook["require_serial"] is False


def test_pre_commit_hooks_run_journeyctl_commands_that_exist(cli):
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    for hook in load(HOOKS):
        program, command = hook["entry"].split()
        assert program in scripts
        assert cli(command, "--help").code == 0


def test_pre_commit_hooks_select_journey_maps():
    for hook in load(HOOKS):
        pattern = re.compile(hook["files"])
        for name in ("checkout.journey.yaml", "maps/b2b/trial.journey.yml"):
            assert pattern.search(name), (hook["id"], name)
        for name in ("docker-compose.yaml", "journey.yaml", "checkout.journey.yaml.bak", "personas.yaml"):
            assert not pattern.search(name), (hook["id"], name)


def test_action_inputs_and_steps():
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"paths", "render", "render-output", "artifact-name", "python-version"}
    assert action["inputs"]["paths"]["default"] == "."
    assert action["inputs"]["render"]["default"] == "false"
    steps = {step["name"]: step for step in action["runs"]["steps"]}
    assert list(steps) == [
        "Set up Python",
        "Install journeyctl",
        "Lint journey maps",
        "Render journey maps",
        "Upload the rendered maps",
    ]
    assert steps["Set up Python"]["uses"].startswith("actions/setup-python@")
    assert steps["Install journeyctl"]["run"].endswith(
        'pip install --disable-pip-version-check --quiet "$GITHUB_ACTION_PATH"'
    )
    assert steps["Lint journey maps"]["env"] == {"JOURNEYCTL_PATHS": "${{ inputs.paths }}"}
    for name in ("Render journey maps", "Upload the rendered maps"):
        assert steps[name]["if"] == "${{ inputs.render == 'true' && !cancelled() }}"
    assert steps["Upload the rendered maps"]["uses"].startswith("actions/upload-artifact@")
    assert steps["Upload the rendered maps"]["with"]["path"] == "${{ inputs.render-output }}"


def test_action_never_pastes_inputs_into_scripts():
    for step in load(ACTION)["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema is not installed")
def test_action_matches_github_s_action_schema():
    result = subprocess.run(
        ["check-jsonschema", "--builtin-schema", "vendor.github-actions", str(ACTION)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def run_step(name: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run one `run:` step of the action in bash, with this checkout's journeyctl on PATH."""
    shim = tmp_path / "bin" / "journeyctl"
    shim.parent.mkdir(exist_ok=True)
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{SRC}" exec "{sys.executable}" -m journeyctl "$@"\n')
    shim.chmod(0o755)
    step = next(step for step in load(ACTION)["runs"]["steps"] if step["name"] == name)
    environ = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environ.update(PATH=f"{shim.parent}{os.pathsep}{environ['PATH']}", **env)
    return subprocess.run(["bash", "-e", "-c", step["run"]], env=environ, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_lint_step_runs_on_the_examples(tmp_path):
    result = run_step("Lint journey maps", tmp_path, JOURNEYCTL_PATHS=f"{EXAMPLES} {EXAMPLES}/personas.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no findings in 5 files" in result.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_render_step_writes_a_site(tmp_path):
    site = tmp_path / "site with space"
    result = run_step("Render journey maps", tmp_path, JOURNEYCTL_PATHS=str(EXAMPLES), JOURNEYCTL_OUTPUT=str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "index.html").is_file()


def _guide_pre_commit_config() -> str:
    """The snippet of the pre-commit guide."""
    guide = (ROOT / "docs" / "guides" / "pre-commit.md").read_text(encoding="utf-8")
    return re.search(r"```yaml\n(repos:.*?)```", guide, re.DOTALL).group(1)


def test_guide_pre_commit_snippet_names_this_version_and_these_hooks():
    import journeyctl

    config = YAML(typ="safe", pure=True).load(_guide_pre_commit_config())
    (repo,) = config["repos"]
    assert repo["rev"] == f"v{journeyctl.__version__}"
    assert [hook["id"] for hook in repo["hooks"]] == ["journeyctl-fmt", "journeyctl-lint"]


@pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None, reason="needs pre-commit and git"
)
def test_guide_pre_commit_snippet_runs_with_the_real_pre_commit(tmp_path):
    """The guide's snippet, pointed at a clone of this repository tagged as the release, run by pre-commit itself."""
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PYTHONPATH"))},
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)

    release = tmp_path / "journeyctl"
    shutil.copytree(ROOT, release, ignore=shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", "artifacts"))
    for command in (
        ("git", "init", "-q", "-b", "main"),
        ("git", "add", "-A"),
        ("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "release"),
    ):
        assert run(*command, cwd=release).returncode == 0
    config = YAML(typ="safe", pure=True).load(_guide_pre_commit_config())
    assert run("git", "tag", config["repos"][0]["rev"], cwd=release).returncode == 0
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(EXAMPLES / "online-store-checkout.journey.yaml", project)
    shutil.copy(EXAMPLES / "personas.yaml", project)
    snippet = _guide_pre_commit_config().replace(config["repos"][0]["repo"], str(release))
    (project / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    for command in (("git", "init", "-q", "-b", "main"), ("git", "add", "-A")):
        assert run(*command, cwd=project).returncode == 0
    clean = run("pre-commit", "run", "--all-files", cwd=project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"journeyctl fmt\.+Passed", clean.stdout)
    assert re.search(r"journeyctl lint\.+Passed", clean.stdout)
    journey = project / "online-store-checkout.journey.yaml"
    journey.write_text(journey.read_text(encoding="utf-8").replace("emotion: 4", "emotion: 9", 1), encoding="utf-8")
    broken = run("pre-commit", "run", "--all-files", cwd=project)
    assert broken.returncode == 1
    assert "E022 emotion-out-of-scale" in broken.stdout
