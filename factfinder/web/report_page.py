"""The report button of the tallies page: the period's publishable report (factfinder.report) as HTML."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from factfinder.report import ReportOptions, build_report
from factfinder.web.deps import context
from factfinder.web.filters import BadFilter, parse_view

router = APIRouter(include_in_schema=False)


@router.get("/report", response_class=HTMLResponse)
def report_page(request: Request) -> Any:
    """The report of the filtered period (``from`` and ``to`` required), person names redacted."""
    view = parse_view(request.query_params)
    flt = view.filter
    if not (flt.date_from and flt.date_to):
        raise BadFilter("a report needs a period: set both from and to (YYYY-MM-DD)")
    ctx = context(request)
    redactor = None
    pipeline = ctx.jobs.pipeline()  # None when serving with --no-extract: names are then not redacted
    if pipeline is not None:
        from factfinder.export.redact import PersonRedactor

        redactor = PersonRedactor(pipeline.nlp)
    options = ReportOptions(date_from=flt.date_from, date_to=flt.date_to, country=flt.country)
    html = build_report(ctx.store(), options, redactor=redactor)
    filename = f"factfinder-report-{flt.date_from}-{flt.date_to}.html"
    return HTMLResponse(html, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
