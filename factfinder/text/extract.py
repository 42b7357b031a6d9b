"""From a capture's bytes to a Document: one reader per media type, one Document shape.

The Document's text is what every offset of the output contract points into,
so each reader returns it once, already cleaned (\\n newlines, control
characters as spaces), and nothing downstream changes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factfinder.capture.checks import holds_nothing
from factfinder.capture.common import Capture, display_name, sha256_hex
from factfinder.capture.sniff import DOCX, EMAIL, FEED_TYPES, HTML, IMAGE_TYPES, ODT, PDF, TEXT, XML, looks_binary
from factfinder.errors import ExtractionError
from factfinder.model import Document, PageText, Story
from factfinder.text.language import detect_language, language_note
from factfinder.text.ocr import OcrOptions
from factfinder.text.zawgyi import CONVERSION_NOTE, to_unicode
from factfinder.text.plain import decode_bytes, normalise_text, replace_controls
from factfinder.values.isodate import day_of, is_day
from factfinder.values.reading import Reflowed

_CHARSET = re.compile(r"charset\s*=\s*([^;\s]+)", re.I)


@dataclass(frozen=True)
class ExtractedText:
    """What a reader found: the text and whatever metadata the format carries."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None
    pages: tuple[PageText, ...] = ()  # PDF pages and OCR'd images


def _segment(reflowed: Reflowed) -> tuple[Story, ...]:
    """Stories found in the reading text (hard-wrapped lines rebuilt), bounds in the original text."""
    from factfinder.text.stories import segment_stories

    stories = segment_stories(reflowed.text)
    if not reflowed.changed:
        return stories
    return tuple(replace(s, start=reflowed.to_original(s.start),
                         end=reflowed.to_original(s.end - 1) + 1 if s.end > s.start else reflowed.to_original(s.start))
                 for s in stories)


