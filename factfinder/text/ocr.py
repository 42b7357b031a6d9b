"""OCR of scanned pages and images with Tesseract, keeping where every word stood on the page.

Court papers, official letters and NGO annexes often reach a monitor as scans:
a PDF whose pages are images, or a photo of a page. Tesseract 5 (Debian's
``tesseract-ocr`` and its language packs) reads them through the maintained
``pytesseract`` wrapper, and ``pypdfium2`` renders PDF pages one at a time, so
memory stays flat over a long scan. Pages are read ``workers`` at a time, each by
its own single-threaded Tesseract process: Debian's Tesseract is built with
OpenMP, and its threads spin and fight over the cores (a 200-dpi A4 page took
18 s of wall time and 7 s of CPU with them, 1.3 s of CPU without). The OCR text is a derived text: each page
says which engine, version and languages read it and its mean word confidence,
and every word keeps its box in page pixels, so evidence can be shown on the
page image. The original bytes are never touched.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from factfinder.capture import checks
from factfinder.capture.checks import MAX_IMAGE_PIXELS
from factfinder.values.mapped import BufferStream, release
from factfinder.errors import ExtractionError
from factfinder.model import OcrWord, PageText, WordBoxes
from factfinder.text.ocr_lines import read_lines, reads_line_by_line
from factfinder.settings import Settings

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

OCR_MODES = ("auto", "always", "never")
MAX_PIXELS = MAX_IMAGE_PIXELS
_WORDLIKE = re.compile(r"\w{2,}", re.UNICODE)


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """How scans are read: ``mode`` auto (pages without a usable text layer), always or never."""

    mode: str = "auto"
    languages: str = "eng"  # Tesseract codes joined by "+", e.g. "eng+mya"
    dpi: int = 200
    workers: int = 2  # pages read at once, one single-threaded Tesseract process each

    def __post_init__(self) -> None:
        if self.mode not in OCR_MODES:
            raise ExtractionError(f"--ocr must be one of {', '.join(OCR_MODES)}, not {self.mode!r}")
        if self.workers < 1:
            raise ExtractionError(f"ocr_workers must be at least 1, not {self.workers}")


def ocr_options(settings: Settings | Mapping[str, Any] | None) -> OcrOptions:
    """The OCR options a run's settings (``ocr``, ``ocr_languages``, ``ocr_dpi``, ``ocr_workers``) ask for."""
    resolved = Settings.coerce(settings)
    return OcrOptions(mode=resolved.ocr, languages=resolved.ocr_languages, dpi=resolved.ocr_dpi,
                      workers=resolved.ocr_workers)


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """"tesseract 5.3.0", or ExtractionError naming the Debian package when it is missing."""
    import pytesseract

    if shutil.which("tesseract") is None:
        raise ExtractionError("OCR needs Tesseract, which is not installed: install the Debian package "
                              "tesseract-ocr (and tesseract-ocr-LANG for other languages), or pass --ocr never")
    return f"tesseract {pytesseract.get_tesseract_version()}"


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    """The language models Tesseract has (asked once: it is a process start per question)."""
    import pytesseract

    return frozenset(pytesseract.get_languages(config=""))


def _check_languages(languages: str) -> None:
    have = installed_languages()
    missing = [code for code in languages.split("+") if code not in have]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code.replace('_', '-').lower()}" for code in missing)
        raise ExtractionError(f"Tesseract has no model for {', '.join(missing)}: install the Debian "
                              f"package(s) {packages}, or choose other --ocr-lang languages")


