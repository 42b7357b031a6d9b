"""Line finding for line-by-line OCR: stacked signs join their line, a tilted page is straightened, boxes map back."""

from __future__ import annotations

from PIL import Image, ImageDraw

from factfinder.text.ocr_lines import reads_line_by_line, section_mark, skew_angle, text_lines, unrotate_box


def _page(lines: list[tuple[int, int]], *, width: int = 1000, height: int = 700) -> Image.Image:
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    for top, bottom in lines:
        draw.rectangle((50, top, width - 50, bottom), fill=0)
    return page


def test_rows_of_stacked_signs_join_the_line_they_are_nearer_to() -> None:
    # three lines of 40 px, 20 px apart; above the third, a 8-px row of signs 3 px over it
    page = _page([(100, 140), (160, 200), (217, 225), (228, 268)])
    assert [(line.top, line.bottom) for line in text_lines(page)] == [(100, 141), (160, 201), (217, 269)]


def test_a_wide_gap_starts_a_new_paragraph() -> None:
    page = _page([(100, 140), (160, 200), (330, 370), (390, 430)])
    assert [line.paragraph for line in text_lines(page)] == [0, 0, 1, 1]


def test_a_tilted_page_is_straightened_before_its_lines_are_cut() -> None:
    page = _page([(100 + 60 * n, 140 + 60 * n) for n in range(8)], height=800).rotate(-1.0, fillcolor=255)
    assert skew_angle(page) == 1.0
    assert len(text_lines(page.rotate(skew_angle(page), fillcolor=255))) == 8


def test_a_box_on_the_straightened_page_maps_back_onto_the_page() -> None:
    assert unrotate_box((10, 20, 110, 60), 0.0, (1000, 800)) == (10, 20, 110, 60)
    left, top, right, bottom = unrotate_box((450, 380, 550, 420), 1.0, (1000, 800))
    assert abs(left - 450) <= 2 and abs(right - 550) <= 2 and abs(top - 380) <= 3 and abs(bottom - 420) <= 3


def test_only_burmese_is_read_line_by_line() -> None:
    assert reads_line_by_line("mya") and reads_line_by_line("eng+mya")
    assert not reads_line_by_line("eng") and not reads_line_by_line("chi_sim")


def test_a_misread_burmese_sentence_mark_is_put_back() -> None:
    # what Tesseract's mya model gave for "။" on our scans (bench/ocr_scripts.py)
    for misread in ("!", "1", "]", "#", "||"):
        assert section_mark("ဖမ်းဆီးခဲ့သည်" + misread) == "ဖမ်းဆီးခဲ့သည်။"
    # a mark only follows Burmese letters: Latin words, lone digits and marks stay as read
    assert section_mark("Yangon!") == "Yangon!" and section_mark("12") == "12" and section_mark("!") == "!"
    assert section_mark("ကျောင်းသား") == "ကျောင်းသား" and section_mark("ပါ။") == "ပါ။"
