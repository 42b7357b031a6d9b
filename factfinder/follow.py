"""`factfinder follow run`: one pass over the followed sources that are due.

Each due source is fetched with a conditional GET (``If-None-Match`` /
``If-Modified-Since`` from what the server sent last time): "304 Not
Modified" costs nothing more. A new feed goes through ``ingest_inputs`` like
any input, with one difference: an entry whose link was captured before is
answered from the store's own original instead of the network, so known items
are skipped by URL as well as by hash, and a monitor's feeds are not
re-downloaded entry by entry every few hours. Requests to one host are spaced
by ``follow_host_delay`` seconds. A failure is recorded on its source (time and
message) and the pass goes on; every step is committed as it ends, so a crash
loses nothing but the source being fetched.

Two clocks bound a pass: a feed must arrive whole within ``follow_fetch_limit``
(a server that hangs or trickles is cut off, and that is its failure), and no
source is started once ``follow_pass_limit`` have gone by (those left stay due
and are reported as ``skipped``), so a scheduled pass always ends.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import httpx

from factfinder.settings import Settings
from factfinder.store.follows import FollowedSource, due_followed, known_origin, list_followed, record_pass


@dataclass(frozen=True, slots=True)
class PassResult:
    url: str
    status: str  # "new", "not-modified", "failed", or "skipped" (the pass ran out of time; still due)
    new_items: int = 0
    message: str | None = None


class Politeness:
    """Waits so that two requests to one host are at least ``delay`` seconds apart."""

    def __init__(self, delay: float, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.delay, self.sleep, self.clock = delay, sleep, clock
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        if host in self.last:
            left = self.delay - (self.clock() - self.last[host])
            if left > 0:
                self.sleep(left)
        self.last[host] = self.clock()


class _ReplayTransport(httpx.BaseTransport):
    """Answers the feed just fetched and every URL the store already holds; the rest goes out politely."""

    def __init__(self, inner: httpx.BaseTransport, answers: dict[str, httpx.Response],
                 known: Callable[[str], bytes | None], politeness: Politeness) -> None:
        self.inner, self.answers, self.known, self.politeness = inner, answers, known, politeness
        self.fetched: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url in self.answers:
            answer = self.answers[url]
            headers = [(k, v) for k, v in answer.headers.items()  # the content is decoded already
                       if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
            return httpx.Response(answer.status_code, headers=headers, content=answer.content, request=request)
        data = self.known(url)
        if data is not None:
            return httpx.Response(200, content=data, request=request)
        self.politeness.wait(url)
        self.fetched.append(url)
        return self.inner.handle_request(request)


def _conditional_headers(source: FollowedSource, settings: Settings) -> dict[str, str]:
    headers = {"User-Agent": settings.user_agent}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    return headers


class FetchTooSlow(httpx.TimeoutException):
    """A followed source did not arrive whole within ``follow_fetch_limit``."""


def _fetch(client: httpx.Client, url: str, headers: dict[str, str], *, seconds: float,
           max_bytes: int) -> httpx.Response:
    """GET ``url`` read whole within ``seconds`` of wall-clock time (httpx's timeouts are per read)."""
    deadline = time.monotonic() + seconds
    timeout = httpx.Timeout(min(seconds, client.timeout.read or seconds))
    with client.stream("GET", url, headers=headers, timeout=timeout) as response:
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() > deadline:
                raise FetchTooSlow(f"{url} did not arrive within {seconds:g} s (follow_fetch_limit)")
            if size > max_bytes:
                raise FetchTooSlow(f"{url} is larger than http_max_bytes ({max_bytes})")
        headers_kept = [(k, v) for k, v in response.headers.items()
                        if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(response.status_code, headers=headers_kept, content=b"".join(chunks),
                              request=response.request)


def follow_pass(store: Any, settings: Settings, *, pipeline: Any | None = None, now: datetime | None = None,
                every_source: bool = False, transport: httpx.BaseTransport | None = None,
                sleep: Callable[[float], None] = time.sleep) -> list[PassResult]:
    """Fetch every due source (``every_source``: all of them) once; new items are ingested and consolidated."""
    from factfinder.ingest import ingest_inputs

    now = now or datetime.now(timezone.utc)
    sources = list_followed(store.conn, now=now) if every_source else due_followed(store.conn, now=now)
    politeness = Politeness(settings.follow_host_delay, sleep=sleep)
    inner = transport or httpx.HTTPTransport()
    results: list[PassResult] = []
    ends = time.monotonic() + settings.follow_pass_limit
    with httpx.Client(transport=inner, timeout=settings.http_timeout, follow_redirects=True,
                      max_redirects=settings.http_max_redirects) as client:
        for source in sources:
            if time.monotonic() >= ends:
                results.append(PassResult(source.url, "skipped", message="the pass reached follow_pass_limit; "
                                          "this source stays due for the next pass"))
                continue
            politeness.wait(source.url)
            try:
                response = _fetch(client, source.url, _conditional_headers(source, settings),
                                  seconds=settings.follow_fetch_limit, max_bytes=settings.http_max_bytes)
            except httpx.HTTPError as exc:
                results.append(_record(store, source, now, "failed",
                                       message=f"cannot fetch {source.url}: {type(exc).__name__}: {exc}"))
                continue
            if response.status_code == 304:
                results.append(_record(store, source, now, "not-modified"))
                continue
            if response.status_code >= 400:
                results.append(_record(store, source, now, "failed",
                                       message=f"{source.url} answered HTTP {response.status_code}"))
                continue

            def known(url: str) -> bytes | None:
                sha = known_origin(store.conn, url)
                return store.read_original(sha) if sha and url != source.url else None

            replay = _ReplayTransport(inner, {source.url: response, str(response.url): response}, known, politeness)
            with httpx.Client(transport=replay, follow_redirects=True, timeout=settings.http_timeout,
                              max_redirects=settings.http_max_redirects) as replaying:
                report = ingest_inputs([source.url], store=store, settings=settings, pipeline=pipeline,
                                       client=replaying)
            failed = [o for o in report.outcomes if o.status == "failed"]
            new = sum(o.status == "stored" for o in report.outcomes)
            unreadable = next((o for o in failed if o.origin in (source.url, str(response.url))), None)
            if unreadable is not None and new == 0:  # the feed itself cannot be read: that is the source's failure
                results.append(_record(store, source, now, "failed", message=unreadable.message))
                continue
            message = f"{len(failed)} entries failed: {failed[0].message}" if failed else None
            results.append(_record(store, source, now, "new", new_items=new, message=message,
                                   etag=response.headers.get("etag"),
                                   last_modified=response.headers.get("last-modified")))
    return results


def _record(store: Any, source: FollowedSource, now: datetime, status: str, *, new_items: int = 0,
            message: str | None = None, etag: str | None = None, last_modified: str | None = None) -> PassResult:
    with store.transaction():
        record_pass(store.conn, source, now=now, status=status, new_items=new_items, message=message,
                    etag=etag, last_modified=last_modified)
    return PassResult(source.url, status, new_items, message)


def start_background_passes(settings: Settings, *, pipeline_factory: Callable[[], Any] | None,
                            every: float = 60.0) -> threading.Thread:
    """A daemon thread running a pass over the due sources every ``every`` seconds (``serve --follow``).

    It opens its own connection to the store; a pass that fails is logged on
    stderr and the next one is tried a period later.
    """
    import sys

    from factfinder.store import Store

    def loop() -> None:
        pipeline = None
        while True:
            try:
                with Store.open(settings.db) as store:
                    if pipeline is None and pipeline_factory is not None and due_followed(
                            store.conn, now=datetime.now(timezone.utc)):
                        pipeline = pipeline_factory()
                    follow_pass(store, settings, pipeline=pipeline)
            except Exception as exc:  # noqa: BLE001 - the web app must keep serving
                print(f"factfinder: a follow pass failed ({type(exc).__name__}: {exc}); "
                      f"trying again in {every:g} s", file=sys.stderr)
            time.sleep(every)

    thread = threading.Thread(target=loop, name="factfinder-follow", daemon=True)
    thread.start()
    return thread
