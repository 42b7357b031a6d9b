"""Cheap checks that an original can be read at all, run at capture time.

They catch what no later stage could fix (an empty file, a photo, a truncated
or password-protected PDF) so the user hears about it while ingesting, in one
line that says what to do. Deeper problems (a PDF without a text layer, a page
without text) are found by the text stage.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from typing import TYPE_CHECKING

from factfinder.capture.sniff import IMAGE_TYPES, PDF, magic_type

if TYPE_CHECKING:
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


def readable_error(data: bytes, *, media_type: str, label: str | None, name: str) -> str | None:
    """Why ``data`` cannot be read as ``media_type``, or None when it looks readable."""
    if not data.strip():
        return f"cannot read {name}: it is empty; check that it was saved or downloaded completely and ingest again"
    if label is not None:
        return f"cannot read {name}: it is {label}, not a text, HTML, PDF, Word or e-mail document; {_CONVERT}"
    if media_type == PDF:
        return pdf_error(data, name=name)
    if media_type in IMAGE_TYPES:
        return image_error(data, name=name)
    return None


def image_error(data: bytes, *, name: str) -> str | None:
    """Why an image (a scan, read later by OCR) cannot be read, or None: its header and data are checked."""
    from PIL import Image, UnidentifiedImageError

    found = magic_type(data)
    label = found[1] if found else "an image"
    damage: tuple[type[BaseException], ...] = (UnidentifiedImageError, SyntaxError, *PDF_DAMAGE)
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                return (f"cannot read {name}: it is {label} claiming {image.width:,} x {image.height:,} pixels "
                        "(a decompression bomb, not a scan); the original is kept")
            image.verify()
    except Image.DecompressionBombError:
        return f"cannot read {name}: it is {label} with too many pixels (a decompression bomb, not a scan)"
    except damage as exc:
        return (f"cannot read {name}: it is {label}, but damaged ({type(exc).__name__}); re-scan or re-download "
                f"it, or {_CONVERT}")
    return None


def open_pdf(data: bytes, *, name: str) -> tuple[PdfReader | None, str | None]:
    """(pypdf reader, None), or (None, the one-line error) for a broken or locked PDF.

    An owner-password-only PDF opens. Shared by the capture check and the text
    stage, so both say the same thing about the same file.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
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


def pdf_error(data: bytes, *, name: str) -> str | None:
    """Truncated, broken or password-protected PDFs; an owner-password-only PDF passes."""
    if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
        return (f"cannot read {name}: the PDF is truncated (it has no end-of-file marker, the copy "
                "or download was cut short); fetch the complete file and ingest again")
    reader, error = open_pdf(data, name=name)
    if reader is None:
        return error
    try:
        if len(reader.pages) == 0:
            return f"cannot read {name}: the PDF has no pages; check the file and ingest again"
    except pdf_failures() as exc:
        return (f"cannot read {name}: the PDF is broken ({type(exc).__name__}); "
                "re-save or re-download it and ingest again")
    return None
