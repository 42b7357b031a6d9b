"""OCR of scanned PDFs and images: text, provenance per page, word boxes, clear errors."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.capture.common import make_capture
from factfinder.capture.sniff import sniff
from factfinder.errors import ExtractionError
from factfinder.text import document_from_capture
from factfinder.text.ocr import OcrOptions

from scans import character_error_rate, image_bytes, render_pages, scanned_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REPORT = ("Monitors said that police detained at least twelve students outside the provincial court on "
          "Tuesday, after a hearing in the trial of four journalists accused of spreading false news.\n"
          "The students were taken to a station in the north of the city and released the next morning, "
          "according to their lawyers, who said two of them had been beaten during questioning.")


def capture_of(data: bytes, name: str):
    media, _ = sniff(data, name=name)
    return make_capture(data, origin=f"/evidence/{name}", media_type=media)


@pytest.fixture(scope="module")
def scan() -> bytes:
    (page,) = render_pages(REPORT, rotate=0.6, noise=0.001, jpeg_quality=70)
    return image_bytes(page, "JPEG")


def test_a_scanned_image_is_read_with_its_provenance_and_word_boxes(scan: bytes) -> None:
    document = document_from_capture(capture_of(scan, "letter.jpg"))
    assert character_error_rate(document.text, REPORT) <= 0.02
    (page,) = document.pages
    assert page.method == "ocr" and page.engine.startswith("tesseract 5") and page.languages == "eng"
    assert page.confidence > 80 and page.dpi == 200 and (page.start, page.end) == (0, len(document.text))
    for word in page.words:
        left, top, right, bottom = word.box
        assert 0 <= left < right <= page.width and 0 <= top < bottom <= page.height
        assert document.text[word.start:word.end].strip() == document.text[word.start:word.end]
    start = document.text.index("twelve")
    boxes = page.boxes(start, start + len("twelve"))
    assert len(boxes) == 1


@pytest.mark.slow
@pytest.mark.parametrize("dpi, font, angle", [
    (150, Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"), -1.0),
    (300, Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"), 0.7),
])
def test_an_english_report_scanned_at_150_to_300_dpi_reads_under_two_percent_cer(dpi, font, angle) -> None:
    """Issue 18's English target on an example of ours; bench/ocr_quality.py measures the seeds and examples."""
    text = (EXAMPLES / "radio_pauktaw.txt").read_text(encoding="utf-8")
    pages = render_pages(text, dpi=dpi, rotate=angle, noise=0.0008, jpeg_quality=75, font_path=font)
    scanned = scanned_pdf(pages, dpi=dpi)
    document = document_from_capture(capture_of(scanned, "pauktaw_scan.pdf"), ocr=OcrOptions(dpi=dpi))
    assert {p.method for p in document.pages} == {"ocr"}
    assert character_error_rate(document.text, text) <= 0.02


def test_a_scanned_pdf_is_read_page_by_page_and_a_text_layer_is_kept(scan: bytes) -> None:
    from fpdf import FPDF
    from PIL import Image
    import io

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "Annex 1. Statement of the bar association on the detention of students.")
    pdf.add_page()
    image = Image.open(io.BytesIO(scan))
    pdf.image(image, x=0, y=0, w=210, h=297)
    document = document_from_capture(capture_of(bytes(pdf.output()), "annex.pdf"))
    first, second = document.pages
    assert (first.method, second.method) == ("text-layer", "ocr")
    assert document.text[first.start:first.end].startswith("Annex 1.")
    assert character_error_rate(document.text[second.start:second.end], REPORT) <= 0.02
    assert all(second.start <= w.start < w.end <= second.end for w in second.words)


def test_pages_read_two_at_a_time_come_back_in_page_order_with_their_own_text() -> None:
    """Three pages (one blank) read by two Tesseract processes at once: each page keeps its own text."""
    from PIL import Image

    lines = ["First page: the court adjourned the hearing of the nine farmers.",
             "Third page: the lawyers asked for the release of the farmers on bail."]
    first, third = (render_pages(line)[0] for line in lines)
    blank = Image.new("L", first.size, 255)
    pdf = scanned_pdf([first, blank, third])
    read = document_from_capture(capture_of(pdf, "hearing.pdf"), ocr=OcrOptions(workers=2))
    one = document_from_capture(capture_of(pdf, "hearing.pdf"), ocr=OcrOptions(workers=1))
    assert read.text == one.text
    assert [p.method for p in read.pages] == ["ocr", "text-layer", "ocr"]
    page1, _, page3 = read.pages
    assert character_error_rate(read.text[page1.start:page1.end], lines[0]) <= 0.02
    assert character_error_rate(read.text[page3.start:page3.end], lines[1]) <= 0.02


