"""The HTTP side: the standard library's threading server, answering only with pages of the live site.

No request reaches the file system: a URL path is only ever a key of the site's
page table, so `/../../etc/passwd`, its percent-encoded and backslash variants
and absolute URLs are simply not pages (404). A request whose Host header is not
this server's (DNS rebinding: another site's page talking to ours through a
name of its own) is refused before anything else. GET and HEAD only; no CORS.
"""

from __future__ import annotations

import secrets
import socket
import socketserver
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional
from urllib.parse import parse_qs, unquote, urlsplit

from journeyctl import __version__
from journeyctl.serve import pages
from journeyctl.serve.console import Console
from journeyctl.serve.engine import INDEX
from journeyctl.serve.site import MISSING, LiveSite

EVENTS = "/_journeyctl/events"
MAX_TARGET = 1024  # no page of ours has a longer URL
KEEP_ALIVE_SECONDS = 15.0
# A served page runs one script, ours (by its nonce), loads nothing and can be framed by no one.
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_NO_PAGE = "no-page"  # what the page of an address that cannot name a page listens for


class LiveServer(ThreadingHTTPServer):
    """A threading HTTP server for one live site; every connection gets its own (daemon) thread."""

    daemon_threads = True

    def __init__(self, host: str, port: int, site: LiveSite, console: Console) -> None:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        self.address_family = family
        self.site, self.console = site, console
        self.host = host
        super().__init__((str(address[0]), int(address[1])), Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind asks DNS for the host's full name, which can take seconds; nothing here uses it.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.host, self.server_address[1]

    def allowed_hosts(self, local_address: str) -> set[str]:
        """The Host headers this server answers: its own names, with its port."""
        names = {self.host, "localhost", "127.0.0.1", "[::1]", socket.gethostname(), _bracketed(local_address)}
        port = self.server_port
        allowed = {f"{name}:{port}".lower() for name in names}
        if port == 80:  # browsers leave the default port out
            allowed |= {name.lower() for name in names}
        return allowed


class Handler(BaseHTTPRequestHandler):
    """One request: a page of the live site, the event stream of one page, or an error."""

    server: LiveServer
    timeout = 60  # seconds a connection may stay silent while we wait for its request
    # An unparsable request line is answered with a status line too (HTTP/0.9 has none).
    default_request_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 (the standard library's naming)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def version_string(self) -> str:
        return f"journeyctl/{__version__}"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal shows one line per rebuild, not one per request."""

    def _answer(self, send_body: bool) -> None:
        if not self._host_allowed():
            self._plain(HTTPStatus.FORBIDDEN, self._wrong_host_message(), send_body)
            return
        path, query = _page_path(self.path)
        if path == EVENTS and send_body:
            self._events(query)
            return
        name = None if path is None else (INDEX if path == "/" else path[1:])
        built = self.server.site.page(name) if name is not None else None
        if built is not None:
            self._page(HTTPStatus.OK, built.html, name or INDEX, built.version, send_body)
            return
        moved = self.server.site.moved_to(name) if name is not None else None
        if moved is not None:
            self._redirect(moved)
            return
        # A missing page that could be one listens for its name: it appears when its map comes (back).
        page_name = name if name is not None and _looks_like_page(name) else None
        missing = self.server.site.missing(page_name)
        self._page(HTTPStatus.NOT_FOUND, missing, page_name or _NO_PAGE, MISSING, send_body)

    def _host_allowed(self) -> bool:
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1:
            return False
        return hosts[0].strip().lower() in self.server.allowed_hosts(self.connection.getsockname()[0])

    def _wrong_host_message(self) -> str:
        url = f"http://{_bracketed(self.server.host)}:{self.server.server_port}/"
        return (
            "journeyctl serve answers only requests addressed to itself (localhost, 127.0.0.1 or the address "
            f"it listens on, with its port); other host names are refused against DNS rebinding. Open {url}\n"
        )

    def _page(self, status: HTTPStatus, html: str, name: str, version: str, send_body: bool) -> None:
        nonce = secrets.token_urlsafe(16)
        body = pages.with_reload(html, name, version, nonce).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Security-Policy", POLICY.format(nonce=nonce))
        self._common_headers(len(body))
        if send_body:
            self.wfile.write(body)

    def _plain(self, status: HTTPStatus, text: str, send_body: bool) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self._common_headers(len(body))
        if send_body:
            self.wfile.write(body)

    def _redirect(self, name: str) -> None:
        self.send_response(HTTPStatus.TEMPORARY_REDIRECT)
        self.send_header("Location", "/" + name)
        self._common_headers(0)

    def _common_headers(self, length: int) -> None:
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()

    def _events(self, query: str) -> None:
        """One page's event stream: `reload` once the page is no longer the version the browser has."""
        fields = parse_qs(query)
        name, version = (fields.get(key, [""])[0] for key in ("page", "version"))
        if not _looks_like_page(name) and name != _NO_PAGE:
            self._plain(HTTPStatus.NOT_FOUND, "No such page.\n", True)
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while True:
                changed = self.server.site.wait(name, version, KEEP_ALIVE_SECONDS)
                if changed is None:
                    return
                self.wfile.write(b"event: reload\ndata: reload\n\n" if changed else b": still here\n\n")
                self.wfile.flush()
                if changed:
                    return
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return  # the page was closed or reloaded

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as error:  # a bug: one line on the terminal, a 500, and the server goes on
            self.server.console.internal_error(f"answering {self.path!r}", error)
            self.close_connection = True
            try:
                self._plain(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error: see the terminal.\n", True)
            except OSError:
                return


def _page_path(target: str) -> tuple[Optional[str], str]:
    """The path of a request target and its query; None for what cannot name a page (it is only a key)."""
    if len(target) > MAX_TARGET or not target.startswith("/") or target.startswith("//"):
        return None, ""
    parts = urlsplit(target)
    try:
        return unquote(parts.path, errors="strict"), parts.query
    except UnicodeDecodeError:
        return None, ""


def _looks_like_page(name: str) -> bool:
    return name.endswith(".html") and len(name) <= 255 and "\\" not in name and ".." not in name


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
