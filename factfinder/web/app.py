"""The ASGI application: ``create_app(db)`` builds a FastAPI app over one store.

Views are thin: they parse the URL (web/filters.py), call a query
(web/queries.py, store/events.py, store/review.py) and render a Jinja2
template with autoescaping on, or return JSON. Each worker thread keeps its
own SQLite connection (WAL lets readers run beside the one writer).
Every asset (scripts, styles, the Natural Earth basemap) is served from
web/static/, so the app works with no network at all.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from factfinder.settings import Settings
from factfinder.store import Store
from factfinder.store.accounts import User, has_users, session_secret, user_for_token, get_user
from factfinder.web.deps import context
from factfinder.web.jobs import JobRunner
from factfinder.web.security import (
    COOKIE, LOCAL_USER, SESSION_MAX_AGE, Forbidden, LoginLimiter, Session, SessionCodec, bearer_token,
)

if TYPE_CHECKING:
    from fastapi import FastAPI

HERE = Path(__file__).resolve().parent
# Pages an anonymous visitor may see when accounts are on.
PUBLIC_PATHS = ("/login", "/static/")
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';"
       " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


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


def create_app(db: str, *, open_access: bool | None = None, settings: Settings | None = None,
               pipeline_factory: Callable[[], Any] | None = None, secure_cookies: bool = False,
               loopback_hosts_only: bool = False) -> Any:
    """The web app over the store at ``db``.

    ``open_access`` None means: open when the store has no accounts. The
    ``serve`` command refuses a non-loopback address in that case; the app
    itself trusts its caller; ``loopback_hosts_only`` then makes it answer only
    requests addressed to a loopback name, so a web page elsewhere cannot reach
    it through DNS rebinding. ``pipeline_factory`` builds the NLP pipeline for
    ingest jobs (None: capture and text only).
    """
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    from factfinder.consolidate.stored import update_events
    from factfinder.web import api, documents, followed, openapi, page_image, pages, report_page, review_queue, review_routes
    from factfinder.web.render import make_templates

    with Store.open(db) as store:
        accounts = has_users(store.conn)
        secret = session_secret(store.conn)
        update_events(store)  # incidents stored since the last consolidation (none: nothing to do)
    ctx = WebContext(
        db=db, open_access=(not accounts) if open_access is None else open_access, codec=SessionCodec(secret),
        limiter=LoginLimiter(), templates=make_templates(HERE / "templates"), secure_cookies=secure_cookies,
        jobs=JobRunner(db, settings=Settings.coerce(settings).with_options(db=db), pipeline_factory=pipeline_factory),
        _local=threading.local(), loopback_hosts_only=loopback_hosts_only)
    app = FastAPI(title="factfinder", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Incidents consolidated from human-rights reporting, each field traced to evidence"
                              " in a preserved source. Authenticate scripts with `Authorization: Bearer <token>`"
                              " (`factfinder token create USER`).")
    app.state.ctx = ctx
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages.router)
    app.include_router(review_routes.router)
    app.include_router(followed.router)
    app.include_router(documents.router)
    app.include_router(page_image.router)
    app.include_router(review_queue.router)
    app.include_router(report_page.router)
    app.include_router(api.router)
    openapi.install(app)  # the error answers the API really gives, not FastAPI's 422
    _install_errors(app)
    app.middleware("http")(_auth_middleware)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factfinder")
    except PackageNotFoundError:
        return "dev"


async def _auth_middleware(request: Any, call_next: Any) -> Any:
    """Resolve the user (token, session or open access), gate anonymous visitors, keep the session."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import JSONResponse, RedirectResponse, Response

    ctx = context(request)
    path = request.url.path
    if ctx.loopback_hosts_only and ctx.open_access:
        from factfinder.web.security import is_loopback

        host = (request.headers.get("host") or "").rsplit(":", 1)[0] if "]" not in (
            request.headers.get("host") or "") else request.headers["host"].split("]")[0] + "]"
        if not is_loopback(host):
            return JSONResponse({"error": f"this server has no accounts and only answers requests to"
                                          f" 127.0.0.1 or localhost, not {host[:80]!r}"}, status_code=421)
    session: Session = ctx.codec.load(request.cookies.get(COOKIE))
    request.state.session = session
    request.state.via_token = False
    token = bearer_token(request.headers)
    user: User | None = None
    if token is not None:
        user = await run_in_threadpool(lambda: user_for_token(ctx.store().conn, token))
        if user is None:
            return JSONResponse({"error": "this API token is unknown or revoked;"
                                          " create one with `factfinder token create USER`"}, status_code=401)
        request.state.via_token = True
    elif session.user is not None:
        name = session.user
        user = await run_in_threadpool(lambda: get_user(ctx.store().conn, name))
        if user is None:  # the account was removed: the session ends
            session.user, session.dirty = None, True
    if user is None and ctx.open_access:
        user = LOCAL_USER
    request.state.user = user
    response: Response
    if user is None and not path.startswith(PUBLIC_PATHS):
        if path.startswith("/api/"):
            response = JSONResponse({"error": "log in first, or send an API token"}, status_code=401)
        else:
            from urllib.parse import quote

            target = path + (f"?{request.url.query}" if request.url.query else "")
            response = RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    else:
        response = await call_next(request)
    if session.dirty and not request.state.via_token:
        response.set_cookie(COOKIE, ctx.codec.dump(session), max_age=SESSION_MAX_AGE, httponly=True,
                            samesite="lax", secure=ctx.secure_cookies, path="/")
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def _install_errors(app: FastAPI) -> None:
    """Errors as pages (or JSON under /api/): 400 with the reason, 403, 404, never a traceback."""
    import sqlite3

    from starlette.exceptions import HTTPException as StarletteHTTPException
    from starlette.responses import JSONResponse

    from factfinder.errors import FactfinderError, UsageError
    from factfinder.web.render import page

    def respond(request: Any, status: int, message: str) -> Any:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        return page(request, "error.html", {"status": status, "message": message}, status=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Any, exc: StarletteHTTPException) -> Any:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing here: {request.url.path} is not a page, an incident or a source we know"
        return respond(request, exc.status_code, message)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Any, exc: Forbidden) -> Any:
        return respond(request, exc.status, str(exc))

    @app.exception_handler(UsageError)
    async def bad_request(request: Any, exc: UsageError) -> Any:
        return respond(request, 400, str(exc))

    @app.exception_handler(FactfinderError)
    async def store_error(request: Any, exc: FactfinderError) -> Any:
        return respond(request, 500, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def sql_error(request: Any, exc: sqlite3.OperationalError) -> Any:
        return respond(request, 503, f"the database is busy or unreadable ({exc}); try again in a moment")

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Any, exc: RequestValidationError) -> Any:
        reasons = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                            for e in exc.errors())
        return respond(request, 400, f"bad request: {reasons}")
