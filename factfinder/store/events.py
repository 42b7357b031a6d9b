"""Consolidated incidents ("events") in the store.

The store keeps events and hands them out; it does not make them. The
consolidation stage (factfinder/consolidate/stored.py) reads incidents through
the store, clusters them and writes the events back through
``Store.write_events`` (``write_events`` here), replacing the events it
re-made. An event row is narrow and denormalised (place, date, headline counts) so the
web app and exports filter and page it with indexed SQL; the JSON of actors,
counts, conflicts and provenance is in ``event_details``; its reports are the
incident rows in ``event_reports``; ``events_fts`` holds the words of its
stories and evidence.
Event ids derive from a report key that survives re-extraction (document,
story, type, evidence offset), so analyst reviews keyed by event id outlive a
rebuild. ``event_overrides`` pins an incident to an event: an analyst's merge
or split, honoured by every consolidation.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from factfinder.model import (
    ConsolidatedIncident, Conflict, Count, DateRange, FieldValue, Place, Report, Span,
)
from factfinder.store.queries import CHUNK, load_stored_incidents
from factfinder.values.fts import fts_query
from factfinder.values.isodate import check_day
from factfinder.values.places import is_country_code, parse_bbox

_HEADLINE_COUNTS = ("killed", "injured", "arrested", "displaced")
# What the review queue reads on an event's row (store/review_queue.py): its confidence (its most
# confident report's) and whether an analyst has reviewed it (reviews outlive a rebuild).
EVENT_QUEUE_COLUMNS = ("UPDATE events SET confidence = (SELECT max(c.incident) FROM event_reports r"
                       " JOIN incident_confidence c ON c.incident_id = r.incident_id WHERE r.event_id = events.id),"
                       " reviewed = EXISTS (SELECT 1 FROM reviews v WHERE v.subject_kind = 'event'"
                       " AND v.subject_id = events.id)")
# Entries of replaced events left in events_fts beyond twice the live ones plus
# this many make the next write index every event anew.
SWEEP_SLACK = 1000


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for n in range(0, len(items), CHUNK):
        yield items[n:n + CHUNK]


def _marks(part: list[Any]) -> str:
    return ",".join("?" * len(part))


def write_events(conn: sqlite3.Connection, events: Iterable[ConsolidatedIncident], *,
                 replacing: Iterable[str] | None) -> list[str]:
    """Replace the events ``replacing`` (None: every event) by ``events``; returns the ids written.

    Runs inside the caller's transaction. Every incident of a written event is
    consolidated from then on; so is every event replaced. The written events
    get their full-text entries (``index_events``).
    """
    events = list(events)
    if replacing is None:
        conn.execute("DELETE FROM event_reports")
        conn.execute("DELETE FROM events")  # event_details cascade
        conn.execute("DELETE FROM consolidation_stale")
        conn.execute("DELETE FROM consolidation_pending")
        conn.execute("INSERT INTO events_fts (events_fts) VALUES ('delete-all')")
    else:
        for part in _chunks(sorted(set(replacing))):
            conn.execute(f"DELETE FROM events WHERE id IN ({_marks(part)})", part)  # reports, details cascade
            conn.execute(f"DELETE FROM consolidation_stale WHERE event_id IN ({_marks(part)})", part)
    ids: dict[str, int] = {}
    for part in _chunks([r.key for e in events for r in e.reports]):
        ids.update(conn.execute(f"SELECT report_key, id FROM incidents WHERE report_key IN ({_marks(part)})",
                                part).fetchall())
    for event in events:
        _insert(conn, event, ids)
    if replacing is not None:
        for part in _chunks(sorted(ids.values())):
            conn.execute(f"DELETE FROM consolidation_pending WHERE incident_id IN ({_marks(part)})", part)
    written = [e.id for e in events]
    for part in _chunks(written):
        conn.execute(f"{EVENT_QUEUE_COLUMNS} WHERE id IN ({_marks(part)})", part)
    index_events(conn, written)
    if replacing is not None and _swept_entries_due(conn):
        conn.execute("INSERT INTO events_fts (events_fts) VALUES ('delete-all')")
        index_events(conn, [r[0] for r in conn.execute("SELECT id FROM events")])
    return written


def index_events(conn: sqlite3.Connection, event_ids: list[str]) -> None:
    """Full-text entries of events: the text of the stories and the evidence of their reports.

    One entry per event (rowid = ``events.num``), so a search finds events
    without joining stories to incidents to events; the words of one event's
    stories and evidence are matched together.
    """
    for part in _chunks(event_ids):
        conn.execute(
            "INSERT INTO events_fts (rowid, text) SELECT e.num, (SELECT group_concat(t, ' ') FROM ("
            "SELECT coalesce(s.title, '') || ' ' || substr(d.text, s.start + 1, s.\"end\" - s.start) AS t"
            " FROM event_reports r JOIN incidents i ON i.id = r.incident_id JOIN stories s ON s.id = i.story_id"
            " JOIN documents d ON d.id = s.document_id WHERE r.event_id = e.id"
            " UNION SELECT v.text FROM event_reports r JOIN evidence v ON v.incident_id = r.incident_id"
            f" WHERE r.event_id = e.id)) FROM events e WHERE e.id IN ({_marks(part)})", part)


def _swept_entries_due(conn: sqlite3.Connection) -> bool:
    """True when entries of replaced events outnumber the live ones (then the index is made anew).

    A contentless FTS5 entry cannot be deleted without its text, which may be
    gone (a re-extracted incident); an entry whose event number is gone matches
    no row, so entries are left behind and swept in one go now and then.
    """
    entries = conn.execute("SELECT count(*) FROM events_fts_docsize").fetchone()[0]
    live = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return bool(entries > 2 * live + SWEEP_SLACK)


def _fv(values: tuple[FieldValue, ...]) -> list[dict[str, Any]]:
    return [{"value": v.value, "reports": list(v.reports)} for v in values]


def _insert(conn: sqlite3.Connection, event: ConsolidatedIncident, ids: dict[str, int]) -> None:
    loc, date = event.location, event.date
    counts = {c.category: c.value for c in event.counts}
    main = event.primary
    conn.execute(
        "INSERT INTO events (id, type, date_start, date_end, date_precision, place_name, lat, lon, country,"
        " admin1, admin2, place_precision, killed, injured, arrested, displaced, verification,"
        " independent_sources, summary, n_reports) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event.id, event.type, date.start if date else None, date.end if date else None,
         date.precision if date else None, loc.name if loc else None, loc.lat if loc else None,
         loc.lon if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
         loc.admin2 if loc else None, loc.precision if loc else None,
         *(counts.get(k) for k in _HEADLINE_COUNTS), event.verification, event.independent_sources,
         main.summary, len(event.reports)))
    conn.execute(
        "INSERT INTO event_details (event_id, perpetrators, targets, counts, conflicts, provenance)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (event.id, json.dumps(list(event.perpetrators)), json.dumps(list(event.targets)),
         json.dumps([[c.category, c.value, c.qualifier, c.unit, c.span.start, c.span.end, c.span.text]
                     for c in event.counts]),
         json.dumps([{"field": c.field, "values": _fv(c.values)} for c in event.conflicts]),
         json.dumps([[f, _fv(v)] for f, v in event.provenance])))
    conn.executemany(
        "INSERT OR IGNORE INTO event_reports (event_id, incident_id, report_key, outlet, doc) VALUES (?, ?, ?, ?, ?)",
        [(event.id, ids[r.key], r.key, r.outlet, r.incident.doc) for r in event.reports])


# --- reading --------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the CLI export, the web list, the map and the API."""

    types: tuple[str, ...] = ()
    country: str | None = None
    admin1: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive, against the event's end
    date_to: str | None = None  # YYYY-MM-DD, inclusive, against the event's start
    verification: str | None = None
    actor: str | None = None  # a canonical perpetrator or target name
    source: str | None = None  # an outlet
    q: str | None = None  # the user's words, matched over the events' evidence (values.fts quotes them)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if self.types:
            clauses.append(f"e.type IN ({','.join('?' * len(self.types))})")
            args.extend(self.types)
        for column, value in (("e.country", self.country), ("e.verification", self.verification)):
            if value:
                clauses.append(f"{column} = ?")
                args.append(value)
        if self.admin1:
            clauses.append("e.admin1 = ? COLLATE NOCASE")
            args.append(self.admin1)
        if self.date_from:
            clauses.append("e.date_end >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("e.date_start <= ?")
            args.append(self.date_to)
        if self.actor:
            clauses.append("EXISTS (SELECT 1 FROM event_details x WHERE x.event_id = e.id AND"
                           " (EXISTS (SELECT 1 FROM json_each(x.perpetrators) WHERE value = ?)"
                           " OR EXISTS (SELECT 1 FROM json_each(x.targets) WHERE value = ?)))")
            args.extend([self.actor, self.actor])
        if self.source:
            clauses.append("EXISTS (SELECT 1 FROM event_reports r WHERE r.event_id = e.id AND r.outlet = ?)")
            args.append(self.source)
        if self.q:
            match = fts_query(self.q)
            if match is None:  # no word to search for ("?!"): nothing matches
                clauses.append("0")
            else:
                clauses.append("EXISTS (SELECT 1 FROM event_reports r JOIN evidence v ON v.incident_id = r.incident_id"
                               " JOIN evidence_fts f ON f.rowid = v.id WHERE r.event_id = e.id"
                               " AND evidence_fts MATCH ?)")
                args.append(match)
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            args.extend([west, east, south, north])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


ORDERS = {"date": "e.date_start IS NULL, e.date_start DESC, e.id", "date_asc": "e.date_start IS NULL, e.date_start, e.id",
          "type": "e.type, e.date_start DESC", "sources": "e.independent_sources DESC, e.date_start DESC",
          "killed": "e.killed IS NULL, e.killed DESC", "country": "e.country, e.admin1, e.date_start DESC"}


def count_events(conn: sqlite3.Connection, where: EventFilter | None = None) -> int:
    sql, args = (where or EventFilter()).where()
    return int(conn.execute(f"SELECT count(*) FROM events e{sql}", args).fetchone()[0])


def event_ids(conn: sqlite3.Connection, where: EventFilter | None = None, *, limit: int | None = None,
              offset: int = 0, order: str = "date") -> list[str]:
    sql, args = (where or EventFilter()).where()
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    return [r[0] for r in conn.execute(f"SELECT e.id FROM events e{sql} ORDER BY {ORDERS[order]}{page}", args)]


def get_event(conn: sqlite3.Connection, event_id: str) -> ConsolidatedIncident | None:
    return next(iter(load_events(conn, [event_id])), None)


def load_events(conn: sqlite3.Connection, event_ids: list[str]) -> list[ConsolidatedIncident]:
    """Full events (reports with their incidents) in the order asked; unknown ids are left out.

    A fixed number of queries per chunk of events (rows, members, then the
    members' incidents chunk by chunk), never a query per event or per report.
    """
    out: list[ConsolidatedIncident] = []
    for n in range(0, len(event_ids), CHUNK):
        part = event_ids[n:n + CHUNK]
        marks = ",".join("?" * len(part))
        rows = {r[0]: r[1:] for r in conn.execute(
            "SELECT e.id, e.type, e.date_start, e.date_end, e.date_precision, e.place_name, e.lat, e.lon, e.country,"
            " e.admin1, e.admin2, e.place_precision, x.perpetrators, x.targets, x.counts, e.verification,"
            " e.independent_sources, x.conflicts, x.provenance FROM events e"
            f" JOIN event_details x ON x.event_id = e.id WHERE e.id IN ({marks})", part)}
        members: dict[str, list[tuple[int, str, str | None]]] = {}
        for event_id, incident_id, key, outlet in conn.execute(
                f"SELECT event_id, incident_id, report_key, outlet FROM event_reports WHERE event_id IN ({marks})"
                " ORDER BY rowid", part):
            members.setdefault(event_id, []).append((incident_id, key, outlet))
        stored = load_stored_incidents(conn, [m[0] for ms in members.values() for m in ms])
        for event_id in part:
            if event_id in rows:
                reports = [Report(key=key, incident=stored[iid].incident, outlet=outlet,
                                  published=stored[iid].published, language=stored[iid].language)
                           for iid, key, outlet in members.get(event_id, ()) if iid in stored]
                out.append(_event(event_id, rows[event_id], reports))
    return out


def _event(event_id: str, row: tuple[Any, ...], reports: list[Report]) -> ConsolidatedIncident:
    (kind, d0, d1, dp, name, lat, lon, country, admin1, admin2, pp, perps, targets, counts, verification,
     independent, conflicts, provenance) = row
    place = None
    if name is not None or lat is not None:
        text = next((r.incident.location.span for r in reports if r.incident.location is not None
                     and r.incident.location.name == name), Span(0, 0, ""))
        place = Place(span=text, name=name, lat=lat, lon=lon, country=country, admin1=admin1, admin2=admin2,
                      precision=pp)
    return ConsolidatedIncident(
        id=event_id, type=kind, reports=tuple(reports),
        date=DateRange(d0, d1, dp) if d0 else None, location=place,
        perpetrators=tuple(json.loads(perps)), targets=tuple(json.loads(targets)),
        counts=tuple(Count(c, v, q, u, Span(s, e, t)) for c, v, q, u, s, e, t in json.loads(counts)),
        provenance=tuple((f, _values(v)) for f, v in json.loads(provenance)),
        conflicts=tuple(Conflict(c["field"], _values(c["values"])) for c in json.loads(conflicts)),
        verification=verification, independent_sources=independent)


def _values(raw: list[dict[str, Any]]) -> tuple[FieldValue, ...]:
    return tuple(FieldValue(v["value"], tuple(v["reports"])) for v in raw)


def iter_events(conn: sqlite3.Connection, where: EventFilter | None = None, *, order: str = "date",
                batch: int = CHUNK) -> Iterator[ConsolidatedIncident]:
    """Stream full events (with reports) a chunk at a time, for exports of any size.

    The ids of the selection are read once, in order; each chunk then costs a
    fixed number of queries (``load_events``).
    """
    ids = event_ids(conn, where, order=order)
    for n in range(0, len(ids), batch):
        yield from load_events(conn, ids[n:n + batch])


def validate_filter(*, types: tuple[str, ...] | list[str] = (), country: str | None = None,
                    admin1: str | None = None, date_from: str | None = None, date_to: str | None = None,
                    verification: str | None = None, actor: str | None = None, source: str | None = None,
                    q: str | None = None, bbox: str | None = None) -> EventFilter:
    """Build a filter from user input, refusing bad values with the reason (CLI and web 400s)."""
    from factfinder.errors import UsageError
    from factfinder.model import INCIDENT_TYPES, VERIFICATIONS

    unknown = [t for t in types if t not in INCIDENT_TYPES]
    if unknown:
        raise UsageError(f"unknown incident type {unknown[0]!r}; known types: {', '.join(INCIDENT_TYPES)}")
    if country is not None and not is_country_code(country):
        raise UsageError(f"country {country!r} is not an ISO 3166-1 alpha-2 code such as MM or SD")
    for name, value in (("since", date_from), ("until", date_to)):
        check_day(value or None, name=name)
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"since {date_from} is after until {date_to}; swap them")
    if verification is not None and verification not in VERIFICATIONS:
        raise UsageError(f"unknown verification {verification!r}; known: {', '.join(VERIFICATIONS)}")
    box = parse_bbox(bbox) if bbox else None
    return EventFilter(types=tuple(types), country=country.upper() if country else None, admin1=admin1 or None,
                       date_from=date_from or None, date_to=date_to or None, verification=verification or None,
                       actor=actor or None, source=source or None, q=(q or "").strip() or None, bbox=box)
