"""document_from_capture / document_from_text on plain text, HTML, PDF and e-mail."""

from __future__ import annotations

import hashlib
import io
from email.message import EmailMessage

import pytest

from factfinder.capture import capture_inputs
from factfinder.capture.common import make_capture
from factfinder.capture.sniff import sniff
from factfinder.errors import ExtractionError
from factfinder.text import document_from_capture, document_from_text

from conftest import SEED_DIGEST, SEED_RADIO


def capture_of(data: bytes, name: str):
    media, _ = sniff(data, name=name)
    return make_capture(data, origin=f"/evidence/{name}", media_type=media)


def make_pdf(pages: list[str], *, title: str = "Situation report") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_creation_date(__import__("datetime").datetime(2023, 11, 20, 9, 0))
    for text in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


# --- plain text ----------------------------------------------------------


@pytest.mark.parametrize("path", [SEED_DIGEST, SEED_RADIO])
def test_seed_text_is_returned_unchanged(seeds_dir, path):
    (cap,) = list(capture_inputs([str(path)], settings={}))
    doc = document_from_capture(cap)
    original = path.read_bytes()
    assert doc.text == original.decode("utf-8")
    assert doc.doc == hashlib.sha256(original).hexdigest() == cap.source.sha256
    assert doc.language == "en" and doc.notes == ()
    assert doc.stories and doc.stories[0].start == 0


def test_text_with_bom_and_crlf():
    doc = document_from_capture(capture_of("\ufeffLine one.\r\nLine two.\r\n".encode("utf-8"), "a.txt"))
    assert doc.text == "Line one.\nLine two.\n"


@pytest.mark.parametrize("text, codec", [
    ("Полиция задержала двенадцать студентов после протеста в центре города.", "cp1251"),
    ("Η αστυνομία συνέλαβε δώδεκα φοιτητές μετά τη διαμαρτυρία στο κέντρο.", "cp1253"),
    ("Müller sagte, die Behörden hätten über dreißig Menschen festgenommen.", "latin-1"),
])
def test_legacy_code_pages_decode(text, codec):
    doc = document_from_capture(capture_of(text.encode(codec), "legacy.txt"))
    assert doc.text == text


def test_binary_text_is_rejected():
    cap = make_capture(b"abc\x00\x01\x02" * 50, origin="/evidence/x.txt", media_type="text/plain")
    with pytest.raises(ExtractionError, match="binary"):
        document_from_capture(cap)


def test_error_capture_is_not_read():
    cap = make_capture(b"partial", origin="https://example.org/a", media_type="text/plain",
                       error="cannot capture https://example.org/a: HTTP 404")
    with pytest.raises(ExtractionError, match="HTTP 404"):
        document_from_capture(cap)


# --- document_from_text ----------------------------------------------------


def test_document_from_text_keeps_offsets():
    text = "Ten people were arrested.\r\nA\x00B\tC\x1b"
    doc = document_from_text(text, published="2023-11-20", id="line-7", title="T", url="https://e.org/x")
    assert len(doc.text) == len(text)
    assert doc.text == "Ten people were arrested. \nA B\tC "
    assert doc.doc == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert (doc.published, doc.id, doc.title, doc.url) == ("2023-11-20", "line-7", "T", "https://e.org/x")


def test_document_from_text_dates():
    assert document_from_text("Some text.", published="").published is None
    assert document_from_text("Some text.", published="2023-11-20T08:30:00Z").published == "2023-11-20"


def test_document_from_text_rejects_a_bad_date():
    with pytest.raises(ExtractionError, match="YYYY-MM-DD"):
        document_from_text("Some text.", published="20/11/2023")


# --- HTML -------------------------------------------------------------------


def test_html_article_with_metadata():
    page = """<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>Site | Floods displace families</title>
<meta property="og:title" content="Floods displace families">
<meta name="author" content="Desk Reporter">
<meta property="article:published_time" content="2023-08-14T10:00:00+00:00">
<link rel="canonical" href="https://news.example.org/floods"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav><main><article>
<h1>Floods displace families</h1>
<p>About 3,000 families left their homes in the lower valley after the river burst its banks, the regional
authority said on Monday.</p>
<p>Shelters in the district capital were full, and aid workers said clean water was running short in the
camps near Léré.</p></article></main><footer>Contact us</footer></body></html>""".encode("latin-1")
    doc = document_from_capture(capture_of(page, "floods.html"))
    assert doc.title == "Floods displace families"
    assert doc.published == "2023-08-14"
    assert doc.url == "https://news.example.org/floods"
    assert "About 3,000 families left their homes" in doc.text
    assert "camps near Léré." in doc.text
    assert "\n" in doc.text  # paragraphs stay apart
    assert "Contact us" not in doc.text and "Home" not in doc.text


