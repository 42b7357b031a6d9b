"""The review queue read from the store: unreviewed events, lowest confidence first.

An event is unreviewed while no analyst action is recorded for it (``reviews``);
the event row says so (``events.reviewed``, schema step 14: a trigger on
``reviews`` sets it, ``events.write_events`` sets it again for an event written
anew). Its confidence is the highest calibrated ``incident`` confidence among its
reports (``factfinder/confidence``; one well-supported report is enough to make
an event likely), kept on the event row too (``events.confidence``, schema step
12). A partial index holds the unreviewed events in the queue's order
(``events_unreviewed``: confidence, id, where not reviewed), so a page reads about
one page of index entries and the count of events to review counts that index's
entries, with no look-up of each event's reviews (bench/review_queue.py: 100,000
events). Events without any confidence (made before confidence existed) come
first: nothing vouches for them (SQLite sorts NULL first). Its field confidences
are those of its most confident report.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from factfinder.store.tallies import where

WEAK = 0.5  # a field whose confidence is below this is highlighted for the reviewer
FIELDS = ("type", "date", "location", "counts", "actors")
UNREVIEWED = "e.reviewed = 0"  # the condition of the partial index events_unreviewed: keep it word for word


@dataclass(frozen=True, slots=True)
class QueueRow:
    fields: dict[str, float]  # field -> confidence of the event's most confident report
    id: str
    type: str
    date_start: str | None
    date_end: str | None
    place_name: str | None
    admin1: str | None
    country: str | None
    killed: float | None
    injured: float | None
    arrested: float | None
    displaced: float | None
    verification: str
    summary: str
    confidence: float | None

    def weak(self, field: str) -> bool:
        value = self.fields.get(field)
        return value is None or value < WEAK

    def weak_fields(self) -> list[tuple[str, float | None]]:
        """The fields to check first, weakest first (all of them when no confidence is known)."""
        return sorted(((f, self.fields.get(f)) for f in FIELDS if self.weak(f)), key=lambda fv: fv[1] or 0.0)


def review_queue(conn: sqlite3.Connection, flt: Any, *, limit: int, offset: int = 0
                 ) -> tuple[list[QueueRow], int]:
    """One page of unreviewed events, lowest confidence first, and how many there are in all."""
    sql, args = count_query(flt)
    total = int(conn.execute(sql, args).fetchone()[0])
    page_sql, page_args = page_query(flt, limit=limit, offset=offset)
    rows = conn.execute(page_sql, page_args).fetchall()
    fields = _field_confidences(conn, [r[0] for r in rows])
    return [QueueRow(fields.get(r[0], {}), *r) for r in rows], total


def _unreviewed(flt: Any) -> tuple[str, list[Any]]:
    sql, args = where(flt)
    return (f"{sql} AND {UNREVIEWED}" if sql else f" WHERE {UNREVIEWED}"), args


def count_query(flt: Any) -> tuple[str, list[Any]]:
    """The SQL that counts the unreviewed events of ``flt`` and its arguments (the tests read its plan)."""
    sql, args = _unreviewed(flt)
    return f"SELECT count(*) FROM events e{sql}", args


def page_query(flt: Any, *, limit: int, offset: int = 0) -> tuple[str, list[Any]]:
    """The SQL of one page of the queue and its arguments (the tests read its query plan)."""
    sql, args = _unreviewed(flt)
    return ("SELECT e.id, e.type, e.date_start, e.date_end, e.place_name, e.admin1, e.country, e.killed, e.injured,"
            " e.arrested, e.displaced, e.verification, e.summary, e.confidence FROM events e"
            f"{sql} ORDER BY e.confidence, e.id LIMIT ? OFFSET ?", args + [limit, offset])


def _field_confidences(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, dict[str, float]]:
    if not event_ids:
        return {}
    marks = ", ".join("?" * len(event_ids))
    out: dict[str, dict[str, float]] = {}
    for event_id, *values in conn.execute(
            "SELECT r.event_id, c.incident, c.type, c.date, c.location, c.counts, c.actors FROM event_reports r"
            f" JOIN incident_confidence c ON c.incident_id = r.incident_id WHERE r.event_id IN ({marks})"
            " ORDER BY r.event_id, c.incident", event_ids):
        out[event_id] = dict(zip(("incident",) + FIELDS, values))  # the most confident report wins (last)
    return out
