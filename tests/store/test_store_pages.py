"""Page layout in the store (schema step 9): each page's provenance and OCR word boxes survive a round trip."""

from __future__ import annotations

from factfinder.model import Document, OcrWord, PageText
from factfinder.store import Store

TEXT = "Police detained twelve students.\n\nThe court adjourned."


def test_pages_and_word_boxes_are_stored_and_read_back():
    words = (OcrWord(0, 6, (120, 300, 260, 340), 96.5), OcrWord(7, 15, (275, 300, 450, 341), 91.0))
    pages = (PageText(1, 0, 32, "ocr", "tesseract 5.3.0", "eng", 93.75, 1654, 2339, 200, words),
             PageText(2, 34, len(TEXT), "text-layer"))
    document = Document(doc="a" * 64, text=TEXT, pages=pages)
    with Store.open(":memory:") as store:
        store.add_document(document, None)
        assert store.get_document(document.doc).pages == pages
        assert store.get_document(document.doc).pages[0].boxes(0, 15) == (words[0].box, words[1].box)
        store.conn.execute("DELETE FROM documents")  # the pages go with their document
        assert store.conn.execute("SELECT count(*) FROM document_pages").fetchone()[0] == 0
