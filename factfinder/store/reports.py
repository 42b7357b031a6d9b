"""What the store reports back: plain dataclasses for the CLI and the web app to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """Counts over the whole store, for `factfinder status`."""

    path: str
    schema_version: int
    sources: int  # distinct originals that were read
    failed_sources: int  # inputs that could not be captured (one per origin)
    origins: int  # every place some bytes arrived from
    documents: int
    stories: int
    duplicate_stories: int
    incidents_by_type: tuple[tuple[str, int], ...]  # most frequent first
    statistics: int
    ledger_length: int
    ledger_head: str | None  # hash of the last ledger entry, to publish elsewhere
    db_size: int  # bytes of the database file and its WAL

    @property
    def incidents(self) -> int:
        return sum(n for _, n in self.incidents_by_type)


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of `factfinder verify`: empty ``problems`` means everything checked out."""

    originals: int  # originals whose bytes were re-hashed
    warc_records: int
    ledger_entries: int
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


IngestStatus = Literal["stored", "present", "failed"]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one captured input."""

    origin: str
    status: IngestStatus
    sha256: str | None = None
    message: str | None = None  # the one-line error of a failed input, or a note
    incidents: int = 0
    statistics: int = 0


@dataclass(frozen=True, slots=True)
class IngestReport:
    outcomes: tuple[IngestOutcome, ...] = field(default=())
    events: int | None = None  # events after consolidation, when this run extracted anything

    def count(self, status: IngestStatus) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> bool:
        return any(o.status == "failed" for o in self.outcomes)
