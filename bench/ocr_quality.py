"""English OCR quality: character error rate on scans of the seeds and the examples, 150 to 300 dpi.

Every English text of ``../shared/seeds/`` and ``examples/`` (the text files, and the text
of the HTML bulletin and the PDF bulletin as factfinder reads them) is set on A4 pages at
150, 200 and 300 dpi, each resolution in another of Debian's fonts (fonts-dejavu-core:
DejaVu Serif; fonts-noto-core: Noto Sans, Noto Serif), rotated by a random angle within
±1°, speckled and JPEG-compressed (quality 70 to 85), and read back by factfinder's OCR
(``ocr_image``: Tesseract 5, ``eng``, one page at a time). CER is the edit distance over
the text's length, whitespace runs folded, for each text and resolution and over all.
Target (issue 18): English CER <= 0.02.
Run: ``nice .venv/bin/python bench/ocr_quality.py [--shared ../shared]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from scans import FONT, character_error_rate, render_pages  # noqa: E402

NOTO = Path("/usr/share/fonts/truetype/noto")
FONTS = {150: FONT, 200: NOTO / "NotoSans-Regular.ttf", 300: NOTO / "NotoSerif-Regular.ttf"}


def texts(shared: Path) -> dict[str, str]:
    """name -> English text: the seeds (when ``shared`` has them) and the examples."""
    from factfinder.capture.files import capture_path
    from factfinder.text import document_from_capture

    found: dict[str, str] = {}
    seeds = sorted((shared / "seeds").glob("*.txt")) if (shared / "seeds").is_dir() else []
    if not seeds:
        print(f"no seeds under {shared / 'seeds'}: the examples only")
    for path in [*seeds, *sorted((ROOT / "examples").iterdir())]:
        if path.suffix in {".txt", ".html", ".pdf"}:
            document = document_from_capture(capture_path(path))
            if document.language == "en":
                found[path.name] = document.text
    return found


def main() -> None:
    from factfinder.text.ocr import OcrOptions, ocr_image

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    rnd = random.Random(18)
    options = OcrOptions(languages="eng")
    totals: dict[int, list[float]] = {dpi: [0.0, 0.0] for dpi in FONTS}  # errors, characters
    started, pages_read = time.perf_counter(), 0
    for name, text in texts(args.shared).items():
        row = []
        for dpi, font in FONTS.items():
            angle, quality = rnd.uniform(-1.0, 1.0), rnd.randrange(70, 86)
            pages = render_pages(text, dpi=dpi, rotate=angle, noise=0.0008, jpeg_quality=quality,
                                 font_path=font, seed=dpi)
            found = "\n".join(ocr_image(p, number=i + 1, options=options)[0] for i, p in enumerate(pages))
            cer = character_error_rate(found, text)
            length = len(" ".join(text.split()))
            totals[dpi][0] += cer * length
            totals[dpi][1] += length
            pages_read += len(pages)
            row.append(f"{dpi} dpi {font.stem} {angle:+.2f}° q{quality}: {cer:.4f} ({len(pages)} p)")
        print(f"{name:28} " + "; ".join(row), flush=True)
    overall = sum(e for e, _ in totals.values()) / max(sum(n for _, n in totals.values()), 1)
    print("by resolution           " + "; ".join(f"{dpi} dpi {e / max(n, 1):.4f}" for dpi, (e, n) in totals.items()))
    print(f"English CER over all    {overall:.4f} (target <= 0.02); {pages_read} pages in "
          f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
