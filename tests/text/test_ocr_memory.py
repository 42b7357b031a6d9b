"""A long scan is held once: reading its text layers keeps no second copy of its page images.

The speed and peak-memory figures over a 300-page scan are bench/ocr.py's; here, the
Python-side copies that made memory grow with the scan (about 4x its size before),
counted with tracemalloc on a scan of twelve pages.
"""

from __future__ import annotations

import tracemalloc

from factfinder.capture.checks import open_pdf
from factfinder.text.pdf import _layer_texts

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
