"""Plain text: bytes to str with the encoding detected, then offset-safe cleaning.

Order of trust: a byte-order mark, then strict UTF-8, then a Western default
(Windows-1252, which browsers also assume for unlabelled Western pages) when it
yields plausible letters, else charset-normalizer's guess. charset-normalizer
alone misreads short Latin-1 texts as Central European or Baltic code pages,
turning "Müller" into "M³ller"; the Western default avoids that while a real
Cyrillic or CJK encoding is still recognised by the normalizer.
"""

from __future__ import annotations

import re

from factfinder.errors import ExtractionError

_BOM_CODECS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
# Control characters except \t and \n, plus DEL and the C1 range: replaced by spaces.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DEFAULT_LABELS = {"iso-8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}
_WESTERN_PUNCT = set("–—‘’‚“”„•…€£¥§°±·«»¿¡©®™×÷¼½¾ªº\u00a0")


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            return data[len(bom):], codec
    return data, None


def _plausible_western(text: str) -> bool:
    """Most non-ASCII characters are letters or common Western punctuation, and
    accented letters are sparse among plain ones (as in French or Spanish; a
    Cyrillic or Greek code page read as Windows-1252 gives words made only of
    accented letters)."""
    odd = [c for c in text if ord(c) > 127]
    if not odd:
        return True
    good = sum(1 for c in odd if (c.isalpha() and ord(c) < 0x250) or c in _WESTERN_PUNCT)
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in odd if c.isalpha())
    return good / len(odd) >= 0.9 and accented <= 0.25 * max(letters, 1)


def decode_bytes(data: bytes, *, name: str = "the text", declared: str | None = None) -> str:
    """The text of ``data``; raises ExtractionError when it is binary, not text.

    ``declared`` is a charset the transport or the markup named; it wins over
    detection except that valid UTF-8 beats a declared Latin-1/ASCII/1252
    (servers often send that label by default whatever the bytes are).
    """
    body, codec = strip_bom(data)
    if codec is not None:
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            pass
    if declared:
        if declared.lower().replace("_", "-") in _DEFAULT_LABELS:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in data[:8192]:
        raise ExtractionError(f"cannot read {name}: it is a binary file, not text; convert it to text "
                              "and ingest again")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _plausible_western(western):
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    if western is not None:
        return western
    raise ExtractionError(f"cannot read {name}: its character encoding is unknown; re-save it as "
                          "UTF-8 and ingest again")


def replace_controls(text: str) -> str:
    """Control characters other than \\n and \\t become spaces; the length never changes."""
    return _CONTROLS.sub(" ", text)


def normalise_text(text: str) -> str:
    """Newlines as \\n, control characters as spaces: the text every offset points into."""
    return replace_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
