"""Text-stage speed per format against the bare library doing the same reading, in one run.

HTML: ``document_from_capture`` vs ``trafilatura.extract``; PDF: vs pypdf's
``extract_text`` over every page; plain text: vs ``bytes.decode``. Story
segmentation (factfinder.text.stories) and the language check are included in
ours, so the figures show what a document costs before extraction. Pages are
generated from our own templates (bench/ingest.py). Target: HTML and PDF at
most 1.5x the bare library.
Run: ``.venv/bin/python bench/text_extract.py [--docs N]``.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import _paragraph, page  # noqa: E402  (a sibling bench script, not a package)

TARGET_RATIO = 1.5


def make_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for chunk in text.split("\n\n"):
        pdf.add_page()
        pdf.multi_cell(0, 6, chunk)
    return bytes(pdf.output())


def timed(func, items) -> float:
    start = time.perf_counter()
    for item in items:
        func(item)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()

    import trafilatura
    from pypdf import PdfReader

    from factfinder.capture.common import make_capture
    from factfinder.text import document_from_capture

    rng = random.Random(20231120)
    html = [page(i, rng).encode("utf-8") for i in range(args.docs)]
    texts = ["\n\n".join(_paragraph(rng) for _ in range(8)).encode("utf-8") for _ in range(args.docs)]
    pdfs = [make_pdf(t.decode("utf-8")) for t in texts[: max(20, args.docs // 4)]]

    cases = {
        "html": ([make_capture(d, origin=f"/b/{i}.html", media_type="text/html") for i, d in enumerate(html)],
                 html, lambda d: trafilatura.extract(d.decode("utf-8"))),
        "pdf": ([make_capture(d, origin=f"/b/{i}.pdf", media_type="application/pdf") for i, d in enumerate(pdfs)],
                pdfs, lambda d: [p.extract_text() for p in PdfReader(io.BytesIO(d)).pages]),
        "text": ([make_capture(d, origin=f"/b/{i}.txt", media_type="text/plain") for i, d in enumerate(texts)],
                 texts, lambda d: d.decode("utf-8")),
    }
    over = False
    for name, (captures, raw, bare) in cases.items():
        timed(document_from_capture, captures[:5])  # warm imports and caches on both sides
        timed(bare, raw[:5])
        t_bare = timed(bare, raw)
        t_ours = timed(document_from_capture, captures)
        ratio = t_ours / t_bare
        line = (f"{name:5} n={len(captures):4}  bare {len(raw) / t_bare:9.1f} docs/s   "
                f"document_from_capture {len(captures) / t_ours:8.1f} docs/s   ratio {ratio:6.2f}x")
        if name != "text":
            verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
            over = over or ratio > TARGET_RATIO
            line += f"  (target <= {TARGET_RATIO}x) {verdict}"
        print(line)
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
