"""URL captures against a real local HTTP server (127.0.0.1, a thread): no outside network."""

from __future__ import annotations

import gzip
import hashlib
import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factfinder.capture import capture_inputs
from factfinder.text import document_from_capture

CORPUS = Path(__file__).resolve().parent.parent / "malformed" / "corpus"
PAGE = (b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Clinic shelled</title>"
        b"<meta property='article:published_time' content='2024-02-10T08:00:00Z'></head><body>"
        b"<article><h1>Clinic shelled</h1><p>Shelling damaged the district clinic on Friday, "
        b"health workers said.</p><p>Two nurses were injured and patients were moved to a school "
        b"building nearby, according to the local health office.</p></article></body></html>")
BIG = b"<html><body><p>" + b"x" * 20_000 + b"</p></body></html>"
SETTINGS = {"http_timeout": 0.5, "http_max_bytes": 5_000, "http_max_redirects": 3,
            "user_agent": "factfinder-test/1.0"}


def _feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local monitor</title>
<item><title>Clinic shelled</title><link>{base}/page.html</link></item>
<item><title>Gone</title><link>{base}/missing</link><description>Aid convoy stopped at the checkpoint.</description></item>
<item><title>Relative</title><link>page.html?copy=2</link></item>
</channel></rss>""".encode()


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?", 1)[0]
        if path == "/page.html":
            self._send(200, PAGE, extra={"X-Test": "yes"})
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect("/page.html" if n == 0 else f"/redirect/{n - 1}")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/slow":
            time.sleep(2)
            self._send(200, PAGE)
        elif path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "4000")
            self.end_headers()
            self.wfile.write(b"Residents said the shelling continued overnight. ")
            self.wfile.flush()
            time.sleep(2)
        elif path == "/big":
            self._send(200, BIG)
        elif path == "/feed.xml":
            base = f"http://{self.headers['Host']}"
            self._send(200, _feed(base), ctype="text/plain")  # feeds are found by content
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), extra={"Content-Encoding": "gzip"})
        elif path == "/report":
            self._send(200, (CORPUS / "report.pdf").read_bytes(), ctype="application/octet-stream")
        else:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client gave up on /slow on purpose: a broken pipe is expected


@pytest.fixture(scope="module")
def server() -> str:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def capture_one(url: str, **settings: object):
    caps = list(capture_inputs([url], settings={**SETTINGS, **settings}))
    assert len(caps) == 1
    return caps[0]


def test_normal_page(server):
    cap = capture_one(f"{server}/page.html")
    src = cap.source
    assert src.error is None and src.http_status == 200
    assert src.origin == f"{server}/page.html" and src.media_type == "text/html"
    assert cap.data == PAGE and src.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert ("X-Test", "yes") in src.http_headers
    assert src.captured_at.endswith("Z") and "T" in src.captured_at
    assert Handler.seen_agents[-1] == "factfinder-test/1.0"
    doc = document_from_capture(cap)
    assert "Two nurses were injured" in doc.text
    assert doc.title == "Clinic shelled" and doc.published == "2024-02-10"
    assert doc.url == f"{server}/page.html"


def test_redirect_chain_records_final_url(server):
    cap = capture_one(f"{server}/redirect/2")
    assert cap.source.error is None
    assert cap.source.origin == f"{server}/page.html"
    assert cap.data == PAGE


def test_redirect_loop_is_an_error(server):
    cap = capture_one(f"{server}/loop")
    assert cap.data is None
    assert "too many redirects (limit 3" in cap.source.error and "\n" not in cap.source.error


def test_slow_server_times_out(server):
    started = time.monotonic()
    cap = capture_one(f"{server}/slow")
    assert time.monotonic() - started < 1.8
    assert cap.data is None and "no answer within 0.5 seconds" in cap.source.error


def test_stalled_download_keeps_the_bytes_that_arrived(server):
    cap = capture_one(f"{server}/stall")
    assert cap.source.error is not None and "stalled" in cap.source.error
    assert cap.data == b"Residents said the shelling continued overnight. "


def test_oversize_body_is_truncated_and_kept(server):
    cap = capture_one(f"{server}/big")
    assert cap.truncated
    assert cap.data == BIG[:5_000] and cap.source.size == 5_000
    assert "http_max_bytes" in cap.source.error and "truncated" in cap.source.error


def test_404_is_an_error_with_the_body_kept(server):
    cap = capture_one(f"{server}/nothing-here")
    assert cap.source.http_status == 404
    assert "HTTP 404 Not Found" in cap.source.error
    assert b"Not found" in cap.data


def test_unreachable_host_is_an_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cap = capture_one(f"http://127.0.0.1:{port}/page.html")
    assert cap.data is None and cap.source.sha256 == ""
    assert "cannot connect" in cap.source.error


def test_gzip_body_is_decoded(server):
    cap = capture_one(f"{server}/gzip")
    assert cap.source.error is None and cap.data == PAGE


def test_media_type_sniffed_not_declared(server):
    cap = capture_one(f"{server}/report")
    assert cap.source.media_type == "application/pdf"
    assert "detained 14 protesters" in document_from_capture(cap).text


def test_feed_entries_on_the_same_server(server):
    caps = list(capture_inputs([f"{server}/feed.xml"], settings=SETTINGS))
    feed, rest = caps[0], caps[1:]
    assert feed.source.media_type == "application/rss+xml"
    assert [c.source.origin for c in rest] == [
        f"{server}/page.html", f"{server}/missing", f"{server}/feed.xml#entry-2", f"{server}/page.html?copy=2",
    ]
    assert all(c.source.parent == feed.source.sha256 for c in rest)
    page, missing, kept, relative = rest
    assert page.ok and relative.ok and relative.data == PAGE
    assert missing.source.http_status == 404 and missing.source.error
    assert "Aid convoy stopped" in document_from_capture(kept).text


def test_injected_client_is_used_and_left_open(server):
    import httpx

    with httpx.Client(timeout=1.0, follow_redirects=True, max_redirects=1) as client:
        caps = list(capture_inputs([f"{server}/redirect/3", f"{server}/page.html"], settings=SETTINGS,
                                   client=client))
        assert "too many redirects (limit 1" in caps[0].source.error
        assert caps[1].ok
        assert not client.is_closed


def test_url_capture_replays_from_warc(server):
    from warcio.archiveiterator import ArchiveIterator

    from factfinder.capture import warc_records

    cap = capture_one(f"{server}/gzip")
    bodies = {}
    for record in ArchiveIterator(io.BytesIO(warc_records(cap)), check_digests="raise"):
        bodies[record.rec_type] = (record.rec_headers.get_header("WARC-Target-URI"),
                                   record.content_stream().read())
    assert bodies["response"] == (f"{server}/gzip", PAGE)
    assert bodies["request"] == (f"{server}/gzip", b"")
