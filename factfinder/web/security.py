"""Who is asking, and may they: sessions, API tokens, CSRF, login rate limit.

A session is a signed cookie (itsdangerous, HttpOnly, SameSite=Lax) holding
the login name and a random CSRF token; every browser gets one, even before
logging in, so the login form itself is CSRF-protected. State-changing
requests from a browser must echo that token (form field ``csrf`` or header
``X-CSRF-Token``). Scripts authenticate with ``Authorization: Bearer <token>``
instead, which a browser never sends by itself, so they need no CSRF token.

Without accounts (``open_access``; only allowed on a loopback address) every
visitor is the single local user with every role.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from factfinder.errors import FactfinderError
from factfinder.store.accounts import User

COOKIE = "factfinder_session"
SESSION_MAX_AGE = 12 * 3600  # seconds; a documenter logs in once a working day
LOCAL_USER = User("local", "admin")


class Forbidden(FactfinderError):
    """The request is not allowed: no CSRF token, not logged in, or a role too low."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Session:
    user: str | None
    csrf: str
    dirty: bool = False

    def dump(self) -> dict[str, Any]:
        return {"u": self.user, "c": self.csrf}


class SessionCodec:
    """Signs and checks session cookies with the store's session secret."""

    def __init__(self, secret: str) -> None:
        from itsdangerous import URLSafeTimedSerializer

        self._s = URLSafeTimedSerializer(secret, salt="factfinder.session")

    def load(self, cookie: str | None) -> Session:
        from itsdangerous import BadSignature

        if cookie:
            try:
                data = self._s.loads(cookie, max_age=SESSION_MAX_AGE)
                if isinstance(data, dict) and isinstance(data.get("c"), str):
                    user = data.get("u") if isinstance(data.get("u"), str) else None
                    return Session(user, data["c"])
            except BadSignature:
                pass
        return Session(None, secrets.token_urlsafe(24), dirty=True)

    def dump(self, session: Session) -> str:
        return self._s.dumps(session.dump())


def check_csrf(session: Session, supplied: object) -> None:
    """The form's CSRF field (a string; a file or nothing is refused) must be the session's token."""
    if not isinstance(supplied, str) or not supplied or not hmac.compare_digest(supplied, session.csrf):
        raise Forbidden("this form has expired or did not come from factfinder (missing or wrong CSRF token);"
                        " reload the page and try again")


def require_role(user: User | None, role: str) -> User:
    if user is None:
        raise Forbidden("log in first", status=401)
    if not user.can(role):
        raise Forbidden(f"your role ({user.role}) cannot do this: it needs {role}; ask an admin")
    return user


@dataclass
class LoginLimiter:
    """At most ``attempts`` failed logins per client address per ``window`` seconds."""

    attempts: int = 5
    window: float = 300.0
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def retry_after(self, key: str) -> int:
        """Seconds until this client may try again; 0 when it may now."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(key, now)
            if len(times) < self.attempts:
                return 0
            return max(1, int(self.window - (now - times[0])) + 1)

    def failed(self, key: str) -> None:
        with self._lock:
            self._recent(key, time.monotonic()).append(time.monotonic())

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


def bearer_token(headers: Any) -> str | None:
    value = headers.get("authorization") or ""
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
