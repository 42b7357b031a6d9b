"""PDF: the text layer of every page (pypdf), pages joined by a blank line; scans by OCR.

A scanned page has no text layer (or one of glyph codes): with OCR on (the
default, ``auto``) it is read by Tesseract (text/ocr.py); with OCR off the user
is told, which is more useful than an empty document that silently yields no
incidents. Images (PNG, JPEG, TIFF) are read the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factfinder.capture.checks import open_pdf, pdf_failures
from factfinder.values.mapped import release
from factfinder.errors import ExtractionError
from factfinder.model import PageText
from factfinder.text.ocr import (OcrOptions, image_pages, is_blank, join_pages, ocr_images, pdf_page_images,
                                text_layer_is_usable)
from factfinder.text.plain import normalise_text

if TYPE_CHECKING:
    from pypdf import PdfReader


@dataclass(frozen=True)
class PdfText:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    pages: tuple[PageText, ...] = ()


def _open(data: bytes, name: str) -> PdfReader:
    reader, error = open_pdf(data, name=name)
    if reader is None:
        raise ExtractionError(error or f"cannot read {name}: the PDF does not open; check the file")
    return reader


def _layer_texts(reader: PdfReader, name: str, data: bytes = b"") -> list[str]:
    failures = pdf_failures()
    texts: list[str] = []
    try:
        for page in reader.pages:
            try:
                texts.append(normalise_text((page.extract_text() or "").strip("\n")))
            except failures:
                texts.append("")  # one unreadable page must not lose the others
            if not text_layer_is_usable(texts[-1]):
                # a scanned page: looking for its text made pypdf read and keep the page image's
                # bytes; forgotten now, or a long scan would be held a second time (about 1x its size)
                reader.resolved_objects.clear()
                release(data)  # and a mapped original's pages read for it (values/mapped.py)
    except failures as exc:
        raise ExtractionError(f"cannot read {name}: its page list is broken ({type(exc).__name__}); "
                              "re-save or re-download it and ingest again") from None
    return texts


def extract_pdf(data: bytes, *, name: str, ocr: OcrOptions | None = None) -> PdfText:
    """Text and metadata of a PDF, scanned pages read by OCR (``ocr.mode``: auto, always, never).

    ExtractionError for broken or encrypted files, and for a scan when OCR is off.
    """
    failures = pdf_failures()
    ocr = ocr or OcrOptions()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = _open(data, name)
    texts = _layer_texts(reader, name, data)
    pages = [PageText(number=i + 1, start=0, end=len(t), method="text-layer") for i, t in enumerate(texts)]
    if ocr.mode != "never":
        scanned = [i for i, t in enumerate(texts) if ocr.mode == "always" or not text_layer_is_usable(t)]
        if scanned:
            inked = ((index + 1, image) for index, image in pdf_page_images(data, scanned, dpi=ocr.dpi, name=name)
                     if not is_blank(image))
            for number, text, page in ocr_images(inked, options=ocr):
                texts[number - 1], pages[number - 1] = text, page
    text, placed = join_pages(texts, pages)
    if not text.strip():
        hint = ("run with --ocr auto or always" if ocr.mode == "never"
                else "OCR found no text on its pages either (blank or unreadable scans)")
        raise ExtractionError(f"cannot read {name}: it has no text layer (scanned images?); {hint}")
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
    return PdfText(text=text, title=title, published=published, author=author, pages=placed)


def extract_image(data: bytes, *, name: str, ocr: OcrOptions | None = None) -> PdfText:
    """The OCR text of an image (every frame of a multi-page TIFF), with its pages' provenance."""
    ocr = ocr or OcrOptions()
    if ocr.mode == "never":
        raise ExtractionError(f"cannot read {name}: it is an image and OCR is off; run with --ocr auto")
    texts: list[str] = []
    pages: list[PageText] = []
    for _, text, page in ocr_images(enumerate(image_pages(data, name=name), 1), options=ocr):
        texts.append(text)
        pages.append(page)
    text, placed = join_pages(texts, pages)
    if not text.strip():
        raise ExtractionError(f"cannot read {name}: OCR found no text in the image; check that it is a "
                              "scan of a page (the original is kept)")
    return PdfText(text=text, pages=placed)
