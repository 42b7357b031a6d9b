"""Analyst review from the incident page (form posts) and the API (JSON).

Only editors and admins may review. A browser's post must carry the session's
CSRF token; a script authenticated by an API token needs none. The work is in
factfinder/store/review.py; these handlers parse and redirect (after a merge
or split, the consolidation stage makes the events involved again).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from factfinder.consolidate.stored import update_events
from factfinder.store import Store, review
from factfinder.web.deps import context, current_user
from factfinder.web.pages import load_event
from factfinder.web.security import check_csrf, require_role

router = APIRouter()
ACTIONS = ("confirm", "reject", "correct", "merge", "split")


def apply_action(store: Store, event_id: str, action: str, data: dict[str, Any], *, reviewer: str) -> str:
    """Run one review action; returns the id of the incident to show next."""
    load_event(store, event_id)  # 404 for an unknown id
    note = (str(data.get("note") or "").strip() or None)
    if action == "confirm":
        review.confirm(store, event_id, reviewer=reviewer, note=note)
    elif action == "reject":
        review.reject(store, event_id, reviewer=reviewer, note=note)
    elif action == "correct":
        field = str(data.get("field") or "")
        value = data.get("value")
        if field == "location" and not isinstance(value, dict):
            value = {k: data.get(f"location_{k}") for k in ("name", "country", "admin1", "lat", "lon")}
            if isinstance(value.get("country"), str):
                value["country"] = value["country"].strip().upper()
        review.correct(store, event_id, field, value, reviewer=reviewer, note=note)
    elif action == "merge":
        others = data.get("other") or []
        if isinstance(others, str):
            others = [o.strip() for o in others.replace(",", " ").split() if o.strip()]
        for other in others:
            load_event(store, other)
        target = review.merge_events(store, event_id, list(others), reviewer=reviewer, note=note)
        update_events(store)
        return target
    elif action == "split":
        new_id = review.split_report(store, event_id, str(data.get("report") or ""), reviewer=reviewer, note=note)
        update_events(store)
        return new_id
    else:
        raise review.ReviewError(f"unknown review action {action!r}: use one of {', '.join(ACTIONS)}")
    return event_id


@router.post("/incidents/{event_id}/review", include_in_schema=False)
async def review_form(request: Request, event_id: str) -> Any:
    user = require_role(current_user(request), "editor")
    form = await request.form()
    check_csrf(request.state.session, form.get("csrf"))
    data = {k: form.get(k) for k in form.keys()}
    ctx = context(request)
    shown = await run_in_threadpool(lambda: apply_action(ctx.store(), event_id, str(form.get("action") or ""),
                                                         data, reviewer=user.name))
    return RedirectResponse(f"/incidents/{shown}#history", status_code=303)


class ReviewRequest(BaseModel):
    """One review action. `value` for `correct`: a string, number, list or object by field."""

    action: str
    field: str | None = None
    value: Any = None
    note: str | None = None
    other: list[str] | None = None
    report: str | None = None


@router.post("/api/incidents/{event_id}/reviews", tags=["review"])
async def review_api(request: Request, event_id: str, body: ReviewRequest) -> Any:
    """Confirm, reject, correct a field, merge other incidents into this one, or split off a report.

    Needs the editor role. Browser sessions send the CSRF token in `X-CSRF-Token`.
    """
    user = require_role(current_user(request), "editor")
    if not request.state.via_token:
        check_csrf(request.state.session, request.headers.get("x-csrf-token"))
    ctx = context(request)

    def run() -> dict[str, Any]:
        store = ctx.store()
        shown = apply_action(store, event_id, body.action, body.model_dump(), reviewer=user.name)
        return {"id": shown, "history": [record_json(r) for r in review.review_history(store, shown)]}

    return await run_in_threadpool(run)


def record_json(r: review.ReviewRecord) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(r)
