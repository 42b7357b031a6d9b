"""Consolidation as a stage over a store: what it hands out in, events written back.

``update_events(store)`` is what an ingest runs: it takes the incidents waiting
for an event (and the events that lost a report or that an analyst merged or
split), finds the blocks they touch (type, country, date window: the blocking
of cluster.py, widened by its window), and consolidates again only the
incidents of those blocks together with every event that holds one of them.
Like cluster.py, which compares a report with the latest clusters of an
undated pool only, it takes the latest undated incidents of a block.
``rebuild_events(store)`` makes every event anew (`factfinder consolidate`,
`reprocess`). Both honour analysts' pins (merges and splits) and write through
the one store method, ``Store.write_events``, which re-applies reviewed values.

The store is used through the small ``EventStore`` protocol: this stage imports
no store module, and the store imports no stage.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Iterable, Iterator, Protocol

from factfinder.consolidate import consolidate, outlet_of
from factfinder.consolidate.cluster import BUCKET_DAYS, DATE_WINDOW_DAYS, MAX_BLOCKING_RANGE_DAYS, UNDATED_POOL_LIMIT
from factfinder.consolidate.merge import merge_cluster
from factfinder.model import Event, Incident, SourcedIncident

# How far around an incident's dates its block reaches. cluster.py compares a
# report with the clusters whose home bucket (first day // BUCKET_DAYS) lies
# within its own days widened by the merge window; so a stored report can meet
# a new one when it starts at most window + bucket days after the new one ends,
# or before it starts by that much plus the widest date still blocked on.
REACH_AFTER_DAYS = DATE_WINDOW_DAYS + BUCKET_DAYS
REACH_BEFORE_DAYS = DATE_WINDOW_DAYS + BUCKET_DAYS + MAX_BLOCKING_RANGE_DAYS


# Read-only members (properties), so that the store's frozen dataclasses provide them.
class StoredIncidentLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def incident(self) -> Incident: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def fingerprint(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...


class BlockRowLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def date_start(self) -> str | None: ...
    @property
    def date_end(self) -> str | None: ...


class WorkLike(Protocol):
    @property
    def incidents(self) -> tuple[int, ...]: ...
    @property
    def stale_events(self) -> tuple[str, ...]: ...


class EventStore(Protocol):
    """What this stage needs of a store (factfinder.store.Store provides it)."""

    def events_current(self) -> bool: ...
    def consolidation_work(self) -> WorkLike: ...
    def block_rows(self, ids: Iterable[int]) -> Iterable[BlockRowLike]: ...
    def dated_in_block(self, kind: str, country: str | None, date_from: str, date_to: str) -> list[int]: ...
    def undated_in_block(self, kind: str, country: str | None, *, limit: int) -> list[int]: ...
    def event_closure(self, ids: Iterable[int]) -> tuple[set[int], set[str]]: ...
    def pins(self, keys: Iterable[str] | None = None) -> dict[str, str]: ...
    def iter_stored_incidents(self, ids: Iterable[int] | None = None) -> Iterator[StoredIncidentLike]: ...
    def write_events(self, new: Iterable[Event], *, replacing: Iterable[str] | None) -> int: ...
    def count_events(self) -> int: ...


def as_report(stored: StoredIncidentLike) -> SourcedIncident:
    return SourcedIncident(key=stored.key, incident=stored.incident, outlet=outlet_of(stored.url, stored.incident.doc),
                  published=stored.published, text_fingerprint=stored.fingerprint, language=stored.language)


def consolidate_pinned(reports: list[SourcedIncident], pinned: dict[str, str]) -> list[Event]:
    """Reports an analyst pinned form the event they were pinned to; the rest are clustered."""
    forced: dict[str, list[SourcedIncident]] = {}
    free: list[SourcedIncident] = []
    for report in reports:
        if report.key in pinned:
            forced.setdefault(pinned[report.key], []).append(report)
        else:
            free.append(report)
    events = [replace(merge_cluster(members), id=event_id) for event_id, members in forced.items()]
    return events + consolidate(free)


def rebuild_events(store: EventStore) -> int:
    """Consolidate every stored incident anew; returns how many events."""
    reports = [as_report(s) for s in store.iter_stored_incidents()]
    return store.write_events(consolidate_pinned(reports, store.pins()), replacing=None)


def update_events(store: EventStore) -> int:
    """Bring the events up to date by re-consolidating only the blocks that changed; returns the event count."""
    if store.events_current():
        return store.count_events()
    work = store.consolidation_work()
    touched = set(work.incidents)
    for (kind, country), days in _blocks(store.block_rows(work.incidents)).items():
        touched.update(store.undated_in_block(kind, country, limit=UNDATED_POOL_LIMIT))
        for first, last in _merge(days):
            touched.update(store.dated_in_block(kind, country, _iso(first - REACH_BEFORE_DAYS),
                                                _iso(last + REACH_AFTER_DAYS)))
    incidents, events = store.event_closure(touched)
    reports = [as_report(s) for s in store.iter_stored_incidents(incidents)]
    new = consolidate_pinned(reports, store.pins([r.key for r in reports]))
    store.write_events(new, replacing=events | set(work.stale_events))
    return store.count_events()


def _blocks(rows: Iterable[BlockRowLike]) -> dict[tuple[str, str | None], list[tuple[int, int]]]:
    """Day ranges per (type, country) of the rows; an unknown country reaches every country."""
    out: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
    for row in rows:
        days = out.setdefault((row.type, row.country or None), [])
        if row.date_start and row.date_end:
            first, last = date.fromisoformat(row.date_start).toordinal(), date.fromisoformat(row.date_end).toordinal()
            if last - first <= MAX_BLOCKING_RANGE_DAYS:  # coarser dates block with the undated pool only
                days.append((first, last))
    return out


def _merge(days: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or nearby day ranges joined, so that a busy block is read in a few queries."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(days):
        if merged and first - merged[-1][1] <= REACH_BEFORE_DAYS + REACH_AFTER_DAYS:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _iso(day: int) -> str:
    return (date.min + timedelta(days=day - 1)).isoformat()