def _single_threaded() -> None:
    """Tesseract processes started from here use one OpenMP thread each; a limit the user set is kept.

    pytesseract starts tesseract with this process's environment.
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def is_blank(image: PILImage) -> bool:
    """A page image with (almost) no ink: nothing for OCR to read."""
    levels = [level for level, pixels in enumerate(image.convert("L").histogram()) if pixels]
    return not levels or levels[-1] - levels[0] < 32  # darkest and lightest grey level used


# Chinese read with Tesseract's full page layout (--psm 3) lost whole lines where it took a page of
# full-width lines for two columns (CER 0.595 on our 200-dpi notice); as one column of text
# (--psm 4) the same page reads at 0.008, and the other pages as before (bench/ocr_scripts.py).
_ONE_COLUMN = frozenset({"chi_sim", "chi_tra"})


def page_segmentation(languages: str) -> int:
    """Tesseract's page segmentation mode for a page in ``languages``: one column for Chinese, else automatic."""
    return 4 if any(code in _ONE_COLUMN for code in languages.split("+")) else 3


def text_layer_is_usable(text: str) -> bool:
    """A page's text layer is usable when it holds words, not nothing or glyph soup.

    Scanned PDFs often carry an empty layer, or one of "(cid:12)" codes and stray
    symbols from a bad OCR pass; those pages are read again.
    """
    stripped = "".join(text.split())
    if len(stripped) < 20:
        return False
    letters = sum(ch.isalpha() for ch in stripped)
    words = _WORDLIKE.findall(text)
    return letters / len(stripped) >= 0.5 and len(words) >= 3 and "(cid:" not in text


def ocr_image(image: PILImage, *, number: int, options: OcrOptions) -> tuple[str, PageText]:
    """The text Tesseract reads on one page image, and the page's provenance and word boxes.

    Words are joined by spaces, lines by newlines, paragraphs (Tesseract's blocks
    and paragraphs) by blank lines; word offsets are relative to the page text.
    """
    import pytesseract

    version = tesseract_version()
    _check_languages(options.languages)
    _single_threaded()
    image = image.convert("L") if image.mode not in ("L", "RGB") else image.copy()
    # pytesseract hands the page over as a file in the image's format: uncompressed PNM is
    # written and read in milliseconds, PNG cost 0.1 s of CPU a page to compress (the same pixels)
    image.format = "PPM"
    if reads_line_by_line(options.languages):  # Burmese: Tesseract's page layout cuts its stacked signs
        data = read_lines(image, languages=options.languages)
    else:
        data = pytesseract.image_to_data(image, lang=options.languages, output_type=pytesseract.Output.DICT,
                                         config=f"--psm {page_segmentation(options.languages)}")
    parts: list[str] = []
    words: list[OcrWord] = []
    confidences: list[float] = []
    length = 0
    previous: tuple[int, int, int] | None = None
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if previous is not None:
            sep = " " if line == previous else ("\n" if line[:2] == previous[:2] else "\n\n")
            parts.append(sep)
            length += len(sep)
        previous = line
        box = (data["left"][i], data["top"][i], data["left"][i] + data["width"][i],
               data["top"][i] + data["height"][i])
        words.append(OcrWord(length, length + len(word), box, conf))
        parts.append(word)
        length += len(word)
        confidences.append(conf)
    text = "".join(parts)
    mean = round(sum(confidences) / len(confidences), 1) if confidences else 0.0
    page = PageText(number=number, start=0, end=len(text), method="ocr", engine=version,
                    languages=options.languages, confidence=mean, width=image.width, height=image.height,
                    dpi=options.dpi, words=tuple(words))
    return text, page


def ocr_images(images: Iterable[tuple[int, PILImage]], *, options: OcrOptions
               ) -> Iterator[tuple[int, str, PageText]]:
    """(page number, text, page) of every (page number, image), in order, ``options.workers`` pages at a time.

    Each page is one Tesseract process, so threads are enough to keep the cores
    busy; at most ``workers`` pages wait or are being read, so a long scan never
    has more than a few page images alive.
    """
    if options.workers == 1:
        for number, image in images:
            yield (number, *ocr_image(image, number=number, options=options))
        return
    tesseract_version()  # a missing Tesseract or language is one error, before any thread starts
    _check_languages(options.languages)
    _single_threaded()  # set before the threads start, not by them
    pending: deque[tuple[int, Future[tuple[str, PageText]]]] = deque()
    with ThreadPoolExecutor(max_workers=options.workers, thread_name_prefix="ocr") as pool:
        try:
            for number, image in images:
                if len(pending) >= options.workers:
                    done, future = pending.popleft()
                    yield (done, *future.result())
                pending.append((number, pool.submit(ocr_image, image, number=number, options=options)))
            while pending:
                done, future = pending.popleft()
                yield (done, *future.result())
        finally:
            for _, future in pending:
                future.cancel()


