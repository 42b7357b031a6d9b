"""What every route handler depends on: the request's context and user (STYLE.md §15).

Routers (``pages.py``, ``api.py``, ``review_routes.py``) import this small
module, not the app module that mounts them, so the web package has no import
circle; ``app.py`` builds the ``WebContext`` and puts it on ``app.state``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factfinder.store.accounts import User
    from factfinder.web.app import WebContext


def context(request: Any) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


def current_user(request: Any) -> User | None:
    user: User | None = getattr(request.state, "user", None)
    return user
