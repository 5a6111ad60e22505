"""A real `journeyctl serve` process on a free port, and ways to talk to it."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import EXAMPLES, SRC, TODAY

STARTUP_SECONDS = 30.0  # a loaded machine can take a while to import everything


@dataclass
class Stopped:
    code: int
    out: str
    err: str


class Server:
    """`python -m journeyctl serve ARGS --port 0` in `cwd`; the URL it prints tells the port it got."""

    def __init__(self, *args: str, cwd: Path, env: dict[str, str] | None = None, prefix: list[str] | None = None):
        full_env = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
        command = [*(prefix or []), sys.executable, "-m", "journeyctl", "serve", *args]
        if "--port" not in args:
            command += ["--port", "0"]
        self.process = subprocess.Popen(
            command, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(self.process.stdout, self.out, True), daemon=True).start()
        threading.Thread(target=self._read, args=(self.process.stderr, self.err, False), daemon=True).start()
        started = self.wait_for_line(r"^Serving .* at (http://\S+/)", STARTUP_SECONDS)
        self.url = re.search(r"http://\S+/", started).group()  # type: ignore[union-attr]
        self.port = int(self.url.rsplit(":", 1)[1].rstrip("/"))

    def _read(self, stream, into: list[str], queued: bool) -> None:
        for line in stream:
            into.append(line)
            if queued:
                self._lines.put(line)

    def wait_for_line(self, pattern: str, timeout: float = 15.0) -> str:
        """The next line of standard output matching `pattern` (the process's lines are read in order)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None and self._lines.empty():
                raise AssertionError(
                    f"no line matching {pattern!r}; out={''.join(self.out)!r} err={''.join(self.err)!r}"
                )
            try:
                line = self._lines.get(timeout=min(remaining, 0.2))
            except queue.Empty:
                continue
            if re.search(pattern, line):
                return line

    def interrupt(self, timeout: float = 20.0) -> Stopped:
        """Ctrl-C, as a terminal sends it; the exit code and everything printed."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout)
        time.sleep(0.1)  # let the reader threads take the last lines
        return Stopped(code, "".join(self.out), "".join(self.err))

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def raw_request(port: int, data: bytes, timeout: float = 10.0) -> bytes:
    """Send bytes as they are (no client library to tidy them) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def get(port: int, path: str, host: str | None = None, extra: str = "") -> tuple[int, dict[str, str], str]:
    """A GET through a raw socket: status, headers (lower-cased names) and body."""
    host_line = f"Host: {host if host is not None else f'127.0.0.1:{port}'}\r\n" if host != "" else ""
    answer = raw_request(port, f"GET {path} HTTP/1.1\r\n{host_line}{extra}Connection: close\r\n\r\n".encode())
    return parse_answer(answer)


def parse_answer(answer: bytes) -> tuple[int, dict[str, str], str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, body.decode("utf-8", errors="replace")


def copy_examples(target: Path) -> Path:
    """A folder with the example maps and persona library, to edit freely."""
    target.mkdir(parents=True, exist_ok=True)
    for source in EXAMPLES.iterdir():
        if source.suffix == ".yaml":
            (target / source.name).write_bytes(source.read_bytes())
    return target


def save_atomically(path: Path, text: str) -> None:
    """Save as editors that write a temporary file and rename it over the original do."""
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    return copy_examples(tmp_path / "maps")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator:
    """Start servers for a test (`serve(*args, cwd=...)`); each is killed at the end if still running."""
    started: list[Server] = []

    def start(*args: str, cwd: Path | None = None, **kwargs) -> Server:
        server = Server(*args, "--today", TODAY, cwd=cwd or tmp_path, **kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.kill()


def listen(port: int, name: str):
    """Open page `name`'s event stream with the page's current version, as its script does; the open response."""
    import http.client

    _, _, body = get(port, f"/{name}")
    version = re.search(r'data-version="([^"]*)"', body).group(1)  # type: ignore[union-attr]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/_journeyctl/events?page={name}&version={version}")
    response = connection.getresponse()
    assert response.status == 200 and response.fp.readline() == b"retry: 1000\n" and response.fp.readline() == b"\n"
    return response
