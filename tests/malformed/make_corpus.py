"""Regenerate tests/malformed/corpus/: small bad inputs, every one written here by us.

Run from the checkout: ``.venv/bin/python tests/malformed/make_corpus.py``.
The files are committed so the tests never depend on this script's libraries
producing identical bytes; rerun it only to change the corpus.
"""

from __future__ import annotations

import io
import random
from email.message import EmailMessage
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"

# Invented sentences (no third-party text).
ACCENTED = ("Le maire de Montréal a déclaré que la réunion à Genève était reportée. "
            "Señora Núñez said the café in São Tomé had reopened.\n")
SMART = ("The committee’s statement – issued on Friday – called the “arbitrary detentions” "
         "unacceptable and pledged €2 million in aid.\n")
REPORT = ("Monitors reported that security forces detained 14 protesters in the market town "
          "on Tuesday. Families said they had not been told where the men were held.")


def make_pdf(text: str | None) -> bytes:
    """A one-page PDF with ``text`` as its text layer, or only a drawn shape when None."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Monitoring note")
    pdf.add_page()
    if text is None:
        pdf.set_fill_color(90, 90, 90)
        pdf.rect(20, 20, 120, 80, style="F")  # a "scan": an image-like page without text
    else:
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def encrypt(data: bytes, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_email(pdf: bytes) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Bulletin desk <desk@example.org>"
    msg["To"] = "archive@example.org"
    msg["Subject"] = "Weekly bulletin: detentions in the market town"
    msg["Date"] = "Tue, 05 Mar 2024 09:30:00 +0000"
    msg["Message-ID"] = "<bulletin-0001@example.org>"
    msg.set_content("Dear colleagues,\n\nThe attached note documents detentions reported this week. "
                    "Monitors said 14 protesters were held without charge.\n\nRegards,\nthe desk\n")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="note.pdf")
    msg.add_attachment("Field notes: curfew extended by two weeks.\n".encode("utf-8"),
                       maintype="text", subtype="plain", filename="field-notes.txt")
    return msg.as_bytes()


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Example monitor feed</title><link>https://monitor.example.org/</link>
<description>Offline example feed with broken entries</description>
<item><title>Detentions in the market town</title><link>story_ok.html</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Fourteen protesters held.</description></item>
<item><title>Curfew extended</title>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
<description>Authorities extended the curfew in the district by two weeks, residents said.</description></item>
<item><title>Clinic closed</title><link>missing_story.html</link>
<pubDate>Thu, 07 Mar 2024 08:00:00 GMT</pubDate>
<description>The only clinic in the camp closed after supplies ran out, aid workers said.</description></item>
<item><title>Statement by the bar association</title><link>story_two.txt</link>
<pubDate>the thirty-second of Marchember</pubDate><description>Lawyers condemned the arrests.</description></item>
</channel></rss>
"""

STORY_OK = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Detentions in the market town</title>
<meta name="date" content="2024-03-05"></head><body><article><h1>Detentions in the market town</h1>
<p>Security forces detained 14 protesters in the market town on Tuesday, monitors said.</p>
<p>Relatives said they had not been told where the men were being held and asked for access to lawyers.</p>
</article></body></html>
"""


def main() -> None:
    rng = random.Random(7)
    CORPUS.mkdir(exist_ok=True)
    (CORPUS / "feed").mkdir(exist_ok=True)
    files = {
        "empty.txt": b"",
        "blank.html": b"   \n\n  ",
        "binary.png": b"\x89PNG\r\n\x1a\n" + rng.randbytes(300),
        "noise.dat": bytes([0, 1, 2, 255]) + rng.randbytes(300),
        "latin1.txt": ACCENTED.encode("latin-1"),
        "cp1252.txt": SMART.encode("cp1252"),
        "utf16.txt": ("\ufeff" + ACCENTED).encode("utf-16-le"),
        "crlf_controls.txt": "First line.\r\nSecond\x07line\x0c.\rThird line.\r\n".encode("utf-8"),
        "no_text.html": (b"<!DOCTYPE html><html><head><title></title><style>p{color:red}</style>"
                         b"<script>document.write('x')</script></head><body><nav><a href='/'>Home</a>"
                         b"</nav><div id='app'></div></body></html>"),
        "report.pdf": make_pdf(REPORT),
        "mislabelled.html": make_pdf(REPORT),
        "image_only.pdf": make_pdf(None),
        "bulletin.eml": make_email(make_pdf(REPORT)),
        "feed/broken_feed.xml": FEED.encode("utf-8"),
        "feed/story_ok.html": STORY_OK.encode("utf-8"),
        "feed/story_two.txt": b"The bar association condemned the arrests of four lawyers in the capital.\n",
    }
    full = make_pdf(REPORT)
    files["truncated.pdf"] = full[: len(full) // 2]
    files["encrypted.pdf"] = encrypt(full, "secret")
    for name, data in files.items():
        (CORPUS / name).write_bytes(data)


if __name__ == "__main__":
    main()
