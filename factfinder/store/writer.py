"""Rows for documents and extractions: the model objects flattened into tables.

Runs inside the caller's transaction; every span keeps its start, end and text
so that the objects can be rebuilt exactly (``queries.py``).
"""

from __future__ import annotations

import json
import sqlite3

from factfinder.errors import StoreError
from factfinder.model import Actor, Attribution, Document, Extraction, Incident, Place, Span, Statistic
from factfinder.values.search_keys import index_text


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The row id of the row an INSERT just made.

    sqlite3 types ``lastrowid`` as optional (no row was inserted); after an
    INSERT that succeeded it is always set, so None here is a bug, said loudly.
    """
    if cursor.lastrowid is None:
        raise StoreError("an INSERT returned no row id; this is a bug in the store, please report it")
    return cursor.lastrowid


def index_stories(conn: sqlite3.Connection) -> int:
    """Add every story not yet in the full-text index; returns how many.

    Stories get ids in insertion order and are indexed in that order, so the
    ones waiting are those above the highest indexed id (read from the FTS5
    ``_docsize`` shadow table, one row per indexed story). Indexing a batch in
    one go costs a fraction of one FTS5 segment per story (bench/ingest.py).
    The index holds search keys in any script (values/search_keys.py), not the text.
    """
    last = conn.execute("SELECT coalesce(max(id), 0) FROM stories_fts_docsize").fetchone()[0]
    rows = conn.execute(
        'SELECT s.id, coalesce(s.title, \'\'), substr(d.text, s.start + 1, s."end" - s.start)'
        " FROM stories s JOIN documents d ON d.id = s.document_id WHERE s.id > ? ORDER BY s.id",
        (last,)).fetchall()
    conn.executemany("INSERT INTO stories_fts (rowid, title, text) VALUES (?, ?, ?)",
                     [(story_id, index_text(title), index_text(text)) for story_id, title, text in rows])
    return len(rows)


def insert_document(conn: sqlite3.Connection, document: Document, source_sha: str | None, now: str,
                    *, index: bool = True) -> bool:
    if conn.execute("SELECT 1 FROM documents WHERE doc = ?", (document.doc,)).fetchone():
        return False
    if source_sha is not None and not conn.execute(
            "SELECT 1 FROM sources WHERE sha256 = ?", (source_sha,)).fetchone():
        source_sha = None  # a document without a stored original (a --jsonl line, a test)
    doc_id = inserted_id(conn.execute(
        "INSERT INTO documents (doc, source, text, title, published, language, author, url, external_id,"
        " notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (document.doc, source_sha, document.text, document.title, document.published, document.language,
         document.author, document.url, document.id, json.dumps(list(document.notes), ensure_ascii=False),
         now)))
    _insert_layout(conn, doc_id, document)
    if index:
        index_stories(conn)
    return True


def _insert_layout(conn: sqlite3.Connection, doc_id: int, document: Document) -> None:
    """The document's stories (with their duplicate links) and pages."""
    ids: dict[int, int] = {}
    for story in document.stories:
        story_id = inserted_id(conn.execute(
            'INSERT INTO stories (document_id, idx, start, "end", title, language) VALUES (?, ?, ?, ?, ?, ?)',
            (doc_id, story.index, story.start, story.end, story.title, story.language)))
        ids[story.index] = story_id
    for story in document.stories:
        if story.duplicate_of is not None and story.duplicate_of in ids:
            conn.execute("UPDATE stories SET duplicate_of = ? WHERE id = ?",
                         (ids[story.duplicate_of], ids[story.index]))
    conn.executemany(
        'INSERT INTO document_pages (document_id, number, start, "end", method, engine, languages, confidence,'
        " width, height, dpi, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, p.number, p.start, p.end, p.method, p.engine, p.languages, p.confidence, p.width, p.height, p.dpi,
          json.dumps([[w.start, w.end, *w.box, w.confidence] for w in p.words])) for p in document.pages])


def insert_extraction(conn: sqlite3.Connection, extraction: Extraction, now: str) -> None:
    document = extraction.document
    insert_document(conn, document, document.doc, now)
    doc_id = conn.execute("SELECT id FROM documents WHERE doc = ?", (document.doc,)).fetchone()[0]
    _drop_unreviewed_machine_output(conn, doc_id)
    stories = dict(conn.execute("SELECT idx, id FROM stories WHERE document_id = ?", (doc_id,)).fetchall())
    for place in extraction.places:
        _place_id(conn, doc_id, place)
    for incident in extraction.incidents:
        _insert_incident(conn, doc_id, document.doc, stories, incident, now)
    for statistic in extraction.statistics:
        _insert_statistic(conn, doc_id, stories, statistic, now)
    conn.execute("UPDATE documents SET extracted_at = ? WHERE id = ?", (now, doc_id))


