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
from typing import Optional

import watchfiles

from journeyctl.serve.console import Console
from journeyctl.serve.scope import WatchPlan
from journeyctl.serve.site import LiveSite

STEP_MS = 50  # a change set ends after this long without another event
DEBOUNCE_MS = 1600  # ... or after this long in any case


def watch_site(site: LiveSite, stop: threading.Event, console: Console) -> None:
    """Apply every change set to `site` until `stop` is set (Ctrl-C raises KeyboardInterrupt here)."""
    polling: Optional[bool] = None  # None: native, unless WATCHFILES_FORCE_POLLING says otherwise
    shown: Optional[WatchPlan] = None
    while not stop.is_set():
        plan = site.watch_plan()
        if not plan.folders:  # every folder to watch is gone: wait for one to come back
            stop.wait(0.5)
            continue
        if plan != shown:
            console.watching(plan)
            shown = plan
        try:
            _watch(site, plan, stop, polling, console)
        except FileNotFoundError:
            continue  # a watched folder was removed while the watch started: plan again
        except (OSError, RuntimeError) as error:  # watchfiles' native watcher could not start or broke down
            if polling:
                raise
            polling = True
            console.polling(str(error))


def _watch(site: LiveSite, plan: WatchPlan, stop: threading.Event, polling: Optional[bool], console: Console) -> None:
    changes = watchfiles.watch(
        *plan.folders,
        recursive=plan.recursive,
        stop_event=stop,
        force_polling=polling,
        step=STEP_MS,
        debounce=DEBOUNCE_MS,
    )
    for change_set in changes:
        rebuild = site.apply({path for _, path in change_set})
        if rebuild is not None:
            console.rebuilt(rebuild)
        if site.watch_plan() != plan:
            return  # a map now reads a persona library elsewhere, or the config file moved