def _declared_charset(headers: tuple[tuple[str, str], ...]) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if the server sent one."""
    for key, value in headers:
        if key.lower() == "content-type":
            match = _CHARSET.search(value)
            if match:
                return match.group(1).strip("'\" ")
    return None


def _xml_text(data: bytes, *, name: str) -> ExtractedText:
    """Generic XML (not a feed): the text of every element, one per line."""
    import lxml.etree

    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except lxml.etree.XMLSyntaxError:
        root = None
    if root is None:
        raise ExtractionError(f"cannot read {name}: it is not well-formed XML; check the file and ingest again")
    lines = (" ".join(t.split()) for t in root.itertext())
    return ExtractedText(text=normalise_text("\n".join(line for line in lines if line)))


def read_capture(capture: Capture, *, ocr: OcrOptions | None = None) -> ExtractedText:
    """The text of a capture by its media type; ExtractionError when there is none to be had.

    Scanned PDF pages and images are read by OCR as ``ocr`` says (default: auto).
    """
    source = capture.source
    name = display_name(source.origin)
    if capture.data is None:
        raise ExtractionError(source.error or f"cannot read {name}: no bytes were captured; capture it again")
    if source.error is not None:
        raise ExtractionError(source.error)
    data = capture.data
    url = source.origin if source.origin.lower().startswith(("http://", "https://")) else None
    media = source.media_type
    if media in FEED_TYPES:
        raise ExtractionError(f"{name} is a news feed: its entries were captured as sources of their own, "
                              "so there is nothing to read in the feed itself")
    if holds_nothing(data):
        raise ExtractionError(f"cannot read {name}: it is empty; check that it was saved or downloaded "
                              "completely and ingest again")
    if media == HTML:
        from factfinder.text.html import extract_html

        page = extract_html(data, name=name, url=url, charset=_declared_charset(source.http_headers))
        return ExtractedText(page.text, page.title, page.published, page.author, page.url or url)
    if media == PDF:
        from factfinder.text.pdf import extract_pdf

        pdf = extract_pdf(data, name=name, ocr=ocr)
        return ExtractedText(pdf.text, pdf.title, pdf.published, pdf.author, url, pdf.pages)
    if media in IMAGE_TYPES:
        from factfinder.text.pdf import extract_image

        scan = extract_image(data, name=name, ocr=ocr)
        return ExtractedText(scan.text, url=url, pages=scan.pages)
    if media == EMAIL:
        from factfinder.text.mail import extract_email

        mail = extract_email(data, name=name)
        return ExtractedText(mail.text, mail.title, mail.published, None, url)
    if media in (DOCX, ODT):
        from factfinder.text.office import extract_office

        office = extract_office(data, name=name, odt=media == ODT)
        return ExtractedText(office.text, office.title, office.published, None, url)
    if media == XML:
        return _xml_text(data, name=name)
    if media == TEXT or media.startswith("text/"):
        if looks_binary(data):
            raise ExtractionError(f"cannot read {name}: it is a binary file, not text; convert it to text "
                                  "and ingest again")
        text = normalise_text(decode_bytes(data, name=name, declared=_declared_charset(source.http_headers)))
        if not text.strip():
            raise ExtractionError(f"cannot read {name}: it holds only whitespace; check the file and "
                                  "ingest again")
        return ExtractedText(text=text, url=url)
    raise ExtractionError(f"cannot read {name}: factfinder does not read {media} files; convert it to text, "
                          "HTML or PDF and ingest again")


def _day(value: str | None) -> str | None:
    return value if is_day(value) else None


def build_document(text: str, *, doc: str, title: str | None = None, published: str | None = None,
                   author: str | None = None, url: str | None = None, id: str | None = None,
                   language: str | None = None) -> Document:
    """A Document with its language (``language``, else detected), its reading text made and its stories segmented."""
    from factfinder.text.reflow import reflow

    reading = reflow(text)
    stories = _segment(reading)
    if language is None:
        language, stories = languages_of(text, stories)
    note = language_note(language)
    return Document(doc=doc, text=text, title=title, published=_day(published), language=language,
                    author=author, url=url, stories=stories, id=id,
                    notes=(note,) if note else (), reading=reading)


def languages_of(text: str, stories: tuple[Story, ...]) -> tuple[str, tuple[Story, ...]]:
    """The document's language, and its stories with theirs where it differs (a digest in two languages).

    A digest's language is the one most of its stories' characters are in.
    """
    if len(stories) < 2:
        return detect_language(text), stories
    own = [detect_language(text[s.start:s.end]) for s in stories]
    size: dict[str, int] = {}
    for story, code in zip(stories, own):
        if code != "und":
            size[code] = size.get(code, 0) + story.end - story.start
    language = max(size, key=lambda code: size[code]) if size else detect_language(text)
    return language, tuple(replace(s, language=code) if code not in (language, "und") else s
                           for s, code in zip(stories, own))


def document_from_capture(capture: Capture, *, ocr: OcrOptions | None = None,
                          language: str | None = None) -> Document:
    """The Document of a readable capture; ``doc`` is the sha256 of its original bytes.

    ``language`` (``--lang``) is taken as the document's language instead of detecting it.

    Raises ExtractionError (message says what to do) when no text can be had:
    an error capture, a feed, an empty page, a scan with OCR off.
    """
    found = read_capture(capture, ocr=ocr)
    text, converted = (found.text, 0) if found.pages else to_unicode(found.text)
    document = build_document(text, doc=capture.source.sha256, title=found.title,
                              published=found.published, author=found.author, url=found.url, language=language)
    if converted:
        document = replace(document, notes=(*document.notes, CONVERSION_NOTE.format(lines=converted)))
    return replace(document, pages=found.pages) if found.pages else document


def document_from_text(text: str, *, published: str | None = None, id: str | None = None,
                       title: str | None = None, url: str | None = None) -> Document:
    """A Document of text given directly (a --jsonl line); ``doc`` is the sha256 of it as UTF-8.

    The text is kept at its exact length, so offsets a caller computed on it
    stay valid: control characters become spaces, newlines are not rewritten.
    """
    if not isinstance(text, str):
        raise ExtractionError("the text must be a string; check the input line")
    doc = sha256_hex(text.encode("utf-8", errors="surrogatepass"))
    if published is not None:
        published = published.strip() or None  # an empty field means "not known"
    if published is not None:
        day = day_of(published)  # a full timestamp keeps its day
        if day is None:
            raise ExtractionError(f"published date {published!r} is not YYYY-MM-DD; fix it or leave it out")
        published = day
    return build_document(replace_controls(text), doc=doc, title=title, published=published, url=url, id=id)
