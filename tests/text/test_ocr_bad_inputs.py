"""Bad scans, each with one clear line, its bytes kept and the run going on; a kill -9 mid-OCR then the same ingest.

Each bad input of issue 18 goes through ``ingest`` beside a good report: a corrupt image
(a scan cut short, PNG and JPEG), a password-protected PDF, a 30,000 x 30,000 image (a real
decompression bomb: 900 million pixels in 110 KB, read in a child process whose peak memory
is measured), a PDF of no pages, a PDF of 2,000 blank pages (bounded time: pages are rendered
one at a time and blank ones skipped), a missing Tesseract, and a kill -9 during the OCR of
a long scan. The text stage's own messages for these are in test_ocr.py.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.store import Store
from factfinder.values.mapped import MAP_MIN_BYTES
from scans import image_bytes, render_pages, scanned_pdf

ROOT = Path(__file__).resolve().parents[2]
REPORT = ("Monitors said that police detained at least twelve students outside the provincial court on "
          "Tuesday, after a hearing in the trial of four journalists accused of spreading false news.\n")


def _blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _ingest(tmp_path: Path, *names: str) -> tuple[int, list[str]]:
    db = tmp_path / "bad.db"
    result = CliRunner().invoke(main, ["ingest", *[str(tmp_path / n) for n in names], "--db", str(db),
                                       "--no-extract"])
    return result.exit_code, result.output.splitlines()


def _kept(tmp_path: Path, name: str) -> bool:
    import hashlib

    with Store.open(tmp_path / "bad.db") as store:
        sha = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        return store.read_original(sha) == (tmp_path / name).read_bytes()


def _bomb_png(side: int = 30_000) -> bytes:
    """A 1-bit PNG of ``side`` x ``side`` white pixels: about 110 KB that would decode to 900 MB."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    packer, row = zlib.compressobj(9), b"\x00" * (1 + (side + 7) // 8)  # filter byte, then the row's bits
    pixels = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _cut_scan(fmt: str) -> bytes:
    """A scan whose file stops half-way, as an interrupted copy or download leaves it."""
    (page,) = render_pages(REPORT, rotate=0.3, noise=0.0005)
    whole = image_bytes(page, fmt)
    return whole[:len(whole) // 2]


def _password_pdf() -> bytes:
    from pypdf import PdfWriter

    (page,) = render_pages(REPORT)
    writer = PdfWriter(io.BytesIO(scanned_pdf([page])))
    writer.encrypt(user_password="monitor", owner_password="monitor-owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("name, make, phrases", [
    ("cut_scan.png", lambda: _cut_scan("PNG"), ("PNG image", "damaged", "re-scan")),
    ("cut_scan.jpg", lambda: _cut_scan("JPEG"), ("JPEG image", "damaged", "re-scan")),
    ("locked.pdf", _password_pdf, ("encrypted with a password", "decrypt it")),
])
def test_a_bad_scan_is_one_clear_line_its_bytes_kept_and_the_run_goes_on(tmp_path: Path, name, make,
                                                                          phrases) -> None:
    (tmp_path / name).write_bytes(make())
    (tmp_path / "note.txt").write_text(REPORT, encoding="utf-8")
    code, lines = _ingest(tmp_path, name, "note.txt")
    assert code == 1
    [failed] = [line for line in lines if line.startswith("FAILED")]
    assert name in failed and all(phrase in failed for phrase in phrases), failed
    assert any(line.startswith("stored") and "note.txt" in line for line in lines)
    assert _kept(tmp_path, name)


def test_a_scan_cut_short_fails_even_after_weasyprint_told_pillow_to_pad_it(tmp_path: Path, monkeypatch) -> None:
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # what importing weasyprint does
    (tmp_path / "cut_scan.jpg").write_bytes(_cut_scan("JPEG"))
    code, lines = _ingest(tmp_path, "cut_scan.jpg")
    assert code == 1 and any(line.startswith("FAILED") and "damaged" in line for line in lines)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # WeasyPrint's own setting is left as it was


_PEAK = """
import sys
from factfinder.cli import main
try:
    main(sys.argv[1:])
except SystemExit as end:
    code = end.code
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print("PEAK_MB", int(line.split()[1]) // 1024)  # this process's own peak (reset by exec)
sys.exit(code)
"""


