"""Load test of the web app: a local server over 50,000 synthetic incidents.

Builds a store (documents, stories, incidents with evidence, one event per
incident) with the store's own writer, starts `factfinder serve` on
127.0.0.1 in a subprocess, and fires a bounded number of concurrent requests
(loopback only) at search pages, the search API, map data and incident pages.
Prints requests/s and p50/p95 latency per endpoint, with a static file as the
baseline for the server's own overhead. Target: p95 < 200 ms.

    .venv/bin/python bench/web_load.py [--incidents 50000] [--requests 300] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factfinder.model import Count, DateRange, Document, Extraction, Incident, Place, Span, Story
from factfinder.store import Store

TYPES = ("killing", "attack", "armed_clash", "arrest", "displacement", "protest", "property_destruction")
# Invented places spread over a few countries: the bench needs variety, not truth.
PLACES = [(f"Town{n}", cc, f"Region{n % 9}", lat + (n % 7) * 0.3, lon + (n % 5) * 0.3)
          for n, (cc, lat, lon) in enumerate([("MM", 20.0, 93.0), ("SD", 13.0, 25.0), ("UA", 48.0, 36.0),
                                              ("SY", 35.0, 38.0), ("CD", -1.5, 29.0), ("AF", 34.5, 69.0)] * 20)]
WORDS = ("troops", "villagers", "market", "checkpoint", "convoy", "school", "clinic", "camp", "bridge", "river")
PER_DOC = 10


def build(db: Path, n: int, seed: int = 7) -> list[str]:
    """A store with ``n`` incidents in ``n / PER_DOC`` documents and one event each; returns event ids."""
    rng = random.Random(seed)
    store = Store.open(db)
    ids: list[str] = []
    with store.transaction():
        for d in range(n // PER_DOC):
            sentences, incidents = [], []
            offset = 0
            for k in range(PER_DOC):
                kind = rng.choice(TYPES)
                name, cc, admin1, lat, lon = rng.choice(PLACES)
                killed = rng.randint(1, 40)
                day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                text = (f"In {name} {killed} people were affected when {rng.choice(WORDS)} and "
                        f"{rng.choice(WORDS)} were hit in a {kind.replace('_', ' ')} on {day}. ")
                start = offset
                sentences.append(text)
                offset += len(text)
                p0 = start + 3
                c0 = p0 + len(name) + 1
                incidents.append(Incident(
                    doc="", type=kind, summary=text.strip(), story=0,
                    evidence=(Span(start, start + len(text) - 1, text[:-1]),),
                    date=DateRange(day, day, "day"),
                    location=Place(Span(p0, p0 + len(name), name), name, lat, lon, cc, admin1, None, None, "town"),
                    counts=(Count("killed", killed, "exact", "people", Span(c0, c0 + len(str(killed)), str(killed))),)))
            body = "".join(sentences)
            sha = hashlib.sha256(f"bench-{seed}-{d}".encode()).hexdigest()
            document = Document(sha, body, published="2024-12-31", url=f"https://outlet{d % 25}.example/{d}",
                                stories=(Story(0, 0, len(body)),))
            store.add_document(document, None)
            store.add_extraction(Extraction(document, tuple(
                Incident(**{f: getattr(i, f) for f in i.__slots__ if f != "doc"}, doc=sha) for i in incidents)))
        rows = store.conn.execute(
            "SELECT i.id, i.type, i.date_start, p.name, p.lat, p.lon, p.country, p.admin1, i.summary, d.doc, d.url,"
            " (SELECT value FROM counts c WHERE c.incident_id = i.id) FROM incidents i JOIN documents d"
            " ON d.id = i.document_id JOIN places p ON p.id = i.place_id").fetchall()
        for iid, kind, day, name, lat, lon, cc, admin1, summary, doc, url, killed in rows:
            eid = "inc-" + hashlib.sha256(f"{doc}:{iid}".encode()).hexdigest()[:16]
            ids.append(eid)
            store.conn.execute(
                "INSERT INTO events (id, type, date_start, date_end, date_precision, place_name, lat, lon, country,"
                " admin1, place_precision, counts, killed, verification, independent_sources, summary, n_reports)"
                " VALUES (?, ?, ?, ?, 'day', ?, ?, ?, ?, ?, 'town', ?, ?, 'reported', 1, ?, 1)",
                (eid, kind, day, day, name, lat, lon, cc, admin1, json.dumps([]), killed, summary))
            store.conn.execute("INSERT INTO event_reports (event_id, incident_id, report_key, outlet, doc)"
                               " VALUES (?, ?, ?, ?, ?)", (eid, iid, f"{doc}:0:{kind}:{iid}", url.split("/")[2], doc))
    store.conn.execute("ANALYZE")
    store.close()
    return ids


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def hammer(base: str, paths: list[str], *, concurrency: int, limit_s: float) -> tuple[list[float], int]:
    """GET every path with ``concurrency`` requests in flight; latencies (s) and errors."""
    import httpx

    latencies: list[float] = []
    errors = 0
    queue = list(paths)
    deadline = time.monotonic() + limit_s

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while queue and time.monotonic() < deadline:
            path = queue.pop()
            t0 = time.perf_counter()
            r = await client.get(base + path)
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 200:
                errors += 1

    async with httpx.AsyncClient(timeout=30.0) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per endpoint")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="factfinder-webload-") as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        ids = build(db, args.incidents)
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other work shares them);"
              f" {args.concurrency} requests in flight")
        print(f"built {len(ids):,} incidents/events in {time.perf_counter() - t0:.1f} s "
              f"({db.stat().st_size / 1e6:.0f} MB)")
        port = _port()
        exe = Path(sys.executable).with_name("factfinder")
        server = subprocess.Popen([str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
                                   "--no-extract"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  env={**os.environ, "PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}"
        try:
            import httpx

            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(base + "/static/app.css", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start: " + server.stderr.read().decode()[-2000:])
                time.sleep(0.2)
            n = args.requests
            countries = ["MM", "SD", "UA", "SY", "CD", "AF"]
            endpoints = {
                "baseline /static/app.css": ["/static/app.css"] * n,
                "search page /?q=place&type=": [f"/?q={rng.choice(PLACES)[0]}&type={rng.choice(TYPES)}"
                                                f"&page={rng.randint(1, 3)}" for _ in range(n)],
                "search page /?q=place+word": [f"/?q={rng.choice(PLACES)[0]}+{rng.choice(WORDS)}"
                                               for _ in range(n)],
                "search API /api/incidents?country=&from=": [
                    f"/api/incidents?country={rng.choice(countries)}&from=20{rng.randint(18, 24)}&sort=killed"
                    for _ in range(n)],
                "map data /api/points?country=&type=": [
                    f"/api/points?country={rng.choice(countries)}&type={rng.choice(TYPES)}" for _ in range(n)],
                "map data /api/points?country=": [f"/api/points?country={rng.choice(countries)}" for _ in range(n)],
                "incident page /incidents/{id}": [f"/incidents/{rng.choice(ids)}" for _ in range(n)],
                "incident API /api/incidents/{id}": [f"/api/incidents/{rng.choice(ids)}" for _ in range(n)],
                "map data, all 50k /api/points": ["/api/points"] * max(10, n // 20),
            }
            print(f"{'endpoint':44} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
            for label, paths in endpoints.items():
                t0 = time.perf_counter()
                lat, errors = asyncio.run(hammer(base, paths, concurrency=args.concurrency, limit_s=args.seconds))
                wall = time.perf_counter() - t0
                lat.sort()
                p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))] * 1000
                print(f"{label:44} {len(lat):8d} {len(lat) / wall:8.1f} {statistics.median(lat) * 1000:8.1f} "
                      f"{p95:8.1f} {errors:6d}{'' if p95 < 200 else '  (over the 200 ms target)'}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