def test_digest_page_falls_back_to_block_text():
    items = [("Protest in the capital", "Hundreds of workers rallied outside the ministry to demand unpaid wages."),
             ("Reporter detained", "Police held a reporter overnight after he filmed the flooded districts."),
             ("Camp water shortage", "Aid groups warned that water in the camp would run out within a week."),
             ("Court hearing delayed", "The trial of six activists was postponed for the third time.")]
    # linked item headings: trafilatura alone keeps only the first of them
    body = "".join(f"<article><h2><a href='/news/{i}'>{h}</a></h2><p>{p}</p></article>"
                   for i, (h, p) in enumerate(items))
    page = f"<html><head><title>Daily digest</title></head><body>{body}</body></html>".encode()
    doc = document_from_capture(capture_of(page, "digest.html"))
    for heading, paragraph in items:
        assert heading in doc.text and paragraph in doc.text
    assert doc.text.splitlines()[:4] == [items[0][0], items[0][1], items[1][0], items[1][1]]


def test_xhtml_page_with_an_xml_declaration_is_read():
    # lxml refuses a str that declares its encoding; such pages used to be rejected as unparseable
    page = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Checkpoint closures | Field Monitor</title>
<meta property="article:published_time" content="2022-03-09T07:30:00Z" /></head>
<body><div class="menu"><a href="/">Home</a></div><div class="story">
<h1>Checkpoint closures</h1>
<p>Troops closed three checkpoints on the northern road on Tuesday, stranding trucks carrying flour for the
valley's bakeries, drivers said.</p>
<p>Traders in the market town said the price of bread had doubled by the evening.</p></div></body></html>
""".encode("utf-8")
    doc = document_from_capture(capture_of(page, "closures.xhtml"))
    assert "Troops closed three checkpoints on the northern road" in doc.text
    assert "price of bread had doubled" in doc.text
    assert doc.published == "2022-03-09"
    assert doc.title == "Checkpoint closures"


def test_html_fragment_without_html_root_uses_block_text():
    # no <html> in the first bytes: trafilatura rejects it, the page's own blocks are the text
    page = ("<p>Militia fighters burned the grain store in the river village on Friday, elders said.</p>"
            "<p>Forty families left for the district town the next morning.</p>").encode()
    doc = document_from_capture(make_capture(page, origin="/evidence/note.html", media_type="text/html"))
    assert doc.text.splitlines() == ["Militia fighters burned the grain store in the river village on Friday, "
                                     "elders said.", "Forty families left for the district town the next morning."]


def test_html_without_text_raises():
    page = b"<html><head><script>load()</script></head><body><div id='root'></div></body></html>"
    with pytest.raises(ExtractionError, match="no text"):
        document_from_capture(capture_of(page, "app.html"))


# --- PDF --------------------------------------------------------------------


def test_pdf_pages_joined_with_blank_line():
    data = make_pdf(["Page one tells of the arrests in the port city.",
                     "Page two lists the names of the detention centres."])
    doc = document_from_capture(capture_of(data, "report.pdf"))
    first, second = doc.text.split("\n\n")
    assert "arrests in the port city" in first and "detention centres" in second
    assert doc.title == "Situation report" and doc.published == "2023-11-20"


def test_pdf_with_owner_password_only_is_read():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Curfew imposed in three districts."]))))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    (cap,) = [make_capture(out.getvalue(), origin="/e/locked.pdf", media_type="application/pdf")]
    assert "Curfew imposed" in document_from_capture(cap).text


# --- e-mail -----------------------------------------------------------------


def test_html_only_email_goes_through_the_html_reader():
    msg = EmailMessage()
    msg["From"] = "alerts@example.org"
    msg["To"] = "desk@example.org"
    msg["Subject"] = "Alert: checkpoint closed"
    msg["Date"] = "Mon, 20 Nov 2023 06:00:00 +0200"
    msg.set_content("<html><body><p>The northern checkpoint was closed to aid trucks on Sunday, "
                    "drivers said.</p></body></html>", subtype="html")
    doc = document_from_capture(capture_of(msg.as_bytes(), "alert.eml"))
    assert doc.title == "Alert: checkpoint closed" and doc.published == "2023-11-20"
    assert "northern checkpoint was closed to aid trucks" in doc.text
    assert "<p>" not in doc.text


def test_email_with_undeclared_latin1_body():
    raw = ("From: a@example.org\r\nTo: b@example.org\r\nSubject: Note\r\n"
           "Date: Mon, 20 Nov 2023 06:00:00 +0000\r\n\r\n"
           "Les habitants de Béni ont fui vers la forêt après l'attaque.\r\n").encode("latin-1")
    doc = document_from_capture(capture_of(raw, "note.eml"))
    assert doc.text == "Les habitants de Béni ont fui vers la forêt après l'attaque.\n"


# --- language ---------------------------------------------------------------


def test_non_english_text_is_kept_with_a_note():
    text = ("Selon les témoins, les forces de sécurité ont arrêté plus de cent personnes dans la ville "
            "après les manifestations de la semaine dernière, et les familles sont sans nouvelles.")
    doc = document_from_text(text)
    assert doc.language == "fr"
    assert doc.text == text
    assert doc.notes == ("language 'fr' is not supported yet; the document is kept but no incidents are extracted",)


def test_other_scripts_get_a_best_guess():
    assert document_from_text("警方在抗议活动后拘留了十二名学生。").language == "zh"
    assert document_from_text("Полиция задержала двенадцать студентов после протеста.").language == "ru"


def test_short_english_headline_is_english():
    assert document_from_text("Three killed in Kabul blast").language == "en"


def test_english_list_of_names_stays_english_and_unknown_language_is_und():
    names = ("Casualties: Ahmad Karimi, Farid Noori, Jamal Haidari, Wali Sherzad, Nasir Popal, Omar Hotak, "
             "Khalid Ahmadzai, Sami Rahimi, Ali Jan, Rahim Gul, Baz Mohammad, Nur Ahmad, killed in the attack.")
    assert document_from_text(names).language == "en"
    somali = ("Dhowr qof ayaa ku dhintay weerar lagu qaaday suuqa magaalada, sida ay sheegeen saraakiisha "
              "amniga iyo dadka deegaanka ku nool oo la hadlay warbaahinta maxalliga ah.")
    doc = document_from_text(somali)
    assert doc.language == "und" and "language 'und' is not supported yet" in doc.notes[0]


def test_http_charset_decides_over_detection():
    body = "<html><body><p>Les réfugiés ont quitté la ville de Béni à l’aube, ont dit des témoins sur place.</p></body></html>"
    cap = make_capture(body.encode("cp1252"), origin="https://news.example.org/x", media_type="text/html",
                       http_status=200, http_headers=(("Content-Type", "text/html; charset=windows-1252"),))
    assert "réfugiés ont quitté la ville de Béni à l’aube" in document_from_capture(cap).text
    text = "Лагерь беженцев переполнен, сообщили местные волонтёры."
    cap = make_capture(text.encode("koi8-r"), origin="https://news.example.org/y", media_type="text/plain",
                       http_status=200, http_headers=(("content-type", 'text/plain; charset="koi8-r"'),))
    assert document_from_capture(cap).text == text


def test_utf8_body_under_a_default_latin1_label():
    text = "Les réfugiés sont arrivés à Goma."
    cap = make_capture(text.encode("utf-8"), origin="https://e.org/z", media_type="text/plain",
                       http_headers=(("Content-Type", "text/plain; charset=ISO-8859-1"),))
    assert document_from_capture(cap).text == text


# --- Burmese in Zawgyi --------------------------------------------------------

ZAWGYI_LINE = "ျမန္မာႏိုင္ငံ"  # "Myanmar (the country)" typed in the Zawgyi font encoding
UNICODE_LINE = "မြန်မာနိုင်ငံ"


def test_zawgyi_burmese_is_converted_to_unicode_and_the_conversion_noted():
    data = f"{ZAWGYI_LINE}\n{UNICODE_LINE}\n".encode("utf-8")
    doc = document_from_capture(capture_of(data, "post.txt"))
    assert doc.text.split("\n")[:2] == [UNICODE_LINE, UNICODE_LINE]
    assert any("Zawgyi" in note and "1 lines" in note for note in doc.notes)
    assert doc.language == "my"


def test_unicode_burmese_is_left_as_it_is():
    from factfinder.text.zawgyi import zawgyi_probability

    assert zawgyi_probability(ZAWGYI_LINE) > 0.95 > zawgyi_probability(UNICODE_LINE)
    doc = document_from_capture(capture_of(f"{UNICODE_LINE}\n".encode("utf-8"), "post.txt"))
    assert doc.text == f"{UNICODE_LINE}\n" and not any("Zawgyi" in n for n in doc.notes)
