"""OCR quality in Burmese and Chinese: character error rate on scans of our own texts.

The texts are our own sentences (tests/scripts_corpus.py: a report of arrests, an air
strike, burned houses; written for the project, not copied). Each is set in Debian's Noto fonts
(fonts-noto-core: Noto Sans Myanmar; fonts-noto-cjk: Noto Sans CJK), rendered as
A4 page images at 150, 200 and 300 dpi, clean and as a scanner gives them
(rotated 0.5 degree, speckled, JPEG quality 75), and read by factfinder's OCR
(Tesseract 5, ``mya`` and ``chi_sim``; Burmese line by line, text/ocr_lines.py) and,
for Burmese, by Tesseract's own page layout (``--psm 3``, what factfinder did
before) in the same run; and a full A4 page of Burmese (the report six times over) at
200 dpi. CER is the edit distance over the text's length,
whitespace ignored for Chinese (Tesseract puts spaces between CJK characters) and
folded for Burmese. Run: ``nice .venv/bin/python bench/ocr_scripts.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from scans import NOTO_CJK, NOTO_MYANMAR, character_error_rate, render_pages  # noqa: E402
from scripts_corpus import BURMESE_REPORT as BURMESE, CHINESE_NOTICE as CHINESE  # noqa: E402

# name -> (text, font, Tesseract language, CJK, resolutions); the full page is the report six times
# over (18 paragraphs, an A4 page to its bottom margin), read at 200 dpi only
SCRIPTS = {"Burmese (mya)": (BURMESE, NOTO_MYANMAR, "mya", False, (150, 200, 300)),
           "Burmese full page": (BURMESE * 6, NOTO_MYANMAR, "mya", False, (200,)),
           "Chinese (chi_sim)": (CHINESE, NOTO_CJK, "chi_sim", True, (150, 200, 300))}


def cer(found: str, expected: str, *, drop_spaces: bool) -> float:
    if drop_spaces:
        found, expected = "".join(found.split()), "".join(expected.split())
    return character_error_rate(found, expected)


def page_layout(pages: list, lang: str) -> str:
    """The baseline: Tesseract's own page layout analysis (--psm 3) on each page."""
    import pytesseract

    return "\n".join(pytesseract.image_to_string(p, lang=lang, config="--psm 3") for p in pages)


def main() -> None:
    from factfinder.text.ocr import OcrOptions, ocr_image
    from factfinder.text.ocr_lines import reads_line_by_line

    for name, (text, font, lang, cjk, resolutions) in SCRIPTS.items():
        for dpi in resolutions:
            for label, kw in (("clean", {}), ("scanned", {"rotate": 0.5, "noise": 0.0005, "jpeg_quality": 75})):
                pages = render_pages(text, dpi=dpi, font_path=font, leading_factor=2.0, **kw)
                started = time.perf_counter()
                found = "\n".join(ocr_image(p, number=i + 1, options=OcrOptions(languages=lang))[0]
                                  for i, p in enumerate(pages))
                line = (f"{name:18} {dpi} dpi {label:8} CER {cer(found, text, drop_spaces=cjk):.3f}"
                        f"  ({len(pages)} page(s), {time.perf_counter() - started:.1f} s)")
                if reads_line_by_line(lang) and len(resolutions) > 1:
                    line += f"   page layout (--psm 3) CER {cer(page_layout(pages, lang), text, drop_spaces=cjk):.3f}"
                print(line, flush=True)


if __name__ == "__main__":
    main()
