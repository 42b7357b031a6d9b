"""Load test of the web app: a local server over 50,000 synthetic incidents.

Builds a consolidated store (bench/synthetic.py: documents, stories, incidents
with evidence, written through the store API, then consolidated), starts
`factfinder serve` on 127.0.0.1 in a subprocess, and then, loopback only:
1. ``--clients`` (8) clients for ``--seconds`` (60) s, each sending one request
   after another, picked at random among the endpoints below: p50/p95 per
   endpoint and the errors (target: 0 errors);
2. each endpoint alone with ``--concurrency`` (4) requests in flight, a bounded
   number of requests: requests/s and p50/p95 (target: p95 < 200 ms; search
   through SQLite FTS5 and indexes, no cache), with a static file as the
   baseline for the server's own overhead.

    .venv/bin/python bench/web_load.py [--incidents 50000] [--clients 8] [--seconds 60] [--requests 300]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import PLACES, TYPES, WORDS, build_store  # noqa: E402


def build(db: Path, n: int) -> list[str]:
    """A consolidated store of ``n`` synthetic incidents (bench/synthetic.py); returns its event ids."""
    import sqlite3

    built = build_store(db, n)
    print(f"built {built.incidents:,} incidents, {built.events:,} events (written {built.write_seconds:.1f} s,"
          f" consolidated {built.consolidate_seconds:.1f} s)")
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id")]


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


async def mixed(base: str, endpoints: dict[str, list[str]], *, clients: int, seconds: float,
                rng: random.Random) -> dict[str, tuple[list[float], int]]:
    """``clients`` clients, each requesting a random endpoint after another until time is up."""
    import httpx

    results: dict[str, tuple[list[float], int]] = {label: ([], 0) for label in endpoints}
    labels = list(endpoints)
    deadline = time.monotonic() + seconds

    async def client_loop(client: httpx.AsyncClient) -> None:
        while time.monotonic() < deadline:
            label = rng.choice(labels)
            path = rng.choice(endpoints[label])
            t0 = time.perf_counter()
            try:
                r = await client.get(base + path)
                failed = r.status_code != 200
            except httpx.HTTPError:
                failed = True
            lat, errors = results[label]
            lat.append(time.perf_counter() - t0)
            results[label] = (lat, errors + int(failed))

    async with httpx.AsyncClient(timeout=30.0, limits=httpx.Limits(max_connections=clients)) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
    return results


def _line(label: str, lat: list[float], errors: int, wall: float) -> str:
    lat = sorted(lat)
    if not lat:
        return f"{label:44} {0:8d}"
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))] * 1000
    return (f"{label:44} {len(lat):8d} {len(lat) / wall:8.1f} {statistics.median(lat) * 1000:8.1f} "
            f"{p95:8.1f} {errors:6d}{'' if p95 < 200 else '  (over the 200 ms target)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=8, help="clients of the mixed run")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the mixed run")
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint, one endpoint at a time")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight, one endpoint at a time")
    parser.add_argument("--db", type=Path, help="serve this store (built by an earlier run) instead of building one")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="factfinder-webload-") as tmp:
        db = args.db or Path(tmp) / "load.db"
        if args.db:
            import sqlite3

            with sqlite3.connect(db) as conn:
                ids = [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id")]
        else:
            ids = build(db, args.incidents)
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other work shares them);"
              f" database {db.stat().st_size / 1e6:.0f} MB")
        port = _port()
        exe = Path(sys.executable).with_name("factfinder")
        # The server's log goes to a file: a pipe nobody reads fills up and stalls the server.
        log = (Path(tmp) / "serve.log").open("w+")
        server = subprocess.Popen([str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
                                   "--no-extract"], stdout=subprocess.DEVNULL, stderr=log,
                                  env={**os.environ, "PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}"
        try:
            import httpx

            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(base + "/static/app.css", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    log.seek(0)
                    raise SystemExit("the server did not start: " + log.read()[-2000:])
                time.sleep(0.2)
            n = args.requests
            towns = [p[0] for p in PLACES]
            countries = sorted({p[1] for p in PLACES})
            endpoints = {
                "baseline /static/app.css": ["/static/app.css"] * n,
                "search page /?q=place&type=": [f"/?q={rng.choice(towns).replace(' ', '+')}&type={rng.choice(TYPES)}"
                                                f"&page={rng.randint(1, 3)}" for _ in range(n)],
                "search page /?q=place+word": [f"/?q={rng.choice(towns).replace(' ', '+')}+{rng.choice(WORDS)}"
                                               for _ in range(n)],
                "search API /api/incidents?q=word": [f"/api/incidents?q={rng.choice(WORDS)}" for _ in range(n)],
                "search API /api/incidents?country=&from=": [
                    f"/api/incidents?country={rng.choice(countries)}&from=202{rng.randint(1, 3)}&sort=killed"
                    for _ in range(n)],
                "map data /api/points?country=&type=": [
                    f"/api/points?country={rng.choice(countries)}&type={rng.choice(TYPES)}" for _ in range(n)],
                "map data /api/points?country=": [f"/api/points?country={rng.choice(countries)}" for _ in range(n)],
                "incident page /incidents/{id}": [f"/incidents/{rng.choice(ids)}" for _ in range(n)],
                "incident API /api/incidents/{id}": [f"/api/incidents/{rng.choice(ids)}" for _ in range(n)],
                "map data, all /api/points": ["/api/points"] * max(10, n // 20),
            }
            header = f"{'endpoint':44} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}"
            print(f"\n1. mixed: {args.clients} clients for {args.seconds:.0f} s, endpoints at random")
            print(header)
            t0 = time.perf_counter()
            results = asyncio.run(mixed(base, endpoints, clients=args.clients, seconds=args.seconds, rng=rng))
            wall = time.perf_counter() - t0
            for label, (lat, errors) in results.items():
                print(_line(label, lat, errors, wall))
            total_errors = sum(e for _, e in results.values())
            print(f"{'all':44} {sum(len(v[0]) for v in results.values()):8d}"
                  f" {sum(len(v[0]) for v in results.values()) / wall:8.1f} {'':8} {'':8} {total_errors:6d}")
            print(f"\n2. one endpoint at a time, {args.concurrency} requests in flight")
            print(header)
            for label, paths in endpoints.items():
                t0 = time.perf_counter()
                lat, errors = asyncio.run(hammer(base, paths, concurrency=args.concurrency, limit_s=60.0))
                print(_line(label, lat, errors, time.perf_counter() - t0))
            log.seek(0)
            errors_logged = [line for line in log.read().splitlines() if "Error" in line or "Traceback" in line]
            print(f"\nserver log: {len(errors_logged)} error lines" + (f"; first: {errors_logged[0]}"
                                                                     if errors_logged else ""))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
