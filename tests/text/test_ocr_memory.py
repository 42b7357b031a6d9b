"""A long scan is held once, and not in memory: mapped from its file, its words packed.

The speed and peak-memory figures over a 300-page scan are bench/ocr.py's; here, the
Python-side copies that made memory grow with the scan (about 4x its size before),
counted with tracemalloc on a scan of twelve pages; the original held mapped from
its file and read through it (values/mapped.py), and a page's word boxes packed.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import tracemalloc
from dataclasses import replace
from pathlib import Path

from factfinder.capture.checks import open_pdf
from factfinder.capture.files import capture_path
from factfinder.model import OcrWord, PageText, WordBoxes
from factfinder.store import Store
from factfinder.text.ocr import pdf_page_images
from factfinder.text.pdf import _layer_texts
from factfinder.values.mapped import MAP_MIN_BYTES, MappedFile

from scans import render_pages, scanned_pdf

REPORT = ("Witnesses said soldiers set fire to houses in the village after the clashes on Sunday, and that "
          "about two hundred families fled towards the river crossing, where aid workers counted the injured.\n")


def test_reading_the_text_layers_of_a_scan_keeps_no_copy_of_its_pages() -> None:
    pages = render_pages(REPORT * 30, rotate=0.4, noise=0.002, jpeg_quality=85) * 6
    data = scanned_pdf(pages)  # a dozen pages, each an image of some 600 KB
    assert len(data) > 5_000_000
    _layer_texts(open_pdf(scanned_pdf(pages[:1]), name="warm.pdf")[0], "warm.pdf")  # pypdf's lazy imports
    tracemalloc.start()
    try:
        reader, error = open_pdf(data, name="scan.pdf")
        assert reader is not None, error
        texts = _layer_texts(reader, "scan.pdf")
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(texts) == len(pages) and not any(t.strip() for t in texts)  # no text layer: OCR reads them
    # before: pypdf copied the whole file on opening, and kept every page image it looked into
    assert held < 0.2 * len(data), (held, len(data))
    assert peak < 0.5 * len(data), (peak, len(data))


def _resident_file_kb() -> int:
    """Pages of files mapped into this process and resident (RssFile), in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssFile:"):
            return int(line.split()[1])
    raise AssertionError("no RssFile in /proc/self/status")


def test_a_long_scan_is_held_mapped_from_its_file_and_stored_byte_for_byte(tmp_path: Path) -> None:
    pages = render_pages(REPORT * 30, rotate=0.4, noise=0.002, jpeg_quality=85) * 4
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf(pages))
    size = scan.stat().st_size
    assert size > MAP_MIN_BYTES
    capture = capture_path(scan)
    assert capture.ok and isinstance(capture.data, MappedFile)  # held in the file, not as bytes
    assert capture.source.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()

    # opening it, reading every page's text layer, rendering every page as OCR would: the file stays
    # (nearly) not resident. The readers read through the file: through the mapping, a fault maps a
    # whole folio (megabytes on ext4), and pypdf looking at each page's object made all of it resident
    warm = scanned_pdf(pages[:1])  # pypdf's and pdfium's code loaded first: libraries count as file pages
    _layer_texts(open_pdf(warm, name="warm.pdf")[0], "warm.pdf")
    list(pdf_page_images(warm, [0], dpi=50, name="warm.pdf"))
    before = _resident_file_kb()
    reader, error = open_pdf(capture.data, name="scan.pdf")
    assert reader is not None, error
    assert (_resident_file_kb() - before) * 1024 < 0.25 * size, (before, _resident_file_kb(), size)
    assert len(_layer_texts(reader, "scan.pdf", capture.data)) == len(pages)
    rendered = sum(1 for _ in pdf_page_images(capture.data, list(range(len(pages))), dpi=50, name="scan.pdf"))
    assert rendered == len(pages)
    assert (_resident_file_kb() - before) * 1024 < 0.25 * size, (before, _resident_file_kb(), size)

    with Store.open(tmp_path / "f.db") as store:  # stored in parts from the mapping: the same bytes
        assert store.add_capture(capture)
        assert store.originals.path(capture.source.sha256).read_bytes() == scan.read_bytes()
        assert store.verify().ok
        again = store.map_original(capture.source.sha256)  # read back for OCR: mapped as well
        assert isinstance(again, MappedFile) and hashlib.sha256(again).hexdigest() == capture.source.sha256


def test_a_small_file_is_read_not_mapped(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    capture = capture_path(report)
    assert type(capture.data) is bytes and capture.data.decode("utf-8") == REPORT


def test_a_pages_word_boxes_are_packed_and_read_back_as_words() -> None:
    words = tuple(OcrWord(i * 6, i * 6 + 5, (100 + i, 300, 160 + i, 340), 90.0 + i / 7) for i in range(1000))
    page = PageText(1, 0, 6000, "ocr", words=words)
    assert isinstance(page.words, WordBoxes) and len(page.words) == 1000
    assert tuple(page.words) == words and page.words[-1] == words[-1] and page.words == words
    assert page == PageText(1, 0, 6000, "ocr", words=list(words)) and hash(page) == hash(replace(page))
    assert pickle.loads(pickle.dumps(page)) == page  # process pools and Ray pass pages pickled
    moved = page.words.shifted(100)
    assert moved[3] == replace(words[3], start=words[3].start + 100, end=words[3].end + 100)
    assert page.boxes(6, 17) == (words[1].box, words[2].box)
    # the packed form: 32 bytes a word, where OcrWord objects cost about 360
    assert sum(sys.getsizeof(a) for a in (page.words._ints, page.words._conf)) < 40 * len(words)
