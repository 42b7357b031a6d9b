"""The SQLite schema as a list of forward migrations.

``PRAGMA user_version`` holds how many steps of ``MIGRATIONS`` a database has
applied. Opening a database runs the missing steps in one transaction each; a
database written by a newer factfinder (more steps than we know) is refused
rather than guessed at. Never edit a released step: append a new one.
"""

from __future__ import annotations

import sqlite3

from factfinder.errors import StoreError

# Step 1: the tables of ../shared/DESIGN.md "Store". Offsets are character
# offsets into documents.text; every *_text column equals that slice.
_V1 = """
CREATE TABLE sources (
    sha256       TEXT PRIMARY KEY,
    size         INTEGER NOT NULL,
    media_type   TEXT NOT NULL,
    origin       TEXT NOT NULL,            -- the first origin it arrived from
    captured_at  TEXT NOT NULL,
    http_headers TEXT NOT NULL DEFAULT '[]',
    http_status  INTEGER,
    parent       TEXT,
    error        TEXT,
    stored       INTEGER NOT NULL          -- 1 when its bytes are in the originals folder
);
CREATE TABLE origins (                     -- every place the same bytes arrived from
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL REFERENCES sources(sha256),
    origin       TEXT NOT NULL,
    captured_at  TEXT NOT NULL,
    http_headers TEXT NOT NULL DEFAULT '[]',
    http_status  INTEGER,
    parent       TEXT,
    error        TEXT,
    warc         TEXT,                     -- path of its WARC record, relative to the originals folder
    warc_sha256  TEXT,
    UNIQUE (sha256, origin)
);
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    doc          TEXT NOT NULL UNIQUE,     -- sha256 of the original bytes
    source       TEXT REFERENCES sources(sha256),
    text         TEXT NOT NULL,
    title        TEXT,
    published    TEXT,
    language     TEXT,
    author       TEXT,
    url          TEXT,
    external_id  TEXT,
    notes        TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    extracted_at TEXT                      -- NULL until the pipeline's extraction was stored
);
CREATE TABLE stories (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    title        TEXT,
    duplicate_of INTEGER REFERENCES stories(id),
    UNIQUE (document_id, idx)
);
-- contentless: the story text already lives in documents.text; rowid = stories.id
CREATE VIRTUAL TABLE stories_fts USING fts5(title, text, content='');

CREATE TABLE places (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    name         TEXT,
    lat          REAL,
    lon          REAL,
    country      TEXT,
    admin1       TEXT,
    admin2       TEXT,
    geonameid    INTEGER,
    precision    TEXT,
    confidence   REAL NOT NULL DEFAULT 0,
    UNIQUE (document_id, start, "end")
);
CREATE TABLE actors (                      -- organisations, armed groups, state bodies, affected groups
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    kind         TEXT
);
CREATE TABLE actor_aliases (               -- the wordings under which an actor was seen
    actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias        TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
CREATE TABLE incidents (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    story_id     INTEGER REFERENCES stories(id),
    story        INTEGER,
    type         TEXT NOT NULL,
    summary      TEXT NOT NULL,
    date_start   TEXT,
    date_end     TEXT,
    date_precision TEXT,
    date_text_start INTEGER,
    date_text_end   INTEGER,
    date_text    TEXT,
    place_id     INTEGER REFERENCES places(id),
    verification TEXT NOT NULL DEFAULT 'reported',
    produced_by  TEXT NOT NULL DEFAULT 'machine' CHECK (produced_by IN ('machine', 'analyst')),
    external_id  TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX incidents_document ON incidents(document_id);
CREATE INDEX incidents_type ON incidents(type);
CREATE TABLE statistics (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    story_id     INTEGER REFERENCES stories(id),
    story        INTEGER,
    measure      TEXT NOT NULL,
    category     TEXT NOT NULL,
    value        REAL NOT NULL,
    qualifier    TEXT NOT NULL,
    unit         TEXT NOT NULL,
    as_of        TEXT,
    as_of_start  INTEGER,
    as_of_end    INTEGER,
    as_of_text   TEXT,
    place_id     INTEGER REFERENCES places(id),
    produced_by  TEXT NOT NULL DEFAULT 'machine' CHECK (produced_by IN ('machine', 'analyst')),
    external_id  TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX statistics_document ON statistics(document_id);
CREATE TABLE evidence (                    -- the spans that support an incident or a statistic
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    incident_id  INTEGER REFERENCES incidents(id) ON DELETE CASCADE,
    statistic_id INTEGER REFERENCES statistics(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    CHECK ((incident_id IS NULL) <> (statistic_id IS NULL))
);
CREATE INDEX evidence_incident ON evidence(incident_id);
CREATE INDEX evidence_statistic ON evidence(statistic_id);
CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='id');
CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE incident_actors (
    incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors(id),
    role         TEXT NOT NULL CHECK (role IN ('perpetrator', 'target')),
    ordinal      INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX incident_actors_incident ON incident_actors(incident_id);
CREATE TABLE counts (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    category     TEXT NOT NULL,
    value        REAL NOT NULL,
    qualifier    TEXT NOT NULL,
    unit         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX counts_incident ON counts(incident_id);
CREATE TABLE attributions (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER REFERENCES incidents(id) ON DELETE CASCADE,
    statistic_id INTEGER REFERENCES statistics(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    source       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    CHECK ((incident_id IS NULL) <> (statistic_id IS NULL))
);
CREATE INDEX attributions_incident ON attributions(incident_id);
CREATE INDEX attributions_statistic ON attributions(statistic_id);

CREATE TABLE ledger (                      -- append-only, hash-chained; see docs/store.md
    seq          INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    payload      TEXT NOT NULL,            -- canonical JSON
    created_at   TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
);
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be changed');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only: entries cannot be deleted');
END;
CREATE TABLE reviews (                     -- analyst edits: who changed which field, when, from what to what
    id           INTEGER PRIMARY KEY,
    subject_kind TEXT NOT NULL,            -- 'incident', 'statistic', ...
    subject_id   INTEGER NOT NULL,
    field        TEXT NOT NULL,
    old_value    TEXT,                     -- JSON
    new_value    TEXT,                     -- JSON
    reviewer     TEXT NOT NULL,
    note         TEXT,
    created_at   TEXT NOT NULL,
    ledger_seq   INTEGER NOT NULL REFERENCES ledger(seq)
);
CREATE INDEX reviews_subject ON reviews(subject_kind, subject_id);
"""

