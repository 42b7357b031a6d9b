"""Followed sources: the feeds and pages a monitor has factfinder fetch on a schedule.

Rows of ``followed_sources`` (what to fetch, how often, what the server said
last time for a conditional GET, when it last worked or failed) and the log of
every pass in ``follow_passes``. The passes themselves run in ``factfinder.follow``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from factfinder.errors import UsageError


@dataclass(frozen=True, slots=True)
class FollowedSource:
    id: int
    url: str
    name: str | None
    every_seconds: int
    etag: str | None
    last_modified: str | None
    next_due: str
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    items_per_day: float = 0.0  # new items a day over the last week


_COLUMNS = ("id, url, name, every_seconds, etag, last_modified, next_due, last_success, last_error,"
            " last_error_at")


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_followed(conn: sqlite3.Connection, url: str, *, every_seconds: int, name: str | None,
                 now: datetime) -> FollowedSource:
    """Follow ``url`` (due at once); a URL or name already followed is a clear error."""
    if not url.lower().startswith(("http://", "https://")):
        raise UsageError(f"{url} is not an http(s) address; follow a feed or page URL")
    try:
        conn.execute("INSERT INTO followed_sources (url, name, every_seconds, next_due, created_at)"
                     " VALUES (?, ?, ?, ?, ?)", (url, name, every_seconds, iso(now), iso(now)))
    except sqlite3.IntegrityError:
        raise UsageError(f"{name or url} is followed already; `factfinder follow list` shows it") from None
    found = find_followed(conn, url)
    assert found is not None
    return found


def find_followed(conn: sqlite3.Connection, url_or_name: str) -> FollowedSource | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM followed_sources WHERE url = ? OR name = ?",
                       (url_or_name, url_or_name)).fetchone()
    return FollowedSource(*row) if row else None


def remove_followed(conn: sqlite3.Connection, url_or_name: str) -> bool:
    return conn.execute("DELETE FROM followed_sources WHERE url = ? OR name = ?",
                        (url_or_name, url_or_name)).rowcount > 0


def list_followed(conn: sqlite3.Connection, *, now: datetime) -> list[FollowedSource]:
    """Every followed source, with its new items a day over the week before ``now``."""
    since = iso(now - timedelta(days=7))
    per_day = dict(conn.execute(
        "SELECT source_id, sum(new_items) / 7.0 FROM follow_passes WHERE at >= ? GROUP BY source_id", (since,)))
    return [replace(FollowedSource(*row), items_per_day=round(per_day.get(row[0], 0.0), 1))
            for row in conn.execute(f"SELECT {_COLUMNS} FROM followed_sources ORDER BY url")]


def due_followed(conn: sqlite3.Connection, *, now: datetime) -> list[FollowedSource]:
    return [FollowedSource(*row) for row in conn.execute(
        f"SELECT {_COLUMNS} FROM followed_sources WHERE next_due <= ? ORDER BY next_due, url", (iso(now),))]


def record_pass(conn: sqlite3.Connection, source: FollowedSource, *, now: datetime, status: str,
                new_items: int = 0, message: str | None = None, etag: str | None = None,
                last_modified: str | None = None) -> None:
    """Log one pass over ``source`` and schedule the next one (a failure is retried at the next turn)."""
    next_due = iso(now + timedelta(seconds=source.every_seconds))
    conn.execute("INSERT INTO follow_passes (source_id, at, status, new_items, message) VALUES (?, ?, ?, ?, ?)",
                 (source.id, iso(now), status, new_items, message))
    if status == "failed":
        conn.execute("UPDATE followed_sources SET next_due = ?, last_error = ?, last_error_at = ? WHERE id = ?",
                     (next_due, message, iso(now), source.id))
    else:
        conn.execute("UPDATE followed_sources SET next_due = ?, last_success = ?, etag = coalesce(?, etag),"
                     " last_modified = coalesce(?, last_modified) WHERE id = ?",
                     (next_due, iso(now), etag, last_modified, source.id))


def known_origin(conn: sqlite3.Connection, url: str) -> str | None:
    """The SHA-256 of what ``url`` gave when it was last captured without error, if it ever was."""
    row = conn.execute("SELECT o.sha256 FROM origins o JOIN sources s ON s.sha256 = o.sha256"
                       " WHERE o.origin = ? AND o.error IS NULL AND s.stored = 1"
                       " ORDER BY o.captured_at DESC LIMIT 1", (url,)).fetchone()
    return row[0] if row else None
