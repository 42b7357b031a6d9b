"""The read queries of the web app that the store does not offer itself.

All SQL is parameterised; the only pieces formatted into SQL text are column
expressions and orders chosen from fixed tables here or in store/events.py.
Pages and the API read small rows (``EventRow``) for lists and maps and the
full ``ConsolidatedIncident`` (store.get_event) only for one incident page.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from factfinder.store.events import ORDERS, EventFilter
from factfinder.store.tallies import TALLY_KEYS as TALLY_KEYS
from factfinder.store.tallies import StatisticRow as StatisticRow
from factfinder.store.tallies import TallyRow as TallyRow
from factfinder.store.tallies import statistics as statistics
from factfinder.store.tallies import tallies as tallies
from factfinder.store.tallies import where as where
from factfinder.values.fts import fts_query
from factfinder.web.filters import without_q

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    type: str
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    place_name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    killed: float | None
    injured: float | None
    arrested: float | None
    displaced: float | None
    verification: str
    independent_sources: int
    n_reports: int
    summary: str


_ROW_COLUMNS = ("e.id, e.type, e.date_start, e.date_end, e.date_precision, e.place_name, e.country, e.admin1,"
                " e.lat, e.lon, e.killed, e.injured, e.arrested, e.displaced, e.verification,"
                " e.independent_sources, e.n_reports, e.summary")




# A text search matched by at least this share of the events reads its newest-first page
# from the front of the events_newest index instead of sorting every match.
DENSE_SEARCH = 0.25


def _newest_first_walk(conn: sqlite3.Connection, flt: EventFilter, order: str) -> bool:
    """True for a text search alone, sorted newest first, that many events match."""
    if order != "date" or not flt.q or without_q(flt) != EventFilter():
        return False
    match = fts_query(flt.q)
    if not match:
        return False
    hits = conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?", (match,)).fetchone()[0]
    events = conn.execute("SELECT max(num) - min(num) + 1 FROM events").fetchone()[0] or 0
    return bool(events and hits >= DENSE_SEARCH * events)


def list_events(conn: sqlite3.Connection, flt: EventFilter, *, order: str = "date", limit: int = 50,
                offset: int = 0) -> list[EventRow]:
    """One page of events in two passes: first the page's event numbers in order (narrow
    columns only, however many events match), then those rows."""
    sql, args = where(flt)
    hint = " INDEXED BY events_newest" if _newest_first_walk(conn, flt, order) else ""
    rows = conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM events e WHERE e.num IN (SELECT e.num FROM events e{hint}{sql}"
        f" ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?) ORDER BY {ORDERS[order]}", args + [limit, offset])
    return [EventRow(*row) for row in rows]


def page_of_events(conn: sqlite3.Connection, flt: EventFilter, *, order: str = "date", limit: int = 50,
                   offset: int = 0) -> tuple[list[EventRow], int]:
    """One page of events and how many match in all: the page's event numbers and the count
    come from one pass over the narrow columns, then the page's rows are read (a search that
    most events match takes its page from the newest-first index and counts apart)."""
    if _newest_first_walk(conn, flt, order):
        return list_events(conn, flt, order=order, limit=limit, offset=offset), count_events(conn, flt)
    sql, args = where(flt)
    rows = conn.execute(
        f"SELECT {_ROW_COLUMNS}, p.total FROM (SELECT e.num, count(*) OVER () AS total FROM events e{sql}"
        f" ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?) p JOIN events e ON e.num = p.num ORDER BY {ORDERS[order]}",
        args + [limit, offset]).fetchall()
    if not rows:  # past the last page: the count alone
        return [], count_events(conn, flt)
    return [EventRow(*row[:-1]) for row in rows], int(rows[0][-1])


def count_events(conn: sqlite3.Connection, flt: EventFilter) -> int:
    match = fts_query(flt.q) if flt.q else None
    if match and flt.q and without_q(flt) == EventFilter():
        # A text search alone: the full-text matches that are live events (integer key
        # probes), plus the place-name matches among the others; no OR over every match.
        name = flt.q.strip()
        return int(conn.execute(
            "SELECT (SELECT count(*) FROM events_fts f JOIN events e ON e.num = f.rowid WHERE events_fts MATCH ?1)"
            " + (SELECT count(*) FROM events e WHERE (e.place_name = ?2 COLLATE NOCASE OR e.admin1 = ?2"
            " COLLATE NOCASE) AND e.num NOT IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?1))",
            (match, name)).fetchone()[0])
    sql, args = where(flt)
    return int(conn.execute(f"SELECT count(*) FROM events e{sql}", args).fetchone()[0])


def map_points(conn: sqlite3.Connection, flt: EventFilter, *, limit: int,
               newest_first: bool = True) -> list[tuple[Any, ...]]:
    """(id, lat, lon, type, place, date, killed, country) of located events, newest first unless told
    otherwise (a whole map needs no order, and sorting 50,000 rows costs more than reading them)."""
    sql, args = where(flt)
    located = "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    sql = f"{sql} AND {located}" if sql else f" WHERE {located}"
    # "+e.date_start": sort after filtering, rather than walk the date index past every row
    order = " ORDER BY +e.date_start DESC" if newest_first else ""
    return conn.execute(f"SELECT e.id, e.lat, e.lon, e.type, e.place_name, e.date_start, e.killed, e.country"
                        f" FROM events e{sql}{order} LIMIT ?", args + [limit]).fetchall()


BUCKETS = {
    "day": "e.date_start",
    "week": "date(e.date_start, '-6 days', 'weekday 1')",  # the Monday starting the week
    "month": "substr(e.date_start, 1, 7)",
    "year": "substr(e.date_start, 1, 4)",
}


def timeline(conn: sqlite3.Connection, flt: EventFilter, *, bucket: str) -> dict[str, Any]:
    """Incidents per bucket and type: {"buckets": [...], "series": {type: [n per bucket]}}."""
    sql, args = where(flt)
    dated = "e.date_start IS NOT NULL"
    sql = f"{sql} AND {dated}" if sql else f" WHERE {dated}"
    key = BUCKETS[bucket]
    rows = conn.execute(f"SELECT {key} AS b, e.type, count(*) FROM events e{sql} GROUP BY b, e.type ORDER BY b",
                        args).fetchall()
    buckets = sorted({b for b, _, _ in rows})
    position = {b: i for i, b in enumerate(buckets)}
    series: dict[str, list[int]] = {}
    for b, kind, n in rows:
        series.setdefault(kind, [0] * len(buckets))[position[b]] = n
    return {"bucket": bucket, "buckets": buckets, "series": series}


def statistic_series(rows: list[StatisticRow]) -> list[dict[str, Any]]:
    """Statistics grouped into line series by (category, unit, place, measure wording), longest first."""
    series: dict[tuple[str, ...], dict[str, Any]] = {}
    for s in rows:
        if s.as_of is None:
            continue
        measure = " ".join(_WORD.findall(s.measure.lower()))
        key = (s.category, s.unit, s.country or "", measure)
        entry = series.setdefault(key, {"label": f"{s.measure} ({s.country or 'all'})", "category": s.category,
                                        "unit": s.unit, "points": []})
        entry["points"].append({"x": s.as_of, "y": s.value, "doc": s.doc})
    return sorted(series.values(), key=lambda e: -len(e["points"]))


_FACETS: dict[str, tuple[float, dict[str, list[str]]]] = {}
FACETS_TTL = 30.0  # seconds: the filter form's choices may lag an ingest by this much


def facet_values(conn: sqlite3.Connection, *, key: str = "") -> dict[str, list[str]]:
    """The distinct countries and outlets, for the filter form's choices (cached briefly per store)."""
    import time

    now = time.monotonic()
    cached = _FACETS.get(key)
    if cached and now - cached[0] < FACETS_TTL:
        return cached[1]
    def one(sql: str) -> list[str]:
        return [str(r[0]) for r in conn.execute(sql) if r[0]]

    values = {
        "country": one("SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY 1 LIMIT 300"),
        "source": one("SELECT DISTINCT outlet FROM event_reports WHERE outlet IS NOT NULL ORDER BY 1 LIMIT 300"),
    }
    _FACETS[key] = (now, values)
    return values


