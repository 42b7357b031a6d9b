"""Incidents, statistics, evidence, actors and places survive a round trip through the store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factfinder.capture.common import make_capture
from factfinder.model import (
    Actor, Attribution, Count, DateRange, Document, Extraction, Incident, Place, Span, Statistic,
)
from factfinder.store import Store
from factfinder.text.stories import segment_stories
from factfinder.values.taxonomy import with_fields

TEXT = ("Soldiers arrested nearly a hundred residents of Paktaw on November 17th, a witness told the "
        "reporter. At least 15 people were killed. The monitoring group says 19,693 people have been "
        "arrested since the coup.")


def _sp(fragment: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return Span.of(TEXT, start, start + len(fragment))


def _extraction(doc: str) -> Extraction:
    first = _sp("Soldiers arrested nearly a hundred residents of Paktaw on November 17th, a witness told "
                "the reporter.")
    place = Place(_sp("Paktaw"), name="Pauktaw", lat=20.2, lon=92.9, country="MM", admin1="Rakhine",
                  precision="town", confidence=0.8)
    soldiers = Actor("Myanmar military", _sp("Soldiers"), "state_force")
    arrest = Incident(
        doc=doc, type="arrest", summary=first.text, evidence=(first,), story=0,
        date=DateRange("2023-11-17", "2023-11-17", "day", _sp("November 17th")), location=place,
        perpetrators=(soldiers,), targets=(Actor("civilians", _sp("residents"), "group"),),
        counts=(Count("arrested", 100, "approx", "people", _sp("nearly a hundred")),),
        attribution=(Attribution("anonymous witness", "witness", _sp("a witness told")),))
    killing = Incident(doc=doc, type="killing", summary=_sp("At least 15 people were killed.").text,
                       evidence=(_sp("At least 15 people were killed."),), story=0,
                       counts=(Count("killed", 15, "at_least", "people", _sp("At least 15")),))
    tally = Statistic(doc=doc, measure="people arrested since the coup", category="arrested", value=19693,
                      qualifier="exact", unit="people", evidence=(_sp("19,693 people have been arrested"),),
                      attribution=(Attribution("the monitoring group", "ngo", _sp("The monitoring group")),))
    document = Document(doc=doc, text=TEXT, stories=segment_stories(TEXT))
    return Extraction(document, (arrest, killing), (tally,), (place,))


def test_extraction_round_trip_keeps_every_span(tmp_path: Path) -> None:
    capture = make_capture(TEXT.encode(), origin="/inbox/radio.txt", media_type="text/plain")
    doc = capture.source.sha256
    extraction = _extraction(doc)
    extraction = replace(extraction, incidents=tuple(with_fields(i) for i in extraction.incidents))
    with Store.open(tmp_path / "f.db") as store:
        store.add_capture(capture)
        store.add_document(extraction.document, doc)
        assert not store.is_extracted(doc)
        store.add_extraction(extraction)
        assert store.is_extracted(doc)
        # the store gives back what it was given, subtype and ACLED codes included (schema step 11)
        assert tuple(store.iter_incidents()) == extraction.incidents
        assert any(i.acled is not None for i in extraction.incidents)
        st = store.status()
        assert dict(st.incidents_by_type) == {"arrest": 1, "killing": 1}
        assert st.statistics == 1
        produced = {r[0] for r in store.conn.execute("SELECT produced_by FROM incidents")}
        assert produced == {"machine"}
        assert store.conn.execute("SELECT alias FROM actor_aliases JOIN actors ON id = actor_id"
                                  " WHERE name = 'Myanmar military'").fetchall() == [("Soldiers",)]
        hits = store.conn.execute("SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH 'killed'").fetchall()
        assert len(hits) == 1
        for start, end, text in store.conn.execute('SELECT start, "end", text FROM evidence'):
            assert TEXT[start:end] == text
        assert store.verify().ok


def test_re_extraction_replaces_machine_output_but_keeps_reviewed(tmp_path: Path) -> None:
    doc = "e" * 64
    extraction = _extraction(doc)
    with Store.open(tmp_path / "f.db") as store:
        store.add_extraction(extraction)
        arrest_id = store.conn.execute("SELECT id FROM incidents WHERE type = 'arrest'").fetchone()[0]
        store.record_review(subject_kind="incident", subject_id=arrest_id, field="verification",
                            old="reported", new="verified", reviewer="analyst-1")
        store.add_extraction(extraction)
        types = sorted(r[0] for r in store.conn.execute("SELECT type FROM incidents"))
        assert types == ["arrest", "arrest", "killing"]  # reviewed arrest kept, fresh output added
        assert store.conn.execute("SELECT count(*) FROM statistics").fetchone()[0] == 1
        hits = store.conn.execute("SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'killed'")
        assert hits.fetchone()[0] == 1


def test_status_command_lists_incidents(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from factfinder.cli import main

    capture = make_capture(TEXT.encode(), origin="/inbox/radio.txt", media_type="text/plain")
    with Store.open(tmp_path / "f.db") as store:
        store.add_capture(capture)
        store.add_extraction(_extraction(capture.source.sha256))
    result = CliRunner().invoke(main, ["status", "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 0, result.output
    assert "incidents   2: arrest 1, killing 1" in result.output
    assert "statistics  1" in result.output
    [arrest] = [line for line in result.output.splitlines() if line.strip().startswith("arrest ")]
    assert "2023-11-17" in arrest and "Pauktaw" in arrest and "arrested 100" in arrest
    [killing] = [line for line in result.output.splitlines() if line.strip().startswith("killing ")]
    assert "killed 15" in killing


def test_one_span_keeps_two_readings_a_town_and_the_country_it_tells(tmp_path: Path) -> None:
    """A report naming only a town gives an incident without a place of its own the town's country,
    with the town's words as evidence (geo/incident_country.py); the store must not hand that
    incident back in the town."""
    capture = make_capture(TEXT.encode(), origin="/inbox/radio.txt", media_type="text/plain")
    doc = capture.source.sha256
    extraction = _extraction(doc)
    town = extraction.incidents[0].location
    assert town is not None
    country = Place(town.span, name="Myanmar", lat=21.0, lon=96.0, country="MM", precision="country",
                    confidence=0.5, geonameid=1327865)
    killing = replace(extraction.incidents[1], location=country)
    extraction = replace(extraction, incidents=(extraction.incidents[0], killing))
    with Store.open(tmp_path / "f.db") as store:
        store.add_capture(capture)
        store.add_document(extraction.document, doc)
        store.add_extraction(extraction)
        places = {i.type: i.location for i in store.iter_incidents()}
    assert places["arrest"] is not None and places["arrest"].name == "Pauktaw"
    assert places["arrest"].precision == "town"
    assert places["killing"] is not None and places["killing"].name == "Myanmar"
    assert places["killing"].precision == "country" and places["killing"].span == town.span


def test_the_places_rebuild_keeps_every_reference_of_an_older_store(tmp_path: Path) -> None:
    """Schema step 13 rebuilds the places table (SQLite cannot drop its old one-place-per-span
    rule): incidents of a store written before it keep their places, and references stay enforced."""
    import sqlite3

    from factfinder.store import schema

    capture = make_capture(TEXT.encode(), origin="/inbox/radio.txt", media_type="text/plain")
    doc = capture.source.sha256
    db = tmp_path / "f.db"
    with Store.open(db) as store:
        store.add_capture(capture)
        store.add_document(_extraction(doc).document, doc)
        store.add_extraction(_extraction(doc))
        before = [(i.type, i.location) for i in store.iter_incidents()]
    conn = sqlite3.connect(db, isolation_level=None)
    step = schema.MIGRATIONS.index(schema.PLACES_BY_READING)
    # Back to the older table: one place per span, as step 13 found it.
    conn.executescript(f"""PRAGMA foreign_keys = OFF;
        BEGIN;
        CREATE TABLE places_old AS SELECT * FROM places;
        DROP TABLE places;
        CREATE TABLE places (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id)
            ON DELETE CASCADE, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, name TEXT,
            lat REAL, lon REAL, country TEXT, admin1 TEXT, admin2 TEXT, geonameid INTEGER, precision TEXT,
            confidence REAL NOT NULL DEFAULT 0, UNIQUE (document_id, start, "end"));
        INSERT INTO places SELECT * FROM places_old;
        DROP TABLE places_old;
        DROP TRIGGER reviews_mark_event;  -- and without the later step 14
        DROP INDEX events_unreviewed;
        DROP INDEX events_unreviewed_filters;
        ALTER TABLE events DROP COLUMN reviewed;
        CREATE INDEX events_review ON events(confidence, id);
        PRAGMA user_version = {step};
        COMMIT;""")
    conn.close()
    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert [(i.type, i.location) for i in store.iter_incidents()] == before
        place_id = store.conn.execute("SELECT place_id FROM incidents WHERE place_id IS NOT NULL").fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("DELETE FROM places WHERE id = ?", (place_id,))
