"""A news site on 127.0.0.1 for the tests that follow feeds (tests/follow, tests/web).

One server, one way of writing a feed and an article page, so that each test
says only what its site publishes: ``LocalSite(route)`` serves whatever
``route(request)`` answers (a ``Reply``, or None for a 404) and records the
paths asked for. ``rss`` and ``article`` write the RSS 2.0 and HTML the
capture stage reads. Imported as ``from local_site import ...`` (tests/ is on
the path through the root conftest.py, as for ``scans``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import BinaryIO

RSS = "application/rss+xml"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """What the site answers: a status, headers and a body, or a ``stream`` that writes the body
    itself for as long as it likes (a feed that never ends)."""

    body: bytes = b""
    content_type: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    stream: Callable[[BinaryIO], None] | None = None


Route = Callable[[BaseHTTPRequestHandler], "Reply | None"]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gives up on purpose (timeouts under test) is no error of the site


class LocalSite:
    """``route`` served on 127.0.0.1 in a background thread; ``base`` is its URL, ``requests``
    the paths asked for, in order. ``close()`` stops it (the ``site`` fixtures do)."""

    def __init__(self, route: Route) -> None:
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append(self.path)
                reply = route(self) or Reply(status=404)
                self.send_response(reply.status)
                if reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.stream is None and reply.status not in (304, 404, 500):
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.stream is not None:
                    reply.stream(self.wfile)
                elif reply.body:
                    self.wfile.write(reply.body)

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def rss(title: str, items: Iterable[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, pubDate) items."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
                   for t, link, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


def article(text: str, *, title: str | None = None) -> bytes:
    """An article page: one paragraph of ``text`` inside <article>, with a <title> when given."""
    head = f"<head><title>{title}</title></head>" if title else ""
    return f"<html>{head}<body><article><p>{text}</p></article></body></html>".encode()
