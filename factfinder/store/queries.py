"""Read the store back as model objects. Small on purpose: web and export add their own."""

from __future__ import annotations

import json
import sqlite3
from typing import Iterator

from factfinder.model import (
    Actor, Attribution, Count, DateRange, Document, Incident, Place, Source, Span, Story,
)


def iter_sources(conn: sqlite3.Connection, *, sha256: str | None = None) -> Iterator[Source]:
    where, args = ("WHERE sha256 = ?", (sha256,)) if sha256 is not None else ("", ())
    rows = conn.execute("SELECT sha256, size, media_type, origin, captured_at, http_headers, parent, error,"
                        f" http_status FROM sources {where} ORDER BY rowid", args)
    for sha, size, media_type, origin, captured_at, headers, parent, error, status in rows:
        yield Source(sha, size, media_type, origin, captured_at,
                     tuple((k, v) for k, v in json.loads(headers)), parent, error, status)


def iter_stories(conn: sqlite3.Connection, doc: str) -> Iterator[Story]:
    rows = conn.execute(
        'SELECT s.idx, s.start, s."end", s.title, d.idx FROM stories s JOIN documents x ON x.id = s.document_id'
        " LEFT JOIN stories d ON d.id = s.duplicate_of WHERE x.doc = ? ORDER BY s.idx", (doc,))
    for idx, start, end, title, dup in rows:
        yield Story(idx, start, end, title, dup)


def iter_documents(conn: sqlite3.Connection, *, doc: str | None = None) -> Iterator[Document]:
    where, args = ("WHERE doc = ?", (doc,)) if doc is not None else ("", ())
    rows = conn.execute("SELECT doc, text, title, published, language, author, url, external_id, notes"
                        f" FROM documents {where} ORDER BY id", args).fetchall()
    for doc_sha, text, title, published, language, author, url, ext_id, notes in rows:
        yield Document(doc_sha, text, title, published, language, author, url,
                       tuple(iter_stories(conn, doc_sha)), ext_id, tuple(json.loads(notes)))


def search_stories(conn: sqlite3.Connection, query: str, *, limit: int = 50) -> list[tuple[str, int]]:
    rows = conn.execute(
        "SELECT d.doc, s.idx FROM stories_fts f JOIN stories s ON s.id = f.rowid"
        " JOIN documents d ON d.id = s.document_id WHERE stories_fts MATCH ? ORDER BY f.rank LIMIT ?",
        (query, limit))
    return [(doc, idx) for doc, idx in rows]


def _place(conn: sqlite3.Connection, place_id: int | None) -> Place | None:
    if place_id is None:
        return None
    row = conn.execute('SELECT start, "end", text, name, lat, lon, country, admin1, admin2, geonameid,'
                       " precision, confidence FROM places WHERE id = ?", (place_id,)).fetchone()
    start, end, text, *rest = row
    return Place(Span(start, end, text), *rest)


def _spans(conn: sqlite3.Connection, owner: str, owner_id: int) -> tuple[Span, ...]:
    return tuple(Span(*r) for r in conn.execute(
        f'SELECT start, "end", text FROM evidence WHERE {owner} = ? ORDER BY ordinal', (owner_id,)))


def _attribution(conn: sqlite3.Connection, owner: str, owner_id: int) -> tuple[Attribution, ...]:
    return tuple(Attribution(source, kind, Span(s, e, t)) for source, kind, s, e, t in conn.execute(
        f'SELECT source, kind, start, "end", text FROM attributions WHERE {owner} = ? ORDER BY ordinal',
        (owner_id,)))


def _actors(conn: sqlite3.Connection, incident_id: int, role: str) -> tuple[Actor, ...]:
    return tuple(Actor(name, Span(s, e, t), kind) for name, kind, s, e, t in conn.execute(
        'SELECT a.name, a.kind, ia.start, ia."end", ia.text FROM incident_actors ia JOIN actors a'
        " ON a.id = ia.actor_id WHERE ia.incident_id = ? AND ia.role = ? ORDER BY ia.ordinal",
        (incident_id, role)))


def iter_incidents(conn: sqlite3.Connection, *, doc: str | None = None,
                   limit: int | None = None) -> Iterator[Incident]:
    """Incidents in storage order, each with its evidence, counts, actors and place."""
    for _, incident in iter_incident_rows(conn, doc=doc, limit=limit):
        yield incident


def iter_incident_rows(conn: sqlite3.Connection, *, doc: str | None = None,
                       ids: list[int] | None = None, limit: int | None = None
                       ) -> Iterator[tuple[int, Incident]]:
    """(row id, incident) pairs, for callers that link to incidents (events, reviews)."""
    where, args = ("WHERE d.doc = ?", (doc,)) if doc is not None else ("", ())
    if ids is not None:
        where, args = f"WHERE i.id IN ({','.join('?' * len(ids))})", tuple(ids)
    rows = conn.execute(
        "SELECT i.id, d.doc, i.type, i.summary, i.story, i.date_start, i.date_end, i.date_precision,"
        " i.date_text_start, i.date_text_end, i.date_text, i.place_id, i.verification, i.external_id"
        f" FROM incidents i JOIN documents d ON d.id = i.document_id {where} ORDER BY i.id"
        + (" LIMIT ?" if limit is not None else ""), args + ((limit,) if limit is not None else ())).fetchall()
    for (iid, doc_sha, type_, summary, story, d_start, d_end, precision, ts, te, tt,
         place_id, verification, ext_id) in rows:
        date = None
        if d_start is not None:
            date = DateRange(d_start, d_end, precision, Span(ts, te, tt) if ts is not None else None)
        counts = tuple(Count(c, v, q, u, Span(s, e, t)) for c, v, q, u, s, e, t in conn.execute(
            'SELECT category, value, qualifier, unit, start, "end", text FROM counts WHERE incident_id = ?'
            " ORDER BY ordinal", (iid,)))
        yield iid, Incident(
            doc=doc_sha, type=type_, summary=summary, evidence=_spans(conn, "incident_id", iid), story=story,
            date=date, location=_place(conn, place_id), perpetrators=_actors(conn, iid, "perpetrator"),
            targets=_actors(conn, iid, "target"), counts=counts,
            attribution=_attribution(conn, "incident_id", iid), verification=verification, id=ext_id)
