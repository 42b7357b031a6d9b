"""Word and OpenDocument reports: paragraphs in order, tables, title and date, broken files."""

from __future__ import annotations

import io
import zipfile

import pytest

from factfinder.capture.files import capture_bytes
from factfinder.errors import ExtractionError
from factfinder.text import document_from_capture

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(body: str, *, title: str = "Monthly monitoring report") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
        z.writestr("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.'
                   'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/'
                   '1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>' + title + '</dc:title>'
                   '<dc:creator>Someone</dc:creator><dcterms:created>2024-04-02T10:00:00Z</dcterms:created>'
                   '</cp:coreProperties>')
    return out.getvalue()


def make_odt(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:'
                   'tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                   f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
        z.writestr("meta.xml", '<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:'
                   'opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Field note</dc:title>'
                   '<meta:creation-date>2024-05-06T08:00:00</meta:creation-date></office:meta></office:document-meta>')
    return out.getvalue()


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def test_docx_paragraphs_tables_and_metadata():
    body = (p("Arrests in the northern district") + p("Police detained 23 students on 1 April, relatives said.")
            + "<w:tbl><w:tr><w:tc>" + p("Town") + "</w:tc><w:tc>" + p("Detained") + "</w:tc></w:tr></w:tbl>"
            + "<w:p><w:r><w:t>Split </w:t></w:r><w:r><w:t>run</w:t><w:tab/><w:t>after tab</w:t></w:r>"
            + "<w:r><w:delText>deleted words</w:delText></w:r></w:p>")
    cap = capture_bytes(make_docx(body), origin="/reports/april.docx")
    assert cap.source.media_type.endswith("wordprocessingml.document") and cap.ok
    doc = document_from_capture(cap)
    assert doc.text == ("Arrests in the northern district\nPolice detained 23 students on 1 April, relatives said.\n"
                        "Town\nDetained\nSplit run\tafter tab")
    assert doc.title == "Monthly monitoring report" and doc.published == "2024-04-02"
    assert doc.author is None


def test_odt_paragraphs_spaces_and_headings():
    body = ('<text:h>Curfew</text:h><text:p>Authorities extended the curfew<text:s text:c="2"/>by two weeks.'
            '<text:line-break/>Shops must close at six.</text:p><text:p><text:span>Residents</text:span> said '
            'patrols had increased.</text:p>')
    doc = document_from_capture(capture_bytes(make_odt(body), origin="/reports/note.odt"))
    assert doc.text == ("Curfew\nAuthorities extended the curfew  by two weeks.\nShops must close at six.\n"
                        "Residents said patrols had increased.")
    assert doc.title == "Field note" and doc.published == "2024-05-06"


@pytest.mark.parametrize("data, phrase", [
    (make_docx(p("Some text about the flood."))[:200], "broken"),
    (make_docx("<w:p><w:r><w:drawing/></w:r></w:p>"), "has no text"),
])
def test_broken_or_empty_office_files(data, phrase):
    cap = capture_bytes(data, origin="/reports/bad.docx")
    with pytest.raises(ExtractionError, match=phrase):
        document_from_capture(cap)
