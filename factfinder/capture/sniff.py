"""Media type by content: magic bytes first, then XML/HTML/e-mail shape, the name as a hint.

A file's extension is often wrong (a PDF saved as .html, a feed served as
text/plain), so the bytes decide; the extension only settles cases the bytes
leave open (a text with a stray "<p>" is HTML only if it is called .html).
"""

from __future__ import annotations

import re

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"
EMAIL = "message/rfc822"
RSS = "application/rss+xml"
ATOM = "application/atom+xml"
XML = "application/xml"
BINARY = "application/octet-stream"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
FEED_TYPES = (RSS, ATOM)
# Scans and photos of pages, read by OCR (text/ocr.py).
IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff", "image/gif", "image/webp", "image/bmp")
READABLE_TYPES = (PDF, HTML, TEXT, EMAIL, XML, DOCX, ODT, *IMAGE_TYPES)

# Signatures of formats people drop into an evidence folder by mistake; the
# message names the format so the user knows what to convert.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", PDF, "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "a PNG image"),
    (b"\xff\xd8\xff", "image/jpeg", "a JPEG image"),
    (b"GIF87a", "image/gif", "a GIF image"),
    (b"GIF89a", "image/gif", "a GIF image"),
    (b"II*\x00", "image/tiff", "a TIFF image"),
    (b"MM\x00*", "image/tiff", "a TIFF image"),
    (b"PK\x03\x04", "application/zip", "a ZIP archive (unpack it first)"),
    (b"\x1f\x8b", "application/gzip", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed", "a 7-Zip archive"),
    (b"Rar!", "application/vnd.rar", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "application/x-ole-storage", "an old Office document (.doc/.xls)"),
    (b"ID3", "audio/mpeg", "an MP3 audio file"),
    (b"OggS", "audio/ogg", "an Ogg audio file"),
    (b"fLaC", "audio/flac", "a FLAC audio file"),
    (b"\x00\x00\x00\x18ftyp", "video/mp4", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "video/mp4", "an MP4 video"),
    (b"\x1aE\xdf\xa3", "video/webm", "a WebM/Matroska video"),
    (b"SQLite format 3\x00", "application/vnd.sqlite3", "an SQLite database"),
    (b"\x7fELF", "application/x-executable", "a program"),
)
_RIFF_KINDS = {b"WEBP": ("image/webp", "a WebP image"), b"WAVE": ("audio/wav", "a WAV audio file"),
               b"AVI ": ("video/x-msvideo", "an AVI video")}
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_EXTENSION_HINTS = {
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML, ".php": HTML, ".asp": HTML, ".aspx": HTML,
    ".txt": TEXT, ".text": TEXT, ".md": TEXT, ".csv": TEXT, ".srt": TEXT, ".vtt": TEXT,
    ".eml": EMAIL, ".pdf": PDF, ".rss": RSS, ".atom": ATOM, ".xml": XML,
}
_HEADER_HINTS = {
    "text/html": HTML, "application/xhtml+xml": HTML, "text/plain": TEXT, "application/pdf": PDF,
    "message/rfc822": EMAIL, "application/rss+xml": RSS, "application/atom+xml": ATOM,
}

_XML_PROLOG = re.compile(rb"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>|<\?[^>]*\?>)*", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)([^>]*)>", re.S)
_HTML_START = re.compile(rb"^(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.S | re.I)
_HTML_TAGS = re.compile(rb"<(?:p|div|br|h[1-6]|title|meta|table|span|a\s+href|article|section|ul|li)\b[^>]*>", re.I)
_MAIL_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]", re.M)
_MAIL_KEYS = {b"from", b"to", b"subject", b"date", b"message-id", b"received", b"mime-version",
              b"return-path", b"cc", b"reply-to", b"content-type", b"delivered-to", b"x-mailer"}


