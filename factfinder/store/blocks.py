"""What the consolidation stage asks of the store: its work, blocks of incidents, their events.

The store answers plain questions by indexed SQL (which incidents wait for an
event, which incidents of a type fall in a date window, which events hold
these incidents); the consolidation stage decides which questions to ask
(factfinder/consolidate/stored.py), so that an ingest re-consolidates only the
blocks its new incidents touch.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal, Sequence, TypeVar

from factfinder.store.queries import CHUNK

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ConsolidationWork:
    """What is left to consolidate: nothing at all when the events are current."""

    incidents: tuple[int, ...]  # waiting for an event, or left in an event that lost another report
    stale_events: tuple[str, ...]  # events to make again (a report left them, an analyst merged or split)

    @property
    def empty(self) -> bool:
        return not self.incidents and not self.stale_events


@dataclass(frozen=True, slots=True)
class BlockRow:
    """The fields consolidation blocks on, of one incident (machine values, not reviewed ones)."""

    id: int
    type: str
    country: str | None
    date_start: str | None
    date_end: str | None


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for n in range(0, len(items), CHUNK):
        yield items[n:n + CHUNK]


def _marks(part: Sequence[object]) -> str:
    return ",".join("?" * len(part))


def events_current(conn: sqlite3.Connection) -> bool:
    """The one rule: events are current when no incident waits for one and no event lost a report.

    Both tables are kept by triggers and by the analyst's merges and splits
    (store/schema.py step 4, store/review.py), so this costs two index probes.
    """
    row = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM consolidation_pending)"
                       " AND NOT EXISTS (SELECT 1 FROM consolidation_stale)").fetchone()
    return bool(row[0])


def pending_work(conn: sqlite3.Connection) -> ConsolidationWork:
    stale = tuple(r[0] for r in conn.execute("SELECT event_id FROM consolidation_stale ORDER BY event_id"))
    ids = {r[0] for r in conn.execute("SELECT incident_id FROM consolidation_pending")}
    for part in _chunks(stale):
        ids.update(r[0] for r in conn.execute(
            f"SELECT incident_id FROM event_reports WHERE event_id IN ({_marks(part)})", part))
    return ConsolidationWork(incidents=tuple(sorted(ids)), stale_events=stale)


def block_rows(conn: sqlite3.Connection, ids: Iterable[int]) -> list[BlockRow]:
    out: list[BlockRow] = []
    for part in _chunks(sorted(set(ids))):
        out += [BlockRow(*r) for r in conn.execute(
            "SELECT i.id, i.type, p.country, i.date_start, i.date_end FROM incidents i"
            f" LEFT JOIN places p ON p.id = i.place_id WHERE i.id IN ({_marks(part)}) ORDER BY i.id", part)]
    return out


def _country_clause(country: str | None) -> tuple[str, list[str]]:
    """Same country or none known (None: any country, for an incident whose country is unknown)."""
    if country is None:
        return "", []
    return " AND (p.country = ? OR p.country IS NULL)", [country]


def dated_in_block(conn: sqlite3.Connection, kind: str, country: str | None, date_from: str,
                   date_to: str) -> list[int]:
    """Incidents of a type whose date starts within [date_from, date_to] (index incidents_block)."""
    extra, args = _country_clause(country)
    return [r[0] for r in conn.execute(
        "SELECT i.id FROM incidents i LEFT JOIN places p ON p.id = i.place_id"
        f" WHERE i.type = ? AND i.date_start BETWEEN ? AND ?{extra}",
        [kind, date_from, date_to, *args])]


def undated_in_block(conn: sqlite3.Connection, kind: str, country: str | None, *, limit: int) -> list[int]:
    """The latest ``limit`` incidents of a type without a date or with one coarser than a week."""
    extra, args = _country_clause(country)
    return [r[0] for r in conn.execute(
        "SELECT i.id FROM incidents i LEFT JOIN places p ON p.id = i.place_id WHERE i.type = ?"
        f" AND (i.date_start IS NULL OR i.date_end > date(i.date_start, '+7 days')){extra}"
        " ORDER BY i.id DESC LIMIT ?", [kind, *args, limit])]


# The two ties between incidents and events, read in either direction: a report
# in an event (event_reports) and a report an analyst pinned to one (event_overrides).
_TIES = {
    "events": ("SELECT DISTINCT event_id FROM event_reports WHERE incident_id IN ({marks})",
               "SELECT DISTINCT o.event_id FROM event_overrides o JOIN incidents i ON i.report_key = o.report_key"
               " WHERE i.id IN ({marks})"),
    "incidents": ("SELECT incident_id FROM event_reports WHERE event_id IN ({marks})",
                  "SELECT i.id FROM event_overrides o JOIN incidents i ON i.report_key = o.report_key"
                  " WHERE o.event_id IN ({marks})"),
}


def _tied(conn: sqlite3.Connection, to: Literal["events", "incidents"], keys: Sequence[Any]) -> set[Any]:
    """The events of incidents ``keys`` (``to="events"``), or the incidents of events ``keys``
    (``to="incidents"``): reports and analysts' pins alike."""
    found: set[Any] = set()
    for part in _chunks(keys):
        marks = _marks(part)
        for query in _TIES[to]:
            found.update(r[0] for r in conn.execute(query.format(marks=marks), part))
    return found


def event_closure(conn: sqlite3.Connection, ids: Iterable[int]) -> tuple[set[int], set[str]]:
    """The incidents and events to consolidate again together with ``ids``.

    Every event holding one of them, every other report of those events, and
    every report an analyst pinned to one of those events (or that one of them
    is pinned to), until nothing new comes in.
    """
    incidents: set[int] = set(ids)
    events: set[str] = set()
    frontier = sorted(incidents)
    while frontier:
        new_events = sorted(_tied(conn, "events", frontier) - events)
        events.update(new_events)
        frontier = sorted(_tied(conn, "incidents", new_events) - incidents)
        incidents.update(frontier)
    return incidents, events


def pins(conn: sqlite3.Connection, keys: Iterable[str] | None = None) -> dict[str, str]:
    """Analysts' pins, report key -> event id (of ``keys`` only, when given)."""
    if keys is None:
        return dict(conn.execute("SELECT report_key, event_id FROM event_overrides"))
    out: dict[str, str] = {}
    for part in _chunks(sorted(set(keys))):
        out.update(conn.execute(
            f"SELECT report_key, event_id FROM event_overrides WHERE report_key IN ({_marks(part)})", part))
    return out
