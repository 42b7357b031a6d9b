"""store stage: SQLite (one file, WAL, FTS5), originals by SHA-256 beside it, and a hash-chained ledger.

``Store.open(path)`` creates or opens a store; see docs/store.md for the
tables, the on-disk layout and what ``verify`` checks.
"""

from factfinder.store.ledger import LedgerEntry
from factfinder.store.reports import IngestOutcome, IngestReport, StoreStatus, VerifyReport
from factfinder.store.sqlite import Store

__all__ = ["Store", "StoreStatus", "VerifyReport", "IngestOutcome", "IngestReport", "LedgerEntry"]
