"""What every route handler depends on: the request's context and user, the check of an original's name,
the shared filter form's choices (STYLE.md §15).

Routers (``pages.py``, ``api.py``, ``review_routes.py``) import this small
module, not the app module that mounts them, so the web package has no import
circle; ``app.py`` builds the ``WebContext`` and puts it on ``app.state``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from starlette.exceptions import HTTPException

if TYPE_CHECKING:
    from factfinder.store.accounts import User
    from factfinder.web.app import WebContext


SHA256 = re.compile(r"^[0-9a-f]{64}$")


def valid_sha(sha256: str) -> str:
    """Originals are named only by their hash: anything else is refused before touching a path."""
    if not SHA256.match(sha256):
        raise HTTPException(404, f"{sha256[:80]!r} is not a SHA-256 (64 lowercase hex characters)")
    return sha256


def context(request: Any) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


def filter_facets(request: Any) -> dict[str, list[str]]:
    """The choices of the shared filter form (templates/_filters.html): countries and sources."""
    from factfinder.web.queries import facet_values

    ctx = context(request)
    return facet_values(ctx.store().conn, key=ctx.db)


def current_user(request: Any) -> User | None:
    user: User | None = getattr(request.state, "user", None)
    return user
