"""Cheap checks that an original can be read at all, run at capture time.

They catch what no later stage could fix (an empty file, a photo, a truncated
or password-protected PDF) so the user hears about it while ingesting, in one
line that says what to do. Deeper problems (a PDF without a text layer, a page
without text) are found by the text stage.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from factfinder.values.mapped import BufferStream
from factfinder.capture.sniff import HTML, IMAGE_TYPES, PDF, magic_type

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage
    from pypdf import PdfReader

# What pypdf raises on damaged files besides its own errors: broken streams,
# unknown filters, bad numbers. Listed so a bad PDF is an error message, not a crash.
PDF_DAMAGE: tuple[type[BaseException], ...] = (
    ValueError, LookupError, TypeError, AttributeError, ArithmeticError, NotImplementedError,
    RecursionError, OSError, struct.error, zlib.error, AssertionError,
)



def pdf_failures() -> tuple[type[BaseException], ...]:
    """Everything reading a bad PDF can raise: pypdf's own errors and PDF_DAMAGE (pypdf loaded lazily)."""
    from pypdf.errors import PyPdfError

    return (PyPdfError, *PDF_DAMAGE)


# Largest image read (pixels): a 30,000 x 30,000 "image" is a decompression bomb, not a scan.
MAX_IMAGE_PIXELS = 120_000_000
_CONVERT = "convert it to text, HTML or PDF (OCR for scans, a transcript for audio) and ingest again"
_PROLOG_BYTES = 65536  # a DOCTYPE sits at the top; further in, "<!ENTITY" is text, not a declaration
# An internal DTD subset declaring an entity, whatever the sniffer made of the file (a DOCTYPE
# with a subset hides the root element from it, so a feed may look like plain text).
_ENTITY_DECLARATION = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY",
                                 re.I | re.S)


@dataclass(frozen=True)
class Limits:
    """What reading one original may cost, from the settings of the same names.

    Past a limit the original is refused with a one-line error instead of being
    read: a whole archive saved as one page, a PDF of thousands of pages or a
    multi-gigabyte file would hold the batch for minutes and gigabytes. The bytes
    are kept when they were read (all but ``file_max_bytes``).
    """

    file_max_bytes: int = 200_000_000
    html_max_bytes: int = 10_000_000
    pdf_max_pages: int = 2000

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> "Limits":
        return cls(**{f.name: int(settings[f.name]) for f in fields(cls) if settings.get(f.name) is not None})


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def readable_error(data: bytes, *, media_type: str, label: str | None, name: str,
                   limits: Limits = Limits()) -> str | None:
    """Why ``data`` cannot be read as ``media_type``, or None when it looks readable."""
    if holds_nothing(data):
        return f"cannot read {name}: it is empty; check that it was saved or downloaded completely and ingest again"
    if label is not None:
        return f"cannot read {name}: it is {label}, not a text, HTML, PDF, Word or e-mail document; {_CONVERT}"
    if media_type == PDF:
        return pdf_error(data, name=name, max_pages=limits.pdf_max_pages)
    if media_type == HTML and len(data) > limits.html_max_bytes:
        return (f"cannot read {name}: the page is {_megabytes(len(data))}, more than the html_max_bytes setting "
                f"({_megabytes(limits.html_max_bytes)}); save the article alone, or raise html_max_bytes")
    if _ENTITY_DECLARATION.search(data[:_PROLOG_BYTES]):
        return (f"cannot read {name}: it declares XML entities, which feeds and reports never need and which "
                "can expand to gigabytes (\"billion laughs\"); remove the <!DOCTYPE ...> block and ingest again")
    if media_type in IMAGE_TYPES:
        return image_error(data, name=name)
    return None


def holds_nothing(data: bytes) -> bool:
    """True for an empty or whitespace-only original; ``data.strip()`` without copying a large one."""
    if data[:4096].strip():
        return False
    return not bytes(data).strip()


def image_error(data: bytes, *, name: str) -> str | None:
    """Why an image (a scan, read later by OCR) cannot be read, or None: its header and data are checked."""
    image, error = open_image(data, name=name, decode=False)
    if image is not None:
        image.close()
    return error


def open_image(data: bytes, *, name: str, decode: bool = True) -> tuple[PILImage | None, str | None]:
    """(PIL image, None), or (None, the one-line error) for a damaged image or a decompression bomb.

    Shared by the capture check (``decode=False``: the header and checksums only,
    no pixels) and the text stage (decoded, for OCR), so both say the same thing
    about the same file.
    """
    from PIL import Image, ImageFile, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # Pillow's own bomb guard, at our limit
    found = magic_type(data)
    label = found[1] if found else "an image"
    damage: tuple[type[BaseException], ...] = (UnidentifiedImageError, SyntaxError, *PDF_DAMAGE)
    try:
        image = Image.open(io.BufferedReader(BufferStream(data)))  # shares the bytes or mapped file
        if image.width * image.height > MAX_IMAGE_PIXELS:
            return None, (f"cannot read {name}: it is {label} claiming {image.width:,} x {image.height:,} pixels "
                          "(a decompression bomb, not a scan); the original is kept")
        # WeasyPrint (PDF reports) turns Pillow's global LOAD_TRUNCATED_IMAGES on when it is imported;
        # then a scan cut short is padded with grey instead of failing, and half a page is read as a page
        padded, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            if decode:
                image.load()
            else:
                image.verify()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = padded
    except Image.DecompressionBombError:
        return None, f"cannot read {name}: it is {label} with too many pixels (a decompression bomb, not a scan)"
    except damage as exc:
        return None, (f"cannot read {name}: it is {label}, but damaged ({type(exc).__name__}); re-scan or "
                      f"re-download it, or {_CONVERT}")
    return image, None


def open_pdf(data: bytes, *, name: str) -> tuple[PdfReader | None, str | None]:
    """(pypdf reader, None), or (None, the one-line error) for a broken or locked PDF.

    An owner-password-only PDF opens. Shared by the capture check and the text
    stage, so both say the same thing about the same file.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        # a stream over ``data`` itself (bytes or a mapped file): the original is held once
        reader = PdfReader(io.BufferedReader(BufferStream(data)), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (NotImplementedError, PyPdfError) as exc:
                return None, (f"cannot read {name}: it is encrypted ({exc}); decrypt it "
                              "(for example with qpdf --decrypt) and ingest again")
            if not opened:
                return None, f"cannot read {name}: it is encrypted with a password; decrypt it and ingest again"
        return reader, None
    except pdf_failures() as exc:
        return None, (f"cannot read {name}: the PDF is broken ({type(exc).__name__}); "
                      "re-save or re-download it and ingest again")


def pdf_error(data: bytes, *, name: str, max_pages: int = Limits.pdf_max_pages) -> str | None:
    """Truncated, broken, password-protected or too long PDFs; an owner-password-only PDF passes."""
    if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
        return (f"cannot read {name}: the PDF is truncated (it has no end-of-file marker, the copy "
                "or download was cut short); fetch the complete file and ingest again")
    reader, error = open_pdf(data, name=name)
    if reader is None:
        return error
    try:
        pages = len(reader.pages)
        if pages == 0:
            return f"cannot read {name}: the PDF has no pages; check the file and ingest again"
        if pages > max_pages:
            return (f"cannot read {name}: the PDF has {pages} pages, more than the pdf_max_pages setting "
                    f"({max_pages}); split it (for example qpdf --split-pages) or raise pdf_max_pages")
    except pdf_failures() as exc:
        return (f"cannot read {name}: the PDF is broken ({type(exc).__name__}); "
                "re-save or re-download it and ingest again")
    return None