def open_image(data: bytes, *, name: str) -> PILImage:
    """A decoded PIL image of ``data``; ExtractionError for a corrupt file or a decompression bomb.

    The capture stage's check decides what is unreadable, in its words.
    """
    image, error = checks.open_image(data, name=name)
    if image is None:
        raise ExtractionError(error or f"cannot read {name}")
    return image


def image_pages(data: bytes, *, name: str) -> Iterator[PILImage]:
    """Every frame of an image file (a multi-page TIFF has several), one at a time."""
    from PIL import ImageSequence

    image = open_image(data, name=name)
    for frame in ImageSequence.Iterator(image):
        yield frame.copy()


def pdf_page_images(data: bytes, indexes: list[int], *, dpi: int, name: str) -> Iterator[tuple[int, PILImage]]:
    """(index, PIL image at ``dpi``) for the PDF pages asked for, rendered one at a time.

    Only one page image is alive at a time, and pdfium reads ``data`` where it
    lies (no copy; a large original is a mapped file, values/mapped.py). pdfium
    keeps every page object it has parsed, the page image's compressed bytes among
    them, until the document is closed, so the document is opened again every
    ``REOPEN_PAGES`` pages, and the mapped file's pages read so far are let go of:
    over a long scan memory stays flat instead of growing by the file's size.
    """
    for first in range(0, len(indexes), REOPEN_PAGES):
        yield from _render(data, indexes[first:first + REOPEN_PAGES], dpi=dpi, name=name)
        release(data)


REOPEN_PAGES = 8  # opening a 300-page scan again takes about a millisecond


def _render(data: bytes, indexes: list[int], *, dpi: int, name: str) -> Iterator[tuple[int, PILImage]]:
    import pypdfium2

    try:  # bytes are read where they lie; a mapped file through a stream (pdfium takes no mmap)
        pdf = pypdfium2.PdfDocument(data if isinstance(data, bytes) else BufferStream(data))
    except pypdfium2.PdfiumError as exc:
        raise ExtractionError(f"cannot render {name} for OCR ({exc}); re-save the PDF or pass --ocr never") from None
    try:
        for index in indexes:
            try:
                page = pdf[index]
            except pypdfium2.PdfiumError:
                continue  # a page pdfium cannot load keeps its (empty) text layer; the others are read
            try:
                width, height = page.get_size()
                scale = dpi / 72
                if width * height * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / max(width * height, 1)) ** 0.5
                image = page.render(scale=scale, grayscale=True).to_pil()
            finally:
                page.close()
            yield index, image
    finally:
        pdf.close()


def join_pages(texts: list[str], pages: list[PageText]) -> tuple[str, tuple[PageText, ...]]:
    """The document text (pages joined by a blank line) and each page's place in it.

    ``pages`` is updated in place, page by page, so that a long scan's word boxes
    (packed, 32 bytes a word: model.WordBoxes) are never held twice.
    """
    from dataclasses import replace

    out: list[str] = []
    offset = 0
    for i, (text, page) in enumerate(zip(texts, pages)):
        if out:
            out.append("\n\n")
            offset += 2
        words = page.words if isinstance(page.words, WordBoxes) else WordBoxes(page.words)
        pages[i] = replace(page, start=offset, end=offset + len(text), words=words.shifted(offset))
        out.append(text)
        offset += len(text)
    return "".join(out), tuple(pages[:len(texts)])
