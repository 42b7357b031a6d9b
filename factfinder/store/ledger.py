"""The hash-chained ledger: what was captured and who changed what, in order.

Each entry's hash is SHA-256 over the previous entry's hash followed by the
entry's canonical JSON (``seq``, ``kind``, ``subject``, ``payload``,
``created_at``; keys sorted, no spaces, UTF-8). Changing any entry breaks its
own hash; rewriting the hash as well breaks the link from the next entry. The
first entry chains to ``GENESIS``. Publishing the head hash somewhere outside
the database (a report, an e-mail) pins everything before it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """One spelling per value, so the same content always hashes the same."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    seq: int
    kind: str  # "capture", "review", ...
    subject: str  # what it is about: a sha256, "incident:12", ...
    payload: str  # canonical JSON
    created_at: str
    prev_hash: str
    hash: str

    @property
    def data(self) -> Any:
        return json.loads(self.payload)


def entry_hash(prev_hash: str, seq: int, kind: str, subject: str, payload: str, created_at: str) -> str:
    body = canonical_json({"seq": seq, "kind": kind, "subject": subject,
                           "payload": json.loads(payload), "created_at": created_at})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def append_entry(conn: sqlite3.Connection, kind: str, subject: str, payload: Any, created: str) -> LedgerEntry:
    """Chain one entry to the last one (the caller holds the write transaction)."""
    last = conn.execute("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
    body = canonical_json(payload)
    digest = entry_hash(prev, seq, kind, subject, body, created)
    conn.execute("INSERT INTO ledger (seq, kind, subject, payload, created_at, prev_hash, hash)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?)", (seq, kind, subject, body, created, prev, digest))
    return LedgerEntry(seq, kind, subject, body, created, prev, digest)


def read_ledger(conn: sqlite3.Connection) -> Iterator[LedgerEntry]:
    """Every entry, in order."""
    rows = conn.execute("SELECT seq, kind, subject, payload, created_at, prev_hash, hash FROM ledger ORDER BY seq")
    return (LedgerEntry(*row) for row in rows)


def chain_problems(entries: Iterable[LedgerEntry]) -> list[str]:
    """Every break in the chain, named by entry number, in ledger order."""
    problems: list[str] = []
    expected_seq = 1
    prev: LedgerEntry | None = None
    for entry in entries:
        if entry.seq != expected_seq:
            missing = (f"entry {expected_seq}" if entry.seq == expected_seq + 1
                       else f"entries {expected_seq} to {entry.seq - 1}")
            problems.append(f"ledger {missing} missing: the ledger was cut")
        try:
            own = entry_hash(entry.prev_hash, entry.seq, entry.kind, entry.subject,
                             entry.payload, entry.created_at)
        except (ValueError, TypeError):
            own = None
        if own != entry.hash:
            problems.append(f"ledger entry {entry.seq} was altered: its hash does not match its content")
        expected_prev = prev.hash if prev is not None else GENESIS
        if entry.prev_hash != expected_prev:
            target = f"entry {prev.seq}" if prev is not None else "the start of the ledger"
            problems.append(f"ledger entry {entry.seq} does not chain to {target}")
        prev = entry
        expected_seq = entry.seq + 1
    return problems
