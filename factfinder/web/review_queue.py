"""The review queue: unreviewed incidents, lowest confidence first, reviewed from the keyboard.

The page of the queue comes from the store (``Store.review_queue``,
store/review_queue.py: what "unreviewed" is, which confidence orders it, read
from an index). The filters are the search page's.

Actions go through the same review code as the incident page
(``review_routes.apply_action``), so every one is a row of ``reviews`` and an
entry of the ledger; bulk confirm runs it once per selected incident.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from factfinder.store.review_queue import FIELDS, WEAK
from factfinder.web.deps import context, current_user, filter_facets
from factfinder.web.filters import BadFilter, parse_view
from factfinder.web.render import page
from factfinder.web.review_routes import apply_action
from factfinder.web.security import check_csrf, require_role

router = APIRouter(include_in_schema=False)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> Any:
    view = parse_view(request.query_params)
    store = context(request).store()
    rows, total = store.review_queue(view.filter, limit=view.per_page, offset=view.offset)
    return page(request, "review.html", {"view": view, "rows": rows, "total": total, "weak": WEAK,
                                         "fields": FIELDS, "pages": max(1, -(-total // view.per_page)),
                                         "facets": filter_facets(request)})


@router.post("/review/bulk")
async def bulk_confirm(request: Request) -> Any:
    """Confirm every selected incident (one review, one ledger entry each), then back to the queue."""
    user = require_role(current_user(request), "editor")
    form = await request.form()
    check_csrf(request.state.session, form.get("csrf"))
    ids = [str(i) for i in form.getlist("id") if str(i).strip()]
    if not ids:
        raise BadFilter("no incident selected: tick some (x on the keyboard) before confirming them")
    if len(ids) > 500:
        raise BadFilter("at most 500 incidents can be confirmed at once: narrow the selection")
    ctx = context(request)

    def run() -> None:
        store = ctx.store()
        for event_id in ids:
            apply_action(store, event_id, "confirm", {}, reviewer=user.name)
    await run_in_threadpool(run)
    back = str(form.get("back") or "")
    return RedirectResponse("/review" + (f"?{back}" if back and "//" not in back else ""), status_code=303)
