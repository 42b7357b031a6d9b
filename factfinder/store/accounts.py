"""Web accounts: users with a role, API tokens, and the secret that signs sessions.

Passwords are hashed with argon2id (argon2-cffi); API tokens are random and
only their SHA-256 is kept, so a copy of the database does not hand out
logins. The tables (``web_users``, ``web_tokens``, ``web_secrets``) are a
step of the store's migrations (store/schema.py).

Accounts hold a login name and a role, nothing else: no profile of a person.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from factfinder.errors import UsageError
from factfinder.store.writer import inserted_id
from factfinder.values.isodate import utc_now

ROLES: tuple[str, ...] = ("viewer", "editor", "admin")
_RANK = {role: n for n, role in enumerate(ROLES)}
MIN_PASSWORD = 8


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    def can(self, role: str) -> bool:
        """True when this user's role is ``role`` or above (viewer < editor < admin)."""
        return _RANK[self.role] >= _RANK[role]




def _hasher() -> Any:  # argon2 is imported lazily: the CLI's --help must stay fast
    from argon2 import PasswordHasher

    return PasswordHasher()


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() or not c.isprintable() for c in name):
        raise UsageError(f"{name!r} is not a usable login name: use 1 to 64 characters without spaces")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    return role


def add_user(conn: sqlite3.Connection, name: str, password: str, role: str) -> User:
    """Create a user, or replace the password and role of an existing one."""
    name, role = _check_name(name), _check_role(role)
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    digest = _hasher().hash(password)
    conn.execute("INSERT INTO web_users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)"
                 " ON CONFLICT(name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash",
                 (name, role, digest, utc_now()))
    return User(name, role)


def remove_user(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("DELETE FROM web_tokens WHERE user_name = ?", (name,))
    if conn.execute("DELETE FROM web_users WHERE name = ?", (name,)).rowcount == 0:
        raise UsageError(f"there is no user {name!r}; `factfinder user list` shows who exists")


def list_users(conn: sqlite3.Connection) -> list[User]:
    return [User(n, r) for n, r in conn.execute("SELECT name, role FROM web_users ORDER BY name")]


def has_users(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM web_users LIMIT 1").fetchone() is not None


def get_user(conn: sqlite3.Connection, name: str) -> User | None:
    row = conn.execute("SELECT name, role FROM web_users WHERE name = ?", (name,)).fetchone()
    return User(*row) if row else None


def authenticate(conn: sqlite3.Connection, name: str, password: str) -> User | None:
    """The user when the password matches; None otherwise (same answer for an unknown name)."""
    from argon2.exceptions import VerificationError, InvalidHashError

    row = conn.execute("SELECT name, role, password_hash FROM web_users WHERE name = ?", (name,)).fetchone()
    hasher = _hasher()
    if row is None:
        # Spend the same time as a real check so that timing does not reveal which names exist.
        try:
            hasher.verify(_dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            pass
        return None
    try:
        hasher.verify(row[2], password)
    except (VerificationError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(row[2]):
        conn.execute("UPDATE web_users SET password_hash = ? WHERE name = ?", (hasher.hash(password), name))
    return User(row[0], row[1])


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(_hasher().hash(secrets.token_urlsafe(16)))
    return _DUMMY[0]


# --- API tokens -------------------------------------------------------------


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(conn: sqlite3.Connection, user_name: str, *, label: str | None = None) -> tuple[int, str]:
    """A new API token for ``user_name`` (acting with that user's role); shown once, kept hashed."""
    if get_user(conn, user_name) is None:
        raise UsageError(f"there is no user {user_name!r}: create it first with "
                         f"`factfinder user add {user_name} --role viewer`")
    token = "ff_" + secrets.token_urlsafe(32)
    cur = conn.execute("INSERT INTO web_tokens (user_name, label, token_sha256, created_at) VALUES (?, ?, ?, ?)",
                       (user_name, label, _token_digest(token), utc_now()))
    return inserted_id(cur), token


def list_tokens(conn: sqlite3.Connection) -> list[tuple[int, str, str | None, str]]:
    """(id, user, label, created_at) of every token; the tokens themselves are not kept."""
    return [(token_id, user, label, created) for token_id, user, label, created in conn.execute(
        "SELECT id, user_name, label, created_at FROM web_tokens ORDER BY id")]


def revoke_token(conn: sqlite3.Connection, token_id: int) -> None:
    if conn.execute("DELETE FROM web_tokens WHERE id = ?", (token_id,)).rowcount == 0:
        raise UsageError(f"there is no token {token_id}; `factfinder token list` shows them")


def user_for_token(conn: sqlite3.Connection, token: str) -> User | None:
    row = conn.execute("SELECT u.name, u.role FROM web_tokens t JOIN web_users u ON u.name = t.user_name"
                       " WHERE t.token_sha256 = ?", (_token_digest(token),)).fetchone()
    return User(*row) if row else None


def session_secret(conn: sqlite3.Connection) -> str:
    """The key that signs session cookies: made once per store, so logins survive a restart."""
    row = conn.execute("SELECT value FROM web_secrets WHERE name = 'session'").fetchone()
    if row:
        return str(row[0])
    conn.execute("INSERT OR IGNORE INTO web_secrets (name, value) VALUES ('session', ?)",
                 (secrets.token_hex(32),))
    return str(conn.execute("SELECT value FROM web_secrets WHERE name = 'session'").fetchone()[0])
