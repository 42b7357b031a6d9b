"""Schema steps 3 to 14: what later versions added to a store (store id, web tables, events, follows,
search in any script, page layout, confidence, ACLED codes, the review order, places by reading,
the unreviewed events' index).

SQL scripts only; ``store/schema.py`` runs them in order. Never edit a released
step: append a new one here.
"""

# Step 3: a stable store id (named by signed checkpoints, see store/checkpoint.py)
# and the checkpoints this store made, for the web app to show the latest one.
STORE_ID_AND_CHECKPOINTS = """
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
WEB_AND_CONSOLIDATION = """
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
NARROW_EVENTS = """
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
NEWEST_FIRST = """
CREATE INDEX events_newest ON events(date_start IS NULL, date_start DESC, id);
"""

# Step 7: followed sources (feeds and pages fetched on a schedule by `factfinder follow run`)
# and the log of every pass over them.
FOLLOWED_SOURCES = """
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

# Step 8: story search in any script. SQLite's unicode61 tokenizer finds no word
# inside Burmese or Chinese text and no inflected Russian or Arabic form, so the
# index is fed keys cut by values/search_keys.py (CJK bigrams, Burmese syllables, ICU
# word breaks, stems, digits of every script as ASCII) joined by spaces, which
# the ascii tokenizer only splits at. Stories are indexed again from their text
# by the next store.index_stories() (search runs it when the index lags behind).
# A story may name its own language where it differs from its document's.
STORIES_ANY_SCRIPT = """
DROP TABLE stories_fts;
CREATE VIRTUAL TABLE stories_fts USING fts5(title, text, content='', tokenize='ascii');
ALTER TABLE stories ADD COLUMN language TEXT;
CREATE INDEX documents_language ON documents(language);
"""

# Step 9: the pages of a PDF or a scan as the text stage read them (model.PageText):
# where each lies in the document text, how it was read (text layer, or OCR with
# engine, languages, mean word confidence, image size and resolution), and each
# OCR word's box in page-image pixels, so the web app can draw an evidence span on
# the page image. Words as one JSON array a page: a 300-page scan is 300 rows.
PAGE_LAYOUT = """
CREATE TABLE document_pages (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,         -- 1-based
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    method       TEXT NOT NULL,            -- text-layer or ocr
    engine       TEXT,
    languages    TEXT,
    confidence   REAL,
    width        INTEGER,
    height       INTEGER,
    dpi          INTEGER,
    words        TEXT NOT NULL DEFAULT '[]',  -- [[start, end, left, top, right, bottom, confidence], ...]
    PRIMARY KEY (document_id, number)
) WITHOUT ROWID;
"""

# Step 10: each machine incident's calibrated confidence (factfinder/confidence), per
# field, for the review queue (lowest first) and the incident page's weak fields.
INCIDENT_CONFIDENCE = """
CREATE TABLE incident_confidence (
    incident_id   INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
    incident      REAL NOT NULL,
    type          REAL NOT NULL,
    location      REAL NOT NULL,
    date          REAL NOT NULL,
    counts        REAL NOT NULL,
    actors        REAL NOT NULL
);
"""

# Step 11: an incident's finer kind and its ACLED codes (docs/extraction-fields.md),
# kept as extraction gave them so that the store hands back the record it was given
# and `export --format acled-csv` reads them instead of guessing again.
INCIDENT_SUBTYPE = """
ALTER TABLE incidents ADD COLUMN subtype TEXT;
ALTER TABLE incidents ADD COLUMN acled_event_type TEXT;
ALTER TABLE incidents ADD COLUMN acled_sub_event_type TEXT;
"""

# Step 12: each event's confidence on its row (its most confident report's), indexed,
# so the review queue pages lowest confidence first from the index (store/review_queue.py)
# instead of a sub-query per event; store/events.py keeps it as events are written.
REVIEW_ORDER = """
ALTER TABLE events ADD COLUMN confidence REAL;
UPDATE events SET confidence = (SELECT max(c.incident) FROM event_reports r
    JOIN incident_confidence c ON c.incident_id = r.incident_id WHERE r.event_id = events.id);
CREATE INDEX events_review ON events(confidence, id);
"""

# A step whose script starts with this line runs with foreign keys off (store/schema.py).
FOREIGN_KEYS_OFF = "-- foreign keys off"

# Step 13: one span may carry two readings. An incident whose own words name no place
# takes its report's country with the words that say it (geo/incident_country.py): when
# the report names only towns, that is a town's span, already stored as the town. Places
# were unique per span, so the store gave the incident the town; now they are unique per
# span and reading (name, GeoNames id). SQLite cannot drop a UNIQUE constraint, so the
# table is rebuilt with its ids (incidents and statistics refer to them).
PLACES_BY_READING = FOREIGN_KEYS_OFF + """
CREATE TABLE places_new (
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
    confidence   REAL NOT NULL DEFAULT 0
);
INSERT INTO places_new SELECT id, document_id, start, "end", text, name, lat, lon, country, admin1, admin2,
    geonameid, precision, confidence FROM places;
DROP TABLE places;
ALTER TABLE places_new RENAME TO places;
CREATE UNIQUE INDEX places_reading ON places(document_id, start, "end", coalesce(geonameid, -1), coalesce(name, ''));
"""

# Step 14: whether an analyst has reviewed an event, on its row, and partial indexes of the
# unreviewed events, in the queue's order (it replaces events_review) and by the filters' columns,
# so the review queue's count and its pages read an index instead of looking up each event's reviews
# (store/review_queue.py). A review of an event sets the flag (trigger); store/events.py
# sets it again when consolidation writes an event anew (ids outlive a rebuild).
UNREVIEWED_EVENTS = """
ALTER TABLE events ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
UPDATE events SET reviewed = 1 WHERE id IN (SELECT subject_id FROM reviews WHERE subject_kind = 'event');
DROP INDEX events_review;
-- reviewed, always 0 here, makes the indexes cover the count on SQLite before 3.45
CREATE INDEX events_unreviewed ON events(confidence, id, reviewed) WHERE reviewed = 0;
-- the count of a filtered queue: a search by country, else a scan of this index alone
CREATE INDEX events_unreviewed_filters ON events(country, admin1, type, date_start, date_end, verification, reviewed)
    WHERE reviewed = 0;
CREATE TRIGGER reviews_mark_event AFTER INSERT ON reviews WHEN new.subject_kind = 'event' BEGIN
    UPDATE events SET reviewed = 1 WHERE id = new.subject_id AND reviewed = 0;
END;
"""