def test_with_ocr_never_a_scan_is_a_clear_error(scan: bytes) -> None:
    with pytest.raises(ExtractionError, match="OCR is off"):
        document_from_capture(capture_of(scan, "letter.jpg"), ocr=OcrOptions(mode="never"))
    pdf = scanned_pdf(render_pages("Nothing but an image here."))
    with pytest.raises(ExtractionError, match="no text layer.*--ocr"):
        document_from_capture(capture_of(pdf, "scan.pdf"), ocr=OcrOptions(mode="never"))


def test_ocr_always_reads_a_page_that_has_a_text_layer() -> None:
    pdf = (EXAMPLES / "bulletin_myanmar.pdf").read_bytes()
    layer = document_from_capture(capture_of(pdf, "bulletin.pdf"))
    assert {p.method for p in layer.pages} == {"text-layer"}
    read = document_from_capture(capture_of(pdf, "bulletin.pdf"), ocr=OcrOptions(mode="always"))
    assert {p.method for p in read.pages} == {"ocr"}
    assert character_error_rate(read.text, layer.text) <= 0.05


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def test_a_corrupt_image_and_a_decompression_bomb_are_clear_errors() -> None:
    with pytest.raises(ExtractionError, match="broken.png: it is .*, but damaged"):
        document_from_capture(capture_of(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "broken.png"))
    with pytest.raises(ExtractionError, match="decompression bomb"):
        document_from_capture(capture_of(_png_claiming(30_000, 30_000), "bomb.png"))


def test_a_missing_tesseract_names_the_debian_package(monkeypatch, scan: bytes) -> None:
    from factfinder.text import ocr

    ocr.tesseract_version.cache_clear()
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    try:
        with pytest.raises(ExtractionError, match="install the Debian package tesseract-ocr"):
            document_from_capture(capture_of(scan, "letter.jpg"))
    finally:
        ocr.tesseract_version.cache_clear()


def test_a_missing_language_model_names_its_package(scan: bytes) -> None:
    with pytest.raises(ExtractionError, match="tesseract-ocr-kor"):
        document_from_capture(capture_of(scan, "letter.jpg"), ocr=OcrOptions(languages="eng+kor"))


@pytest.mark.slow
def test_extract_cli_gives_page_and_boxes_on_the_evidence_of_a_scanned_report(tmp_path: Path) -> None:
    """The Pauktaw story scanned gives the incidents of its text, evidence placed on the page."""
    from factfinder.cli import main

    text = (EXAMPLES / "radio_pauktaw.txt").read_text(encoding="utf-8")
    scanned = tmp_path / "pauktaw_scan.pdf"
    scanned.write_bytes(scanned_pdf(render_pages(text, rotate=0.4, noise=0.0005, jpeg_quality=75)))
    typed = tmp_path / "pauktaw.txt"
    typed.write_text(text, encoding="utf-8")

    def records(path: Path) -> list[dict]:
        result = CliRunner().invoke(main, ["extract", str(path), "--published", "2023-11-20"])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]

    def summary(recs: list[dict]) -> list[tuple]:
        return sorted(((r["type"], (r["location"] or {}).get("name"),
                        tuple(sorted((c["category"], c["value"]) for c in r["counts"])))
                       for r in recs if r["record"] == "incident"), key=repr)

    scan_records, text_records = records(scanned), records(typed)
    document = scan_records[0]
    assert document["pages"][0]["method"] == "ocr" and document["pages"][0]["engine"].startswith("tesseract")
    assert summary(scan_records) == summary(text_records)
    for record in scan_records:
        for span in record.get("evidence", []):
            assert document["text"][span["start"]:span["end"]] == span["text"]
            assert span["page"] >= 1 and span["boxes"]
