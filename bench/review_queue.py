"""The review queue's first page on a large store: the indexed order against the sub-query per event.

Builds a consolidated store of synthetic incidents with made-up confidences
(bench/synthetic.py; about six events for ten incidents), marks some events
reviewed, then times, in this process and on the same store:

- baseline: the queue as it was read before schema step 12, ordering by a
  correlated sub-query per event (the max confidence of its reports), which
  visits every event before the first row comes out;
- ``Store.review_queue``: the order read from ``events.confidence`` and its
  index (store/review_queue.py), which stops after one page.

Each is timed for the first page, a page further on, and a filtered page
(one country); the median of ``--repeat`` runs, in ms. Both give the same
events in the same order (checked). The whole page (``Store.review_queue``)
adds the rows' field confidences and the count of events still to review.

    .venv/bin/python bench/review_queue.py [--events 100000] [--repeat 7] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import RETELL, build_store  # noqa: E402

from factfinder.store import Store  # noqa: E402
from factfinder.store.events import EventFilter  # noqa: E402
from factfinder.store.review_queue import UNREVIEWED, page_query  # noqa: E402
from factfinder.store.tallies import where  # noqa: E402

# The queue's SQL before the order moved onto the event row (the baseline).
_PER_EVENT = ("(SELECT max(c.incident) FROM event_reports r JOIN incident_confidence c"
              " ON c.incident_id = r.incident_id WHERE r.event_id = e.id)")


def baseline_rows(store: Store, flt: EventFilter, *, limit: int, offset: int) -> list[str]:
    sql, args = where(flt)
    sql = f"{sql} AND {UNREVIEWED}" if sql else f" WHERE {UNREVIEWED}"
    rows = store.conn.execute(f"SELECT e.id, {_PER_EVENT} AS conf FROM events e{sql}"
                              " ORDER BY conf IS NOT NULL, conf, e.id LIMIT ? OFFSET ?",
                              args + [limit, offset]).fetchall()
    return [r[0] for r in rows]


def indexed_rows(store: Store, flt: EventFilter, *, limit: int, offset: int) -> list[str]:
    sql, args = page_query(flt, limit=limit, offset=offset)
    return [r[0] for r in store.conn.execute(sql, args)]


def whole_page(store: Store, flt: EventFilter, *, limit: int, offset: int) -> list[str]:
    """``Store.review_queue`` as the page calls it: the rows, their field confidences and the count."""
    rows, _ = store.review_queue(flt, limit=limit, offset=offset)
    return [r.id for r in rows]


def _median_ms(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        function()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="about this many events")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--days", type=int, default=10_950,
                        help="days the events spread over (fewer: more retellings merge into one event)")
    parser.add_argument("--db", type=Path, help="a store built by an earlier run (kept), instead of a new one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factfinder-review-") as tmp:
        db = args.db or Path(tmp) / "queue.db"
        if not db.exists():
            built = build_store(db, int(args.events / (1 - RETELL)), days=args.days, confidence=True)
            print(f"built {built.incidents:,} incidents, {built.events:,} events (written {built.write_seconds:.0f} s,"
                  f" consolidated {built.consolidate_seconds:.0f} s)")
        with Store.open(db) as store:
            events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
            reviewed = [r[0] for r in store.conn.execute(  # one event in 20 already reviewed
                "SELECT id FROM events WHERE num % 20 = 0 AND id NOT IN (SELECT subject_id FROM reviews)")]
            with store.transaction():
                for event_id in reviewed:
                    store.record_review(subject_kind="event", subject_id=event_id, field="verification",
                                        old="reported", new="verified", reviewer="bench")
            print(f"{events:,} events, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
                  " (other work shares them)\n")
            cases = {"first page": (EventFilter(), 0), "page 20": (EventFilter(), 950),
                     "first page, country=MM": (EventFilter(country="MM"), 0)}
            print(f"{'page (50 rows)':26} {'baseline ms':>12} {'indexed ms':>11} {'speed-up':>9}"
                  f" {'whole page ms':>14}")
            for label, (flt, offset) in cases.items():
                old = baseline_rows(store, flt, limit=50, offset=offset)
                if old != indexed_rows(store, flt, limit=50, offset=offset) or old != whole_page(
                        store, flt, limit=50, offset=offset):
                    raise SystemExit(f"{label}: the two orders differ; the indexed queue is wrong")
                before = _median_ms(lambda: baseline_rows(store, flt, limit=50, offset=offset), args.repeat)
                after = _median_ms(lambda: indexed_rows(store, flt, limit=50, offset=offset), args.repeat)
                whole = _median_ms(lambda: whole_page(store, flt, limit=50, offset=offset), args.repeat)
                print(f"{label:26} {before:12.1f} {after:11.1f} {before / after:8.1f}x {whole:14.1f}")
            print("\n(baseline and indexed: the page's rows; whole page: Store.review_queue, with the"
                  " rows' field confidences and the count of events to review, a scan of the filtered events)")


if __name__ == "__main__":
    main()
