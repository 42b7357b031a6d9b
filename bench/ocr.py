"""OCR speed and memory: factfinder reading a long scanned PDF, beside bare Tesseract on its pages.

A scanned PDF of N English A4 pages (our own generated reports, one report a
page, rendered at 200 dpi, rotated within 0.8 degree, speckled, JPEG 80, no text
layer) is written to a file and read as ``ingest`` reads one (``capture_path``, its
checks, then ``document_from_capture``) in a fresh child process (pypdfium2
renders each page, ``ocr_workers`` Tesseract processes read them). Figures:
pages per second, the character error rate against the text each page was
made from, and the reading process's peak memory after 5 pages and after all N:
a leak or a document held whole shows as growth (each Tesseract process holds
one page, about 60 MB, and ends with it; the scan itself is held mapped from its
file and read through it, values/mapped.py, so it is not in the figure). In the same run, the baselines read the first K pages of the same
scan with the bare ``tesseract`` command: one page after another with its
default OpenMP threads (what factfinder did before), and two single-threaded
processes at once (the best the command gives on 2 cores).
Targets: >= 1 page/s on 2 cores, English CER <= 0.02, memory flat.
Run: ``nice .venv/bin/python bench/ocr.py [--pages N] [--baseline-pages K]`` (N=300 for the issue's figure).
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import _paragraph  # noqa: E402  (a sibling bench script, not a package)
from scans import character_error_rate, render_pages  # noqa: E402


def make_pages(count: int, seed: int = 7) -> tuple[list[str], list[bytes]]:
    """(text, JPEG bytes) of ``count`` one-page reports; only the compressed pages are kept in memory."""
    rnd = random.Random(seed)
    texts, jpegs = [], []
    while len(jpegs) < count:
        text = "\n".join(_paragraph(rnd) for _ in range(4))
        (page,) = render_pages(text, rotate=rnd.uniform(-0.8, 0.8), noise=0.0005, seed=len(jpegs))
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=80)
        texts.append(text)
        jpegs.append(buffer.getvalue())
    return texts, jpegs


def scanned_pdf(jpegs: list[bytes]) -> bytes:
    """An A4 PDF whose pages are only the JPEG images (embedded as they are: no page decoded here)."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    for jpeg in jpegs:
        pdf.add_page()
        pdf.image(io.BytesIO(jpeg), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def _read(path: Path, conn) -> None:  # in the child process
    from factfinder.capture.files import capture_path
    from factfinder.text import document_from_capture

    started = time.perf_counter()
    document = document_from_capture(capture_path(path))  # as ``ingest`` reads a file: checked, then read
    elapsed = time.perf_counter() - started
    peak_mb = _peak_mb()
    conn.send((elapsed, peak_mb, _cpu(), [document.text[p.start:p.end] for p in document.pages]))


def _peak_mb() -> float:
    """This process's peak resident memory since it started (VmHWM). Not ru_maxrss: Linux keeps that
    across exec, so a spawned child would report the parent's size at fork (the generated pages)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process and the processes it waited for (the Tesseract runs)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def ours(path: Path) -> tuple[float, float, float, list[str]]:
    """(seconds, peak MB, CPU seconds, page texts) of reading the scan file in a fresh child process.

    The child gets the path, not the bytes: handing it 100 MB through a pipe would
    put the pickle and its copy in the child's peak before reading even starts.
    """
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_read, args=(path, child))
    process.start()
    result = parent.recv()
    process.join()
    return result


def cer(found: list[str], expected: list[str]) -> float:
    """Edit distance over all pages (page by page) over the expected length, whitespace folded."""
    errors = sum(character_error_rate(f, e) * len(" ".join(e.split())) for f, e in zip(found, expected))
    return errors / max(sum(len(" ".join(e.split())) for e in expected), 1)


def bare(jpegs: list[bytes], *, parallel: int, threads: str | None) -> tuple[float, float]:
    """(seconds, CPU seconds) of the tesseract command on the page images, ``parallel`` processes at once."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    if threads is not None:
        env["OMP_THREAD_LIMIT"] = threads
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, jpeg in enumerate(jpegs):
            path = Path(folder) / f"page{n}.jpg"
            path.write_bytes(jpeg)
            paths.append(path)

        def run(path: Path) -> None:
            subprocess.run(["tesseract", str(path), "-", "-l", "eng", "--psm", "3"], check=True,
                           capture_output=True, env=env)

        started, cpu = time.perf_counter(), _children_cpu()
        with ThreadPoolExecutor(max_workers=parallel) as pool:
            list(pool.map(run, paths))
        return time.perf_counter() - started, _children_cpu() - cpu


def _children_cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--baseline-pages", type=int, default=10, help="pages the bare command reads (K)")
    args = parser.parse_args()
    texts, jpegs = make_pages(args.pages)
    folder = tempfile.TemporaryDirectory()
    scan, small = Path(folder.name) / "scan.pdf", Path(folder.name) / "scan5.pdf"
    scan.write_bytes(scanned_pdf(jpegs))
    small.write_bytes(scanned_pdf(jpegs[:5]))
    size_mb = scan.stat().st_size / 1e6
    print(f"scanned PDF: {args.pages} pages at 200 dpi, {size_mb:.1f} MB; {os.cpu_count()} cores")
    load_before = os.getloadavg()[0]
    _, peak5, _, _ = ours(small)
    seconds, peak, cpu, found = ours(scan)
    load_after = os.getloadavg()[0]
    folder.cleanup()
    pages = len(found)
    sample = jpegs[:min(args.baseline_pages, len(jpegs))]
    before, before_cpu = bare(sample, parallel=1, threads=None)
    best, best_cpu = bare(sample, parallel=2, threads="1")
    k = len(sample)
    # on a shared machine wall time says how busy it was; CPU seconds a page say what 2 free cores would give
    print(f"load average            {load_before:.1f} before, {load_after:.1f} after our run, "
          f"{os.getloadavg()[0]:.1f} at the end (other work on the machine)")
    print(f"factfinder              {pages} pages in {seconds:.1f} s = {pages / seconds:.2f} pages/s (wall); "
          f"{pages / cpu:.2f} pages per CPU second = {2 * pages / cpu:.2f} pages/s on 2 free cores; "
          f"CER {cer(found, texts):.4f}")
    print(f"tesseract, OpenMP       {k} pages in {before:.1f} s = {k / before:.2f} pages/s; "
          f"{before_cpu / k:.2f} CPU s a page (bare command, one page after another, its default threads)")
    print(f"tesseract, 2 x 1 thread {k} pages in {best:.1f} s = {k / best:.2f} pages/s; "
          f"{best_cpu / k:.2f} CPU s a page = {2 * k / best_cpu:.2f} pages/s on 2 free cores "
          "(bare command, two single-threaded processes at once)")
    print(f"speed                   {(pages / seconds) / (k / before):.2f}x the OpenMP command, "
          f"{(pages / seconds) / (k / best):.2f}x the best command (wall time)")
    words = sum(len(text.split()) for text in found)
    print(f"peak memory             {peak5:.0f} MB after 5 pages, {peak:.0f} MB after {pages} "
          f"({size_mb:.1f} MB file, held mapped, not read; {words:,} word boxes kept packed, "
          f"about {words * 32 / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
