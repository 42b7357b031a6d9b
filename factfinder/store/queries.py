"""Read the store back as model objects. Small on purpose: web and export add their own."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator

from factfinder.model import (
    AcledCode, Actor, Attribution, Confidence, Count, DateRange, Document, Incident, OcrWord, PageText, Place,
    Source, Span, Story,
)
from factfinder.values.search_keys import fts_match

# Rows read per query when loading incidents or events: far below SQLite's
# limit of bound parameters, large enough that a 50,000-incident export needs
# a few hundred queries in all.
CHUNK = 1000


@dataclass(frozen=True, slots=True)
class StoredIncident:
    """A stored incident with what consolidation needs to know about its telling."""

    id: int  # row id in ``incidents``
    key: str  # report key, stable across re-extraction (store/writer.py)
    incident: Incident
    url: str | None  # of its document: who published it
    published: str | None
    fingerprint: str | None  # "<doc>:<story>" of the story it was told in, or of the one that story repeats
    language: str | None = None  # of the story it was told in, else of its document


def iter_sources(conn: sqlite3.Connection, *, sha256: str | None = None) -> Iterator[Source]:
    where, args = ("WHERE sha256 = ?", (sha256,)) if sha256 is not None else ("", ())
    rows = conn.execute("SELECT sha256, size, media_type, origin, captured_at, http_headers, parent, error,"
                        f" http_status FROM sources {where} ORDER BY rowid", args)
    for sha, size, media_type, origin, captured_at, headers, parent, error, status in rows:
        yield Source(sha, size, media_type, origin, captured_at,
                     tuple((k, v) for k, v in json.loads(headers)), parent, error, status)


def iter_stories(conn: sqlite3.Connection, doc: str) -> Iterator[Story]:
    rows = conn.execute(
        'SELECT s.idx, s.start, s."end", s.title, d.idx, s.language FROM stories s JOIN documents x'
        " ON x.id = s.document_id LEFT JOIN stories d ON d.id = s.duplicate_of WHERE x.doc = ? ORDER BY s.idx", (doc,))
    for idx, start, end, title, dup, language in rows:
        yield Story(idx, start, end, title, dup, language)


def iter_documents(conn: sqlite3.Connection, *, doc: str | None = None) -> Iterator[Document]:
    where, args = ("WHERE doc = ?", (doc,)) if doc is not None else ("", ())
    rows = conn.execute("SELECT doc, text, title, published, language, author, url, external_id, notes"
                        f" FROM documents {where} ORDER BY id", args).fetchall()
    for doc_sha, text, title, published, language, author, url, ext_id, notes in rows:
        yield Document(doc_sha, text, title, published, language, author, url,
                       tuple(iter_stories(conn, doc_sha)), ext_id, tuple(json.loads(notes)), iter_pages(conn, doc_sha))


def iter_pages(conn: sqlite3.Connection, doc: str) -> tuple[PageText, ...]:
    """The pages of a PDF or scan with their provenance and OCR word boxes (schema step 9)."""
    rows = conn.execute(
        'SELECT p.number, p.start, p."end", p.method, p.engine, p.languages, p.confidence, p.width, p.height,'
        " p.dpi, p.words FROM document_pages p JOIN documents d ON d.id = p.document_id WHERE d.doc = ?"
        " ORDER BY p.number", (doc,))
    return tuple(PageText(number, start, end, method, engine, languages, confidence, width, height, dpi,
                          tuple(OcrWord(w[0], w[1], (w[2], w[3], w[4], w[5]), w[6]) for w in json.loads(words)))
                 for number, start, end, method, engine, languages, confidence, width, height, dpi, words in rows)


def search_stories(conn: sqlite3.Connection, query: str, *, limit: int = 50) -> list[tuple[str, int]]:
    """(document, story) pairs whose story holds every word of ``query``, in any script (store/search.py)."""
    match = fts_match(query)
    if match is None:
        return []
    rows = conn.execute(
        "SELECT d.doc, s.idx FROM stories_fts f JOIN stories s ON s.id = f.rowid"
        " JOIN documents d ON d.id = s.document_id WHERE stories_fts MATCH ? ORDER BY f.rank LIMIT ?",
        (match, limit))
    return [(doc, idx) for doc, idx in rows]


def iter_incidents(conn: sqlite3.Connection, *, doc: str | None = None,
                   limit: int | None = None) -> Iterator[Incident]:
    """Incidents in storage order, each with its evidence, counts, actors and place."""
    for _, incident in iter_incident_rows(conn, doc=doc, limit=limit):
        yield incident


def iter_incident_rows(conn: sqlite3.Connection, *, doc: str | None = None,
                       ids: list[int] | None = None, limit: int | None = None
                       ) -> Iterator[tuple[int, Incident]]:
    """(row id, incident) pairs in row order, for callers that link to incidents (events, reviews)."""
    for stored in iter_stored_incidents(conn, doc=doc, ids=ids, limit=limit):
        yield stored.id, stored.incident


def iter_stored_incidents(conn: sqlite3.Connection, *, doc: str | None = None, ids: Iterable[int] | None = None,
                          limit: int | None = None) -> Iterator[StoredIncident]:
    """Incidents with their row id, report key and document facts, in row order.

    Read a chunk of rows at a time with one query per table (incidents, evidence,
    counts, actors, attributions), so that the number of queries grows with the
    number of chunks, not of incidents (bench/export.py counts them).
    """
    if ids is not None:
        wanted = sorted(set(ids))
    else:
        where, args = ("WHERE d.doc = ?", (doc,)) if doc is not None else ("", ())
        wanted = [r[0] for r in conn.execute(
            f"SELECT i.id FROM incidents i JOIN documents d ON d.id = i.document_id {where} ORDER BY i.id"
            + (" LIMIT ?" if limit is not None else ""), args + ((limit,) if limit is not None else ()))]
    for n in range(0, len(wanted), CHUNK):
        yield from _load_chunk(conn, wanted[n:n + CHUNK])


def load_stored_incidents(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, StoredIncident]:
    """Incidents by row id (missing ids are left out)."""
    return {s.id: s for s in iter_stored_incidents(conn, ids=ids)}


def _in(ids: list[int]) -> str:
    return f"({','.join('?' * len(ids))})"


def _load_chunk(conn: sqlite3.Connection, ids: list[int]) -> Iterator[StoredIncident]:
    marks = _in(ids)
    rows = conn.execute(
        "SELECT i.id, i.report_key, d.doc, d.url, d.published, i.type, i.summary, i.story, i.date_start,"
        " i.date_end, i.date_precision, i.date_text_start, i.date_text_end, i.date_text, i.verification,"
        ' i.external_id, p.id, p.start, p."end", p.text, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2,'
        " p.geonameid, p.precision, p.confidence, o.idx, i.subtype, i.acled_event_type, i.acled_sub_event_type,"
        " coalesce(s.language, d.language)"
        " FROM incidents i JOIN documents d ON d.id = i.document_id"
        " LEFT JOIN places p ON p.id = i.place_id LEFT JOIN stories s ON s.id = i.story_id"
        f" LEFT JOIN stories o ON o.id = s.duplicate_of WHERE i.id IN {marks} ORDER BY i.id", ids).fetchall()
    evidence: dict[int, list[Span]] = defaultdict(list)
    for iid, start, end, text in conn.execute(
            f'SELECT incident_id, start, "end", text FROM evidence WHERE incident_id IN {marks}'
            " ORDER BY incident_id, ordinal", ids):
        evidence[iid].append(Span(start, end, text))
    counts: dict[int, list[Count]] = defaultdict(list)
    for iid, c, v, q, u, s, e, t in conn.execute(
            f'SELECT incident_id, category, value, qualifier, unit, start, "end", text FROM counts'
            f" WHERE incident_id IN {marks} ORDER BY incident_id, ordinal", ids):
        counts[iid].append(Count(c, v, q, u, Span(s, e, t)))
    actors: dict[tuple[int, str], list[Actor]] = defaultdict(list)
    for iid, role, name, kind, s, e, t in conn.execute(
            'SELECT ia.incident_id, ia.role, a.name, a.kind, ia.start, ia."end", ia.text FROM incident_actors ia'
            f" JOIN actors a ON a.id = ia.actor_id WHERE ia.incident_id IN {marks}"
            " ORDER BY ia.incident_id, ia.role, ia.ordinal", ids):
        actors[(iid, role)].append(Actor(name, Span(s, e, t), kind))
    attribution: dict[int, list[Attribution]] = defaultdict(list)
    for iid, source, kind, s, e, t in conn.execute(
            f'SELECT incident_id, source, kind, start, "end", text FROM attributions WHERE incident_id IN {marks}'
            " ORDER BY incident_id, ordinal", ids):
        attribution[iid].append(Attribution(source, kind, Span(s, e, t)))
    confidence = {iid: Confidence(*values) for iid, *values in conn.execute(
        "SELECT incident_id, incident, type, location, date, counts, actors FROM incident_confidence"
        f" WHERE incident_id IN {marks}", ids)}
    for (iid, key, doc_sha, url, published, type_, summary, story, d_start, d_end, precision, ts, te, tt,
         verification, ext_id, place_id, p_start, p_end, p_text, *place, copy_of, subtype, acled_type,
         acled_sub, language) in rows:
        date = None
        if d_start is not None:
            date = DateRange(d_start, d_end, precision, Span(ts, te, tt) if ts is not None else None)
        location = Place(Span(p_start, p_end, p_text), *place) if place_id is not None else None
        incident = Incident(
            doc=doc_sha, type=type_, summary=summary, evidence=tuple(evidence[iid]), story=story, date=date,
            location=location, perpetrators=tuple(actors[(iid, "perpetrator")]),
            targets=tuple(actors[(iid, "target")]), counts=tuple(counts[iid]),
            attribution=tuple(attribution[iid]), verification=verification, id=ext_id, subtype=subtype,
            acled=AcledCode(acled_type, acled_sub) if acled_type is not None else None,
            confidence=confidence.get(iid))
        fingerprint = None
        if story is not None:
            fingerprint = f"{doc_sha}:{copy_of if copy_of is not None else story}"
        yield StoredIncident(id=iid, key=key, incident=incident, url=url, published=published,
                             fingerprint=fingerprint, language=language)


def scanned_documents(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(doc, media type, origin) of every stored PDF and image with its original kept, in store order."""
    return [(doc, media_type, origin) for doc, media_type, origin in conn.execute(
        "SELECT d.doc, s.media_type, s.origin FROM documents d JOIN sources s ON s.sha256 = d.source"
        " WHERE s.stored = 1 AND (s.media_type LIKE 'application/pdf%' OR s.media_type LIKE 'image/%')"
        " ORDER BY d.id")]
