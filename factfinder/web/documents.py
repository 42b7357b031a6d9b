"""The documents page and API: search every stored story in any script, and the documents "to read".

Search covers all documents, with or without incidents (store/search.py); a
hit shows the document, story, language, a snippet with the match marked and a
link to the kept original. "To read" lists the documents in a language the
extraction does not read: they are stored and searchable, never put through an
English model, and wait for a person.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from factfinder.components import extraction_languages
from factfinder.store.search import SearchHit, document_languages, search_text, unread_documents
from factfinder.text.zawgyi import to_unicode
from factfinder.web.deps import context
from factfinder.web.render import page

router = APIRouter()
PER_PAGE = 20
MAX_PAGE = 500
LANG = Query(None, description="only this language (ISO 639-1, e.g. my, zh, ar)", pattern=r"^[a-z]{2,3}$")


def _hits(request: Request, q: str, lang: str | None, limit: int, offset: int) -> list[SearchHit]:
    query, _ = to_unicode(q)  # a Burmese query typed in Zawgyi
    return search_text(context(request).store().conn, query, language=lang, limit=limit, offset=offset)


def _pieces(hit: SearchHit) -> list[tuple[str, bool]]:
    """The snippet as (text, matched) pieces, for the template to escape and mark."""
    pieces, position = [], 0
    for start, end in hit.marks:
        pieces += [(hit.snippet[position:start], False), (hit.snippet[start:end], True)]
        position = end
    pieces.append((hit.snippet[position:], False))
    return [(text, marked) for text, marked in pieces if text]


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request, q: str = "", lang: str | None = LANG, view: str = "search",
                   page_number: int = Query(1, alias="page", ge=1, le=MAX_PAGE)) -> Any:
    store = context(request).store()
    offset = (page_number - 1) * PER_PAGE
    hits, unread = [], []
    if view == "to-read":
        unread = unread_documents(store.conn, readable=extraction_languages(), language=lang,
                                  limit=PER_PAGE + 1, offset=offset)
    elif view != "search":
        raise HTTPException(400, "view must be search or to-read")
    elif q.strip():
        hits = _hits(request, q, lang, PER_PAGE + 1, offset)
    more = len(hits) > PER_PAGE or len(unread) > PER_PAGE
    return page(request, "documents.html", {
        "q": q, "lang": lang or "", "view": view, "page_number": page_number, "more": more,
        "hits": [(hit, _pieces(hit)) for hit in hits[:PER_PAGE]], "unread": unread[:PER_PAGE],
        "languages": document_languages(store.conn)})


@router.get("/api/documents", tags=["documents"])
def documents_api(request: Request, q: str = Query(..., min_length=1, description="words to find, in any script"),
                  lang: str | None = LANG, limit: int = Query(20, ge=1, le=200),
                  offset: int = Query(0, ge=0, le=100_000)) -> dict[str, Any]:
    """Stories holding every word of ``q`` (best first): document, story, language, snippet, marks, original."""
    hits = _hits(request, q, lang, limit, offset)
    return {"query": q, "language": lang, "hits": [
        {**asdict(hit), "marks": [list(m) for m in hit.marks],
         "original": f"/originals/{hit.source}" if hit.source else None,
         "page": f"/sources/{hit.doc}#story-{hit.story}"} for hit in hits]}


@router.get("/api/documents/to-read", tags=["documents"])
def to_read_api(request: Request, lang: str | None = LANG, limit: int = Query(50, ge=1, le=500),
                offset: int = Query(0, ge=0, le=100_000)) -> dict[str, Any]:
    """Documents in a language the extraction does not read ("not extracted: language xx"), newest first."""
    store = context(request).store()
    rows = unread_documents(store.conn, readable=extraction_languages(), language=lang, limit=limit, offset=offset)
    return {"documents": [{**asdict(d), "note": f"not extracted: language {d.language}"} for d in rows]}
