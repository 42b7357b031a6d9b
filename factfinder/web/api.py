"""The JSON API: the same filters as the pages, paging, GeoJSON, and API docs.

Every list takes the filters of web/filters.py (type, country, admin1, from,
to, verification, actor, source, q, bbox) plus sort/page/per_page; a bad
value is a 400 with the reason. Incident details carry the analyst's reviewed
values, which fields were reviewed, and every report with its evidence.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from factfinder.model import VERIFICATIONS
from factfinder.store import Store, review
from factfinder.store.events import ORDERS
from factfinder.values.places import is_country_code
from factfinder.web import queries
from factfinder.web.deps import context, current_user
from factfinder.web.filters import BadFilter, parse_view
from factfinder.web.deps import SHA256, valid_sha
from factfinder.web.pages import EVENT_ID, load_event
from factfinder.web.render import TYPE_COLOURS, page
from factfinder.web.security import require_role

router = APIRouter(prefix="/api")
MAP_LIMIT = 50_000
MAX_PAGE = 1_000_000  # as parse_view bounds page: an offset past it would overflow SQLite's 64-bit integers

# Documented in OpenAPI; parsed (and checked) by parse_view from the raw query string.
F_TYPE = Query(None, description="incident type(s), comma-separated or repeated")
# Documentation only (json_schema_extra): parse_view checks the values and answers 400 with the reason.
_DAY = {"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
F_COUNTRY = Query(None, description="ISO 3166-1 alpha-2 code, e.g. MM", json_schema_extra={"pattern": "^[A-Za-z]{2}$"})
F_ADMIN1 = Query(None, description="first-level region, e.g. Rakhine")
F_FROM = Query(None, alias="from", description="events ending on or after YYYY[-MM[-DD]]", json_schema_extra=_DAY)
F_TO = Query(None, description="events starting on or before YYYY[-MM[-DD]]", json_schema_extra=_DAY)
F_VERIF = Query(None, description="verification status", json_schema_extra={"enum": list(VERIFICATIONS)})
F_ACTOR = Query(None, description="a perpetrator or target name")
F_SOURCE = Query(None, description="an outlet (host name) that reported it")
F_Q = Query(None, description="words in the evidence, the story text or the place name")
F_BBOX = Query(None, description="west,south,east,north")


def _filters(type: str | None = F_TYPE, country: str | None = F_COUNTRY, admin1: str | None = F_ADMIN1,
             date_from: str | None = F_FROM, to: str | None = F_TO, verification: str | None = F_VERIF,
             actor: str | None = F_ACTOR, source: str | None = F_SOURCE, q: str | None = F_Q,
             bbox: str | None = F_BBOX) -> None:
    """Only documents the shared filters; the values are read by parse_view."""


FILTERS = Depends(_filters)


def fast_json(data: Any) -> Response:
    """JSON straight from json.dumps: FastAPI's encoder is slow on 50,000 map points."""
    import json

    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


def _row(r: queries.EventRow) -> dict[str, Any]:
    out = asdict(r)
    out["url"] = f"/incidents/{r.id}"
    return out


@router.get("/incidents", tags=["incidents"], dependencies=[FILTERS])
def incidents(request: Request, sort: str = Query("date", description="date, date_asc, type, sources, killed,"
                                                 " country", json_schema_extra={"enum": list(ORDERS)}),
              page: str = Query("1", description="1-based page number"),
              per_page: str = Query("50", description="at most 500")) -> Response:
    """Consolidated incidents matching the filters, one page at a time (reviewed values)."""
    store = context(request).store()
    view = parse_view(request.query_params)
    rows, total = queries.page_of_events(store.conn, view.filter, order=view.sort, limit=view.per_page,
                                         offset=view.offset)
    more = view.offset + len(rows) < total
    return fast_json({"total": total, "page": view.page, "per_page": view.per_page,
                      "next": f"/api/incidents?{view.query(page=view.page + 1)}" if more else None,
                      "items": [_row(r) for r in rows]})


@router.get("/incidents/{event_id}", tags=["incidents"])
def incident(request: Request, event_id: str = Path(json_schema_extra={"pattern": EVENT_ID.pattern})) -> Response:
    """One incident: reviewed values, which fields an analyst changed, every report and its evidence."""
    from factfinder.export.jsonl import consolidated_record

    store = context(request).store()
    event = load_event(store, event_id)
    record = consolidated_record(event, lambda text: text)
    reviewed = review.reviewed_values(store, event.id)
    record["reviewed_fields"] = {f: {"machine": _first_old(store, event.id, f), "reviewed": r.new,
                                     "reviewer": r.reviewer, "at": r.created_at} for f, r in reviewed.items()}
    record["history"] = [asdict(r) for r in review.review_history(store, event.id)]
    for report in record["reports"]:
        report["source"] = f"/api/sources/{report['doc']}"
        report["original"] = f"/originals/{report['doc']}"
    return fast_json(record)


def _first_old(store: Store, event_id: str, field: str) -> Any:
    """The machine value of a reviewed field: what the first review of it replaced."""
    return next((r.old for r in review.review_history(store, event_id) if r.field == field), None)