def source_info(conn: sqlite3.Connection, sha256: str) -> dict[str, Any] | None:
    """A preserved original: its source row and every origin it arrived from."""
    row = conn.execute("SELECT sha256, size, media_type, origin, captured_at, http_status, error, stored"
                       " FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        return None
    keys = ("sha256", "size", "media_type", "origin", "captured_at", "http_status", "error", "stored")
    info = dict(zip(keys, row))
    info["stored"] = bool(info["stored"])
    info["origins"] = [dict(zip(("origin", "captured_at", "http_status", "error", "warc_sha256"), r))
                       for r in conn.execute("SELECT origin, captured_at, http_status, error, warc_sha256"
                                             " FROM origins WHERE sha256 = ? ORDER BY id", (sha256,))]
    return info


def events_of_document(conn: sqlite3.Connection, doc: str) -> dict[int, str]:
    """incident row id -> event id, for the incidents of one document."""
    return {iid: eid for iid, eid in conn.execute(
        "SELECT r.incident_id, r.event_id FROM event_reports r WHERE r.doc = ?", (doc,))}


def statistics_of_document(conn: sqlite3.Connection, doc: str) -> list[StatisticRow]:
    rows = conn.execute(
        "SELECT s.id, d.doc, s.measure, s.category, s.value, s.qualifier, s.unit, s.as_of, p.name, p.country,"
        " coalesce((SELECT v.text FROM evidence v WHERE v.statistic_id = s.id ORDER BY v.ordinal LIMIT 1), ''),"
        " s.story FROM statistics s JOIN documents d ON d.id = s.document_id LEFT JOIN places p ON p.id = s.place_id"
        " WHERE d.doc = ? ORDER BY s.id", (doc,))
    return [StatisticRow(*row[:11]) for row in rows]


def outlets_of(conn: sqlite3.Connection, event_id: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM event_reports WHERE event_id = ?", (event_id,))]
