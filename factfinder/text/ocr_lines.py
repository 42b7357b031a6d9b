"""Text lines of a page image, found by its ink profile, for scripts whose signs Tesseract's layout cuts.

Burmese stacks vowel signs and medials above and below its consonants. Tesseract's page
layout analysis takes those rows of signs for lines of their own (garbage lines of
"၀ ဂ ၈") and splits lines into blocks: our Burmese scans read at a character error rate
of 0.6-0.78 with ``--psm 3``, 0.30 with ``--psm 6``. One line at a time (``--psm 7``)
the same text reads at about 0.02. So for those languages the page is straightened (the
angle within ±2° that makes its row profile sharpest), cut into lines where rows carry
no ink, the fragments of stacked signs joined to the line they are nearer to, and each
line read on its own; word boxes are given back in the page's own pixels.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

# Tesseract language codes read line by line (bench/ocr_scripts.py measures why)
LINE_BY_LINE = frozenset({"mya"})
_INK = 128  # grey level under which a pixel is ink
_ANGLES = [a / 4 for a in range(-8, 9)]  # -2 .. 2 degrees
# Burmese's sentence mark "။" (two upright strokes) is what Tesseract's mya model misreads most:
# as "!", "1", "]" or "#" right after the sentence's last syllable (bench/ocr_scripts.py; every
# error on our scans was one). A mark like that glued to Burmese letters at a word's end is "။".
_MISREAD_SECTION_MARK = re.compile(r"(?<=[\u1000-\u109f])(?:[!\]#1]|[|!]{2})$")


@dataclass(frozen=True, slots=True)
class TextLine:
    top: int
    bottom: int
    paragraph: int  # lines after a gap well above the page's usual one start a new paragraph


def reads_line_by_line(languages: str) -> bool:
    """Whether a page in ``languages`` ("eng+mya") is read one line at a time."""
    return any(code in LINE_BY_LINE for code in languages.split("+"))


def _rows(gray: Any) -> Any:  # numpy array of ink pixels per row
    import numpy as np

    ink = np.asarray(gray) < _INK
    counts = ink.sum(axis=1)
    # speckle of a scan puts a few dark pixels in every row: a row is ink only above that
    return np.where(counts > max(3, gray.width * 0.003), counts, 0)


def skew_angle(gray: PILImage) -> float:
    """The rotation (degrees, PIL's sense) within ±2° after which the text lines lie flat."""
    import numpy as np
    from PIL import Image

    scale = min(1.0, 800 / max(gray.width, 1))
    small = gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale))), Image.Resampling.BILINEAR)

    def sharpness(angle: float) -> float:
        rows = (np.asarray(small.rotate(angle, fillcolor=255, resample=Image.Resampling.NEAREST)) < _INK).sum(axis=1)
        return float(np.square(np.diff(rows.astype(np.int64))).sum())

    return max(_ANGLES, key=lambda a: (sharpness(a), -abs(a)))


def text_lines(gray: PILImage) -> list[TextLine]:
    """The text lines of a straight grey page image, top to bottom."""
    rows = _rows(gray)
    runs: list[list[int]] = []
    y, height = 0, len(rows)
    while y < height:
        if rows[y]:
            start = y
            while y < height and rows[y]:
                y += 1
            runs.append([start, y])
        y += 1
    if not runs:
        return []
    gaps = sorted(b[0] - a[1] for a, b in zip(runs, runs[1:])) or [0]
    heights = sorted(b - a for a, b in runs)
    usual_gap, usual_height = gaps[len(gaps) // 2], heights[len(heights) // 2]
    merged = _join_fragments(runs, usual_gap, usual_height)
    lines: list[TextLine] = []
    paragraph = 0
    for n, (top, bottom) in enumerate(merged):
        if n and top - merged[n - 1][1] > max(2 * usual_gap, usual_height):
            paragraph += 1
        lines.append(TextLine(top, bottom, paragraph))
    return lines


def _join_fragments(runs: list[list[int]], usual_gap: int, usual_height: int) -> list[list[int]]:
    """Runs of ink rows joined into lines: a short run (stacked signs) or a run that nearly touches
    its neighbour goes to the neighbour it is nearer to."""
    merged = [list(r) for r in runs]
    changed = True
    while changed:
        changed = False
        for i, run in enumerate(merged):
            before = run[0] - merged[i - 1][1] if i > 0 else math.inf
            after = merged[i + 1][0] - run[1] if i + 1 < len(merged) else math.inf
            if run[1] - run[0] >= usual_height * 0.5 and min(before, after) >= usual_gap * 0.5:
                continue
            if i > 0 and before <= after:
                merged[i - 1][1] = run[1]
            elif i + 1 < len(merged):
                merged[i + 1][0] = run[0]
            else:
                continue
            del merged[i]
            changed = True
            break
    return merged


def section_mark(word: str) -> str:
    """``word`` with a misread Burmese sentence mark at its end put back as "။"."""
    return _MISREAD_SECTION_MARK.sub("\u104b", word)


def unrotate_box(box: tuple[int, int, int, int], angle: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A box found on the page rotated by ``angle`` (PIL, about its centre), in the unrotated page's pixels."""
    if not angle:
        return box
    cx, cy = size[0] / 2, size[1] / 2
    theta = math.radians(angle)  # PIL turns counter-clockwise; turning back is clockwise in image rows
    cos, sin = math.cos(theta), math.sin(theta)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * cos - dy * sin)
        ys.append(cy + dx * sin + dy * cos)
    width, height = size
    return (max(0, int(min(xs))), max(0, int(min(ys))), min(width, math.ceil(max(xs))), min(height, math.ceil(max(ys))))


def read_lines(image: PILImage, *, languages: str) -> dict[str, list[Any]]:
    """Tesseract's word table (pytesseract's ``image_to_data`` dict) of a page read one line at a time.

    ``block_num`` is the paragraph, ``line_num`` the line; boxes are in ``image``'s pixels.
    """
    import pytesseract
    from PIL import Image

    gray = image.convert("L")
    angle = skew_angle(gray)
    straight = gray.rotate(angle, fillcolor=255, resample=Image.Resampling.BICUBIC) if angle else gray
    lines = text_lines(straight)
    table: dict[str, list[Any]] = {key: [] for key in ("text", "conf", "block_num", "par_num", "line_num",
                                                       "left", "top", "width", "height")}
    if not lines:
        return table
    pad = max(2, sorted(line.bottom - line.top for line in lines)[len(lines) // 2] // 4)
    for number, line in enumerate(lines, 1):
        top = max(0, line.top - pad)
        crop = straight.crop((0, top, straight.width, min(straight.height, line.bottom + pad)))
        crop.format = "PPM"  # uncompressed hand-over, as ocr_image does
        data = pytesseract.image_to_data(crop, lang=languages, output_type=pytesseract.Output.DICT,
                                         config="--psm 7")
        for i, word in enumerate(data["text"]):
            word = section_mark(word) if "mya" in languages.split("+") else word
            box = (data["left"][i], data["top"][i] + top, data["left"][i] + data["width"][i],
                   data["top"][i] + top + data["height"][i])
            left, upper, right, lower = unrotate_box(box, angle, image.size)
            table["text"].append(word)
            table["conf"].append(data["conf"][i])
            table["block_num"].append(line.paragraph + 1)
            table["par_num"].append(1)
            table["line_num"].append(number)
            table["left"].append(left)
            table["top"].append(upper)
            table["width"].append(right - left)
            table["height"].append(lower - upper)
    return table