@router.get("/geojson", tags=["map"], dependencies=[FILTERS])
def geojson(request: Request, limit: int = Query(5000, ge=1, le=MAP_LIMIT)) -> Response:
    """The located incidents of a filtered view as a GeoJSON FeatureCollection (newest first)."""
    store = context(request).store()
    view = parse_view(request.query_params)
    points = queries.map_points(store.conn, view.filter, limit=limit)
    return fast_json({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": eid, "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"id": eid, "type": kind, "place": place, "date": date, "killed": killed,
                        "url": f"/incidents/{eid}"}}
        for eid, lat, lon, kind, place, date, killed, _country in points]})


@router.get("/points", tags=["map"], dependencies=[FILTERS])
def points(request: Request, limit: int = Query(MAP_LIMIT, ge=1, le=MAP_LIMIT)) -> Response:
    """Compact map data for the web map: [id, lat, lon, type, place, date] rows, in no order, and the
    countries they lie in (whose admin-1 boundaries the map draws)."""
    store = context(request).store()
    view = parse_view(request.query_params)
    rows = queries.map_points(store.conn, view.filter, limit=limit, newest_first=False)
    return fast_json({"count": len(rows), "colours": TYPE_COLOURS, "points": [row[:6] for row in rows],
                      "countries": sorted({row[7] for row in rows if row[7]})})


@router.get("/timeline", tags=["charts"], dependencies=[FILTERS])
def timeline(request: Request, bucket: str = Query("month", description="day, week, month or year",
                                                          json_schema_extra={"enum": list(queries.BUCKETS)})) -> Any:
    """Incidents per day/week/month/year and type, for the filtered view."""
    if bucket not in queries.BUCKETS:
        raise BadFilter(f"bucket={bucket!r} is unknown: use one of {', '.join(queries.BUCKETS)}")
    view = parse_view(request.query_params)
    data = queries.timeline(context(request).store().conn, view.filter, bucket=bucket)
    data["colours"] = TYPE_COLOURS
    return fast_json(data)


@router.get("/tallies", tags=["charts"], dependencies=[FILTERS])
def tallies(request: Request, by: str = Query("country", description="country, admin1, type or month",
                                                      json_schema_extra={"enum": list(queries.TALLY_KEYS)})) -> Any:
    """Incidents, killed, injured, arrested, displaced grouped by one key (rejected incidents left out)."""
    if by not in queries.TALLY_KEYS:
        raise BadFilter(f"by={by!r} is unknown: use one of {', '.join(queries.TALLY_KEYS)}")
    view = parse_view(request.query_params)
    return {"by": by, "rows": [asdict(r) for r in queries.tallies(context(request).store().conn, view.filter, by=by)]}


@router.get("/statistics", tags=["statistics"])
def statistics(request: Request, category: str | None = Query(None), country: str | None = Query(None),
               page: int = Query(1, ge=1, le=MAX_PAGE), per_page: int = Query(1000, ge=1, le=5000)) -> dict[str, Any]:
    """Cumulative figures (tallies with an as-of date), with line series grouped by measure."""
    from factfinder.model import COUNT_CATEGORIES

    if category is not None and category not in COUNT_CATEGORIES:
        raise BadFilter(f"category={category!r} is unknown: use one of {', '.join(COUNT_CATEGORIES)}")
    if country is not None and not is_country_code(country):
        raise BadFilter(f"country={country!r} is not an ISO 3166-1 alpha-2 code")
    rows = queries.statistics(context(request).store().conn, category=category,
                              country=country.upper() if country else None,
                              limit=per_page, offset=(page - 1) * per_page)
    return {"page": page, "items": [asdict(r) for r in rows], "series": queries.statistic_series(rows)}


@router.get("/sources/{sha256}", tags=["sources"])
def source(request: Request, sha256: str = Path(json_schema_extra={"pattern": SHA256.pattern})) -> dict[str, Any]:
    """A preserved source: hash, size, origins, its document and stories, and the incidents found in it."""
    from factfinder.store.queries import iter_incident_rows

    store = context(request).store()
    info = queries.source_info(store.conn, valid_sha(sha256))
    document = store.get_document(sha256)
    if info is None and document is None:
        raise HTTPException(404, f"no source with SHA-256 {sha256} is stored")
    out: dict[str, Any] = {"sha256": sha256, "source": info, "original": f"/originals/{sha256}"
                           if info and info["stored"] else None, "document": None}
    if document is not None:
        to_event = queries.events_of_document(store.conn, sha256)
        out["document"] = {"title": document.title, "published": document.published, "url": document.url,
                           "language": document.language, "length": len(document.text),
                           "stories": [asdict(s) for s in document.stories]}
        out["incidents"] = [{"event": to_event.get(rid), "type": inc.type, "story": inc.story,
                             "summary": inc.summary, "evidence": [asdict(s) for s in inc.evidence]}
                            for rid, inc in iter_incident_rows(store.conn, doc=sha256)]
        out["statistics"] = [asdict(s) for s in queries.statistics_of_document(store.conn, sha256)]
    return out


@router.get("/jobs/{job_id}", tags=["ingest"])
def job(request: Request, job_id: str) -> dict[str, Any]:
    """Progress of an ingest job started from the ingest page (editors)."""
    require_role(current_user(request), "editor")
    found = context(request).jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"there is no ingest job {job_id[:40]!r}")
    return found.as_dict()


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> Any:
    """The OpenAPI description rendered as a plain page (no CDN-hosted Swagger UI)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "description": p.get("description") or
                       p.get("schema", {}).get("description", "")} for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params})
    return page(request, "api_docs.html", {"endpoints": endpoints, "spec": spec})
