"""`follow run` at a monitor's scale: 50 local feeds of 20 entries, one hanging, one sending garbage."""

from __future__ import annotations

import re
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import BinaryIO

import pytest

from factfinder.follow import follow_pass
from factfinder.settings import Settings
from factfinder.store import Store
from factfinder.store.follows import add_followed, due_followed, list_followed

from local_site import HTML, RSS, LocalSite, Reply, article, rss

FEEDS, ENTRIES = 50, 20
HANGING, GARBAGE = 7, 13
TOWNS = ("Sittwe", "Myitkyina", "Hakha", "Lashio", "Loikaw")


class Newsroom:
    """Fifty RSS feeds on 127.0.0.1, each with twenty short articles; one feed never ends, one is garbage."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.local = LocalSite(self.route)
        self.base = self.local.base

    def route(self, request: BaseHTTPRequestHandler) -> Reply | None:
        feed = re.fullmatch(r"/feeds/(\d+)\.xml", request.path)
        item = re.fullmatch(r"/feeds/(\d+)/items/(\d+)", request.path)
        if feed and int(feed.group(1)) == HANGING:
            return Reply(content_type=RSS, stream=self.trickle)
        if feed and int(feed.group(1)) == GARBAGE:
            return Reply(bytes(range(256)) * 40, RSS)
        if feed:
            return Reply(self.feed(int(feed.group(1))), RSS)
        if item:
            n, m = int(item.group(1)), int(item.group(2))
            town = TOWNS[(n + m) % len(TOWNS)]
            return Reply(article(f"Soldiers detained {m + 2} villagers near {town} on Monday, residents of "
                                 f"ward {n} told the local radio.", title=f"Bulletin {n}-{m}"), HTML)
        return None

    def trickle(self, out: BinaryIO) -> None:
        """A feed that never ends: a byte now and then, so no single read times out and only
        the wall-clock limit of a fetch (follow_fetch_limit) ends it."""
        out.write(b'<?xml version="1.0"?><rss')
        while not self.release.wait(0.3):
            try:
                out.write(b" ")
                out.flush()
            except OSError:
                return

    def feed(self, n: int) -> bytes:
        return rss(f"Feed {n}", ((f"Bulletin {n}-{m}", f"{self.base}/feeds/{n}/items/{m}",
                                  "Mon, 20 Nov 2023 08:00:00 GMT") for m in range(ENTRIES)))


@pytest.fixture
def newsroom():
    room = Newsroom()
    yield room
    room.release.set()
    room.local.close()


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
