"""The SQLite store: one database file plus a folder of originals beside it.

Writes happen in explicit transactions (``with store.transaction():``); the
ingest loop opens one per source so that a killed run leaves every source
either fully stored or not at all. Originals are written (fsynced, renamed)
before the rows that name them commit, so a committed row always has its file.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import tempfile
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol

from factfinder.errors import StoreError
from factfinder.model import ConsolidatedIncident, Document, Extraction, Incident, Source, Story
from factfinder.store import blocks, events, health, queries, review, review_queue, writer
from factfinder.store.ledger import LedgerEntry, append_entry, canonical_json, read_ledger
from factfinder.store.originals import Originals, sha256_hex
from factfinder.store.reports import StoreStatus, VerifyReport
from factfinder.store.schema import migrate
from factfinder.values import isodate


def utc_now() -> str:
    """Row time: to the microsecond, so rows written within one second keep their order."""
    return isodate.utc_now(precise=True)


def _enter_wal(conn: sqlite3.Connection, *, seconds: float = 30.0) -> None:
    """Switch to WAL, waiting for a process that is creating the same new file.

    Changing the journal mode does not always wait on SQLite's busy handler: two
    processes starting on one new database can see "database is locked" here.
    """
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class CaptureLike(Protocol):
    """What the store keeps of a capture (factfinder.capture.Capture): the store imports no stage."""

    @property
    def source(self) -> Source: ...
    @property
    def data(self) -> bytes | None: ...


class Store:
    """Sources, documents, extractions and the ledger of one project."""

    def __init__(self, conn: sqlite3.Connection, *, path: str, originals: Path,
                 cleanup: tempfile.TemporaryDirectory[str] | None = None) -> None:
        self.conn = conn
        self.path = path
        self.originals = Originals(originals)
        self._depth = 0
        self._cleanup = cleanup  # a TemporaryDirectory kept alive for in-memory stores

    # --- opening and transactions ------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, originals: str | Path | None = None) -> "Store":
        """Open the database at ``path``, creating it (and its schema) when missing.

        ``":memory:"`` gives a throw-away store whose originals go to a
        temporary folder unless ``originals`` names one.
        """
        name = str(path)
        cleanup = None
        if name == ":memory:":
            if originals is None:
                cleanup = tempfile.TemporaryDirectory(prefix="factfinder-originals-")
                originals = cleanup.name
        else:
            db = Path(path)
            if not db.parent.is_dir():
                raise StoreError(f"cannot create {db}: the folder {db.parent} does not exist; "
                                 "create it or pass another --db")
            if db.is_dir():
                raise StoreError(f"{db} is a folder, not a database file; pass a file path to --db")
            if originals is None:
                originals = db.with_name(db.name + ".originals")
        try:
            conn = sqlite3.connect(name, isolation_level=None, timeout=30.0)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
            if name != ":memory:":
                _enter_wal(conn)
                # WAL + NORMAL: a crash or kill -9 never corrupts the file; commits skip fsync.
                conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, name=name)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {name}: {exc}; is it a factfinder database? "
                             "pass another --db or restore a backup") from exc
        return cls(conn, path=name, originals=Path(originals), cleanup=cleanup)

    def close(self) -> None:
        self.originals.close()
        self.conn.close()
        if self._cleanup is not None:
            self._cleanup.cleanup()
            self._cleanup = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing writes; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}; "
                             "is another factfinder writing to it?") from exc
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot commit to {self.path}: {exc}") from exc

    # --- writing -----------------------------------------------------------

    def has_source(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def has_document(self, doc: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc = ?", (doc,)).fetchone() is not None

    def is_extracted(self, doc: str) -> bool:
        row = self.conn.execute("SELECT extracted_at FROM documents WHERE doc = ?", (doc,)).fetchone()
        return row is not None and row[0] is not None

    def prepare_captures(self, captures: list[CaptureLike], *, background: bool = False) -> Future[list[str]] | None:
        """Write the new originals of a batch of captures ahead of ``add_capture``.

        Optional, for speed: the batch's writes and fsyncs run in parallel, and
        with ``background=True`` behind the caller's back (wait on the returned
        future before ``add_capture``). Nothing is recorded until ``add_capture``
        commits; a file without rows (after a crash) is harmless and reused by
        the next ingest.
        """
        items = [(c.source.sha256, c.data) for c in captures
                 if c.data is not None and c.source.sha256 and not self.has_source(c.source.sha256)
                 and sha256_hex(c.data) == c.source.sha256]
        if background:
            return self.originals.put_many_soon(items)
        self.originals.put_many(items)
        return None

    def add_capture(self, capture: CaptureLike, *, warc: bytes | None = None) -> bool:
        """Keep a capture's bytes and provenance; False if these bytes were already stored.

        The same bytes from a new origin add that origin (and a ledger entry)
        but are not stored again; the same bytes from a known origin change
        nothing at all. ``warc`` is the WARC record of a URL capture.
        """
        source, data = capture.source, capture.data
        if data is not None and sha256_hex(data) != source.sha256:
            raise StoreError(f"capture of {source.origin} claims sha256 {source.sha256} but its bytes "
                             "hash differently; this is a bug in the capture stage, please report it")
        with self.transaction():
            row = self.conn.execute("SELECT stored FROM sources WHERE sha256 = ?", (source.sha256,)).fetchone()
            if row is not None and self.conn.execute(
                    "SELECT 1 FROM origins WHERE sha256 = ? AND origin = ?",
                    (source.sha256, source.origin)).fetchone():
                return False
            headers = json.dumps([list(h) for h in source.http_headers], ensure_ascii=False)
            if row is None:
                stored = data is not None
                if data is not None:
                    self.originals.put(source.sha256, data)
                self.conn.execute(
                    "INSERT INTO sources (sha256, size, media_type, origin, captured_at, http_headers,"
                    " http_status, parent, error, stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (source.sha256, source.size, source.media_type, source.origin, source.captured_at,
                     headers, source.http_status, source.parent, source.error, int(stored)))
            elif not row[0] and data is not None:
                self.originals.put(source.sha256, data)
                self.conn.execute("UPDATE sources SET stored = 1 WHERE sha256 = ?", (source.sha256,))
            warc_rel = warc_sha = None
            if warc:
                warc_rel = self.originals.warc_relpath(source.sha256, source.origin)
                self.originals.put_warc(warc_rel, warc)
                warc_sha = sha256_hex(warc)
            self.conn.execute(
                "INSERT INTO origins (sha256, origin, captured_at, http_headers, http_status, parent, error,"
                " warc, warc_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (source.sha256, source.origin, source.captured_at, headers, source.http_status,
                 source.parent, source.error, warc_rel, warc_sha))
            self.append_ledger("capture", source.sha256, {
                "sha256": source.sha256, "size": source.size, "media_type": source.media_type,
                "origin": source.origin, "captured_at": source.captured_at, "parent": source.parent,
                "error": source.error, "http_headers": [list(h) for h in source.http_headers],
                "http_status": source.http_status, "warc_sha256": warc_sha,
            })
            return row is None

    def add_document(self, document: Document, source_sha: str | None, *, index: bool = True) -> bool:
        """Store a document's text and stories; False if that document is already stored.

        ``index=False`` leaves its stories out of the full-text index until
        ``index_stories()``: a batch indexed at once is much cheaper.
        """
        with self.transaction():
            return writer.insert_document(self.conn, document, source_sha, utc_now(), index=index)

    def index_stories(self) -> int:
        """Put every story still missing from the full-text index into it; returns how many."""
        with self.transaction():
            return writer.index_stories(self.conn)

    def add_extraction(self, extraction: Extraction) -> None:
        """Store a document's incidents, statistics and places as machine output.

        Re-extracting a document replaces its earlier machine output, except
        incidents and statistics an analyst has reviewed, which are kept.
        """
        with self.transaction():
            writer.insert_extraction(self.conn, extraction, utc_now())

    def append_ledger(self, kind: str, subject: str, payload: Any) -> LedgerEntry:
        """Append one entry to the hash chain (inside the caller's transaction, if any)."""
        with self.transaction():
            return append_entry(self.conn, kind, subject, payload, utc_now())

    def record_review(self, *, subject_kind: str, subject_id: int | str, field: str, old: Any, new: Any,
                      reviewer: str, note: str | None = None) -> int:
        """Record an analyst's edit of one field (the caller changes the field itself).

        ``subject_id`` is an incident's or statistic's row id, or an event's id (a string).
        """
        with self.transaction():
            entry = self.append_ledger("review", f"{subject_kind}:{subject_id}", {
                "field": field, "old": old, "new": new, "reviewer": reviewer, "note": note})
            cur = self.conn.execute(
                "INSERT INTO reviews (subject_kind, subject_id, field, old_value, new_value, reviewer, note,"
                " created_at, ledger_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (subject_kind, subject_id, field, canonical_json(old), canonical_json(new), reviewer, note,
                 entry.created_at, entry.seq))
            return writer.inserted_id(cur)

    # --- reading -----------------------------------------------------------

    def read_original(self, sha256: str) -> bytes:
        return self.originals.read(sha256)

    def map_original(self, sha256: str) -> bytes:
        """The original to read again by OCR: memory-mapped when large (store/originals.py)."""
        return self.originals.map(sha256)

    def iter_sources(self) -> Iterator[Source]:
        return queries.iter_sources(self.conn)

    def get_source(self, sha256: str) -> Source | None:
        return next((s for s in queries.iter_sources(self.conn, sha256=sha256)), None)

    def iter_documents(self) -> Iterator[Document]:
        return queries.iter_documents(self.conn)

    def get_document(self, doc: str) -> Document | None:
        return next(queries.iter_documents(self.conn, doc=doc), None)

    def scanned_documents(self) -> list[tuple[str, str, str]]:
        """(doc, media type, first origin) of every PDF and image whose original is kept, oldest first:
        what `reprocess --ocr` can read again."""
        return queries.scanned_documents(self.conn)

    def replace_document(self, document: Document) -> str | None:
        """Put a document read again in place of the stored one (text, stories, pages, language);
        the reason when it must be left as it is (reviewed output), else None."""
        with self.transaction():
            return writer.replace_document(self.conn, document, utc_now())

    def iter_stories(self, doc: str) -> Iterator[Story]:
        return queries.iter_stories(self.conn, doc)

    def iter_incidents(self, *, doc: str | None = None, limit: int | None = None) -> Iterator[Incident]:
        return queries.iter_incidents(self.conn, doc=doc, limit=limit)

    # --- events: the consolidation stage reads incidents here and writes events back ---

    def events_current(self) -> bool:
        """The one rule for "are events stale?": no incident waits for an event, no event lost a report."""
        return blocks.events_current(self.conn)

    def consolidation_work(self) -> blocks.ConsolidationWork:
        return blocks.pending_work(self.conn)

    def block_rows(self, ids: Iterable[int]) -> list[blocks.BlockRow]:
        return blocks.block_rows(self.conn, ids)

    def dated_in_block(self, kind: str, country: str | None, date_from: str, date_to: str) -> list[int]:
        return blocks.dated_in_block(self.conn, kind, country, date_from, date_to)

    def undated_in_block(self, kind: str, country: str | None, *, limit: int) -> list[int]:
        return blocks.undated_in_block(self.conn, kind, country, limit=limit)

    def event_closure(self, ids: Iterable[int]) -> tuple[set[int], set[str]]:
        return blocks.event_closure(self.conn, ids)

    def pins(self, keys: Iterable[str] | None = None) -> dict[str, str]:
        return blocks.pins(self.conn, keys)

    def iter_stored_incidents(self, ids: Iterable[int] | None = None) -> Iterator[queries.StoredIncident]:
        """Incidents with row id, report key and document facts, in row order (every one when ``ids`` is None)."""
        return queries.iter_stored_incidents(self.conn, ids=ids)

    def write_events(self, new: Iterable[ConsolidatedIncident], *, replacing: Iterable[str] | None) -> int:
        """The one way events enter the store: ``new`` replaces the events ``replacing`` (None: all).

        In one transaction: the replaced rows go, the new ones come with their
        reports, the incidents they hold stop waiting, and analysts' reviewed
        values are applied again to the new rows (filters and tallies show them).
        Returns how many events were written.
        """
        with self.transaction():
            written = events.write_events(self.conn, new, replacing=replacing)
            review.sync_reviewed_rows(self, written)
        return len(written)

    def iter_events(self, where: "events.EventFilter | None" = None, *, order: str = "date",
                    reviewed: bool = False) -> Iterator[ConsolidatedIncident]:
        """Full events, a chunk at a time; ``reviewed`` applies analysts' values (exports)."""
        stream = events.iter_events(self.conn, where, order=order)
        return review.with_reviews(self, stream) if reviewed else stream

    def get_event(self, event_id: str) -> ConsolidatedIncident | None:
        return events.get_event(self.conn, event_id)

    def count_events(self, where: "events.EventFilter | None" = None) -> int:
        return events.count_events(self.conn, where)

    def review_queue(self, where: "events.EventFilter", *, limit: int, offset: int = 0
                     ) -> tuple[list[review_queue.QueueRow], int]:
        """One page of unreviewed events, lowest confidence first, and how many in all (the /review page)."""
        return review_queue.review_queue(self.conn, where, limit=limit, offset=offset)

    def search_stories(self, query: str, *, limit: int = 50) -> list[tuple[str, int]]:
        """(doc, story index) of the stories matching an FTS5 query, best first."""
        return queries.search_stories(self.conn, query, limit=limit)

    def ledger(self) -> Iterator[LedgerEntry]:
        return read_ledger(self.conn)

    # --- status and verification (health.py) --------------------------------

    def status(self) -> StoreStatus:
        return health.status(self.conn, self.path)

    def verify(self) -> VerifyReport:
        """Re-hash every original and WARC record, re-check the ledger chain and the database."""
        return health.verify(self.conn, self.originals)
