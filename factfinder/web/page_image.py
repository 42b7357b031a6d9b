"""The page image of a scanned source, with an evidence span's OCR word boxes drawn over it.

A scan's original is kept byte for byte; its page image is rendered on request
(pypdfium2 for a PDF page, the frame itself for an image), never stored. The
store keeps each OCR word's box in the pixels of the page image OCR read
(schema step 9), so the boxes are placed as shares of the page: they fit the
image at any size it is shown.
"""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from factfinder.errors import ExtractionError
from factfinder.model import Document, Incident
from factfinder.web import queries
from factfinder.web.deps import context, valid_sha

router = APIRouter(include_in_schema=False)
DISPLAY_DPI = 100  # enough to read a page on screen; OCR read it at ocr_dpi


def page_views(document: Document | None, incident: Incident, source: str | None) -> list[dict[str, Any]]:
    """For each OCR'd page an evidence span of ``incident`` lies on: the image link and the span's boxes in %."""
    if document is None or source is None:
        return []
    views: dict[int, dict[str, Any]] = {}
    for span in incident.evidence:
        for page in document.pages:
            if not (page.words and page.width and page.height and page.start <= span.start < page.end):
                continue
            view = views.setdefault(page.number, {"number": page.number, "boxes": [],
                                                  "url": f"/originals/{source}/pages/{page.number}.png",
                                                  "confidence": page.confidence, "engine": page.engine})
            for left, top, right, bottom in page.boxes(span.start, span.end):
                view["boxes"].append({"left": 100 * left / page.width, "top": 100 * top / page.height,
                                      "width": 100 * (right - left) / page.width,
                                      "height": 100 * (bottom - top) / page.height})
    return [views[n] for n in sorted(views)]


def render_page(data: bytes, media_type: str, number: int, *, name: str) -> bytes:
    """PNG bytes of page ``number`` (1-based) of a PDF or an image file; ExtractionError when it has none."""
    from factfinder.text.ocr import image_pages, pdf_page_images

    image = None
    if media_type == "application/pdf":
        for _, image in pdf_page_images(data, [number - 1], dpi=DISPLAY_DPI, name=name):
            break
    else:
        for index, frame in enumerate(image_pages(data, name=name), 1):
            if index == number:
                image = frame
                break
    if image is None:
        raise ExtractionError(f"{name} has no page {number}")
    out = io.BytesIO()
    image.convert("L" if image.mode in ("1", "L") else "RGB").save(out, format="PNG", optimize=False)
    return out.getvalue()


@router.get("/originals/{sha256}/pages/{number}.png")
def page_png(request: Request, sha256: str, number: int) -> Response:
    """One page of a kept scan or PDF as an image, rendered from the original on request."""
    store = context(request).store()
    # only a hash the store knows reaches the originals folder: anything else finds no row
    info = queries.source_info(store.conn, sha256)
    if info is None or not info["stored"]:
        raise HTTPException(404, f"no original with SHA-256 {sha256} is stored")
    if not 1 <= number <= 100_000:
        raise HTTPException(404, f"there is no page {number}")
    media = info["media_type"].split(";")[0].strip()
    if media != "application/pdf" and not media.startswith("image/"):
        raise HTTPException(404, f"the original {sha256[:12]} is {media}, which has no page images")
    try:
        png = render_page(store.map_original(sha256), media, number, name=sha256[:12])
    except ExtractionError as exc:
        raise HTTPException(404, str(exc)) from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400",
                                                          "X-Content-Type-Options": "nosniff"})
