"""Scans in the seeds' languages end to end: a Chinese notice (OCR in chi_sim, its language, "to read",
search finds a two-character word) and a Burmese report (read line by line, geoparsed by name).

The text is our own (tests/scripts_corpus.py); the page is set in
Noto Sans CJK from Debian's fonts-noto-cjk and scanned at 300 dpi (rotated, speckled, JPEG).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.text.ocr import OcrOptions, ocr_image
from scans import NOTO_CJK, NOTO_MYANMAR, character_error_rate, render_pages, scanned_pdf
from scripts_corpus import BURMESE_REPORT as BURMESE, CHINESE_NOTICE as CHINESE


def test_a_chinese_page_of_full_width_lines_is_read_as_one_column() -> None:
    # at 200 dpi, clean, Tesseract's own page layout took this page for two columns (CER 0.595)
    (page,) = render_pages(CHINESE, dpi=200, font_path=NOTO_CJK, leading_factor=2.0)
    text, read = ocr_image(page, number=1, options=OcrOptions(languages="chi_sim"))
    assert character_error_rate("".join(text.split()), "".join(CHINESE.split())) <= 0.02
    assert read.languages == "chi_sim" and read.words


@pytest.mark.slow
def test_a_scanned_chinese_notice_is_read_detected_kept_to_read_and_searchable(tmp_path: Path) -> None:
    from factfinder.store import Store
    from factfinder.store.search import search_text

    pages = render_pages(CHINESE, dpi=300, font_path=NOTO_CJK, leading_factor=2.0, rotate=0.5, noise=0.0005,
                         jpeg_quality=75)
    scan = tmp_path / "notice.pdf"
    scan.write_bytes(scanned_pdf(pages, dpi=300))
    db = tmp_path / "zh.db"
    result = CliRunner().invoke(main, ["ingest", str(scan), "--db", str(db), "--ocr-lang", "chi_sim",
                                       "--setting", "ocr_dpi", "300"])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        [document] = list(store.iter_documents())
        assert document.language == "zh" and document.pages[0].method == "ocr"
        assert character_error_rate("".join(document.text.split()), "".join(CHINESE.split())) <= 0.02
        assert list(store.iter_incidents()) == []  # never through the English model
        [hit] = search_text(store.conn, "酷刑")
        assert hit.snippet[hit.marks[0][0]:hit.marks[0][1]] == "酷刑"
    status = CliRunner().invoke(main, ["status", "--db", str(db)])
    assert "1 not extracted: language zh 1" in status.output


@pytest.mark.slow
def test_reprocess_with_ocr_lang_reads_a_scan_again_in_its_language(tmp_path: Path) -> None:
    from factfinder.store import Store
    from factfinder.store.search import search_text

    pages = render_pages(CHINESE, dpi=300, font_path=NOTO_CJK, leading_factor=2.0)
    scan = tmp_path / "notice.pdf"
    scan.write_bytes(scanned_pdf(pages, dpi=300))
    db = tmp_path / "zh.db"
    first = CliRunner().invoke(main, ["ingest", str(scan), "--db", str(db), "--no-extract",
                                      "--setting", "ocr_dpi", "300"])  # read as English: the default eng
    assert first.exit_code == 0, first.output
    with Store.open(db) as store:
        assert search_text(store.conn, "酷刑") == []
    again = CliRunner().invoke(main, ["reprocess", "--db", str(db), "--ocr-lang", "chi_sim",
                                      "--setting", "ocr_dpi", "300"])
    assert again.exit_code == 0, again.output
    assert "1 scans and PDFs read again" in again.output
    with Store.open(db) as store:
        [document] = list(store.iter_documents())
        assert document.language == "zh" and document.pages[0].languages == "chi_sim"
        assert character_error_rate("".join(document.text.split()), "".join(CHINESE.split())) <= 0.02
        [hit] = search_text(store.conn, "酷刑")
        assert store.verify().ok  # the original is untouched
        assert store.conn.execute("SELECT count(*) FROM stories_fts_docsize").fetchone()[0] == len(document.stories)
    same = CliRunner().invoke(main, ["reprocess", "--db", str(db), "--ocr-lang", "chi_sim",
                                     "--setting", "ocr_dpi", "300"])
    assert "0 scans and PDFs read again" in same.output


@pytest.mark.slow
def test_a_scanned_burmese_report_is_read_line_by_line_and_geoparsed_by_name(tmp_path: Path) -> None:
    """Tesseract's page layout cut Burmese into sign rows (CER 0.7); read line by line it is ~0.02."""
    from factfinder.store import Store

    pages = render_pages(BURMESE, dpi=200, font_path=NOTO_MYANMAR, leading_factor=2.0, rotate=0.5,
                         noise=0.0005, jpeg_quality=75)
    scan = tmp_path / "report.pdf"
    scan.write_bytes(scanned_pdf(pages))
    db = tmp_path / "my.db"
    result = CliRunner().invoke(main, ["ingest", str(scan), "--db", str(db), "--ocr-lang", "mya"])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        [document] = list(store.iter_documents())
        assert document.language == "my" and document.pages[0].method == "ocr"
        assert character_error_rate(document.text, BURMESE) <= 0.05
        page = document.pages[0]
        assert all(0 <= w.box[0] < w.box[2] <= page.width and 0 <= w.box[1] < w.box[3] <= page.height
                   for w in page.words)
        places = {name for (name,) in store.conn.execute("SELECT name FROM places")}
        assert "Yangon" in places  # ရန်ကုန်မြို့, by the gazetteer's Burmese name (geo/scripts.py)
        assert list(store.iter_incidents()) == []
