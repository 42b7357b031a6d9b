"""The review queue: unreviewed incidents, lowest confidence first, reviewed from the keyboard.

An incident (a consolidated event) is unreviewed while no analyst action is
recorded for it. Its confidence is the highest calibrated ``incident``
confidence among its reports (``factfinder/confidence``; one well-supported
report is enough to make an event likely), and its field confidences are that
report's. Events without any (made before confidence existed) come first:
nothing vouches for them. The filters are the search page's.

Actions go through the same review code as the incident page
(``review_routes.apply_action``), so every one is a row of ``reviews`` and an
entry of the ledger; bulk confirm runs it once per selected incident.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from factfinder.store.tallies import where
from factfinder.web.deps import context, current_user
from factfinder.web.filters import BadFilter, parse_view
from factfinder.web.render import page
from factfinder.web.review_routes import apply_action
from factfinder.web.security import check_csrf, require_role

router = APIRouter(include_in_schema=False)
WEAK = 0.5  # a field whose confidence is below this is highlighted for the reviewer
FIELDS = ("type", "date", "location", "counts", "actors")
UNREVIEWED = "NOT EXISTS (SELECT 1 FROM reviews v WHERE v.subject_kind = 'event' AND v.subject_id = e.id)"
_CONFIDENCE = ("(SELECT max(c.incident) FROM event_reports r JOIN incident_confidence c"
               " ON c.incident_id = r.incident_id WHERE r.event_id = e.id)")


@dataclass(frozen=True, slots=True)
class QueueRow:
    fields: dict[str, float]  # field -> confidence of the event's most confident report
    id: str
    type: str
    date_start: str | None
    date_end: str | None
    place_name: str | None
    admin1: str | None
    country: str | None
    killed: float | None
    injured: float | None
    arrested: float | None
    displaced: float | None
    verification: str
    summary: str
    confidence: float | None

    def weak(self, field: str) -> bool:
        value = self.fields.get(field)
        return value is None or value < WEAK

    def weak_fields(self) -> list[tuple[str, float | None]]:
        """The fields to check first, weakest first (all of them when no confidence is known)."""
        return sorted(((f, self.fields.get(f)) for f in FIELDS if self.weak(f)), key=lambda fv: fv[1] or 0.0)


def queue(conn: sqlite3.Connection, flt: Any, *, limit: int, offset: int = 0) -> tuple[list[QueueRow], int]:
    """One page of unreviewed events, lowest confidence first, and how many there are in all."""
    sql, args = where(flt)
    sql = f"{sql} AND {UNREVIEWED}" if sql else f" WHERE {UNREVIEWED}"
    total = int(conn.execute(f"SELECT count(*) FROM events e{sql}", args).fetchone()[0])
    rows = conn.execute(
        "SELECT e.id, e.type, e.date_start, e.date_end, e.place_name, e.admin1, e.country, e.killed, e.injured,"
        " e.arrested, e.displaced,"
        f" e.verification, e.summary, {_CONFIDENCE} AS conf FROM events e{sql}"
        " ORDER BY conf IS NOT NULL, conf, e.id LIMIT ? OFFSET ?", args + [limit, offset]).fetchall()
    fields = _field_confidences(conn, [r[0] for r in rows])
    return [QueueRow(fields.get(r[0], {}), *r) for r in rows], total


def _field_confidences(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, dict[str, float]]:
    if not event_ids:
        return {}
    marks = ", ".join("?" * len(event_ids))
    out: dict[str, dict[str, float]] = {}
    for event_id, *values in conn.execute(
            "SELECT r.event_id, c.incident, c.type, c.date, c.location, c.counts, c.actors FROM event_reports r"
            f" JOIN incident_confidence c ON c.incident_id = r.incident_id WHERE r.event_id IN ({marks})"
            " ORDER BY r.event_id, c.incident", event_ids):
        out[event_id] = dict(zip(("incident",) + FIELDS, values))  # the most confident report wins (last)
    return out


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> Any:
    view = parse_view(request.query_params)
    store = context(request).store()
    rows, total = queue(store.conn, view.filter, limit=view.per_page, offset=view.offset)
    return page(request, "review.html", {"view": view, "rows": rows, "total": total, "weak": WEAK,
                                         "fields": FIELDS, "pages": max(1, -(-total // view.per_page)),
                                         "facets": _facets(request)})


def _facets(request: Request) -> dict[str, list[str]]:
    from factfinder.web import queries

    ctx = context(request)
    return queries.facet_values(ctx.store().conn, key=ctx.db)


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
