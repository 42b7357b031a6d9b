"""Export speed and query count: 50,000 incidents from a store, as `factfinder export` reads them.

Builds a consolidated store of synthetic incidents (bench/synthetic.py, through
the store API), has an analyst correct a few hundred events, then writes every
event with its reports, evidence and reviewed values as JSON lines, CSV and
ACLED CSV, counting the SQL statements through
``sqlite3.Connection.set_trace_callback``. Baseline, in the same run: reading
events one at a time (``Store.get_event`` per event, as exports did before),
over a sample, extrapolated. Target: a bounded number of queries (a few per
chunk of 1,000 events), not several per incident.

    .venv/bin/python bench/export.py [--incidents 50000] [--sample 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import build_store  # noqa: E402

from factfinder.export import export_incidents  # noqa: E402
from factfinder.store import Store, review  # noqa: E402


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, statement: str) -> None:
        self.n += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=50_000)
    parser.add_argument("--sample", type=int, default=2000, help="events read one by one for the baseline")
    parser.add_argument("--reviews", type=int, default=300, help="events an analyst corrects first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factfinder-export-") as tmp:
        db = Path(tmp) / "export.db"
        built = build_store(db, args.incidents)
        print(f"store: {built.incidents:,} incidents, {built.events:,} events"
              f" (written {built.write_seconds:.1f} s, consolidated {built.consolidate_seconds:.1f} s)")
        with Store.open(db) as store:
            ids = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY id")]
            rng = random.Random(3)
            for event_id in rng.sample(ids, min(args.reviews, len(ids))):
                review.correct(store, event_id, "verification", "verified", reviewer="bench")
            counter = Counter()
            store.conn.set_trace_callback(counter)
            print(f"{'export':28} {'events':>8} {'seconds':>8} {'queries':>8} {'queries/event':>14}")
            for fmt in ("jsonl", "csv", "acled-csv"):
                counter.n = 0
                t0 = time.perf_counter()
                exporter = export_incidents(store.iter_events(reviewed=True), Path(tmp) / f"out.{fmt}", format=fmt)
                elapsed = time.perf_counter() - t0
                print(f"{'export --format ' + fmt:28} {exporter.written:8,} {elapsed:8.2f} {counter.n:8,}"
                      f" {counter.n / max(1, exporter.written):14.4f}")
            counter.n = 0
            t0 = time.perf_counter()
            read = sum(1 for _ in store.iter_events(reviewed=True))
            elapsed = time.perf_counter() - t0
            print(f"{'read only, chunked':28} {read:8,} {elapsed:8.2f} {counter.n:8,} {counter.n / max(1, read):14.4f}")
            sample = ids[:args.sample]
            counter.n = 0
            t0 = time.perf_counter()
            for event_id in sample:
                review.apply_reviews(store, store.get_event(event_id))  # type: ignore[arg-type]
            elapsed = time.perf_counter() - t0
            store.conn.set_trace_callback(None)
            scale = len(ids) / max(1, len(sample))
            print(f"{'baseline: event by event':28} {len(sample):8,} {elapsed:8.2f} {counter.n:8,}"
                  f" {counter.n / max(1, len(sample)):14.4f}  -> {elapsed * scale:.1f} s and"
                  f" {int(counter.n * scale):,} queries extrapolated to {len(ids):,} events")


if __name__ == "__main__":
    main()
