"""The server as a server: only rendered pages, its own Host only, bad requests refused, clean stop."""

from __future__ import annotations

import socket
import sys

import pytest
from serve_support import get, maps, parse_answer, raw_request, serve  # noqa: F401  (fixtures)

from conftest import SRC, run_journeyctl

TRAVERSALS = [
    "/../../etc/passwd",
    "/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%252e%252e/etc/passwd",
    "/..\\..\\etc\\passwd",
    "/..%5c..%5cetc%5cpasswd",
    "/%2fetc%2fpasswd",
    "/etc/passwd",
    "/online-store-checkout.journey.yaml",
    "/personas.yaml",
    "/./online-store-checkout.journey.yaml",
    "/index.html/../online-store-checkout.journey.yaml",
    "/%00index.html",
    "/index.html%00.yaml",
    "/%ff%fe",
    "/" + "a" * 5000 + ".html",
    "/" + "../" * 2000 + "etc/passwd",
]


@pytest.fixture
def server(serve, maps):
    return serve(str(maps))


def test_pages_of_the_site_are_served(server):
    status, headers, body = get(server.port, "/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "<title>Journey maps</title>" in body
    status, _, body = get(server.port, "/online-store-checkout.html")
    assert status == 200
    assert "<h1>Buying a pair of hiking boots online</h1>" in body


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_file_is_read_by_url_path(server, path):
    status, _, body = get(server.port, path)
    assert status == 404
    assert "root:" not in body and "journeyctl: 1" not in body and "kind: personas" not in body


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/index.html",
        "http://evil.example/index.html",
        "//evil.example/index.html",
        "*",
        "index.html",
    ],
)
def test_absolute_and_odd_request_targets_are_not_pages(server, target):
    status, _, _ = parse_answer(
        raw_request(
            server.port,
            f"GET {target.format(port=server.port)} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode(),
        )
    )
    assert status == 404


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "LOCALHOST:{port}", "[::1]:{port}"])
def test_its_own_host_names_are_answered(server, host):
    assert get(server.port, "/", host=host.format(port=server.port))[0] == 200


@pytest.mark.parametrize(
    "host",
    ["evil.example:{port}", "evil.example", "127.0.0.1", "localhost:1", "127.0.0.1.evil.example:{port}", "", " "],
)
def test_other_host_names_are_refused_against_dns_rebinding(server, host):
    status, headers, body = get(server.port, "/online-store-checkout.html", host=host.format(port=server.port))
    assert status == 403
    assert "DNS rebinding" in body and "Buying a pair" not in body
    assert headers["content-type"].startswith("text/plain")


def test_two_host_headers_are_refused(server):
    extra = "Host: evil.example\r\n"
    assert get(server.port, "/", extra=extra)[0] == 403


def test_no_cors_headers_even_when_asked(server):
    extra = "Origin: http://evil.example\r\nAccess-Control-Request-Method: GET\r\n"
    status, headers, _ = get(server.port, "/", extra=extra)
    assert status == 200
    assert not [name for name in headers if name.startswith("access-control-")]


def test_pages_allow_only_their_own_script(server):
    _, headers, body = get(server.port, "/online-store-checkout.html")
    policy = headers["content-security-policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert body.count("<script") == 1 and f'<script nonce="{nonce}"' in body
    assert headers["cache-control"] == "no-store" and headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_it_is_read_only(server, maps, method):
    before = {path.name: path.read_bytes() for path in maps.iterdir()}
    answer = raw_request(
        server.port,
        f"{method} /online-store-checkout.html HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Length: 2\r\n\r\n{{}}".encode(),
    )
    assert parse_answer(answer)[0] in (405, 501)
    assert {path.name: path.read_bytes() for path in maps.iterdir()} == before


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 505),
        (b"GET / HTTP/1.1 extra\r\n\r\n", 400),
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n", 431),
        (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(32)) + b"\r\n\r\n", 400),  # TLS hello
    ],
)
def test_malformed_requests_get_an_error_and_the_server_goes_on(server, request_bytes, status):
    assert parse_answer(raw_request(server.port, request_bytes))[0] == status
    assert get(server.port, "/")[0] == 200


def test_a_silent_or_closed_connection_does_not_stop_the_server(server):
    silent = socket.create_connection(("127.0.0.1", server.port))
    half = socket.create_connection(("127.0.0.1", server.port))
    half.sendall(b"GET / HTT")
    half.close()
    assert get(server.port, "/")[0] == 200
    silent.close()


def test_event_stream_of_an_unknown_page_name_is_refused(server):
    status, _, _ = get(server.port, "/_journeyctl/events?page=../../etc/passwd&version=x")
    assert status == 404


def test_a_removed_page_is_404_with_a_link_to_the_index(server):
    status, _, body = get(server.port, "/no-such-map.html")
    assert status == 404
    assert 'href="/"' in body and "No such page" in body


def test_ctrl_c_stops_cleanly(server):
    stopped = server.interrupt()
    assert stopped.code == 0
    assert stopped.out.splitlines()[-1] == "Stopped."
    assert "Traceback" not in stopped.err and stopped.err == ""


def test_a_port_in_use_is_a_usage_error_naming_the_option(maps):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_journeyctl("serve", str(maps), "--port", str(port))
    assert result.returncode == 2
    assert result.stderr == (
        f"journeyctl: --port {port}: the port is in use (another server?); choose another with --port.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "70000"], "journeyctl: --port must be a number from 0 to 65535 (0: any free port), not 70000.\n"),
        (
            ["--host", "no-such-host.invalid"],
            "journeyctl: --host no-such-host.invalid: no such host name or address.\n",
        ),
        (["--host", "192.0.2.1"], "journeyctl: --host 192.0.2.1: this machine has no such address.\n"),
        (["--templates", "no-such-folder"], "journeyctl: --templates: the folder no-such-folder does not exist.\n"),
        (["--today", "someday"], "journeyctl: --today must be a date written YYYY-MM-DD, not `someday`.\n"),
    ],
)
def test_bad_options_are_usage_errors(maps, args, message):
    port = [] if "--port" in args else ["--port", "0"]
    result = run_journeyctl("serve", str(maps), *args, *port, cwd=maps)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)


def test_a_missing_path_is_a_usage_error(tmp_path):
    result = run_journeyctl("serve", str(tmp_path / "nothing"), "--port", "0")
    assert result.returncode == 2
    assert result.stderr == f"journeyctl: {tmp_path / 'nothing'} does not exist: give a map file or a folder of maps.\n"


def test_without_watchfiles_it_says_what_to_install(maps):
    import subprocess

    code = "import sys; sys.modules['watchfiles'] = None; from journeyctl.cli import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", code, "serve", str(maps), "--port", "0"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (
        2,
        "journeyctl: journeyctl serve needs the watchfiles package: pip install 'journeyctl[serve]'\n",
    )


def test_another_address_is_served_with_a_warning(serve, maps):
    server = serve(str(maps), "--host", "0.0.0.0")
    assert server.url.startswith("http://0.0.0.0:")
    assert get(server.port, "/", host=f"127.0.0.1:{server.port}")[0] == 200
    assert get(server.port, "/", host=f"evil.example:{server.port}")[0] == 403
    stopped = server.interrupt()
    assert stopped.err == (
        f"journeyctl serve: warning: listening on 0.0.0.0, not 127.0.0.1: anyone who can reach this machine on port "
        f"{server.port} can read the maps served. Leave out --host to keep them on this machine.\n"
    )
