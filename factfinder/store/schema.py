"""The SQLite schema as a list of forward migrations.

``PRAGMA user_version`` holds how many steps of ``MIGRATIONS`` a database has
applied. Opening a database runs the missing steps in one transaction each; a
database written by a newer factfinder (more steps than we know) is refused
rather than guessed at. Never edit a released step: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from factfinder.errors import StoreError
from factfinder.store.tables import V1, V2
from factfinder.store.upgrades import (
    FOLLOWED_SOURCES, FOREIGN_KEYS_OFF, INCIDENT_CONFIDENCE, NARROW_EVENTS, NEWEST_FIRST, PAGE_LAYOUT,
    PLACES_BY_READING, REVIEW_ORDER, STORE_ID_AND_CHECKPOINTS, INCIDENT_SUBTYPE, STORIES_ANY_SCRIPT,
    UNREVIEWED_EVENTS, WEB_AND_CONSOLIDATION,
)

# One entry per schema version: a SQL script run inside a transaction.
MIGRATIONS: list[str] = [V1, V2, STORE_ID_AND_CHECKPOINTS, WEB_AND_CONSOLIDATION, NARROW_EVENTS, NEWEST_FIRST,
                         FOLLOWED_SOURCES, STORIES_ANY_SCRIPT, PAGE_LAYOUT, INCIDENT_CONFIDENCE,
                         INCIDENT_SUBTYPE, REVIEW_ORDER, PLACES_BY_READING, UNREVIEWED_EVENTS]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _statements(script: str) -> Iterator[str]:
    """The statements of ``script`` one by one (a trigger body's ``;`` stays inside its statement).

    executescript() would commit any open transaction first, so a step run
    with it cannot share one transaction with the version check before it.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
    if buffer.strip():
        yield buffer


def _refuse_newer(version: int, known: int, name: str) -> None:
    if version > known:
        raise StoreError(
            f"{name} has schema version {version}, but this factfinder only knows up to "
            f"{known}: it was written by a newer factfinder; upgrade factfinder to open it"
        )


def migrate(conn: sqlite3.Connection, *, name: str, migrations: list[str] | None = None) -> int:
    """Bring ``conn`` to the latest schema; return the version it is at.

    Each step and its version bump commit together, so a crash mid-migration
    leaves the database at the previous version, ready to retry. The version is
    read again after BEGIN IMMEDIATE: two processes opening a new database at
    once (two ingests, serve and ingest) take turns, and the second finds the
    step done instead of creating the same tables again.
    """
    steps = MIGRATIONS if migrations is None else migrations
    _refuse_newer(schema_version(conn), len(steps), name)
    while schema_version(conn) < len(steps):
        # A step that rebuilds a table others refer to runs with foreign keys off (SQLite's
        # recipe for schema changes ALTER TABLE cannot make; the pragma is a no-op inside a
        # transaction) and checks every reference before it commits.
        rebuild = steps[schema_version(conn)].lstrip().startswith(FOREIGN_KEYS_OFF)
        enforced = bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])
        if rebuild:
            conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")  # waits for another migrating process (busy_timeout)
        version = schema_version(conn)
        number = version + 1
        try:
            _refuse_newer(version, len(steps), name)
            if version < len(steps):
                for statement in _statements(steps[version]):
                    conn.execute(statement)
                if rebuild and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError("a rebuilt table lost rows that others refer to")
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"cannot upgrade {name} to schema version {number}: {exc}; "
                             "restore a backup or report this as a bug") from exc
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            if rebuild and enforced:
                conn.execute("PRAGMA foreign_keys = ON")
    return len(steps)
