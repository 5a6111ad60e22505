"""`journeyctl init`: a new map from a starter shipped with journeyctl.

Starters live in `journeyctl/starters/<name>.journey.yaml`. They hold a few
placeholders, filled in when the map is created so that it is lint-clean on
that day: `__TODAY__` and `__TODAY+N__` (a date N days later), `__ID__` (the
map's id, from the file name) and `__FILE__` (the path, for the commands the
comments suggest).
"""

from __future__ import annotations

import os
import re
import shlex
from datetime import date, timedelta
from importlib import resources

from journeyctl.core.errors import OutputError, UsageError
from journeyctl.system.atomic import write_atomically

STARTERS = {
    "local-service": "a local service business: find, book, visit, pay (a bike repair shop)",
    "ecommerce": "an online shop: ad, checkout, delivery and returns, on a 1-5 emotion scale",
    "b2b-saas": "a B2B software product: trial, onboarding, security review, purchase",
}
DEFAULT_STARTER = "local-service"
MAP_SUFFIX = ".journey.yaml"

_TODAY = re.compile(r"__TODAY(?:\+(\d+))?__")
_NOT_ID = re.compile(r"[^a-z0-9_-]+")


def starter_text(name: str) -> str:
    """A starter's text, placeholders included."""
    if name not in STARTERS:
        raise UsageError(
            f"There is no starter `{name}`; choose one of: {', '.join(STARTERS)} (see `journeyctl init --list`)."
        )
    starter = resources.files("journeyctl").joinpath("starters").joinpath(f"{name}{MAP_SUFFIX}")
    return starter.read_text(encoding="utf-8")


def fill(text: str, today: date, map_id: str, path: str) -> str:
    """A starter's text with its placeholders replaced."""
    text = _TODAY.sub(lambda m: _later(today, int(m.group(1) or 0)), text)
    return text.replace("__ID__", map_id).replace("__FILE__", shlex.quote(path))


def _later(today: date, days: int) -> str:
    try:
        return (today + timedelta(days=days)).isoformat()
    except OverflowError:
        raise UsageError(
            f"--today {today.isoformat()} is too late: the starter's due dates would fall after the year 9999."
        ) from None


def map_id_for(path: str, fallback: str) -> str:
    """The map id a file name suggests (`Checkout Flow.journey.yaml` -> `checkout-flow`)."""
    name = os.path.basename(path)
    for suffix in (MAP_SUFFIX, ".journey.yml", ".yaml", ".yml"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    ident = _NOT_ID.sub("-", name.lower()).strip("-_")[:64].rstrip("-_")
    return ident or fallback


def target_for(path: str | None, name: str) -> str:
    """Where the map goes: PATH, or `<starter>.journey.yaml` in PATH (a folder, or a
    path ending in `/`) or in the current folder."""
    if path is None:
        return f"{name}{MAP_SUFFIX}"
    if os.path.isdir(path) or path.endswith(("/", os.sep)):
        return os.path.join(path, f"{name}{MAP_SUFFIX}")
    return path


def create_map(path: str | None, name: str, today: date, force: bool = False) -> str:
    """Write a new map from a starter; the path written. Never overwrites without `force`."""
    text = starter_text(name)
    target = target_for(path, name)
    if os.path.isdir(target):
        raise UsageError(f"{target} is a folder; give a file name for the new map.")
    if not target.endswith((".yaml", ".yml")):
        # lint and render only look at .yaml/.yml files in folders: a map named otherwise is never checked.
        stem = os.path.basename(target).rsplit(".", 1)[0] or name
        raise UsageError(
            f"{target}: a map's file name must end in .yaml (as in `{stem}{MAP_SUFFIX}`), "
            "so that lint, render and the pre-commit hooks find it in folders."
        )
    if os.path.exists(target) and not force:
        raise UsageError(f"{target} already exists; use --force to overwrite it.")
    _make_folder(os.path.dirname(target))
    write_atomically(target, fill(text, today, map_id_for(target, name), target))
    return target


def naming_note(target: str) -> str | None:
    """What a user should know about a map's file name that is not `*.journey.yaml`, or None."""
    if target.endswith((MAP_SUFFIX, ".journey.yml")):
        return None
    return (
        "the pre-commit hooks and `journeyctl git-setup` look for files named *.journey.yaml; "
        "rename the file, or add its name to their patterns (`files:`, .gitattributes)."
    )


def _make_folder(folder: str) -> None:
    """Create the map's folder (and its parents), as `mkdir -p` would."""
    if not folder or os.path.isdir(folder):
        return
    try:
        os.makedirs(folder)
    except OSError as error:
        raise OutputError(f"Cannot create the folder {folder}: {error.strerror or error}.") from None