# Step 2: consolidated incidents ("events"), see factfinder/store/events.py.
_V2 = """
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    date_start    TEXT,
    date_end      TEXT,
    date_precision TEXT,
    place_name    TEXT,
    lat           REAL,
    lon           REAL,
    country       TEXT,
    admin1        TEXT,
    admin2        TEXT,
    place_precision TEXT,
    perpetrators  TEXT NOT NULL DEFAULT '[]',
    targets       TEXT NOT NULL DEFAULT '[]',
    counts        TEXT NOT NULL DEFAULT '[]',
    killed        REAL,
    injured       REAL,
    arrested      REAL,
    displaced     REAL,
    verification  TEXT NOT NULL,
    independent_sources INTEGER NOT NULL,
    conflicts     TEXT NOT NULL DEFAULT '[]',
    provenance    TEXT NOT NULL DEFAULT '[]',
    summary       TEXT NOT NULL,
    n_reports     INTEGER NOT NULL
);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_place ON events(country, admin1);
CREATE INDEX events_verification ON events(verification);
CREATE TABLE event_reports (
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    incident_id   INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    report_key    TEXT NOT NULL,
    outlet        TEXT,
    doc           TEXT NOT NULL,
    PRIMARY KEY (event_id, incident_id)
);
CREATE INDEX event_reports_incident ON event_reports(incident_id);
CREATE INDEX event_reports_outlet ON event_reports(outlet);
CREATE TABLE event_overrides (             -- analyst merges and splits: this report belongs to that event
    report_key    TEXT PRIMARY KEY,
    event_id      TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
"""

# Step 3: a stable store id (named by signed checkpoints, see store/checkpoint.py)
# and the checkpoints this store made, for the web app to show the latest one.
_STORE_ID_AND_CHECKPOINTS = """
CREATE TABLE store_meta (
    key          TEXT PRIMARY KEY,
    value        TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
CREATE TRIGGER store_id_fixed BEFORE UPDATE ON store_meta WHEN old.key = 'store_id' BEGIN
    SELECT RAISE(ABORT, 'the store id never changes');
END;
CREATE TRIGGER store_id_kept BEFORE DELETE ON store_meta WHEN old.key = 'store_id' BEGIN
    SELECT RAISE(ABORT, 'the store id never changes');
END;
CREATE TABLE checkpoints (                 -- signed checkpoints made of this store's ledger
    id           INTEGER PRIMARY KEY,
    entries      INTEGER NOT NULL,
    head         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    text         TEXT NOT NULL             -- the checkpoint file as written
);
"""

