"""What every route handler depends on: the request's context and user (STYLE.md §15).

Routers (``pages.py``, ``api.py``, ``review_routes.py``) import this small
module, not the app module that mounts them, so the web package has no import
circle; ``app.py`` builds the ``WebContext`` and puts it on ``app.state``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from factfinder.store import Store
from factfinder.store.accounts import User
from factfinder.web.jobs import JobRunner
from factfinder.web.security import LoginLimiter, SessionCodec


@dataclass
class WebContext:
    """What every request handler needs: the store, the auth mode, templates, jobs."""

    db: str
    open_access: bool  # no accounts: every visitor is the local admin (loopback only)
    codec: SessionCodec
    limiter: LoginLimiter
    jobs: JobRunner
    templates: Any
    secure_cookies: bool
    _local: threading.local
    loopback_hosts_only: bool = False  # open access: refuse Host headers of other names (DNS rebinding)

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.db)
            # Reads dominate: map the file and keep more pages per connection (bench/web_load.py).
            store.conn.execute("PRAGMA mmap_size = 268435456")
            store.conn.execute("PRAGMA cache_size = -16384")
            self._local.store = store
        return store


def context(request: Any) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


def current_user(request: Any) -> User | None:
    return getattr(request.state, "user", None)
