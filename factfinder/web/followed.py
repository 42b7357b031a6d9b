"""The followed-sources page: what is fetched on a schedule, when it last worked, what failed."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from factfinder.store.follows import list_followed
from factfinder.web.deps import context
from factfinder.web.render import page

router = APIRouter(include_in_schema=False)


@router.get("/followed", response_class=HTMLResponse)
def followed_page(request: Request) -> Any:
    store = context(request).store()
    sources = list_followed(store.conn, now=datetime.now(timezone.utc))
    return page(request, "followed.html", {"sources": sources})