# Step 4: the web app's accounts and indexes (created before on first use, IF
# NOT EXISTS, hence the same here), report keys kept with their incident, the
# indexes that find a block of incidents (type, date window), and what
# consolidation still has to do: incidents waiting for an event, events that
# lost a report. ``Store.events_current()`` is the one rule over the last two.
_WEB_AND_CONSOLIDATION = """
CREATE TABLE IF NOT EXISTS web_users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS web_tokens (
    id            INTEGER PRIMARY KEY,
    user_name     TEXT NOT NULL REFERENCES web_users(name) ON DELETE CASCADE,
    label         TEXT,
    token_sha256  TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS web_secrets (
    name          TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);
-- the search's place-name match (otherwise a scan of every event row) and the map
CREATE INDEX IF NOT EXISTS web_events_place_name ON events(place_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS web_events_admin1 ON events(admin1 COLLATE NOCASE);
-- covering the map's columns: map data reads the index, not the wide event rows
CREATE INDEX IF NOT EXISTS web_events_map ON events(country, type, date_start, lat, lon, place_name, killed, id);

-- "<doc>:<story>:<type>:<first evidence start>", "#<id>" added when a document
-- repeats it: the key that reviews and pins name a report by (store/writer.py)
ALTER TABLE incidents ADD COLUMN report_key TEXT;
UPDATE incidents SET report_key = (SELECT d.doc FROM documents d WHERE d.id = incidents.document_id)
    || ':' || coalesce(story, 'None') || ':' || type || ':'
    || coalesce((SELECT v.start FROM evidence v WHERE v.incident_id = incidents.id ORDER BY v.ordinal LIMIT 1), -1);
CREATE INDEX incidents_report_key ON incidents(report_key);
UPDATE incidents SET report_key = report_key || '#' || id
    WHERE EXISTS (SELECT 1 FROM incidents o WHERE o.report_key = incidents.report_key AND o.id < incidents.id);
CREATE INDEX incidents_block ON incidents(type, date_start);
-- undated or coarser than a week: the "undated pool" of consolidation's blocking
CREATE INDEX incidents_undated ON incidents(type)
    WHERE date_start IS NULL OR date_end > date(date_start, '+7 days');

CREATE TABLE consolidation_pending (      -- incidents not yet consolidated into an event
    incident_id   INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE
);
INSERT INTO consolidation_pending (incident_id)
    SELECT id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM event_reports r WHERE r.incident_id = i.id);
CREATE TABLE consolidation_stale (        -- events that lost a report (re-extraction) or were merged or split
    event_id      TEXT PRIMARY KEY
);
INSERT INTO consolidation_stale (event_id)
    SELECT e.id FROM events e WHERE e.n_reports != (SELECT count(*) FROM event_reports r WHERE r.event_id = e.id);
CREATE TRIGGER incidents_pending AFTER INSERT ON incidents BEGIN
    INSERT INTO consolidation_pending (incident_id) VALUES (new.id);
END;
CREATE TRIGGER incidents_leave_events BEFORE DELETE ON incidents BEGIN
    INSERT OR IGNORE INTO consolidation_stale (event_id)
        SELECT event_id FROM event_reports WHERE incident_id = old.id;
END;
"""