def _drop_unreviewed_machine_output(conn: sqlite3.Connection, doc_id: int) -> None:
    for table, kind in (("incidents", "incident"), ("statistics", "statistic")):
        conn.execute(
            f"DELETE FROM {table} WHERE document_id = ? AND produced_by = 'machine' AND id NOT IN"
            f" (SELECT subject_id FROM reviews WHERE subject_kind = '{kind}')", (doc_id,))
    conn.execute(
        "DELETE FROM places WHERE document_id = ? AND id NOT IN (SELECT place_id FROM incidents"
        " WHERE place_id IS NOT NULL UNION SELECT place_id FROM statistics WHERE place_id IS NOT NULL)",
        (doc_id,))


def _place_id(conn: sqlite3.Connection, doc_id: int, place: Place) -> int:
    span = place.span
    row = conn.execute('SELECT id FROM places WHERE document_id = ? AND start = ? AND "end" = ?'
                       " AND coalesce(geonameid, -1) = coalesce(?, -1) AND coalesce(name, '') = coalesce(?, '')",
                       (doc_id, span.start, span.end, place.geonameid, place.name)).fetchone()
    if row:
        return int(row[0])
    return inserted_id(conn.execute(
        'INSERT INTO places (document_id, start, "end", text, name, lat, lon, country, admin1, admin2,'
        " geonameid, precision, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, span.start, span.end, span.text, place.name, place.lat, place.lon, place.country,
         place.admin1, place.admin2, place.geonameid, place.precision, place.confidence)))


def _actor_id(conn: sqlite3.Connection, actor: Actor) -> int:
    row = conn.execute("SELECT id FROM actors WHERE name = ?", (actor.name,)).fetchone()
    actor_id = int(row[0]) if row else inserted_id(conn.execute(
        "INSERT INTO actors (name, kind) VALUES (?, ?)", (actor.name, actor.kind)))
    conn.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)",
                 (actor_id, actor.span.text))
    return actor_id


def _insert_spans(conn: sqlite3.Connection, doc_id: int, owner: str, owner_id: int,
                  evidence: tuple[Span, ...], attribution: tuple[Attribution, ...]) -> None:
    for n, span in enumerate(evidence):
        conn.execute(f'INSERT INTO evidence (document_id, {owner}, ordinal, start, "end", text)'
                     " VALUES (?, ?, ?, ?, ?, ?)", (doc_id, owner_id, n, span.start, span.end, span.text))
    for n, att in enumerate(attribution):
        conn.execute(f'INSERT INTO attributions ({owner}, ordinal, source, kind, start, "end", text)'
                     " VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (owner_id, n, att.source, att.kind, att.span.start, att.span.end, att.span.text))


def report_key(incident: Incident, doc: str | None = None) -> str:
    """A key that survives re-extraction of the same text by the same rules."""
    first = incident.evidence[0].start if incident.evidence else -1
    return f"{doc or incident.doc}:{incident.story}:{incident.type}:{first}"


def _insert_incident(conn: sqlite3.Connection, doc_id: int, doc: str, stories: dict[int, int],
                     incident: Incident, now: str) -> None:
    date, date_span = incident.date, incident.date.span if incident.date else None
    place_id = _place_id(conn, doc_id, incident.location) if incident.location else None
    key = report_key(incident, doc)
    repeated = conn.execute("SELECT 1 FROM incidents WHERE report_key = ?", (key,)).fetchone() is not None
    incident_id = inserted_id(conn.execute(
        "INSERT INTO incidents (document_id, story_id, story, type, summary, date_start, date_end,"
        " date_precision, date_text_start, date_text_end, date_text, place_id, verification,"
        " external_id, created_at, report_key, subtype, acled_event_type, acled_sub_event_type)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, stories.get(incident.story) if incident.story is not None else None, incident.story,
         incident.type, incident.summary, date.start if date else None, date.end if date else None,
         date.precision if date else None, date_span.start if date_span else None,
         date_span.end if date_span else None, date_span.text if date_span else None, place_id,
         incident.verification, incident.id, now, key, incident.subtype,
         incident.acled.event_type if incident.acled else None,
         incident.acled.sub_event_type if incident.acled else None)))
    if repeated:  # two incidents of one type from one sentence: keep them apart
        conn.execute("UPDATE incidents SET report_key = ? WHERE id = ?", (f"{key}#{incident_id}", incident_id))
    _insert_spans(conn, doc_id, "incident_id", incident_id, incident.evidence, incident.attribution)
    if incident.confidence is not None:
        c = incident.confidence
        conn.execute("INSERT INTO incident_confidence (incident_id, incident, type, location, date, counts, actors)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (incident_id, c.incident, c.type, c.location, c.date, c.counts, c.actors))
    for role, actors in (("perpetrator", incident.perpetrators), ("target", incident.targets)):
        for n, actor in enumerate(actors):
            conn.execute('INSERT INTO incident_actors (incident_id, actor_id, role, ordinal, start, "end", text)'
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", (incident_id, _actor_id(conn, actor), role, n,
                                                           actor.span.start, actor.span.end, actor.span.text))
    for n, count in enumerate(incident.counts):
        conn.execute('INSERT INTO counts (incident_id, ordinal, category, value, qualifier, unit, start, "end",'
                     " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (incident_id, n, count.category, count.value, count.qualifier, count.unit,
                      count.span.start, count.span.end, count.span.text))


