"""Consolidated incidents ("events") in the store.

The machine incidents of every document are consolidated into events by
``rebuild_events`` after ingest or reprocess. An event row is denormalised
(place, date, headline counts, JSON of actors, conflicts and provenance) so the
web app and exports filter and page it with indexed SQL; its reports are the
incident rows in ``event_reports``. Event ids derive from a report key that
survives re-extraction (document, story, type, evidence offset), so analyst
reviews keyed by event id outlive a rebuild. ``event_overrides`` pins an
incident to an event: an analyst's merge or split, honoured by every rebuild.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterator

from factfinder.consolidate import consolidate, outlet_of
from factfinder.consolidate.merge import merge_cluster
from factfinder.model import (
    ConsolidatedIncident, Conflict, Count, DateRange, FieldValue, Incident, Place, Report, Span,
)
from factfinder.store.queries import iter_incident_rows
from factfinder.values.fts import fts_query
from factfinder.values.isodate import check_day
from factfinder.values.places import is_country_code, parse_bbox

if TYPE_CHECKING:
    from factfinder.store.sqlite import Store


_HEADLINE_COUNTS = ("killed", "injured", "arrested", "displaced")


def report_key(incident: Incident) -> str:
    """A key that survives re-extraction of the same text by the same rules."""
    first = incident.evidence[0].start if incident.evidence else -1
    return f"{incident.doc}:{incident.story}:{incident.type}:{first}"


def load_reports(conn: sqlite3.Connection) -> tuple[list[Report], dict[str, int]]:
    """Every stored incident as a report, and the incident row id of each report key."""
    docs = {doc: (url, published) for doc, url, published in
            conn.execute("SELECT doc, url, published FROM documents")}
    duplicate_of = {(doc, idx): dup for doc, idx, dup in conn.execute(
        "SELECT d.doc, s.idx, o.idx FROM stories s JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN stories o ON o.id = s.duplicate_of")}
    reports: list[Report] = []
    ids: dict[str, int] = {}
    for rowid, incident in iter_incident_rows(conn):
        key = report_key(incident)
        if key in ids:  # two incidents of one type from one sentence: keep them apart
            key = f"{key}#{rowid}"
        ids[key] = rowid
        url, published = docs.get(incident.doc, (None, None))
        story = incident.story
        origin = duplicate_of.get((incident.doc, story)) if story is not None else None
        fingerprint = f"{incident.doc}:{origin if origin is not None else story}" if story is not None else None
        reports.append(Report(key=key, incident=incident, outlet=outlet_of(url, incident.doc),
                              published=published, text_fingerprint=fingerprint))
    return reports, ids


def rebuild_events(store: "Store") -> int:
    """Consolidate every stored incident into events; returns how many events."""
    conn = store.conn
    reports, ids = load_reports(conn)
    pinned = dict(conn.execute("SELECT report_key, event_id FROM event_overrides"))
    forced: dict[str, list[Report]] = {}
    free: list[Report] = []
    for report in reports:
        if report.key in pinned:
            forced.setdefault(pinned[report.key], []).append(report)
        else:
            free.append(report)
    events = [replace(merge_cluster(members), id=event_id) for event_id, members in forced.items()]
    events += consolidate(free)
    with store.transaction():
        conn.execute("DELETE FROM event_reports")
        conn.execute("DELETE FROM events")
        for event in events:
            _insert(conn, event, ids)
    return len(events)


def _fv(values: tuple[FieldValue, ...]) -> list[dict[str, Any]]:
    return [{"value": v.value, "reports": list(v.reports)} for v in values]


def _insert(conn: sqlite3.Connection, event: ConsolidatedIncident, ids: dict[str, int]) -> None:
    loc, date = event.location, event.date
    counts = {c.category: c.value for c in event.counts}
    main = event.primary
    conn.execute(
        "INSERT INTO events (id, type, date_start, date_end, date_precision, place_name, lat, lon, country,"
        " admin1, admin2, place_precision, perpetrators, targets, counts, killed, injured, arrested, displaced,"
        " verification, independent_sources, conflicts, provenance, summary, n_reports)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event.id, event.type, date.start if date else None, date.end if date else None,
         date.precision if date else None, loc.name if loc else None, loc.lat if loc else None,
         loc.lon if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
         loc.admin2 if loc else None, loc.precision if loc else None,
         json.dumps(list(event.perpetrators)), json.dumps(list(event.targets)),
         json.dumps([[c.category, c.value, c.qualifier, c.unit, c.span.start, c.span.end, c.span.text]
                     for c in event.counts]),
         *(counts.get(k) for k in _HEADLINE_COUNTS), event.verification, event.independent_sources,
         json.dumps([{"field": c.field, "values": _fv(c.values)} for c in event.conflicts]),
         json.dumps([[f, _fv(v)] for f, v in event.provenance]), main.summary, len(event.reports)))
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
        clauses, args = [], []  # type: ignore[var-annotated]
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
            clauses.append("(EXISTS (SELECT 1 FROM json_each(e.perpetrators) WHERE value = ?)"
                           " OR EXISTS (SELECT 1 FROM json_each(e.targets) WHERE value = ?))")
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
    row = conn.execute(
        "SELECT type, date_start, date_end, date_precision, place_name, lat, lon, country, admin1, admin2,"
        " place_precision, perpetrators, targets, counts, verification, independent_sources, conflicts,"
        " provenance FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    (kind, d0, d1, dp, name, lat, lon, country, admin1, admin2, pp, perps, targets, counts, verification,
     independent, conflicts, provenance) = row
    members = conn.execute("SELECT incident_id, report_key, outlet FROM event_reports WHERE event_id = ?"
                           " ORDER BY rowid", (event_id,)).fetchall()
    incidents = dict(iter_incident_rows(conn, ids=[m[0] for m in members])) if members else {}
    published = {}
    reports = []
    for incident_id, key, outlet in members:
        incident = incidents[incident_id]
        if incident.doc not in published:
            row_p = conn.execute("SELECT published FROM documents WHERE doc = ?", (incident.doc,)).fetchone()
            published[incident.doc] = row_p[0] if row_p else None
        reports.append(Report(key=key, incident=incident, outlet=outlet, published=published[incident.doc]))
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
                batch: int = 500) -> Iterator[ConsolidatedIncident]:
    """Stream full events (with reports) in pages, for exports of any size."""
    offset = 0
    while True:
        ids = event_ids(conn, where, limit=batch, offset=offset, order=order)
        if not ids:
            return
        for event_id in ids:
            event = get_event(conn, event_id)
            if event is not None:
                yield event
        offset += batch


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
