"""Reading the store for lists and tallies: the event filter with its text search, tallies, statistics.

Shared by the web app (its tallies page and API) and the publishable report, so
that the two always count the same events the same way.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from factfinder.store.events import EventFilter
from factfinder.values.fts import fts_query


def where(flt: EventFilter) -> tuple[str, list[Any]]:
    """The store's filter SQL, with ``q`` matched over the events' stories and evidence, and place names."""
    sql, args = replace(flt, q=None).where()
    if not flt.q:
        return sql, args
    match = fts_query(flt.q)
    name = flt.q.strip()
    clauses = ["e.place_name = ? COLLATE NOCASE", "e.admin1 = ? COLLATE NOCASE"]
    extra: list[Any] = [name, name]
    if match:
        # One full-text entry per event (its stories and evidence, store/events.py): the
        # matches are event numbers, looked up by integer key; the cost follows the matches.
        clauses.append("e.num IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        extra.append(match)
    text_clause = "(" + " OR ".join(clauses) + ")"
    if sql:
        return f"{sql} AND {text_clause}", args + extra
    return f" WHERE {text_clause}", extra


TALLY_KEYS = {
    "country": "coalesce(e.country, '')",
    "admin1": "coalesce(e.country, '') || ' / ' || coalesce(e.admin1, '')",
    "type": "e.type",
    "month": "coalesce(substr(e.date_start, 1, 7), '')",
}


@dataclass(frozen=True, slots=True)
class TallyRow:
    key: str
    incidents: int
    killed: float
    injured: float
    arrested: float
    displaced: float


def tallies(conn: sqlite3.Connection, flt: EventFilter, *, by: str) -> list[TallyRow]:
    """Incidents and people counts grouped by country, admin1, type or month (rejected ones excluded)."""
    sql, args = where(flt)
    kept = "e.verification != 'rejected'"
    sql = f"{sql} AND {kept}" if sql else f" WHERE {kept}"
    key = TALLY_KEYS[by]
    order = "k" if by == "month" else "n DESC, k"
    rows = conn.execute(
        f"SELECT {key} AS k, count(*) AS n, coalesce(sum(e.killed), 0), coalesce(sum(e.injured), 0),"
        f" coalesce(sum(e.arrested), 0), coalesce(sum(e.displaced), 0) FROM events e{sql}"
        f" GROUP BY k ORDER BY {order}", args)
    return [TallyRow(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class ReviewedRow:
    day: str
    reviewer: str
    incidents: int
    actions: int


def reviewed_per_day(conn: sqlite3.Connection, *, days: int = 31) -> list[ReviewedRow]:
    """Incidents reviewed (and review actions) per analyst per day, newest day first."""
    rows = conn.execute(
        "SELECT substr(created_at, 1, 10) AS day, reviewer, count(DISTINCT subject_id), count(*) FROM reviews"
        " WHERE subject_kind = 'event' GROUP BY day, reviewer ORDER BY day DESC, reviewer LIMIT ?",
        (days * 20,)).fetchall()
    kept = sorted({r[0] for r in rows}, reverse=True)[:days]
    return [ReviewedRow(*r) for r in rows if r[0] in kept]


@dataclass(frozen=True, slots=True)
class StatisticRow:
    id: int
    doc: str
    measure: str
    category: str
    value: float
    qualifier: str
    unit: str
    as_of: str | None
    place: str | None
    country: str | None
    evidence: str


def statistics(conn: sqlite3.Connection, *, category: str | None = None, country: str | None = None,
               limit: int = 1000, offset: int = 0) -> list[StatisticRow]:
    """Stored statistics (tallies with an as-of date), oldest first, with their first evidence span."""
    clauses: list[str] = []
    args: list[Any] = []
    if category:
        clauses.append("s.category = ?")
        args.append(category)
    if country:
        clauses.append("p.country = ?")
        args.append(country)
    sql = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = conn.execute(
        "SELECT s.id, d.doc, s.measure, s.category, s.value, s.qualifier, s.unit, s.as_of, p.name, p.country,"
        " coalesce((SELECT v.text FROM evidence v WHERE v.statistic_id = s.id ORDER BY v.ordinal LIMIT 1), '')"
        f" FROM statistics s JOIN documents d ON d.id = s.document_id LEFT JOIN places p ON p.id = s.place_id{sql}"
        " ORDER BY s.as_of IS NULL, s.as_of, s.id LIMIT ? OFFSET ?", args + [limit, offset])
    return [StatisticRow(*row) for row in rows]
