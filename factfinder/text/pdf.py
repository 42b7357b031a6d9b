"""PDF: the text layer of every page (pypdf), pages joined by a blank line.

A scanned report has no text layer; saying so (and naming OCR) is more useful
than an empty document that silently yields no incidents.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factfinder.capture.checks import open_pdf, pdf_failures
from factfinder.errors import ExtractionError
from factfinder.text.plain import normalise_text

if TYPE_CHECKING:
    from pypdf import PdfReader


@dataclass(frozen=True)
class PdfText:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None


def _open(data: bytes, name: str) -> PdfReader:
    reader, error = open_pdf(data, name=name)
    if reader is None:
        raise ExtractionError(error or f"cannot read {name}: the PDF does not open; check the file")
    return reader


def extract_pdf(data: bytes, *, name: str) -> PdfText:
    """Text and metadata of a PDF; ExtractionError for broken, encrypted or image-only files."""
    failures = pdf_failures()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = _open(data, name)
    pages: list[str] = []
    try:
        for page in reader.pages:
            try:
                pages.append((page.extract_text() or "").strip("\n"))
            except failures:
                pages.append("")  # one unreadable page must not lose the others
    except failures as exc:
        raise ExtractionError(f"cannot read {name}: its page list is broken ({type(exc).__name__}); "
                              "re-save or re-download it and ingest again") from None
    text = normalise_text("\n\n".join(pages))
    if not text.strip():
        raise ExtractionError(f"cannot read {name}: it has no text layer (scanned images?); run OCR (for "
                              "example ocrmypdf) and ingest again")
    title = published = author = None
    try:
        meta = reader.metadata
        if meta is not None:
            title = (meta.title or "").strip() or None
            author = None  # a PDF's Author field is often a staff name: not kept (no person data)
            created = meta.creation_date or meta.modification_date
            published = created.date().isoformat() if created else None
    except failures:
        pass
    return PdfText(text=text, title=title, published=published, author=author)
