"""Bad scans, each with one clear line, its bytes kept and the run going on; a kill -9 mid-OCR then the same ingest.

The corrupt image, the decompression bomb and a missing Tesseract are in test_ocr.py; the
password-protected PDF in tests/malformed. Here: a PDF of no pages, a PDF of 2,000 blank
pages (bounded time: pages are rendered one at a time and blank ones skipped), and a
kill -9 during the OCR of a long scan.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.store import Store
from scans import render_pages, scanned_pdf

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