def _insert_statistic(conn: sqlite3.Connection, doc_id: int, stories: dict[int, int],
                      stat: Statistic, now: str) -> None:
    place_id = _place_id(conn, doc_id, stat.place) if stat.place else None
    span = stat.as_of_span
    stat_id = inserted_id(conn.execute(
        "INSERT INTO statistics (document_id, story_id, story, measure, category, value, qualifier, unit,"
        " as_of, as_of_start, as_of_end, as_of_text, place_id, external_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, stories.get(stat.story) if stat.story is not None else None, stat.story, stat.measure,
         stat.category, stat.value, stat.qualifier, stat.unit, stat.as_of, span.start if span else None,
         span.end if span else None, span.text if span else None, place_id, stat.id, now)))
    _insert_spans(conn, doc_id, "statistic_id", stat_id, stat.evidence, stat.attribution)


def replace_document(conn: sqlite3.Connection, document: Document, now: str) -> str | None:
    """Put a re-read text in place of a stored document's (``reprocess --ocr``); None, or why it was left alone.

    Runs inside the caller's transaction. The original bytes never change; the
    derived text, its stories, pages, language and notes do, and the machine
    output that pointed into the old text goes (the next extraction makes it
    again). A document with reviewed or analyst-made output is left as it is:
    its reviews name spans of the old text.
    """
    row = conn.execute("SELECT id, text FROM documents WHERE doc = ?", (document.doc,)).fetchone()
    if row is None:
        return "it is not stored"
    doc_id, old_text = row
    _drop_unreviewed_machine_output(conn, doc_id)
    if conn.execute("SELECT 1 FROM incidents WHERE document_id = ? UNION ALL SELECT 1 FROM statistics"
                    " WHERE document_id = ? LIMIT 1", (doc_id, doc_id)).fetchone():
        return "an analyst reviewed or added incidents on its text; re-read it by hand if it must change"
    conn.execute("DELETE FROM evidence WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM places WHERE document_id = ?", (doc_id,))
    indexed = conn.execute("SELECT coalesce(max(id), 0) FROM stories_fts_docsize").fetchone()[0]
    stories = conn.execute('SELECT id, coalesce(title, \'\'), start, "end" FROM stories WHERE document_id = ?',
                           (doc_id,)).fetchall()
    conn.executemany(  # a contentless index forgets an entry only when told the keys it was given
        "INSERT INTO stories_fts (stories_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
        [(sid, index_text(title), index_text(old_text[start:end])) for sid, title, start, end in stories
         if sid <= indexed])
    conn.execute("UPDATE stories SET duplicate_of = NULL WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM stories WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM document_pages WHERE document_id = ?", (doc_id,))
    conn.execute("UPDATE documents SET text = ?, language = ?, notes = ?, extracted_at = NULL WHERE id = ?",
                 (document.text, document.language, json.dumps(list(document.notes), ensure_ascii=False), doc_id))
    _insert_layout(conn, doc_id, document)
    index_stories(conn)
    return None
