"""Followed sources: scheduled passes with conditional GET, known items skipped by URL, failures recorded."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.follow import Politeness, follow_pass
from factfinder.settings import Settings
from factfinder.store import Store
from factfinder.store.follows import add_followed, list_followed

from local_site import HTML, RSS, LocalSite, Reply, article, rss

ARTICLES = {
    "/news/1": "Police detained twelve students outside the court in Almaty on Monday, their lawyers said.",
    "/news/2": "Soldiers burned forty homes in a village near Pauktaw on Sunday, residents told reporters.",
    "/news/3": "Protesters marched through central Dhaka on Tuesday demanding the release of detained workers.",
}
MODIFIED = format_datetime(datetime(2023, 11, 20, 8, 0, tzinfo=timezone.utc), usegmt=True)


class Site:
    """A news site on 127.0.0.1: an RSS feed with ETag and Last-Modified, its articles, a broken feed."""

    def __init__(self) -> None:
        self.items = ["/news/1", "/news/2"]
        self.local = LocalSite(self.route)
        self.base, self.requests = self.local.base, self.local.requests

    def route(self, request: BaseHTTPRequestHandler) -> Reply | None:
        if request.path == "/broken.xml":
            return Reply(status=500)
        if request.path == "/feed.xml":
            etag = f'"v{len(self.items)}"'
            if request.headers.get("If-None-Match") == etag:
                return Reply(status=304)
            return Reply(self.feed(), RSS, headers={"ETag": etag, "Last-Modified": MODIFIED})
        if request.path in ARTICLES:
            return Reply(article(ARTICLES[request.path]), HTML)
        return None

    def feed(self) -> bytes:
        return rss("Site", ((f"Item {p}", f"{self.base}{p}", "Mon, 20 Nov 2023 08:00:00 GMT") for p in self.items))


@pytest.fixture
def site():
    s = Site()
    yield s
    s.local.close()


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "f.db") as s:
        yield s


SETTINGS = Settings.resolve({"follow_host_delay": "0"})


def test_a_pass_ingests_new_items_then_costs_one_conditional_get(site: Site, store: Store) -> None:
    now = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc)
    with store.transaction():
        add_followed(store.conn, f"{site.base}/feed.xml", every_seconds=6 * 3600, name="site", now=now)
    (first,) = follow_pass(store, SETTINGS, now=now)
    assert (first.status, first.new_items) == ("new", 3)  # the feed and its two articles
    assert sorted(site.requests) == ["/feed.xml", "/news/1", "/news/2"]
    # not due again for six hours
    assert follow_pass(store, SETTINGS, now=now + timedelta(hours=1)) == []
    site.requests.clear()
    (unchanged,) = follow_pass(store, SETTINGS, now=now + timedelta(hours=7))
    assert unchanged.status == "not-modified" and site.requests == ["/feed.xml"]
    # a new item: only it is fetched, the known ones come from the store
    site.items.append("/news/3")
    site.requests.clear()
    (later,) = follow_pass(store, SETTINGS, now=now + timedelta(hours=14))
    assert (later.status, later.new_items) == ("new", 2)  # the new feed bytes and the new article
    assert sorted(site.requests) == ["/feed.xml", "/news/3"]
    assert store.status().sources == 5  # two versions of the feed, three articles
    assert store.verify().ok


def test_a_failing_source_is_recorded_and_the_pass_goes_on(site: Site, store: Store) -> None:
    now = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc)
    with store.transaction():
        add_followed(store.conn, f"{site.base}/broken.xml", every_seconds=3600, name="broken", now=now)
        add_followed(store.conn, f"{site.base}/feed.xml", every_seconds=3600, name="site", now=now)
    results = {r.url.rsplit("/", 1)[1]: r for r in follow_pass(store, SETTINGS, now=now)}
    assert results["broken.xml"].status == "failed" and "HTTP 500" in results["broken.xml"].message
    assert results["feed.xml"].new_items == 3
    listed = {s.name: s for s in list_followed(store.conn, now=now)}
    assert listed["broken"].last_error_at == "2026-12-06T09:00:00Z" and "HTTP 500" in listed["broken"].last_error
    assert listed["site"].last_success == "2026-12-06T09:00:00Z" and listed["site"].etag == '"v2"'
    assert listed["site"].items_per_day == round(3 / 7, 1)


def test_requests_to_one_host_are_spaced_by_the_politeness_delay() -> None:
    clock = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    politeness = Politeness(2.0, sleep=sleep, clock=lambda: clock[0])
    politeness.wait("http://a.example/feed")
    clock[0] += 0.5
    politeness.wait("http://a.example/news/1")
    politeness.wait("http://b.example/feed")
    assert waits == [1.5]


def test_follow_commands(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    runner = CliRunner()
    added = runner.invoke(main, ["follow", "add", f"{site.base}/feed.xml", "--every", "6h", "--name", "site",
                                 "--db", db])
    assert added.exit_code == 0 and "following" in added.output
    again = runner.invoke(main, ["follow", "add", f"{site.base}/feed.xml", "--db", db])
    assert again.exit_code != 0 and "followed already" in again.output
    bad = runner.invoke(main, ["follow", "add", f"{site.base}/x", "--every", "soon", "--db", db])
    assert bad.exit_code != 0 and "30m, 6h or 1d" in bad.output
    ran = runner.invoke(main, ["follow", "run", "--no-extract", "--db", db,
                               "--setting", "follow_host_delay", "0"])
    assert ran.exit_code == 0, ran.output
    assert "1 sources fetched, 3 new items, 0 failed" in ran.output
    listed = runner.invoke(main, ["follow", "list", "--db", db])
    assert "site" in listed.output and "last success 20" in listed.output
    removed = runner.invoke(main, ["follow", "remove", "site", "--db", db])
    assert removed.exit_code == 0
    assert "no followed sources" in runner.invoke(main, ["follow", "list", "--db", db]).output


def test_the_sources_page_shows_each_followed_source_and_its_last_error(site: Site, tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from starlette.testclient import TestClient

    from factfinder.web.app import create_app

    db = tmp_path / "f.db"
    now = datetime.now(timezone.utc)
    with Store.open(db) as store:
        with store.transaction():
            add_followed(store.conn, f"{site.base}/broken.xml", every_seconds=3600, name="broken", now=now)
            add_followed(store.conn, f"{site.base}/feed.xml", every_seconds=3600, name="site", now=now)
        follow_pass(store, SETTINGS, now=now)
    html = TestClient(create_app(str(db))).get("/followed").text
    assert f"{site.base}/feed.xml" in html and "HTTP 500" in html and 'class="failing"' in html
    assert html.count("<tr") == 3  # the header and two sources
