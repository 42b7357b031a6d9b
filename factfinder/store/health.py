"""`factfinder status` and `factfinder verify`: read-only looks at the whole store.

Kept apart from ``Store`` (sqlite.py), which reads and writes rows: these two
only count and re-check what is there, for a person to read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

from factfinder.store.ledger import LedgerEntry, chain_problems, read_ledger
from factfinder.store.originals import Originals
from factfinder.store.reports import StoreStatus, VerifyReport


def status(conn: sqlite3.Connection, path: str) -> StoreStatus:
    """Counts over the whole store, its ledger head and its size on disk (``path`` ":memory:": 0)."""
    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    head = conn.execute("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    by_type = tuple((str(t), int(n)) for t, n in conn.execute(
        "SELECT type, count(*) AS n FROM incidents GROUP BY type ORDER BY n DESC, type"))
    size = 0
    if path != ":memory:":
        size = sum(p.stat().st_size for p in (Path(path), Path(path + "-wal")) if p.exists())
    return StoreStatus(
        path=path, schema_version=one("PRAGMA user_version"),
        sources=one("SELECT count(*) FROM sources WHERE error IS NULL"),
        failed_sources=one("SELECT count(*) FROM origins WHERE error IS NOT NULL"),
        origins=one("SELECT count(*) FROM origins"),
        documents=one("SELECT count(*) FROM documents"),
        stories=one("SELECT count(*) FROM stories"),
        duplicate_stories=one("SELECT count(*) FROM stories WHERE duplicate_of IS NOT NULL"),
        incidents_by_type=by_type, statistics=one("SELECT count(*) FROM statistics"),
        ledger_length=one("SELECT count(*) FROM ledger"),
        ledger_head=str(head[0]) if head else None, db_size=size)


def verify(conn: sqlite3.Connection, originals: Originals) -> VerifyReport:
    """Re-hash every original and WARC record, re-check the ledger chain and the database."""
    problems = [f"database integrity: {msg}" for (msg,) in conn.execute("PRAGMA quick_check") if msg != "ok"]
    stored = warcs = 0
    for sha, origin in conn.execute("SELECT sha256, origin FROM sources WHERE stored = 1 ORDER BY rowid"):
        stored += 1
        label = f"original {sha} ({_short(origin)})"
        path = originals.path(sha)
        if not path.is_file():
            problems.append(f"{label} is missing")
        elif (actual := originals.hash_file(path)) != sha:
            problems.append(f"{label} changed: its bytes hash to {actual}")
    for rel, expected, origin in conn.execute(
            "SELECT warc, warc_sha256, origin FROM origins WHERE warc IS NOT NULL ORDER BY id"):
        warcs += 1
        path = originals.root / rel
        if not path.is_file():
            problems.append(f"WARC record {rel} ({_short(origin)}) is missing")
        elif (actual := originals.hash_file(path)) != expected:
            problems.append(f"WARC record {rel} ({_short(origin)}) changed: its bytes hash to {actual}")
    entries = 0
    captured: set[str] = set()

    def counted() -> Iterator[LedgerEntry]:
        nonlocal entries
        for entry in read_ledger(conn):
            entries += 1
            if entry.kind == "capture":
                captured.add(entry.subject)
            yield entry

    problems.extend(chain_problems(counted()))
    for sha, origin in conn.execute("SELECT sha256, origin FROM sources ORDER BY rowid"):
        if sha not in captured:
            problems.append(f"source {sha} ({_short(origin)}) has no capture entry in the ledger")
    return VerifyReport(originals=stored, warc_records=warcs, ledger_entries=entries, problems=tuple(problems))


def _short(origin: str) -> str:
    """The last path or URL segment: enough for a person to recognise the file."""
    tail = origin.rstrip("/").rsplit("/", 1)[-1]
    return tail or origin
