"""OCR speed and memory: factfinder's scanned-PDF reading against bare Tesseract on the same pages.

A scanned PDF of N English A4 pages (our own generated reports, rendered at 200
dpi as page images, no text layer) is read by ``document_from_capture`` (pypdfium2
renders each page, pytesseract reads it); the baseline is ``tesseract`` itself on
the same page images, one process per page, in the same run. Peak memory is
measured in a child process after 5 pages and after all N, so a leak or a
document held whole shows as growth. Targets: >= 1 page/s on 2 cores; memory flat.
Run: ``.venv/bin/python bench/ocr.py [--pages N]`` (N=300 for the issue's figure).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import _paragraph  # noqa: E402  (a sibling bench script, not a package)
from scans import render_pages, scanned_pdf  # noqa: E402


def make_scan(pages: int) -> tuple[bytes, list]:
    rnd = random.Random(7)
    images = []
    while len(images) < pages:
        text = "\n".join(_paragraph(rnd) for _ in range(6))
        images.extend(render_pages(text, rotate=rnd.uniform(-0.8, 0.8), noise=0.0005, jpeg_quality=80))
    return scanned_pdf(images[:pages]), images[:pages]


def _read(data: bytes, conn) -> None:
    from factfinder.capture.common import make_capture
    from factfinder.text import document_from_capture

    started = time.perf_counter()
    document = document_from_capture(make_capture(data, origin="/bench/scan.pdf", media_type="application/pdf"))
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((elapsed, peak_mb, len(document.pages), len(document.text)))


def ours(data: bytes) -> tuple[float, float, int, int]:
    """(seconds, peak MB, pages, characters) of reading the scan in a fresh child process."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_read, args=(data, child))
    process.start()
    result = parent.recv()
    process.join()
    return result


def bare(images: list) -> float:
    """Seconds for the tesseract command on the same page images, one after the other."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, image in enumerate(images):
            path = Path(folder) / f"page{n}.png"
            image.save(path)
            paths.append(path)
        started = time.perf_counter()
        for path in paths:
            subprocess.run(["tesseract", str(path), "-", "-l", "eng", "--psm", "3"], check=True,
                           capture_output=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    small, small_images = make_scan(5)
    data, images = make_scan(args.pages)
    print(f"scanned PDF: {args.pages} pages, {len(data) / 1e6:.1f} MB")
    seconds5, peak5, _, _ = ours(small)
    seconds, peak, pages, chars = ours(data)
    baseline = bare(images)
    print(f"factfinder  {pages} pages in {seconds:.1f} s = {pages / seconds:.2f} pages/s, {chars} characters")
    print(f"tesseract   {len(images)} pages in {baseline:.1f} s = {len(images) / baseline:.2f} pages/s "
          f"(bare command on the same images)")
    print(f"ratio       {seconds / baseline:.2f}x the bare command")
    print(f"peak memory {peak5:.0f} MB after 5 pages, {peak:.0f} MB after {pages} (flat if close)")


if __name__ == "__main__":
    main()
