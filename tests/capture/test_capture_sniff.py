"""Media types come from the content; the name only settles what the bytes leave open."""

from __future__ import annotations

import pytest

from factfinder.capture.sniff import sniff

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title>
<entry><title>Arrests</title><link href="https://example.org/a"/></entry></feed>"""
RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel><title>x</title></channel></rdf:RDF>"""
MAIL = (b"Received: from mx.example.org\r\nFrom: desk@example.org\r\nTo: archive@example.org\r\n"
        b"Subject: bulletin\r\nDate: Tue, 05 Mar 2024 09:30:00 +0000\r\n\r\nBody text.\r\n")


@pytest.mark.parametrize("data, name, expected", [
    (b"<!DOCTYPE html><html><body><p>Text</p></body></html>", "page", "text/html"),
    (b"\xef\xbb\xbf  <html><body>x</body></html>", "download.txt", "text/html"),
    (b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "feed.txt", "application/rss+xml"),
    (ATOM, "updates", "application/atom+xml"),
    (RSS1, "index.rdf", "application/rss+xml"),
    (MAIL, "message", "message/rfc822"),
    (b"Subject only\n\nbody", "note.eml", "message/rfc822"),
    (b"Witnesses said a <p> tag was painted on the wall.", "notes.txt", "text/plain"),
    (b"<p>Short fragment</p>", "fragment.html", "text/html"),
    (b"<?xml version='1.0'?><report><item>Ten people fled.</item></report>", "data.xml", "application/xml"),
    (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "report.html", "application/pdf"),
    (b"plain words only", "", "text/plain"),
])
def test_sniffed_media_type(data, name, expected):
    assert sniff(data, name=name)[0] == expected


def test_declared_html_content_type_is_a_hint():
    assert sniff(b"<div>Body</div>", name="https://example.org/x", declared="text/html; charset=utf-8")[0] == "text/html"


@pytest.mark.parametrize("data, media", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
    (b"II*\x00" + b"\x00" * 20, "image/tiff"),
])
def test_images_are_readable_scans(data, media):
    """Scans and photos of pages are read by OCR (text/ocr.py), not refused."""
    assert sniff(data, name="scan") == (media, None)


@pytest.mark.parametrize("data, label", [
    (b"PK\x03\x04" + b"\x00" * 20, "a ZIP archive (unpack it first)"),
    (b"\x00\x01\x02binary", "a binary file"),
])
def test_unreadable_formats_are_named(data, label):
    assert sniff(data, name="x")[1] == label
