"""Schema steps 1 and 2: the store's tables as DESIGN.md names them, and the consolidated events.

SQL scripts only; ``store/schema.py`` runs them in order. Never edit a released
step: append a new one (``store/upgrades.py``).
"""

# Step 1: the tables of ../shared/DESIGN.md "Store". Offsets are character
# offsets into documents.text; every *_text column equals that slice.
V1 = """
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
V2 = """
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
