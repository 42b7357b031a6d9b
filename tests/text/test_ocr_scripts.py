"""A scanned Chinese notice end to end: OCR in chi_sim, its language, "to read", and search finds a two-character word.

The text is our own (tests/scripts_corpus.py); the page is set in
Noto Sans CJK from Debian's fonts-noto-cjk and scanned at 300 dpi (rotated, speckled, JPEG).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from scans import NOTO_CJK, character_error_rate, render_pages, scanned_pdf
from scripts_corpus import CHINESE_NOTICE as CHINESE


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
