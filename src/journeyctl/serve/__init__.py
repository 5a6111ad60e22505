"""`journeyctl serve`: what `render` would publish, served live and reloaded as the files change.

    files --watchfiles--> site (pages built on request, cached) --HTTP--> browser <--events-- site

Why it is built this way:

- **The standard library's ThreadingHTTPServer, not starlette with uvicorn.** A
  preview serves one person's few tabs: a thread per connection, including the
  one long-lived event stream each open page holds, is plenty, and keeps the
  server a small synchronous module over the same synchronous engine `render`
  runs. An ASGI stack would add two dependencies and an event loop, and the
  renderer would still run in threads (mkdocs serve made the same choice).
- **Live reload over Server-Sent Events**: one-way, plain HTTP, and the browser
  reconnects by itself. Each page carries the fingerprint of its content; its
  stream answers `reload` once the page would be different, so only pages that
  depend on a change reload, and a change made while a page loaded is not missed.
- **watchfiles for watching**, as an extra (`pip install 'journeyctl[serve]'`):
  a compiled wheel (with anyio) that linting in CI and pre-commit never need,
  and that a platform without a wheel would have to build from Rust source. It
  is imported by this command only, which says what to install when it is missing.
- **One engine.** Pages are render's own (MapRenderer, site_maps, render_index,
  its templates with `--templates`), errors come from the one check service
  (render's rule set for the page, lint's with lint's config for the panel).
  serve adds only the reload script, the lint panel and its problem pages
  (templates/serve-*.html.j2), as the page is sent: `render` output stays free
  of JavaScript, and nothing is ever written to disk.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
import threading
import webbrowser
from datetime import date
from typing import Optional

from journeyctl.core.errors import UsageError
from journeyctl.render import make_environment
from journeyctl.serve.console import Console
from journeyctl.serve.http import LiveServer
from journeyctl.serve.site import LiveSite
from journeyctl.system.process import settle

INSTALL_HINT = "journeyctl serve needs the watchfiles package: pip install 'journeyctl[serve]'"


def serve_path(
    path: str,
    host: str,
    port: int,
    open_browser: bool,
    templates: Optional[str],
    today: date,
    console: Console,
) -> int:
    """Serve `path` (a map or a folder of maps) until Ctrl-C; 0 when stopped that way."""
    try:
        from journeyctl.serve.watch import watch_site
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    if not os.path.exists(path):
        raise UsageError(f"{path} does not exist: give a map file or a folder of maps.")
    make_environment(templates)  # a missing --templates folder is a usage error now, not a page later
    server = _listen(host, port, LiveSite(path, templates, today), console)
    settle()  # a server runs for hours: its cycle collector runs as usual from here
    stop = threading.Event()
    try:
        threading.Thread(target=server.serve_forever, name="journeyctl-serve-http", daemon=True).start()
        url = f"http://{_url_host(host)}:{server.server_port}/"
        if not _is_loopback(str(server.server_address[0])):
            console.network(host, server.server_port)
        console.started(path, url)
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), name="journeyctl-serve-open", daemon=True).start()
        watch_site(server.site, stop, console)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a server is stopped: not an error
    finally:
        stop.set()
        server.site.stop()
        server.shutdown()
        server.server_close()
    console.stopped()
    return 0


def _listen(host: str, port: int, site: LiveSite, console: Console) -> LiveServer:
    if not 0 <= port <= 65535:
        raise UsageError(f"--port must be a number from 0 to 65535 (0: any free port), not {port}.")
    try:
        return LiveServer(host, port, site, console)
    except socket.gaierror:
        raise UsageError(f"--host {host}: no such host name or address.") from None
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(
                f"--port {port}: the port is in use (another server?); choose another with --port."
            ) from None
        if error.errno == errno.EACCES:
            message = f"--port {port}: not allowed to listen on this port; choose another with --port (above 1023)."
            raise UsageError(message) from None
        if error.errno == errno.EADDRNOTAVAIL:
            raise UsageError(f"--host {host}: this machine has no such address.") from None
        raise UsageError(f"Cannot listen on {host} port {port}: {error.strerror or error}.") from None


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


__all__ = ["Console", "INSTALL_HINT", "serve_path"]
