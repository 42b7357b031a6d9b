"""Word (.docx) and OpenDocument (.odt) reports: paragraphs in document order.

NGO reports and bulletins often circulate as word-processor files. Both
formats are ZIP archives of XML; the body text is read with the standard
library and lxml (no office suite), one paragraph per line, tables row by row
as they appear. Headers, footers, comments and tracked deletions are left out:
they are page furniture or not part of the published text. The Author field is
not kept (no person data).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from factfinder.errors import ExtractionError
from factfinder.text.plain import normalise_text
from factfinder.values.isodate import day_of

# lxml.etree._Element: lxml ships no type information, so its elements are Any at this seam.
XmlElement = Any

MAX_PART_BYTES = 200_000_000  # a larger inner XML is a zip bomb, not a report
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


@dataclass(frozen=True)
class OfficeText:
    text: str
    title: str | None = None
    published: str | None = None


def _read_xml(archive: zipfile.ZipFile, part: str, *, name: str) -> XmlElement | None:
    import lxml.etree

    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ExtractionError(f"cannot read {name}: its {part} unpacks to {info.file_size} bytes, too large "
                              "for a report; save it as PDF or text and ingest again")
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=True)
    return lxml.etree.fromstring(archive.read(part), parser=parser)


def _docx_paragraph(p: XmlElement) -> str:
    out: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):  # w:delText (deleted) is not text
        if el.tag == f"{_W}t":
            out.append(el.text or "")
        elif el.tag == f"{_W}tab":
            out.append("\t")
        elif el.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
    return "".join(out)


def _odt_paragraph(el: XmlElement) -> str:
    out: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == f"{_TEXT}s":
            out.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag == f"{_TEXT}tab":
            out.append("\t")
        elif tag == f"{_TEXT}line-break":
            out.append("\n")
        elif tag not in (f"{_TEXT}note", f"{_TEXT}annotation"):
            out.append(_odt_paragraph(child))
        out.append(child.tail or "")
    return "".join(out)


def extract_office(data: bytes, *, name: str, odt: bool) -> OfficeText:
    """Text, title and creation date of a .docx (``odt`` False) or .odt file."""
    import lxml.etree

    kind = "OpenDocument text" if odt else "Word document"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = _read_xml(archive, "content.xml" if odt else "word/document.xml", name=name)
            meta = _read_xml(archive, "meta.xml" if odt else "docProps/core.xml", name=name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, lxml.etree.XMLSyntaxError, EOFError, OSError,
            ValueError, NotImplementedError) as exc:
        raise ExtractionError(f"cannot read {name}: the {kind} is broken ({type(exc).__name__}); re-save "
                              "it and ingest again") from None
    if body is None:
        raise ExtractionError(f"cannot read {name}: the {kind} has no body; re-save it and ingest again")
    if odt:
        paragraphs = [_odt_paragraph(el) for el in body.iter(f"{_TEXT}p", f"{_TEXT}h")
                      if el.getparent() is None or el.getparent().tag not in (f"{_TEXT}p", f"{_TEXT}h")]
    else:
        # a text box holds paragraphs inside a paragraph: read each text once, in the outer one
        paragraphs = [_docx_paragraph(p) for p in body.iter(f"{_W}p")
                      if next(p.iterancestors(f"{_W}p"), None) is None]
    text = normalise_text("\n".join(p for p in paragraphs if p.strip()))
    if not text.strip():
        raise ExtractionError(f"cannot read {name}: the {kind} has no text (only images?); run OCR or copy "
                              "the text out and ingest again")
    title = published = None
    if meta is not None:
        found = meta.find(f".//{_DC}title")
        title = " ".join((found.text or "").split()) or None if found is not None else None
        created = meta.find(f".//{_META}creation-date" if odt else f".//{_DCTERMS}created")
        published = day_of(created.text) if created is not None else None
    return OfficeText(text=text, title=title, published=published)