# Step 5: narrow event rows (what lists, maps, tallies and search read), the
# JSON of actors, counts, conflicts and provenance apart in event_details, and a
# full-text entry per event (its stories and evidence) keyed by the event's
# number, which AUTOINCREMENT never reuses: the entry of a replaced event
# matches no row and is swept when such entries pile up (store/events.py).
# Events are derived data: the step drops them and queues every incident, and
# the next consolidation makes them again (reviews and pins are keyed by ids
# that outlive it).
_NARROW_EVENTS = """
DROP TABLE event_reports;
DROP TABLE events;
DELETE FROM consolidation_stale;
INSERT OR IGNORE INTO consolidation_pending (incident_id) SELECT id FROM incidents;
CREATE TABLE events (
    num           INTEGER PRIMARY KEY AUTOINCREMENT,  -- the key of its events_fts entry
    id            TEXT NOT NULL UNIQUE,
    type          TEXT NOT NULL,
    date_start    TEXT,
    date_end      TEXT,
    date_precision TEXT,
    place_name    TEXT,
    lat           REAL,
    lon           REAL,
    country       TEXT,
    admin1        TEXT,
    admin2        TEXT,
    place_precision TEXT,
    killed        REAL,
    injured       REAL,
    arrested      REAL,
    displaced     REAL,
    verification  TEXT NOT NULL,
    independent_sources INTEGER NOT NULL,
    summary       TEXT NOT NULL,
    n_reports     INTEGER NOT NULL
);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_place ON events(country, admin1);
CREATE INDEX events_verification ON events(verification);
CREATE INDEX web_events_place_name ON events(place_name COLLATE NOCASE);
CREATE INDEX web_events_admin1 ON events(admin1 COLLATE NOCASE);
CREATE INDEX web_events_map ON events(country, type, date_start, lat, lon, place_name, killed, id);
CREATE TABLE event_details (
    event_id      TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    perpetrators  TEXT NOT NULL DEFAULT '[]',
    targets       TEXT NOT NULL DEFAULT '[]',
    counts        TEXT NOT NULL DEFAULT '[]',
    conflicts     TEXT NOT NULL DEFAULT '[]',
    provenance    TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
CREATE TABLE event_reports (
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    incident_id   INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    report_key    TEXT NOT NULL,
    outlet        TEXT,
    doc           TEXT NOT NULL,
    PRIMARY KEY (event_id, incident_id)
);
CREATE INDEX event_reports_incident ON event_reports(incident_id);
CREATE INDEX event_reports_outlet ON event_reports(outlet);
-- contentless, words only: the text stays in documents and evidence; rowid = events.num
CREATE VIRTUAL TABLE events_fts USING fts5(text, content='', detail='none');
"""

# Step 6: events in the order of the web app's default sort (newest first), so a
# search that most events match reads its page from the front of this index
# rather than sorting every match (factfinder/web/queries.py).
_NEWEST_FIRST = """
CREATE INDEX events_newest ON events(date_start IS NULL, date_start DESC, id);
"""

# Step 7: followed sources (feeds and pages fetched on a schedule by `factfinder follow run`)
# and the log of every pass over them.
_FOLLOWED_SOURCES = """
CREATE TABLE followed_sources (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    name          TEXT UNIQUE,
    every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),
    etag          TEXT,                    -- conditional GET: what the server last sent
    last_modified TEXT,
    next_due      TEXT NOT NULL,           -- ISO 8601 UTC
    last_success  TEXT,
    last_error    TEXT,
    last_error_at TEXT,
    created_at    TEXT NOT NULL
);
CREATE TABLE follow_passes (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER NOT NULL REFERENCES followed_sources(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('new', 'not-modified', 'failed')),
    new_items     INTEGER NOT NULL DEFAULT 0,
    message       TEXT
);
CREATE INDEX follow_passes_source ON follow_passes(source_id, at);
"""

# One entry per schema version: a SQL script run inside a transaction.
MIGRATIONS: list[str] = [_V1, _V2, _STORE_ID_AND_CHECKPOINTS, _WEB_AND_CONSOLIDATION, _NARROW_EVENTS,
                          _NEWEST_FIRST, _FOLLOWED_SOURCES]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, *, name: str, migrations: list[str] | None = None) -> int:
    """Bring ``conn`` to the latest schema; return the version it is at.

    Each step and its version bump commit together, so a crash mid-migration
    leaves the database at the previous version, ready to retry.
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = schema_version(conn)
    if version > len(steps):
        raise StoreError(
            f"{name} has schema version {version}, but this factfinder only knows up to "
            f"{len(steps)}: it was written by a newer factfinder; upgrade factfinder to open it"
        )
    for number, script in enumerate(steps[version:], start=version + 1):
        # executescript() commits first; wrap the step so it is all-or-nothing.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"cannot upgrade {name} to schema version {number}: {exc}; "
                             "restore a backup or report this as a bug") from exc
    return len(steps)
