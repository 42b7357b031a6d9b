"""`follow run` at a monitor's scale: 50 local feeds of 20 entries, one hanging, one sending garbage."""

from __future__ import annotations

import re
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factfinder.follow import follow_pass
from factfinder.settings import Settings
from factfinder.store import Store
from factfinder.store.follows import add_followed, due_followed, list_followed

FEEDS, ENTRIES = 50, 20
HANGING, GARBAGE = 7, 13
TOWNS = ("Sittwe", "Myitkyina", "Hakha", "Lashio", "Loikaw")


class Newsroom:
    """Fifty RSS feeds on 127.0.0.1, each with twenty short articles; one feed never ends, one is garbage."""

    def __init__(self) -> None:
        self.release = threading.Event()
        room = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                feed = re.fullmatch(r"/feeds/(\d+)\.xml", self.path)
                item = re.fullmatch(r"/feeds/(\d+)/items/(\d+)", self.path)
                if feed and int(feed.group(1)) == HANGING:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.end_headers()
                    self.wfile.write(b'<?xml version="1.0"?><rss')
                    # it trickles a byte now and then, so no single read times out: only the
                    # wall-clock limit of a fetch (follow_fetch_limit) ends it
                    while not room.release.wait(0.3):
                        try:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                        except OSError:
                            return
                    return
                if feed and int(feed.group(1)) == GARBAGE:
                    body, kind = bytes(range(256)) * 40, "application/rss+xml"
                elif feed:
                    body, kind = room.feed(int(feed.group(1))).encode(), "application/rss+xml"
                elif item:
                    n, m = int(item.group(1)), int(item.group(2))
                    town = TOWNS[(n + m) % len(TOWNS)]
                    body = (f"<html><body><article><h1>Bulletin {n}-{m}</h1><p>Soldiers detained {m + 2} "
                            f"villagers near {town} on Monday, residents of ward {n} told the local radio."
                            "</p></article></body></html>").encode()
                    kind = "text/html; charset=utf-8"
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def feed(self, n: int) -> str:
        items = "".join(f"<item><title>Bulletin {n}-{m}</title><link>{self.base}/feeds/{n}/items/{m}</link>"
                        "<pubDate>Mon, 20 Nov 2023 08:00:00 GMT</pubDate></item>" for m in range(ENTRIES))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>{items}</channel></rss>'


@pytest.fixture
def newsroom():
    room = Newsroom()
    yield room
    room.release.set()
    room.server.shutdown()


@pytest.mark.slow
def test_a_pass_over_fifty_feeds_captures_the_others_records_two_failures_and_ends_in_time(
        newsroom: Newsroom, tmp_path: Path) -> None:
    settings = Settings.resolve({"follow_host_delay": "0", "follow_fetch_limit": "2", "http_timeout": "2",
                                 "follow_pass_limit": "240"})
    now = datetime(2026, 12, 7, 6, 0, tzinfo=timezone.utc)
    with Store.open(tmp_path / "desk.db") as store:
        with store.transaction():
            for n in range(FEEDS):
                add_followed(store.conn, f"{newsroom.base}/feeds/{n}.xml", every_seconds=3600, name=f"feed {n}",
                             now=now)
        started = time.monotonic()
        results = follow_pass(store, settings, now=now)
        took = time.monotonic() - started
        assert took < settings.follow_pass_limit
        by_url = {r.url: r for r in results}
        failed = sorted(r.url for r in results if r.status == "failed")
        assert failed == sorted(f"{newsroom.base}/feeds/{n}.xml" for n in (HANGING, GARBAGE))
        assert "follow_fetch_limit" in by_url[f"{newsroom.base}/feeds/{HANGING}.xml"].message
        captured = [r for r in results if r.status == "new"]
        assert len(captured) == FEEDS - 2
        assert all(r.new_items == ENTRIES + 1 for r in captured)  # the feed and its twenty articles
        documents = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert documents >= (FEEDS - 2) * ENTRIES
        recorded = {s.url: s for s in list_followed(store.conn, now=now)}
        for n in (HANGING, GARBAGE):
            source = recorded[f"{newsroom.base}/feeds/{n}.xml"]
            assert source.last_error and source.last_error_at and source.last_success is None
        assert not due_followed(store.conn, now=now)
        assert store.verify().ok


def test_a_pass_that_runs_out_of_time_leaves_the_rest_due(newsroom: Newsroom, tmp_path: Path) -> None:
    settings = Settings.resolve({"follow_host_delay": "0", "follow_fetch_limit": "1", "http_timeout": "1",
                                 "follow_pass_limit": "0.5"})
    now = datetime(2026, 12, 7, 6, 0, tzinfo=timezone.utc)
    with Store.open(tmp_path / "desk.db") as store:
        with store.transaction():
            for n in (HANGING, HANGING + 1, HANGING + 2):  # due together, taken in URL order: 7, 8, 9
                add_followed(store.conn, f"{newsroom.base}/feeds/{n}.xml", every_seconds=3600, name=None, now=now)
        results = follow_pass(store, settings, now=now)
        # the first source takes longer than the whole pass may last: the other two wait
        assert [r.status for r in results][1:] == ["skipped", "skipped"]
        assert results[0].status in ("new", "failed")
        assert {s.url for s in due_followed(store.conn, now=now)} == {r.url for r in results[1:]}
