"""Schema versioning, migrations and the basic write path of the SQLite store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factfinder.capture.common import make_capture
from factfinder.errors import StoreError
from factfinder.model import Document, Story
from factfinder.store import Store
from factfinder.store import schema


def test_new_database_gets_latest_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in ("sources", "origins", "documents", "stories", "incidents", "statistics", "evidence",
                  "actors", "actor_aliases", "places", "reviews", "ledger", "stories_fts", "evidence_fts"):
        assert table in tables
    # reopening runs no migration twice
    with Store.open(db) as store:
        assert store.status().schema_version == len(schema.MIGRATIONS)


def test_forward_migration_applies_only_missing_steps(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    Store.open(db).close()
    extra = "CREATE TABLE review_queue (id INTEGER PRIMARY KEY, incident_id INTEGER);"
    conn = sqlite3.connect(db, isolation_level=None)
    version = schema.migrate(conn, name=str(db), migrations=[*schema.MIGRATIONS, extra])
    assert version == len(schema.MIGRATIONS) + 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT count(*) FROM review_queue").fetchone()[0] == 0
    conn.close()


def test_failed_migration_leaves_previous_version(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    Store.open(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    broken = "CREATE TABLE half_done (id INTEGER); CREATE TABLE sources (x INTEGER);"
    with pytest.raises(StoreError, match="cannot upgrade"):
        schema.migrate(conn, name=str(db), migrations=[*schema.MIGRATIONS, broken])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS) + 3}")
    conn.close()
    with pytest.raises(StoreError, match="newer factfinder"):
        Store.open(db)


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(bogus)
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "missing-folder" / "f.db")


def test_original_kept_byte_for_byte_under_its_hash(tmp_path: Path) -> None:
    data = "Pauktaw — «nearly a hundred» detained\r\n".encode("utf-8") + b"\x00\xff"
    capture = make_capture(data, origin=str(tmp_path / "r.bin"), media_type="application/octet-stream")
    with Store.open(tmp_path / "f.db") as store:
        assert store.add_capture(capture) is True
        sha = capture.source.sha256
        path = tmp_path / "f.db.originals" / sha[:2] / sha[2:4] / sha
        assert path.read_bytes() == data
        assert store.read_original(sha) == data
        assert not list(path.parent.glob(".tmp-*"))
        [source] = list(store.iter_sources())
        assert source == capture.source


def test_same_bytes_from_a_second_origin_keep_both_origins(tmp_path: Path) -> None:
    data = b"Police detained six protesters outside the consulate."
    first = make_capture(data, origin="/inbox/a.txt", media_type="text/plain")
    second = make_capture(data, origin="https://example.org/a", media_type="text/plain")
    with Store.open(tmp_path / "f.db") as store:
        assert store.add_capture(first) is True
        assert store.add_capture(second) is False
        assert store.add_capture(second) is False
        origins = [r[0] for r in store.conn.execute("SELECT origin FROM origins ORDER BY id")]
        assert origins == ["/inbox/a.txt", "https://example.org/a"]
        st = store.status()
        assert (st.sources, st.origins, st.ledger_length) == (1, 2, 2)


def test_failed_capture_counts_as_failed_and_keeps_no_file(tmp_path: Path) -> None:
    capture = make_capture(None, origin="/inbox/gone.pdf", media_type="application/octet-stream",
                           error="cannot read /inbox/gone.pdf: no such file")
    with Store.open(tmp_path / "f.db") as store:
        store.add_capture(capture)
        st = store.status()
        assert (st.sources, st.failed_sources) == (0, 1)
        assert store.verify().ok


def test_capture_whose_hash_lies_is_refused(tmp_path: Path) -> None:
    from dataclasses import replace

    capture = make_capture(b"abc", origin="/x", media_type="text/plain")
    bad = replace(capture, data=b"abd")
    with Store.open(tmp_path / "f.db") as store, pytest.raises(StoreError, match="hash differently"):
        store.add_capture(bad)


def test_document_stories_and_full_text_search(tmp_path: Path) -> None:
    text = ("Police in Almaty detained six protesters outside the consulate.\n"
            "A tribunal heard witnesses about detention camps.\n"
            "Police in Almaty detained six protesters outside the consulate.\n")
    a, b = text.index("A tribunal"), text.rindex("Police")
    doc = Document(doc="d" * 64, text=text, title="Digest", published="2021-11-26", stories=(
        Story(0, 0, a), Story(1, a, b), Story(2, b, len(text), duplicate_of=0)))
    with Store.open(":memory:") as store:
        assert store.add_document(doc, None) is True
        assert store.add_document(doc, None) is False
        assert store.get_document(doc.doc) == doc
        assert store.search_stories("tribunal") == [(doc.doc, 1)]
        assert {idx for _, idx in store.search_stories("Almaty")} == {0, 2}
        st = store.status()
        assert (st.documents, st.stories, st.duplicate_stories) == (1, 3, 1)


def test_stories_left_unindexed_by_a_crash_are_indexed_later() -> None:
    first = Document(doc="a" * 64, text="Shelling hit the market in Kessel township.",
                     stories=(Story(0, 0, 43),))
    second = Document(doc="b" * 64, text="Aid convoys were blocked at the river crossing.",
                      stories=(Story(0, 0, 47),))
    with Store.open(":memory:") as store:
        store.add_document(first, None, index=False)  # as ingest does, before its batch is indexed
        assert store.search_stories("Kessel") == []
        store.add_document(second, None)  # indexing also catches up on what was waiting
        assert store.search_stories("Kessel") == [(first.doc, 0)]
        assert store.search_stories("convoys") == [(second.doc, 0)]
        assert store.index_stories() == 0


def test_unwritable_originals_folder_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "f.db.originals").write_text("a file where the originals folder should be")
    captures = [make_capture(f"Bulletin {i}: roads closed.".encode(), origin=f"/inbox/{i}.txt",
                             media_type="text/plain") for i in range(3)]
    with Store.open(tmp_path / "f.db") as store:
        with pytest.raises(StoreError, match="cannot write"):
            store.prepare_captures(captures)
        with pytest.raises(StoreError, match="cannot write"):
            store.prepare_captures(captures, background=True).result()
        with pytest.raises(StoreError, match="cannot write"):
            store.add_capture(captures[0])
        assert store.status().sources == 0 and store.status().ledger_length == 0
