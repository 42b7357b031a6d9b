"""Scans made for the tests: text rendered to page images as a scanner or a phone would give them.

Fonts come from Debian's fonts-dejavu-core (installed by `make test`); pages are
A4 at the given resolution, optionally rotated, speckled and JPEG-compressed.
"""

from __future__ import annotations

import io
import random
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
# Debian's fonts-noto-core and fonts-noto-cjk (in the Makefile's SYSTEM_PACKAGES), for Burmese and Chinese scans
NOTO_MYANMAR = Path("/usr/share/fonts/truetype/noto/NotoSansMyanmar-Regular.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def render_pages(text: str, *, dpi: int = 200, rotate: float = 0.0, noise: float = 0.0,
                 jpeg_quality: int | None = None, width_chars: int = 80, seed: int = 1,
                 font_path: Path | None = None, leading_factor: float = 1.4) -> list[Image.Image]:
    """``text`` set in 11-point type on as many A4 pages as it needs.

    With ``font_path`` (a Burmese or Chinese font), lines are filled to the text width
    by measure, breaking at spaces or, in unspaced Chinese, between any two characters.
    """
    size = int(11 * dpi / 72)
    font = ImageFont.truetype(str(font_path or FONT), size)
    width, height, margin, leading = int(8.27 * dpi), int(11.69 * dpi), int(0.8 * dpi), int(size * leading_factor)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if font_path is None:
            lines.extend(textwrap.wrap(paragraph, width_chars) or [""])
        else:
            lines.extend(_fill(paragraph, font, width - 2 * margin) or [""])
    pages: list[Image.Image] = []
    page, y = Image.new("L", (width, height), 255), margin
    for line in lines:
        if y + leading > height - margin:
            pages.append(page)
            page, y = Image.new("L", (width, height), 255), margin
        ImageDraw.Draw(page).text((margin, y), line, font=font, fill=0)
        y += leading
    pages.append(page)
    rnd = random.Random(seed)
    out = []
    for page in pages:
        if rotate:
            page = page.rotate(rotate, fillcolor=255, resample=Image.BICUBIC)
        if noise:
            pixels = page.load()
            for _ in range(int(noise * page.width * page.height)):
                pixels[rnd.randrange(page.width), rnd.randrange(page.height)] = rnd.choice((0, 255))
        if jpeg_quality:
            buffer = io.BytesIO()
            page.save(buffer, "JPEG", quality=jpeg_quality)
            page = Image.open(io.BytesIO(buffer.getvalue()))
        out.append(page)
    return out


def _fill(paragraph: str, font: ImageFont.FreeTypeFont, room: float) -> list[str]:
    """Lines of ``paragraph`` that fit ``room`` pixels: break at a space, else (Chinese) at any character."""
    lines: list[str] = []
    line = ""
    pieces = paragraph.split(" ") if " " in paragraph else list(paragraph)
    joiner = " " if " " in paragraph else ""
    for piece in pieces:
        candidate = f"{line}{joiner}{piece}" if line else piece
        if line and font.getlength(candidate) > room:
            lines.append(line)
            line = piece
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def image_bytes(page: Image.Image, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    page.save(buffer, fmt)
    return buffer.getvalue()


def scanned_pdf(pages: list[Image.Image], *, dpi: int = 200) -> bytes:
    """A PDF whose pages are only images, as a scanner makes them (no text layer)."""
    buffer = io.BytesIO()
    first, *rest = [p.convert("RGB") for p in pages]
    first.save(buffer, "PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return buffer.getvalue()


def character_error_rate(found: str, expected: str) -> float:
    """Edit distance over the length of the expected text, whitespace runs folded."""
    from rapidfuzz.distance import Levenshtein

    found, expected = " ".join(found.split()), " ".join(expected.split())
    return Levenshtein.distance(found, expected) / max(len(expected), 1)