def extension_of(name: str) -> str:
    base = name.rsplit("/", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


def _office_type(data: bytes) -> tuple[str, str] | None:
    """Word and OpenDocument text files are ZIP archives with a known inner layout."""
    if data[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument.text" in data[38:100]:
        return ODT, "an OpenDocument text"
    if b"word/document.xml" in data:
        return DOCX, "a Word document"
    if b"ppt/" in data[:65536] or b"xl/workbook" in data:
        return "application/vnd.openxmlformats-officedocument", "a spreadsheet or slide deck"
    return None


def magic_type(data: bytes) -> tuple[str, str] | None:
    """(media type, human name) from a file signature, or None when there is none."""
    if data.startswith(b"PK\x03\x04"):
        office = _office_type(data)
        if office is not None:
            return office
    for sig, media, label in _MAGIC:
        if data.startswith(sig):
            return media, label
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):  # some PDFs carry junk before the header
        return PDF, "a PDF"
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "video/mp4", "an MP4/MOV video"
    return None


# Every byte that is not a control byte (tab, newlines, form feed and escape count as text):
# deleting these with bytes.translate leaves the control bytes, counted in C, not in a Python loop.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the head mean it is not text (UTF-16 with a BOM is text)."""
    head = data[:8192]
    if head.startswith(_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # the bytes left are the control bytes
    return controls > max(4, len(head) // 100)


def _ascii_head(data: bytes) -> bytes:
    """The first few KB with a BOM removed and UTF-16 folded to bytes, for shape tests."""
    head = data[:4096]
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        return head[2:].decode(codec, errors="ignore").encode("ascii", errors="ignore")
    return head


def xml_root(data: bytes) -> tuple[str, str] | None:
    """The root element name (lower case) and its attribute text, when data is XML-shaped."""
    head = _ascii_head(data)
    stripped = _XML_PROLOG.match(head)
    rest = head[stripped.end():] if stripped else head
    if not rest.startswith(b"<"):
        return None
    match = _ROOT.match(rest)
    if not match:
        return None
    return match.group(1).decode("ascii", "replace").lower(), match.group(2).decode("ascii", "replace")


def feed_type(data: bytes) -> str | None:
    """RSS or Atom when the bytes are a feed, by their root element, whatever the name says."""
    root = xml_root(data)
    if root is None:
        return None
    name, attrs = root
    if name == "rss" or (name in ("rdf:rdf", "rdf") and "rss" in attrs.lower()):
        return RSS
    if name == "feed" and ("atom" in attrs.lower() or "xmlns" in attrs.lower()):
        return ATOM
    return None


def looks_like_email(data: bytes) -> bool:
    """An RFC 822 header block: known header names, then a blank line."""
    head = _ascii_head(data)
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    if not block or not _MAIL_HEADER.match(block):
        return False
    keys = {m.group(1).lower() for m in _MAIL_HEADER.finditer(block)}
    return len(keys & _MAIL_KEYS) >= 3 and (b"from" in keys or b"received" in keys)


def sniff(data: bytes, *, name: str = "", declared: str | None = None) -> tuple[str, str | None]:
    """(media type, label) of ``data``; label names an unreadable binary format, else None.

    ``name`` (a file name or URL) and ``declared`` (an HTTP Content-Type) are
    hints used only when the content leaves the choice open.
    """
    magic = magic_type(data)
    if magic is not None:
        return magic[0], None if magic[0] in (PDF, DOCX, ODT, *IMAGE_TYPES) else magic[1]
    if looks_binary(data):
        return BINARY, "a binary file"
    hint = _EXTENSION_HINTS.get(extension_of(name))
    declared_hint = _HEADER_HINTS.get((declared or "").split(";", 1)[0].strip().lower())
    feed = feed_type(data)
    if feed is not None:
        return feed, None
    head = _ascii_head(data)
    if _HTML_START.match(head):
        return HTML, None
    if hint == EMAIL or declared_hint == EMAIL or looks_like_email(data):
        return EMAIL, None
    root = xml_root(data)
    if root is not None and root[0] == "html":
        return HTML, None
    if HTML in (hint, declared_hint) and (_HTML_TAGS.search(head) or not head.strip()):
        return HTML, None
    if root is not None and hint in (XML, None) and declared_hint in (XML, None):
        return XML, None
    if hint is None and declared_hint is None and len(_HTML_TAGS.findall(head)) >= 3:
        return HTML, None  # an unnamed fragment of markup
    return TEXT, None
