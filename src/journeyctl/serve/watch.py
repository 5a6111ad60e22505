"""Watching what pages read: one watcher (watchfiles), one rebuild per change set.

watchfiles gathers the events of one save (an editor's temporary file written,
then renamed over the map) into one set, so a page is rebuilt once per save, from
the file as it ends up. Native notifications are used where the system has them;
where they cannot start (inotify's limits reached, a file system without them),
the same watcher polls instead. `WATCHFILES_FORCE_POLLING=1` forces polling
(network and container mounts that never report changes).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Optional

import watchfiles
from watchfiles.main import FileChange

from journeyctl.serve.console import Console
from journeyctl.serve.scope import WatchPlan
from journeyctl.serve.site import LiveSite

STEP_MS = 50  # a change set ends after this long without another event
DEBOUNCE_MS = 1600  # ... or after this long in any case
IDLE_MS = 500  # an empty change set after this long without one: the watcher is up, the plan is checked


def watch_site(site: LiveSite, stop: threading.Event, console: Console) -> None:
    """Apply every change set to `site` until `stop` is set (Ctrl-C raises KeyboardInterrupt here)."""
    polling: Optional[bool] = None  # None: native, unless WATCHFILES_FORCE_POLLING says otherwise
    watched: Optional[WatchPlan] = None
    while not stop.is_set():
        plan = site.watch_plan()
        if not plan.folders:  # every folder to watch is gone: wait for one to come back
            _replan(site, console, watched, plan)
            watched = plan
            stop.wait(0.5)
            continue
        try:
            for change_set in _changes(plan, stop, polling):
                if plan != watched:  # the first (empty) set: the watcher is up
                    console.watching(plan)
                    _replan(site, console, watched, plan)
                    watched = plan
                _apply(site, console, {path for _, path in change_set})
                if site.watch_plan() != plan:
                    break  # a map now reads a persona library elsewhere, or a folder went or came back
        except FileNotFoundError:
            continue  # a watched folder was removed as the watch started: plan again
        except (OSError, RuntimeError) as error:  # watchfiles' native watcher could not start or broke down
            if polling:
                raise
            polling = True
            console.polling(str(error))


def _replan(site: LiveSite, console: Console, before: Optional[WatchPlan], after: WatchPlan) -> None:
    """A folder that went or came back between two watches changed unseen: take it in as a change."""
    if before is not None:
        _apply(site, console, set(before.folders) ^ set(after.folders))


def _apply(site: LiveSite, console: Console, paths: set[str]) -> None:
    try:
        rebuild = site.apply(paths) if paths else None
    except Exception as error:  # a bug: said on the terminal; the server goes on for the other pages
        console.internal_error("rebuilding", error)
        return
    if rebuild is not None:
        console.rebuilt(rebuild)


def _changes(plan: WatchPlan, stop: threading.Event, polling: Optional[bool]) -> Iterator[set[FileChange]]:
    return watchfiles.watch(
        *plan.folders,
        recursive=plan.recursive,
        stop_event=stop,
        force_polling=polling,
        step=STEP_MS,
        debounce=DEBOUNCE_MS,
        rust_timeout=IDLE_MS,
        yield_on_timeout=True,
    )