def test_a_decompression_bomb_is_refused_in_bounded_time_and_memory(tmp_path: Path) -> None:
    (tmp_path / "bomb.png").write_bytes(_bomb_png())
    (tmp_path / "note.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "bad.db"
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-c", _PEAK, "ingest", str(tmp_path / "bomb.png"),
                          str(tmp_path / "note.txt"), "--db", str(db), "--no-extract"],
                         capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert time.monotonic() - started < 60
    assert run.returncode == 1, run.stderr
    lines = run.stdout.splitlines()
    [failed] = [line for line in lines if line.startswith("FAILED")]
    assert "bomb.png" in failed and "decompression bomb" in failed
    assert any(line.startswith("stored") and "note.txt" in line for line in lines)
    [peak] = [int(line.split()[1]) for line in lines if line.startswith("PEAK_MB")]
    assert peak < 500  # decoding it would take 900 MB
    assert _kept(tmp_path, "bomb.png")


def test_a_missing_tesseract_fails_the_scan_in_one_line_naming_the_package(tmp_path: Path, monkeypatch) -> None:
    from factfinder.text import ocr

    (page,) = render_pages(REPORT, rotate=0.3)
    (tmp_path / "letter.png").write_bytes(image_bytes(page, "PNG"))
    (tmp_path / "note.txt").write_text(REPORT, encoding="utf-8")
    ocr.tesseract_version.cache_clear()
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    try:
        code, lines = _ingest(tmp_path, "letter.png", "note.txt")
    finally:
        ocr.tesseract_version.cache_clear()
    assert code == 1
    [failed] = [line for line in lines if line.startswith("FAILED")]
    assert "letter.png" in failed and "install the Debian package tesseract-ocr" in failed
    assert any(line.startswith("stored") and "note.txt" in line for line in lines)
    assert _kept(tmp_path, "letter.png")


def test_a_pdf_of_no_pages_is_one_clear_line_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(_blank_pdf(0))
    (tmp_path / "note.txt").write_text(REPORT, encoding="utf-8")
    code, lines = _ingest(tmp_path, "empty.pdf", "note.txt")
    assert code == 1
    [failed] = [line for line in lines if line.startswith("FAILED")]
    assert "empty.pdf" in failed and "no pages" in failed
    assert any(line.startswith("stored") and "note.txt" in line for line in lines)
    assert _kept(tmp_path, "empty.pdf")


@pytest.mark.slow
def test_a_pdf_of_2000_blank_pages_ends_in_bounded_time_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "blank.pdf").write_bytes(_blank_pdf(2000))
    started = time.monotonic()
    code, lines = _ingest(tmp_path, "blank.pdf")
    assert time.monotonic() - started < 240  # about 12 ms a page on one core: rendered, found blank, skipped
    assert code == 1
    [failed] = [line for line in lines if line.startswith("FAILED")]
    assert "blank.pdf" in failed and "OCR found no text" in failed
    assert _kept(tmp_path, "blank.pdf")


def _documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_during_the_ocr_of_a_long_scan_then_the_same_ingest_stores_it_once(tmp_path: Path) -> None:
    pages = render_pages(REPORT * 40, rotate=0.3, noise=0.0005, jpeg_quality=75)  # several A4 pages
    assert len(pages) >= 3
    scan = tmp_path / "long_scan.pdf"
    scan.write_bytes(scanned_pdf(pages * 3))
    assert scan.stat().st_size > MAP_MIN_BYTES  # held mapped from the file while it is read (values/mapped.py)
    db = tmp_path / "f.db"
    command = [sys.executable, "-m", "factfinder", "ingest", str(scan), "--db", str(db), "--no-extract"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    time.sleep(4)  # past start-up, inside the OCR of the pages (several seconds of Tesseract)
    if proc.poll() is not None:
        pytest.fail(f"ingest ended before it could be killed: {proc.stderr.read().decode()}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _documents(db) == 0  # killed mid-OCR: nothing half-stored

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    assert rerun.returncode == 0, rerun.stderr
    again = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    assert "1 already present" in again.stdout
    with Store.open(db) as store:
        st = store.status()
        assert (st.sources, st.documents) == (1, 1)
        [document] = list(store.iter_documents())
        assert len(document.pages) == len(pages) * 3 and all(p.method == "ocr" for p in document.pages)
        assert document.text.count("twelve students") >= 100
        report = store.verify()
        assert report.ok, report.problems

