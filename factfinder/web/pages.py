"""HTML pages: search, map, timeline, tallies, incident, source, original, ingest, login.

Handlers are plain ``def`` so FastAPI runs them in its thread pool, each with
the thread's own SQLite connection.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from factfinder.model import ConsolidatedIncident
from factfinder.store import Store, review
from factfinder.values.numbers import whole
from factfinder.web import queries
from factfinder.web.deps import context, current_user, filter_facets, valid_sha
from factfinder.web.filters import BadFilter, parse_view
from factfinder.web.highlight import context_window, incident_spans, segments
from factfinder.web.page_image import page_views
from factfinder.web.render import page
from factfinder.web.security import COOKIE, check_csrf, require_role

router = APIRouter(include_in_schema=False)
EVENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")


def load_event(store: Store, event_id: str) -> ConsolidatedIncident:
    event = store.get_event(event_id) if EVENT_ID.match(event_id) else None
    if event is None:
        raise HTTPException(404, f"there is no incident {event_id[:80]!r}; it may have been merged into another")
    return review.apply_reviews(store, event)


@router.get("/", response_class=HTMLResponse)
def search(request: Request) -> Any:
    store = context(request).store()
    view = parse_view(request.query_params)
    rows, total = queries.page_of_events(store.conn, view.filter, order=view.sort, limit=view.per_page,
                                         offset=view.offset)
    pages = max(1, -(-total // view.per_page))
    return page(request, "search.html", {"view": view, "rows": rows, "total": total, "pages": pages,
                                         "facets": filter_facets(request)})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Any:
    view = parse_view(request.query_params)
    return page(request, "map.html", {"view": view, "facets": filter_facets(request)})


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> Any:
    view = parse_view(request.query_params)
    bucket = request.query_params.get("bucket", "month")
    if bucket not in queries.BUCKETS:
        raise BadFilter(f"bucket={bucket!r} is unknown: use one of {', '.join(queries.BUCKETS)}")
    return page(request, "timeline.html", {"view": view, "bucket": bucket,
                                           "facets": filter_facets(request)})


@router.get("/tallies")
def tallies_page(request: Request) -> Any:
    view = parse_view(request.query_params)
    by = request.query_params.get("by", "country")
    if by not in queries.TALLY_KEYS:
        raise BadFilter(f"by={by!r} is unknown: use one of {', '.join(queries.TALLY_KEYS)}")
    store = context(request).store()
    rows = queries.tallies(store.conn, view.filter, by=by)
    if request.query_params.get("format") == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([by, "incidents", "killed", "injured", "arrested", "displaced"])
        for r in rows:
            writer.writerow([_csv_safe(r.key), r.incidents, *(whole(v) for v in
                                                               (r.killed, r.injured, r.arrested, r.displaced))])
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="factfinder-tallies-{by}.csv"'})
    from factfinder.store.tallies import reviewed_per_day

    return page(request, "tallies.html", {"view": view, "by": by, "rows": rows, "keys": list(queries.TALLY_KEYS),
                                          "facets": filter_facets(request), "reviewed": reviewed_per_day(store.conn)})


def _csv_safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@router.get("/incidents/{event_id}", response_class=HTMLResponse)
def incident_page(request: Request, event_id: str) -> Any:
    store = context(request).store()
    event = load_event(store, event_id)
    return page(request, "incident.html", incident_view(store, event))


def incident_view(store: Store, event: ConsolidatedIncident) -> dict[str, Any]:
    """Everything the incident page shows, prepared so the template only loops."""
    reviewed = review.reviewed_values(store, event.id)
    history = review.review_history(store, event.id)
    machine: dict[str, Any] = {}
    for record in history:  # the first review of a field replaced the machine value
        machine.setdefault(record.field, record.old)
    documents: dict[str, Any] = {}
    reports = []
    outlet_of = {r.key: r.outlet or r.incident.doc[:12] for r in event.reports}
    for r in event.reports:
        doc = documents.get(r.incident.doc)
        if doc is None:
            doc = documents[r.incident.doc] = store.get_document(r.incident.doc)
        segs = []
        if doc is not None and r.incident.evidence:
            lo, hi = context_window(doc.text, r.incident, doc.stories)
            segs = segments(doc.text, incident_spans(r.incident), start=lo, end=hi)
        reports.append({"report": r, "incident": r.incident, "segments": segs,
                        "title": doc.title if doc else None, "url": doc.url if doc else None,
                        "pages": page_views(doc, r.incident, r.incident.doc)})
    fields = []
    for name in ("type", "verification", "date", "location", "perpetrators", "targets"):
        fields.append({"name": name, "value": review.current_value(event, name), "review": reviewed.get(name),
                       "machine": machine.get(name)})
    shown = {c.category for c in event.counts} | {f[7:] for f in reviewed if f.startswith("counts.")}
    for category in sorted(shown):
        name = f"counts.{category}"
        fields.append({"name": name, "value": review.current_value(event, name), "review": reviewed.get(name),
                       "machine": machine.get(name)})
    conflicts = [{"field": c.field, "values": [{"value": v.value, "outlets": [outlet_of.get(k, k) for k in v.reports]}
                                               for v in c.values]} for c in event.conflicts]
    return {"event": event, "fields": fields, "reports": reports, "conflicts": conflicts,
            "history": history, "editable": review.FIELDS}


@router.get("/sources/{sha256}", response_class=HTMLResponse)
def source_page(request: Request, sha256: str) -> Any:
    store = context(request).store()
    info = queries.source_info(store.conn, valid_sha(sha256))
    document = store.get_document(sha256)
    if info is None and document is None:
        raise HTTPException(404, f"no source with SHA-256 {sha256} is stored")
    stories = []
    if document is not None:
        from factfinder.store.queries import iter_incident_rows

        to_event = queries.events_of_document(store.conn, sha256)
        incidents = list(iter_incident_rows(store.conn, doc=sha256))
        stats = queries.statistics_of_document(store.conn, sha256)
        spans_by_story: dict[int | None, list[tuple[int, int, str]]] = {}
        for _, inc in incidents:
            spans_by_story.setdefault(inc.story, []).extend((s.start, s.end, "evidence") for s in inc.evidence)
        parts = document.stories or ()
        if not parts:
            from factfinder.model import Story

            parts = (Story(0, 0, len(document.text)),)
        for story in parts:
            stories.append({
                "story": story,
                "segments": segments(document.text, spans_by_story.get(story.index, []),
                                     start=story.start, end=story.end),
                "incidents": [(to_event.get(rid), inc) for rid, inc in incidents if inc.story == story.index
                              or (len(parts) == 1 and inc.story is None)],
                "statistics": [s for s in stats if story.start <= _first_offset(store, s.id) < story.end],
            })
    from factfinder.store.checkpoint import latest_checkpoint

    return page(request, "source.html", {"sha256": sha256, "info": info, "document": document, "stories": stories,
                                         "checkpoint": latest_checkpoint(store)})


def _first_offset(store: Store, statistic_id: int) -> int:
    row = store.conn.execute("SELECT min(start) FROM evidence WHERE statistic_id = ?", (statistic_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else -1


@router.get("/originals/{sha256}")
def original(request: Request, sha256: str) -> Response:
    """The preserved bytes, by hash only; never rendered as a live page (CSP sandbox, nosniff)."""
    store = context(request).store()
    info = queries.source_info(store.conn, valid_sha(sha256))
    if info is None or not info["stored"]:
        raise HTTPException(404, f"no original with SHA-256 {sha256} is stored")
    data = store.read_original(sha256)
    media = info["media_type"] if info["media_type"].startswith("text/") else "application/octet-stream"
    if media.startswith("text/html"):
        media = "text/plain"  # show the preserved markup as text, never run it
    disposition = "inline" if media.startswith("text/") else "attachment"
    return Response(data, media_type=media if "charset" in media or not media.startswith("text/")
                    else f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'{disposition}; filename="{sha256}"',
                             "Content-Security-Policy": "sandbox; default-src 'none'",
                             "X-Content-Sha256": sha256})


# --- ingest -----------------------------------------------------------------


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> Any:
    require_role(current_user(request), "editor")
    return page(request, "ingest.html", {"jobs": context(request).jobs.recent()})


@router.post("/ingest")
async def ingest_submit(request: Request) -> Any:
    from starlette.concurrency import run_in_threadpool

    from factfinder.web.uploads import save_uploads

    user = require_role(current_user(request), "editor")
    form = await request.form()
    check_csrf(request.state.session, form.get("csrf") or request.headers.get("x-csrf-token"))
    ctx = context(request)
    inputs, labels = await run_in_threadpool(save_uploads, ctx.db, form)
    if not inputs:
        raise BadFilter("nothing to ingest: choose files or enter URLs or feeds, one per line")
    job = ctx.jobs.submit(inputs, user=user.name, labels=labels)
    return RedirectResponse(f"/ingest/jobs/{job.id}", status_code=303)


@router.get("/ingest/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> Any:
    require_role(current_user(request), "editor")
    job = context(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"there is no ingest job {job_id[:40]!r} (jobs are forgotten when the server restarts)")
    return page(request, "job.html", {"job": job})


# --- login ------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Any:
    return page(request, "login.html", {"next": _safe_next(request.query_params.get("next")), "error": None})


@router.post("/login")
async def login(request: Request) -> Any:
    from starlette.concurrency import run_in_threadpool

    from factfinder.store.accounts import authenticate

    ctx = context(request)
    form = await request.form()
    check_csrf(request.state.session, form.get("csrf"))
    target = _safe_next(form.get("next"))
    client = request.client.host if request.client else "unknown"
    wait = ctx.limiter.retry_after(client)
    if wait:
        response = page(request, "login.html", {"next": target, "error": f"too many failed logins: wait {wait} s"},
                        status=429)
        response.headers["Retry-After"] = str(wait)
        return response
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    user = await run_in_threadpool(lambda: authenticate(ctx.store().conn, name, password))
    if user is None:
        ctx.limiter.failed(client)
        return page(request, "login.html", {"next": target, "error": "wrong name or password"}, status=401)
    ctx.limiter.succeeded(client)
    session = request.state.session
    import secrets

    session.user, session.csrf, session.dirty = user.name, secrets.token_urlsafe(24), True  # new token on login
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Any:
    form = await request.form()
    check_csrf(request.state.session, form.get("csrf"))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    request.state.via_token = True  # do not re-set the cookie on the way out
    return response


def _safe_next(value: Any) -> str:
    """Only local paths: a login link must not bounce the user to another site."""
    text = str(value or "/")
    return text if text.startswith("/") and not text.startswith("//") and "\\" not in text else "/"
