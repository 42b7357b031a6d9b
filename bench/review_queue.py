"""The review queue's page and count on a large store: the index of unreviewed events against the look-ups.

Builds a consolidated store of synthetic incidents with made-up confidences
(bench/synthetic.py; 166,666 incidents make about 87,000 events), marks one event in 20
reviewed, then times, in this process and on the same store:

- baseline: the queue as it was read before schema step 14, "unreviewed" being
  a look-up of each event's reviews (``NOT EXISTS``), the page in the order of
  the step-12 index ``events_review`` (made again while it is timed) and the count a
  scan of the filtered events with that look-up per event;
- indexed: ``events.reviewed`` and the partial index ``events_unreviewed``
  (store/review_queue.py): the page stops after one page of index entries, the
  count counts the index's entries.

Each is timed for the first page, a page further on, and a filtered page
(one country); the median of ``--repeat`` runs, in ms. Both give the same
events in the same order and the same count (checked). The whole page
(``Store.review_queue``) adds the rows' field confidences.

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
from factfinder.store.review_queue import count_query, page_query  # noqa: E402
from factfinder.store.tallies import where  # noqa: E402

# "Unreviewed" before schema step 14 (the baseline): a look-up of the event's reviews.
_LOOK_UP = "NOT EXISTS (SELECT 1 FROM reviews v WHERE v.subject_kind = 'event' AND v.subject_id = e.id)"


def _baseline_where(flt: EventFilter) -> tuple[str, list]:  # type: ignore[type-arg]
    sql, args = where(flt)
    return (f"{sql} AND {_LOOK_UP}" if sql else f" WHERE {_LOOK_UP}"), args


def baseline_rows(store: Store, flt: EventFilter, *, limit: int, offset: int) -> list[str]:
    sql, args = _baseline_where(flt)
    rows = store.conn.execute(f"SELECT e.id FROM events e INDEXED BY events_review{sql}"
                              " ORDER BY e.confidence, e.id LIMIT ? OFFSET ?", args + [limit, offset])
    return [r[0] for r in rows]


def baseline_count(store: Store, flt: EventFilter) -> int:
    sql, args = _baseline_where(flt)
    return int(store.conn.execute(f"SELECT count(*) FROM events e{sql}", args).fetchone()[0])


def indexed_rows(store: Store, flt: EventFilter, *, limit: int, offset: int) -> list[str]:
    sql, args = page_query(flt, limit=limit, offset=offset)
    return [r[0] for r in store.conn.execute(sql, args)]


def indexed_count(store: Store, flt: EventFilter) -> int:
    sql, args = count_query(flt)
    return int(store.conn.execute(sql, args).fetchone()[0])


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
            store.conn.execute("DROP INDEX IF EXISTS events_review")  # left by an earlier run on --db
            print(f"{events:,} events, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
                  " (other work shares them)\n")
            cases = {"first page": (EventFilter(), 0), "page 20": (EventFilter(), 950),
                     "first page, country=MM": (EventFilter(country="MM"), 0),
                     "first page, type=arrest": (EventFilter(types=("arrest",)), 0)}
            # The baseline's own index (schema step 12) while it is timed, then as the store has it.
            store.conn.execute("CREATE INDEX events_review ON events(confidence, id)")
            before = {label: _timed(lambda: baseline_rows(store, flt, limit=50, offset=offset),
                                    lambda: baseline_count(store, flt), args.repeat)
                      for label, (flt, offset) in cases.items()}
            store.conn.execute("DROP INDEX events_review")
            print(f"{'page (50 rows)':24} {'page: baseline ms':>18} {'indexed ms':>11} {'count: baseline ms':>19}"
                  f" {'indexed ms':>11} {'speed-up':>9} {'whole page ms':>14}")
            for label, (flt, offset) in cases.items():
                after = _timed(lambda: indexed_rows(store, flt, limit=50, offset=offset),
                               lambda: indexed_count(store, flt), args.repeat)
                if before[label][0] != after[0] or after[0] != whole_page(store, flt, limit=50, offset=offset):
                    raise SystemExit(f"{label}: the two orders differ; the indexed queue is wrong")
                if before[label][1] != after[1]:
                    raise SystemExit(f"{label}: the two counts differ; the indexed count is wrong")
                whole = _median_ms(lambda: whole_page(store, flt, limit=50, offset=offset), args.repeat)
                (page_before, count_before), (page_after, count_after) = before[label][2], after[2]
                speed_up = (page_before + count_before) / (page_after + count_after)
                print(f"{label:24} {page_before:18.1f} {page_after:11.1f} {count_before:19.1f}"
                      f" {count_after:11.1f} {speed_up:8.1f}x {whole:14.1f}")
            print("\n(speed-up: page and count together; whole page: Store.review_queue, the indexed page"
                  " and count with the rows' field confidences)")


def _timed(page, count, repeat: int):  # type: ignore[no-untyped-def]
    """The page's ids, the count, and the median ms of each."""
    return page(), count(), (_median_ms(page, repeat), _median_ms(count, repeat))

if __name__ == "__main__":
    main()
